#include "framelogfile.h"

#include "framelogreader.h"
#include "framelogvalues.h"
#include "harwriter.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace {

const char *const kindNames[] = {"in",         "out",          "opened",       "closed",
                                 "registered", "unregistered", "room-created", "room-removed"};
const char *const outcomeNames[] = {
    "", "done", "partly-delivered", "skipped-unknown-id", "dropped-answer", "rejected", "ignored"};
const char *const closeReasonNames[] = {"",
                                        "client-closed",
                                        "server-stopping",
                                        "closed-by-user",
                                        "slow-consumer",
                                        "message-too-big",
                                        "invalid-utf8",
                                        "ping-timeout",
                                        "token-refused",
                                        "origin-refused",
                                        "too-many-connections",
                                        "protocol-error",
                                        "handshake-refused",
                                        "handshake-timeout",
                                        "connection-lost",
                                        "closed-by-rule"};

// The names are the file format: one per enum value, in order.
static_assert(std::size(kindNames) == size_t(BrokerEvent::Kind::RoomRemoved) + 1);
static_assert(std::size(outcomeNames) == size_t(BrokerEvent::Outcome::Ignored) + 1);
static_assert(std::size(closeReasonNames) == size_t(CloseReasonCount));

template <typename Enum, size_t N>
Enum enumFromName(const char *const (&names)[N], const QString &name, Enum fallback) {
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1StringView(names[i]))
            return Enum(i);
    }
    return fallback;
}

FrameAction actionFromName(const QString &name) {
    for (int a = int(FrameAction::Register); a <= int(FrameAction::Error); ++a) {
        if (name == QLatin1StringView(FrameCodec::actionName(FrameAction(a))))
            return FrameAction(a);
    }
    return FrameAction::None;
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool writeHar(QIODevice *device, const BrokerEventList &events, const QUrl &brokerUrl) {
    // One HAR entry per connection, in order of first appearance. A connection is its broker
    // run and number: numbers start again at 1 after a restart.
    using Connection = std::pair<quint64, quint64>;
    QMap<Connection, QList<qsizetype>> frames;
    QMap<Connection, qsizetype> first;
    QMap<Connection, QByteArray> clientIds; // the last id it registered with
    QList<Connection> order;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const BrokerEvent &e = events.at(i);
        const Connection key{e.session, e.connectionId};
        if (!first.contains(key)) {
            first.insert(key, i);
            order.append(key);
        }
        if (!e.clientId.isEmpty())
            clientIds.insert(key, e.clientId);
        if (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut)
            frames[key].append(i);
    }
    HarWriter har(device, brokerUrl);
    bool ok = har.begin();
    for (const Connection &id : order) {
        if (!ok || !frames.contains(id))
            continue;
        ok = har.beginEntry(events.at(first.value(id)), clientIds.value(id));
        for (qsizetype i : frames.value(id))
            ok = ok && har.message(events.at(i));
        ok = ok && har.endEntry();
    }
    return ok && har.finish();
}

} // namespace

QString FrameLogFile::kindName(BrokerEvent::Kind kind) {
    return QLatin1StringView(kindNames[int(kind)]);
}

QString FrameLogFile::outcomeName(BrokerEvent::Outcome outcome) {
    return QLatin1StringView(outcomeNames[int(outcome)]);
}

QString FrameLogFile::closeReasonName(CloseReason reason) {
    return QLatin1StringView(closeReasonNames[int(reason)]);
}

QByteArray FrameLogFile::toJsonLine(const BrokerEvent &e) {
    return QJsonDocument(toJsonObject(e)).toJson(QJsonDocument::Compact);
}

QJsonObject FrameLogFile::toJsonObject(const BrokerEvent &e) {
    QJsonObject o{
        {QStringLiteral("time"), isoTime(e.timeMs)},
        {QStringLiteral("kind"), QLatin1StringView(kindNames[int(e.kind)])},
        {QStringLiteral("room"), e.room},
        {QStringLiteral("connection"), double(e.connectionId)},
        {QStringLiteral("size"), double(e.size)},
    };
    if (!e.clientId.isEmpty())
        o.insert(QStringLiteral("client"), QString::fromUtf8(e.clientId));
    // 64 bits do not fit a JSON number, so the session is hex text.
    if (e.session != 0)
        o.insert(QStringLiteral("session"), QString::number(e.session, 16));
    if (!e.sessionUrl.isEmpty())
        o.insert(QStringLiteral("broker"), e.sessionUrl);
    if (e.action != FrameAction::None)
        o.insert(QStringLiteral("action"), QLatin1StringView(FrameCodec::actionName(e.action)));
    if (e.outcome != BrokerEvent::Outcome::None)
        o.insert(QStringLiteral("outcome"), QLatin1StringView(outcomeNames[int(e.outcome)]));
    if (e.closeReason != CloseReason::None)
        o.insert(QStringLiteral("closeReason"),
                 QLatin1StringView(closeReasonNames[int(e.closeReason)]));
    if (!e.ack.isEmpty())
        o.insert(QStringLiteral("ack"), QString::fromUtf8(e.ack));
    if (!e.detail.isEmpty())
        o.insert(QStringLiteral("detail"), e.detail);
    if (!e.intervention.isEmpty())
        o.insert(QStringLiteral("intervention"), e.intervention);
    if (e.dropped)
        o.insert(QStringLiteral("dropped"), true);
    if (e.binary)
        o.insert(QStringLiteral("dataBase64"), QString::fromLatin1(e.data.toBase64()));
    else if (!e.data.isEmpty())
        o.insert(QStringLiteral("data"), QString::fromUtf8(e.data));
    // A frame recorded only in part says so: a reader must not take it for the whole.
    if (e.data.size() < e.size)
        o.insert(QStringLiteral("truncated"), true);
    return o;
}

bool FrameLogFile::write(QIODevice *device, Format format, const BrokerEventList &events,
                         const QUrl &brokerUrl, QString *error) {
    bool ok = true;
    if (format == Format::Har) {
        ok = writeHar(device, events, brokerUrl);
    } else {
        for (const BrokerEvent &e : events) {
            if (device->write(toJsonLine(e) + '\n') < 0) {
                ok = false;
                break;
            }
        }
    }
    if (!ok)
        *error = tr("cannot write: %1").arg(device->errorString());
    return ok;
}

bool FrameLogFile::read(QIODevice *device, BrokerEventList *events, QString *error) {
    FrameLogReader reader(device);
    while (!reader.atEnd()) {
        if (!reader.read(events, 10'000)) {
            *error = reader.error();
            return false;
        }
    }
    return true;
}

bool FrameLogFile::fromJsonLine(QByteArrayView line, int lineNumber, BrokerEvent *event,
                                QString *error) {
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(line.toByteArray(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !o.contains(QStringLiteral("kind"))) {
        *error = tr("line %1 is not a frame log entry%2")
                     .arg(lineNumber)
                     .arg(parseError.error != QJsonParseError::NoError
                              ? tr(" (%1 at offset %2)")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)
                              : QString());
        return false;
    }
    *event = fromJsonObject(o);
    return true;
}

BrokerEvent FrameLogFile::fromJsonObject(const QJsonObject &o) {
    BrokerEvent e;
    e.timeMs = FrameLogValues::timeFromIso(o.value(QStringLiteral("time")).toString());
    e.kind = enumFromName(kindNames, o.value(QStringLiteral("kind")).toString(),
                          BrokerEvent::Kind::FrameIn);
    e.room = o.value(QStringLiteral("room")).toString();
    e.connectionId = quint64(FrameLogValues::countFromJson(o.value(QStringLiteral("connection"))));
    e.size = FrameLogValues::countFromJson(o.value(QStringLiteral("size")));
    e.clientId = o.value(QStringLiteral("client")).toString().toUtf8();
    e.session = o.value(QStringLiteral("session")).toString().toULongLong(nullptr, 16);
    e.sessionUrl = o.value(QStringLiteral("broker")).toString();
    e.action = actionFromName(o.value(QStringLiteral("action")).toString());
    e.outcome = enumFromName(outcomeNames, o.value(QStringLiteral("outcome")).toString(),
                             BrokerEvent::Outcome::None);
    e.closeReason = enumFromName(
        closeReasonNames, o.value(QStringLiteral("closeReason")).toString(), CloseReason::None);
    e.ack = o.value(QStringLiteral("ack")).toString().toUtf8();
    e.detail = o.value(QStringLiteral("detail")).toString();
    e.intervention = o.value(QStringLiteral("intervention")).toString();
    e.dropped = o.value(QStringLiteral("dropped")).toBool();
    if (o.contains(QStringLiteral("dataBase64"))) {
        e.binary = true;
        e.data =
            QByteArray::fromBase64(o.value(QStringLiteral("dataBase64")).toString().toLatin1());
    } else {
        e.data = o.value(QStringLiteral("data")).toString().toUtf8();
    }
    return e;
}

#include "framelogfile.h"

#include "roomname.h"
#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <cmath>

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
                                        "handshake-timeout"};

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

// The action of a frame from its text, for logs that only kept the text (HAR).
FrameAction actionOfFrame(const QByteArray &data, bool incoming) {
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    const FrameAction a = actionFromName(o.value(QStringLiteral("action")).toString());
    if (a == FrameAction::Answer)
        return a;
    const bool clientAction =
        a == FrameAction::Register || a == FrameAction::Unregister || a == FrameAction::Send;
    return clientAction == incoming ? a : FrameAction::None;
}

// A time in milliseconds from a file, rounded (seconds times 1000 are rarely whole) and kept
// within the years 1 to 9999, which ISO 8601 text (JSON Lines) can say: what was opened can be
// saved again.
qint64 clampedTimeMs(double ms) {
    constexpr double first = -62135596800000.0; // 0001-01-01T00:00:00.000Z
    constexpr double last = 253402300799999.0;  // 9999-12-31T23:59:59.999Z
    if (!std::isfinite(ms))
        return 0;
    return qRound64(std::clamp(ms, first, last));
}

// A count from a file's number (connection, size): negative, fractional, huge or missing ones
// would not convert to an integer (undefined behaviour); 2^53 is the largest JSON keeps exact.
qint64 countFromJson(const QJsonValue &value) {
    constexpr double largest = 9007199254740992.0;
    const double n = value.toDouble();
    return n >= 0 ? qint64(std::min(n, largest)) : 0;
}

// A JSON Lines time; a missing or unreadable one is the epoch, whatever the local time zone.
qint64 timeFromIso(const QString &text) {
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? clampedTimeMs(double(time.toMSecsSinceEpoch())) : 0;
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool writeHar(QIODevice *device, const BrokerEventList &events, const QUrl &brokerUrl) {
    // One HAR entry per connection, in order of first appearance. A connection is its broker
    // run and number: numbers start again at 1 after a restart.
    using Connection = std::pair<quint64, quint64>;
    QMap<Connection, QJsonArray> messages;
    QMap<Connection, const BrokerEvent *> first;
    QMap<Connection, QByteArray> clientIds; // the last id it registered with
    QList<Connection> order;
    for (const BrokerEvent &e : events) {
        const Connection key{e.session, e.connectionId};
        if (!first.contains(key)) {
            first.insert(key, &e);
            order.append(key);
        }
        if (!e.clientId.isEmpty())
            clientIds.insert(key, e.clientId);
        if (e.kind != BrokerEvent::Kind::FrameIn && e.kind != BrokerEvent::Kind::FrameOut)
            continue;
        // Seen from the client, as DevTools shows it: what it sent and what it received.
        messages[key].append(QJsonObject{
            {QStringLiteral("type"), e.kind == BrokerEvent::Kind::FrameIn
                                         ? QStringLiteral("send")
                                         : QStringLiteral("receive")},
            {QStringLiteral("time"), double(e.timeMs) / 1000.0},
            {QStringLiteral("opcode"), e.binary ? 2 : 1},
            {QStringLiteral("data"),
             e.binary ? QString::fromLatin1(e.data.toBase64()) : QString::fromUtf8(e.data)},
        });
    }
    QJsonArray entries;
    for (const Connection &id : order) {
        if (!messages.contains(id))
            continue;
        const BrokerEvent *e = first.value(id);
        // The URL of the run the connection belonged to; files from before sessions have none.
        QUrl url = e->sessionUrl.isEmpty() ? brokerUrl : QUrl(e->sessionUrl);
        url.setPath(e->room);
        entries.append(QJsonObject{
            {QStringLiteral("startedDateTime"), isoTime(e->timeMs)},
            {QStringLiteral("time"), 0},
            {QStringLiteral("request"),
             QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                         {QStringLiteral("url"), url.toString()},
                         {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                         {QStringLiteral("headers"), QJsonArray()},
                         {QStringLiteral("queryString"), QJsonArray()},
                         {QStringLiteral("cookies"), QJsonArray()},
                         {QStringLiteral("headersSize"), -1},
                         {QStringLiteral("bodySize"), 0}}},
            {QStringLiteral("response"),
             QJsonObject{{QStringLiteral("status"), 101},
                         {QStringLiteral("statusText"), QStringLiteral("Switching Protocols")},
                         {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                         {QStringLiteral("headers"), QJsonArray()},
                         {QStringLiteral("cookies"), QJsonArray()},
                         {QStringLiteral("content"),
                          QJsonObject{{QStringLiteral("size"), 0},
                                      {QStringLiteral("mimeType"), QStringLiteral("x-unknown")}}},
                         {QStringLiteral("redirectURL"), QString()},
                         {QStringLiteral("headersSize"), -1},
                         {QStringLiteral("bodySize"), 0}}},
            {QStringLiteral("cache"), QJsonObject()},
            {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0},
                                                    {QStringLiteral("wait"), 0},
                                                    {QStringLiteral("receive"), 0}}},
            {QStringLiteral("_resourceType"), QStringLiteral("websocket")},
            {QStringLiteral("_wsmsgbrokerClient"), QString::fromUtf8(clientIds.value(id))},
            {QStringLiteral("_webSocketMessages"), messages.value(id)},
        });
    }
    const QJsonObject har{
        {QStringLiteral("log"),
         QJsonObject{
             {QStringLiteral("version"), QStringLiteral("1.2")},
             {QStringLiteral("creator"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("wsmsgbroker")},
                          {QStringLiteral("version"), QStringLiteral(WSMSGBROKER_VERSION)}}},
             {QStringLiteral("pages"), QJsonArray()},
             {QStringLiteral("entries"), entries}}}};
    return device->write(QJsonDocument(har).toJson(QJsonDocument::Indented)) >= 0;
}

// A value from the file inside a one-line error: control characters and bidi overrides escaped,
// cut at 40 characters (a file can hold anything there, up to megabytes of it).
QString shownInError(const QString &value) {
    QString shown;
    for (const QChar c : value.left(40)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return value.size() > 40 ? shown + QStringLiteral("...") : shown;
}

// The unit of `_webSocketMessages[].time`: Chrome DevTools (and our own writer) write seconds
// since the epoch, Playwright's recordHar milliseconds. Unknown when another tool wrote the file.
enum class HarTimeUnit { Unknown, Seconds, Milliseconds };

HarTimeUnit harTimeUnitOf(const QJsonObject &log) {
    const QString creator =
        log.value(QStringLiteral("creator")).toObject().value(QStringLiteral("name")).toString();
    if (creator == QLatin1String("Playwright"))
        return HarTimeUnit::Milliseconds;
    if (creator == QLatin1String("WebInspector") || creator == QLatin1String("wsmsgbroker"))
        return HarTimeUnit::Seconds;
    return HarTimeUnit::Unknown;
}

// Milliseconds since the epoch of a message's time. In an unknown unit, the reading that lands
// nearer the entry's start is meant (the two differ a thousandfold); without a start, the
// magnitude tells: 1e11 is the year 5138 in seconds, 1973 in milliseconds. A missing time, or -1
// where it can be Playwright's (it writes -1 when told to omit timings), is the entry's start.
qint64 harMessageTimeMs(const QJsonValue &value, HarTimeUnit unit, const QDateTime &start) {
    const qint64 startMs = start.isValid() ? clampedTimeMs(double(start.toMSecsSinceEpoch())) : 0;
    const double time = value.toDouble();
    if (!value.isDouble() || (time == -1 && unit != HarTimeUnit::Seconds))
        return startMs;
    if (unit == HarTimeUnit::Unknown) {
        const bool seconds = start.isValid() ? std::abs(time * 1000.0 - double(startMs)) <=
                                                   std::abs(time - double(startMs))
                                             : time < 1e11;
        unit = seconds ? HarTimeUnit::Seconds : HarTimeUnit::Milliseconds;
    }
    return clampedTimeMs(unit == HarTimeUnit::Seconds ? time * 1000.0 : time);
}

bool readHar(const QJsonObject &root, BrokerEventList *events, QString *error) {
    const QJsonObject log = root.value(QStringLiteral("log")).toObject();
    const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    const HarTimeUnit unit = harTimeUnitOf(log);
    quint64 connection = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        if (!entry.contains(QStringLiteral("_webSocketMessages")))
            continue; // HTTP requests in a browser's HAR
        ++connection;
        const QUrl url(entry.value(QStringLiteral("request"))
                           .toObject()
                           .value(QStringLiteral("url"))
                           .toString());
        const QString room = roomNameOf(url);
        const QDateTime start = QDateTime::fromString(
            entry.value(QStringLiteral("startedDateTime")).toString(), Qt::ISODateWithMs);
        QByteArray clientId = entry.value(QStringLiteral("_wsmsgbrokerClient")).toString().toUtf8();
        const QJsonArray msgs = entry.value(QStringLiteral("_webSocketMessages")).toArray();
        for (const QJsonValue &v : msgs) {
            const QJsonObject m = v.toObject();
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type != QLatin1String("send") && type != QLatin1String("receive")) {
                *error = FrameLogFile::tr(
                             "HAR entry %1: message type \"%2\" is neither send nor receive")
                             .arg(i + 1)
                             .arg(shownInError(type));
                return false;
            }
            BrokerEvent e;
            e.kind = type == QLatin1String("send") ? BrokerEvent::Kind::FrameIn
                                                   : BrokerEvent::Kind::FrameOut;
            e.timeMs = harMessageTimeMs(m.value(QStringLiteral("time")), unit, start);
            e.connectionId = connection;
            e.room = room;
            e.binary = m.value(QStringLiteral("opcode")).toInt(1) == 2;
            const QString data = m.value(QStringLiteral("data")).toString();
            e.data = e.binary ? QByteArray::fromBase64(data.toLatin1()) : data.toUtf8();
            e.size = e.data.size();
            if (!e.binary) {
                e.action = actionOfFrame(e.data, e.kind == BrokerEvent::Kind::FrameIn);
                const QJsonObject o = QJsonDocument::fromJson(e.data).object();
                e.ack = o.value(QStringLiteral("ack")).toString().toUtf8();
                // Learn the client's id from its own register frame.
                if (e.action == FrameAction::Register && clientId.isEmpty())
                    clientId = o.value(QStringLiteral("id")).toString().toUtf8();
            }
            e.clientId = clientId;
            e.outcome = BrokerEvent::Outcome::Done;
            events->append(std::move(e));
        }
    }
    std::stable_sort(
        events->begin(), events->end(),
        [](const BrokerEvent &a, const BrokerEvent &b) { return a.timeMs < b.timeMs; });
    return true;
}

} // namespace

QByteArray FrameLogFile::toJsonLine(const BrokerEvent &e) {
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
    if (e.binary)
        o.insert(QStringLiteral("dataBase64"), QString::fromLatin1(e.data.toBase64()));
    else if (!e.data.isEmpty())
        o.insert(QStringLiteral("data"), QString::fromUtf8(e.data));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
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
    const QByteArray all = device->readAll();
    const QByteArray trimmed = all.trimmed();
    // A HAR is one JSON document with a "log" member; JSON Lines has one object per line.
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError;
        const QJsonDocument whole = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error == QJsonParseError::NoError &&
            whole.object().contains(QStringLiteral("log")))
            return readHar(whole.object(), events, error);
    }
    int lineNumber = 0;
    for (const QByteArray &line : all.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
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
        BrokerEvent e;
        e.timeMs = timeFromIso(o.value(QStringLiteral("time")).toString());
        e.kind = enumFromName(kindNames, o.value(QStringLiteral("kind")).toString(),
                              BrokerEvent::Kind::FrameIn);
        e.room = o.value(QStringLiteral("room")).toString();
        e.connectionId = quint64(countFromJson(o.value(QStringLiteral("connection"))));
        e.size = countFromJson(o.value(QStringLiteral("size")));
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
        if (o.contains(QStringLiteral("dataBase64"))) {
            e.binary = true;
            e.data =
                QByteArray::fromBase64(o.value(QStringLiteral("dataBase64")).toString().toLatin1());
        } else {
            e.data = o.value(QStringLiteral("data")).toString().toUtf8();
        }
        events->append(std::move(e));
    }
    return true;
}

#include "recordedsession.h"

#include "capturereader.h"
#include "framecodec.h"
#include "framelogreader.h"
#include "jsonmembers.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {

// A member's value as comparable() has it, decoded once per distinct text (a recording names few
// clients, so nearly every frame is a hash lookup instead of a JSON document).
QJsonValue memberValue(const QByteArray &data, QByteArrayView name,
                       QHash<QByteArray, QJsonValue> &cache) {
    const std::optional<QByteArrayView> raw = JsonMembers::raw(data, name);
    if (!raw)
        return QJsonValue(QJsonValue::Undefined);
    const QByteArray text = raw->toByteArray();
    auto it = cache.constFind(text);
    if (it == cache.cend())
        it = cache.insert(text, QJsonDocument::fromJson('[' + text + ']').array().at(0));
    return *it;
}

bool replayable(const BrokerEvent &e) {
    if (e.kind == BrokerEvent::Kind::FrameIn)
        return e.action == FrameAction::Send || e.action == FrameAction::Answer;
    if (e.kind == BrokerEvent::Kind::FrameOut)
        return !e.dropped && (e.action == FrameAction::Message || e.action == FrameAction::Answer);
    return false;
}

} // namespace

bool RecordedSession::load(const QString &path, QString *error) {
    BrokerEventList events;
    m_warning.clear();
    if (CaptureReader::isCapture(path)) {
        CaptureReader reader;
        if (!reader.open(path, error))
            return false;
        for (quint64 id = reader.firstId(); id != 0 && id <= reader.lastId();) {
            QList<quint64> ids;
            const BrokerEventList chunk = reader.readRange(id, 10000, &ids);
            if (chunk.isEmpty())
                break;
            events += chunk;
            id = ids.last() + 1;
        }
        m_warning = reader.warning();
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("%1: cannot read: %2").arg(path, file.errorString());
            return false;
        }
        FrameLogReader reader(&file);
        reader.setSkipDamagedLines(true);
        while (!reader.atEnd()) {
            if (!reader.read(&events, 10000)) {
                *error = tr("%1: %2").arg(path, reader.error());
                return false;
            }
        }
        if (reader.skippedLines() > 0)
            m_warning =
                tr("%1: %n damaged line(s) skipped (%2)", nullptr, int(reader.skippedLines()))
                    .arg(path, reader.firstSkipped());
    }
    setEvents(events);
    if (m_frames.isEmpty()) {
        *error = tr("%1: no frame to replay (no send, answer or message of a registered client)")
                     .arg(path);
        return false;
    }
    return true;
}

void RecordedSession::setEvents(const BrokerEventList &events) {
    m_frames.clear();
    m_clients.clear();
    // A frame's client: its own clientId or, for frames a connection sent before the broker
    // named it, the id that connection registered.
    QHash<std::pair<quint64, quint64>, QString> idOfConnection;
    for (const BrokerEvent &e : events) {
        const auto key = std::pair{e.session, e.connectionId};
        if (!e.clientId.isEmpty())
            idOfConnection.insert(key, QString::fromUtf8(e.clientId));
        else if (e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Register)
            idOfConnection.insert(
                key,
                QJsonDocument::fromJson(e.data).object().value(QStringLiteral("id")).toString());
        if (!replayable(e))
            continue;
        const QString id =
            e.clientId.isEmpty() ? idOfConnection.value(key) : QString::fromUtf8(e.clientId);
        if (id.isEmpty())
            continue;
        Frame frame;
        frame.timeMs = e.timeMs;
        frame.room = e.room;
        frame.clientId = id;
        frame.sent = e.kind == BrokerEvent::Kind::FrameIn;
        frame.action = e.action;
        frame.ack = QString::fromUtf8(e.ack);
        frame.data = e.data;
        m_frames.append(frame);
    }
    addImpliedPeers();
    QHash<QString, qsizetype> indexOf;
    for (const Frame &frame : std::as_const(m_frames)) {
        qsizetype index = indexOf.value(frame.clientId, -1);
        if (index < 0) {
            index = m_clients.size();
            indexOf.insert(frame.clientId, index);
            m_clients.append({frame.clientId, frame.room, 0, 0});
        }
        ++(frame.sent ? m_clients[index].sent : m_clients[index].received);
    }
}

void RecordedSession::addImpliedPeers() {
    QSet<QString> recorded;
    for (const Frame &frame : std::as_const(m_frames))
        recorded.insert(frame.clientId);
    const auto member = [](const QByteArray &data, const char *name) {
        return JsonMembers::compact(data, name).value_or(QByteArray("null"));
    };
    const auto quoted = [](const QString &text) { return FrameCodec::quote(text.toUtf8()); };
    QList<Frame> frames;
    frames.reserve(m_frames.size());
    QHash<QByteArray, QJsonValue> dests;
    QHash<QByteArray, QJsonValue> senders;
    for (const Frame &frame : std::as_const(m_frames)) {
        QString peer;
        Frame implied = frame;
        if (frame.sent && frame.action == FrameAction::Send) {
            // What an implied receiver got: after the send. dest as the broker takes it: one id
            // or several.
            frames.append(frame);
            const QJsonValue named = memberValue(frame.data, "dest", dests);
            for (const QJsonValue &dest : named.isString() ? QJsonArray{named} : named.toArray()) {
                if (recorded.contains(dest.toString()))
                    continue;
                implied.clientId = dest.toString();
                implied.sent = false;
                implied.action = FrameAction::Message;
                implied.data =
                    "{\"action\":\"message\",\"message\":" + member(frame.data, "message") +
                    (frame.ack.isEmpty() ? QByteArray() : ",\"ack\":" + quoted(frame.ack)) +
                    ",\"from\":" + quoted(frame.clientId) + '}';
                frames.append(implied);
            }
            continue;
        }
        if (!frame.sent)
            peer = memberValue(frame.data, "from", senders).toString();
        if (peer.isEmpty() || recorded.contains(peer)) {
            frames.append(frame);
            continue;
        }
        // What an implied sender sent: before it was received.
        implied.clientId = peer;
        implied.sent = true;
        if (frame.action == FrameAction::Message) {
            implied.action = FrameAction::Send;
            implied.data = "{\"action\":\"send\",\"dest\":[" + quoted(frame.clientId) +
                           "],\"message\":" + member(frame.data, "message") +
                           (frame.ack.isEmpty() ? QByteArray() : ",\"ack\":" + quoted(frame.ack)) +
                           '}';
        } else {
            implied.action = FrameAction::Answer;
            implied.data = "{\"action\":\"answer\",\"ack\":" + quoted(frame.ack) +
                           ",\"message\":" + member(frame.data, "message") + '}';
        }
        frames.append(implied);
        frames.append(frame);
    }
    m_frames = frames;
}

const RecordedSession::Client *RecordedSession::client(const QString &id) const {
    for (const Client &c : m_clients) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

qint64 RecordedSession::durationMs() const {
    return m_frames.isEmpty() ? 0 : m_frames.last().timeMs - m_frames.first().timeMs;
}

QJsonObject RecordedSession::comparable(const QByteArray &data) {
    const QJsonObject frame = QJsonDocument::fromJson(data).object();
    if (frame.isEmpty())
        return {};
    QJsonObject out;
    for (const char *name : {"action", "from", "message"}) {
        const QString key = QLatin1String(name);
        if (frame.contains(key))
            out.insert(key, frame.value(key));
    }
    // dest as the broker takes it: one id or several.
    const QJsonValue dest = frame.value(QLatin1String("dest"));
    if (dest.isString())
        out.insert(QLatin1String("dest"), QJsonArray{dest});
    else if (!dest.isUndefined())
        out.insert(QLatin1String("dest"), dest);
    return out;
}

#pragma once

// Builds BrokerEvents and ConnectionInfos the way the broker reports them, for the model tests.

#include "brokerevent.h"
#include "brokersnapshot.h"
#include "framecodec.h"

namespace BrokerEvents {

inline constexpr qint64 BaseTimeMs = 1700000000000; // 2023-11-14 22:13:20 UTC

inline BrokerEvent frame(BrokerEvent::Kind kind, quint64 connection, const QString &room,
                         const QByteArray &clientId, FrameAction action, const QByteArray &data,
                         qint64 timeMs = BaseTimeMs) {
    BrokerEvent e;
    e.timeMs = timeMs;
    e.connectionId = connection;
    e.kind = kind;
    e.action = action;
    e.outcome = BrokerEvent::Outcome::Done;
    e.size = data.size();
    e.room = room;
    e.clientId = clientId;
    e.data = data;
    return e;
}

// A client's send: {"action":"send","dest":[...],"message":...,"ack":...}.
inline BrokerEvent send(quint64 connection, const QString &room, const QByteArray &from,
                        const QList<QByteArray> &dest, const QByteArray &messageJson,
                        const QByteArray &ack = QByteArray(), qint64 timeMs = BaseTimeMs) {
    QByteArray destJson = "[";
    for (const QByteArray &d : dest)
        destJson += (destJson.size() > 1 ? "," : "") + FrameCodec::quote(d);
    destJson += "]";
    QByteArray data = R"({"action":"send","dest":)" + destJson + R"(,"message":)" + messageJson;
    if (!ack.isEmpty())
        data += R"(,"ack":)" + FrameCodec::quote(ack);
    data += '}';
    BrokerEvent e =
        frame(BrokerEvent::Kind::FrameIn, connection, room, from, FrameAction::Send, data, timeMs);
    e.ack = ack;
    return e;
}

// The message the broker delivers to one recipient.
inline BrokerEvent message(quint64 recipient, const QString &room, const QByteArray &recipientId,
                           const QByteArray &from, const QByteArray &messageJson,
                           const QByteArray &ack = QByteArray(), qint64 timeMs = BaseTimeMs) {
    const QByteArray data =
        FrameCodec::message(messageJson, FrameCodec::quote(from),
                            ack.isEmpty() ? QByteArray() : FrameCodec::quote(ack));
    BrokerEvent e = frame(BrokerEvent::Kind::FrameOut, recipient, room, recipientId,
                          FrameAction::Message, data, timeMs);
    e.ack = ack;
    return e;
}

// A client's answer.
inline BrokerEvent answerIn(quint64 connection, const QString &room, const QByteArray &answerer,
                            const QByteArray &ack, const QByteArray &messageJson,
                            BrokerEvent::Outcome outcome = BrokerEvent::Outcome::Done,
                            qint64 timeMs = BaseTimeMs) {
    const QByteArray data = R"({"action":"answer","ack":)" + FrameCodec::quote(ack) +
                            R"(,"message":)" + messageJson + '}';
    BrokerEvent e = frame(BrokerEvent::Kind::FrameIn, connection, room, answerer,
                          FrameAction::Answer, data, timeMs);
    e.ack = ack;
    e.outcome = outcome;
    if (outcome == BrokerEvent::Outcome::DroppedAnswer)
        e.detail = QStringLiteral("already answered");
    return e;
}

// The answer the broker forwards to the asker.
inline BrokerEvent answerOut(quint64 asker, const QString &room, const QByteArray &askerId,
                             const QByteArray &from, const QByteArray &ack,
                             const QByteArray &messageJson, qint64 timeMs = BaseTimeMs) {
    const QByteArray data =
        FrameCodec::answer(FrameCodec::quote(ack), FrameCodec::quote(from), messageJson);
    BrokerEvent e =
        frame(BrokerEvent::Kind::FrameOut, asker, room, askerId, FrameAction::Answer, data, timeMs);
    e.ack = ack;
    return e;
}

inline BrokerEvent error(quint64 connection, const QString &room, const QByteArray &clientId,
                         FrameError code, const QString &reason, qint64 timeMs = BaseTimeMs) {
    return frame(BrokerEvent::Kind::FrameOut, connection, room, clientId, FrameAction::Error,
                 FrameCodec::error(code, reason), timeMs);
}

inline BrokerEvent system(BrokerEvent::Kind kind, quint64 connection, const QString &room,
                          const QByteArray &clientId = QByteArray(),
                          const QString &detail = QString(), qint64 timeMs = BaseTimeMs) {
    BrokerEvent e;
    e.timeMs = timeMs;
    e.kind = kind;
    e.connectionId = connection;
    e.room = room;
    e.clientId = clientId;
    e.detail = detail;
    return e;
}

// Event number n of a numbered stream: a send whose message is n.
inline BrokerEvent numbered(int n) {
    return send(1, QStringLiteral("/r"), "a", {"b"}, QByteArray::number(n), QByteArray(),
                BaseTimeMs + n);
}

inline BrokerEventList numberedBatch(int first, int count) {
    BrokerEventList list;
    for (int n = first; n < first + count; ++n)
        list.append(numbered(n));
    return list;
}

inline ConnectionInfo connection(quint64 id, const QString &room, const QByteArray &clientId,
                                 qint64 connectedAtMs = BaseTimeMs) {
    ConnectionInfo c;
    c.connectionId = id;
    c.room = room;
    c.clientId = clientId;
    c.remoteAddress = QStringLiteral("127.0.0.1");
    c.remotePort = quint16(50000 + id);
    c.connectedAtMs = connectedAtMs;
    return c;
}

} // namespace BrokerEvents

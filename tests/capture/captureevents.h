#pragma once

// Events for the capture tests: event n of a deterministic stream (every field used, in turn),
// and a field-by-field comparison that names the first difference.

#include "brokerevent.h"

#include <QString>

namespace CaptureEvents {

inline constexpr qint64 BaseTimeMs = 1700000000000; // 2023-11-14 22:13:20 UTC

// Event n: mostly frames with a ~150-byte text naming n, now and then a system event, a
// binary frame, a cut frame, a stage's intervention, another broker run.
inline BrokerEvent numbered(quint64 n) {
    BrokerEvent e;
    e.timeMs = BaseTimeMs + qint64(n);
    e.session = n % 97 == 0 ? 0xfedcba9876543210ULL : 0x0123456789abcdefULL;
    e.sessionUrl = n % 97 == 0 ? QStringLiteral("ws://127.0.0.1:9100/")
                               : QStringLiteral("ws://127.0.0.1:9042/");
    e.connectionId = 1 + n % 7;
    e.room = QStringLiteral("/room%1").arg(n % 5);
    if (n % 11 != 0)
        e.clientId = QByteArray("client") + QByteArray::number(n % 7);
    switch (n % 50) {
    case 10:
        e.kind = BrokerEvent::Kind::ConnectionOpened;
        e.detail = QStringLiteral("127.0.0.1:%1").arg(40000 + n % 1000);
        return e;
    case 20:
        e.kind = BrokerEvent::Kind::ConnectionClosed;
        e.closeReason = CloseReason::SlowConsumer;
        e.detail = QStringLiteral("slow consumer %1").arg(n);
        return e;
    default:
        break;
    }
    e.kind = n % 2 ? BrokerEvent::Kind::FrameOut : BrokerEvent::Kind::FrameIn;
    e.action = n % 2 ? FrameAction::Message : FrameAction::Send;
    e.outcome = n % 13 == 0 ? BrokerEvent::Outcome::PartlyDelivered : BrokerEvent::Outcome::Done;
    if (n % 3 == 0)
        e.ack = QByteArray("ack-") + QByteArray::number(n);
    if (n % 23 == 0) {
        e.binary = true;
        e.data = QByteArray("\x00\x01\xfe\xff binary ", 13) + QByteArray::number(n);
    } else {
        e.data = R"({"action":"send","dest":["client2","client3"],"message":{"n":)" +
                 QByteArray::number(n) +
                 R"(,"text":"The quick brown fox jumps over the lazy dog"},"ack":"a"})";
    }
    e.size = e.data.size();
    if (n % 31 == 0)
        e.size += 1000; // recorded only in part
    if (n % 17 == 0 && e.kind == BrokerEvent::Kind::FrameOut) {
        e.intervention = QStringLiteral("held 1200 ms by hold-b");
        e.dropped = n % 34 == 0;
    }
    return e;
}

inline BrokerEventList numberedBatch(quint64 first, int count) {
    BrokerEventList list;
    list.reserve(count);
    for (quint64 n = first; n < first + quint64(count); ++n)
        list.append(numbered(n));
    return list;
}

// Empty when equal, else the first field that differs.
inline QString difference(const BrokerEvent &a, const BrokerEvent &b, bool withData = true) {
    const auto differs = [](const char *field, const auto &x, const auto &y) {
        return x == y ? QString() : QString::fromLatin1(field);
    };
    const QString checks[] = {
        differs("timeMs", a.timeMs, b.timeMs),
        differs("session", a.session, b.session),
        differs("sessionUrl", a.sessionUrl, b.sessionUrl),
        differs("connectionId", a.connectionId, b.connectionId),
        differs("kind", int(a.kind), int(b.kind)),
        differs("action", int(a.action), int(b.action)),
        differs("outcome", int(a.outcome), int(b.outcome)),
        differs("closeReason", int(a.closeReason), int(b.closeReason)),
        differs("binary", a.binary, b.binary),
        differs("size", a.size, b.size),
        differs("room", a.room, b.room),
        differs("clientId", a.clientId, b.clientId),
        differs("ack", a.ack, b.ack),
        withData ? differs("data", a.data, b.data) : QString(),
        differs("detail", a.detail, b.detail),
        differs("intervention", a.intervention, b.intervention),
        differs("dropped", a.dropped, b.dropped),
    };
    for (const QString &c : checks) {
        if (!c.isEmpty())
            return c;
    }
    return {};
}

} // namespace CaptureEvents

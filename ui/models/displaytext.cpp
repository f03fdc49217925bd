#include "displaytext.h"

#include "framecodec.h"

#include <QDateTime>

QString DisplayText::roomName(const QString &room) {
    return room.isEmpty() ? QStringLiteral("/") : room;
}

QString DisplayText::clientName(const QByteArray &clientId, quint64 connectionId) {
    if (clientId.isEmpty())
        return QLatin1Char('#') + QString::number(connectionId);
    return QString::fromUtf8(clientId);
}

QString DisplayText::closeReason(CloseReason reason) {
    switch (reason) {
    case CloseReason::None:
        return tr("open");
    case CloseReason::ClientClosed:
        return tr("client closed");
    case CloseReason::ServerStopping:
        return tr("broker stopped");
    case CloseReason::ClosedByUser:
        return tr("disconnected by you");
    case CloseReason::SlowConsumer:
        return tr("slow consumer");
    case CloseReason::MessageTooBig:
        return tr("message too big");
    case CloseReason::InvalidUtf8:
        return tr("invalid UTF-8");
    case CloseReason::PingTimeout:
        return tr("ping timeout");
    case CloseReason::TokenRefused:
        return tr("token refused");
    case CloseReason::OriginRefused:
        return tr("origin refused");
    case CloseReason::TooManyConnections:
        return tr("too many connections");
    case CloseReason::ProtocolError:
        return tr("protocol error");
    case CloseReason::HandshakeRefused:
        return tr("handshake refused");
    case CloseReason::HandshakeTimeout:
        return tr("handshake timed out");
    case CloseReason::ConnectionLost:
        return tr("connection lost");
    }
    return QString();
}

QString DisplayText::outcome(BrokerEvent::Outcome outcome) {
    using Outcome = BrokerEvent::Outcome;
    switch (outcome) {
    case Outcome::None:
        return QString();
    case Outcome::Done:
        return tr("done");
    case Outcome::PartlyDelivered:
        return tr("partly delivered");
    case Outcome::SkippedUnknownId:
        return tr("unknown destination");
    case Outcome::DroppedAnswer:
        return tr("answer dropped");
    case Outcome::Rejected:
        return tr("rejected");
    case Outcome::Ignored:
        return tr("ignored");
    }
    return QString();
}

QString DisplayText::systemEventName(BrokerEvent::Kind kind) {
    using Kind = BrokerEvent::Kind;
    switch (kind) {
    case Kind::FrameIn:
    case Kind::FrameOut:
        return QString();
    case Kind::ConnectionOpened:
        return tr("connected");
    case Kind::ConnectionClosed:
        return tr("closed");
    case Kind::ClientRegistered:
        return tr("id bound");
    case Kind::ClientUnregistered:
        return tr("id released");
    case Kind::RoomCreated:
        return tr("room created");
    case Kind::RoomRemoved:
        return tr("room removed");
    }
    return QString();
}

QString DisplayText::actionName(const BrokerEvent &event) {
    if (event.kind != BrokerEvent::Kind::FrameIn && event.kind != BrokerEvent::Kind::FrameOut)
        return systemEventName(event.kind);
    if (event.action == FrameAction::None)
        return event.binary ? tr("(binary)") : tr("(invalid)");
    return QString::fromLatin1(FrameCodec::actionName(event.action));
}

QString DisplayText::time(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .time()
        .toString(QStringLiteral("hh:mm:ss.zzz"));
}

QString DisplayText::dateTime(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

QString DisplayText::duration(qint64 ms) {
    if (ms < 0)
        ms = 0;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const auto twoDigits = [](qint64 v) {
        return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
    };
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(twoDigits(s % 60));
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg(twoDigits((s / 60) % 60));
    return tr("%1 d %2 h").arg(s / 86400).arg(twoDigits((s / 3600) % 24));
}

QString DisplayText::remoteAddress(const QString &address, quint16 port) {
    if (address.isEmpty())
        return QString();
    if (address.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

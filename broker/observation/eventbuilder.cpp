#include "eventbuilder.h"

#include "clientconnection.h"
#include "delivery.h"
#include "room.h"
#include "router.h"

#include <QDateTime>

EventBuilder::EventBuilder(EventRecorder &recorder, qint64 maxRecordedFrameBytes)
    : m_recorder(recorder)
    , m_maxRecordedFrameBytes(maxRecordedFrameBytes) {}

void EventBuilder::beginObservedRequest(const ClientConnection *conn, const QByteArray &payload,
                                        bool binary) {
    m_request.reset();
    if (!m_recorder.takesFrame())
        return;
    // Made now: routing may rename the client or remove its room.
    BrokerEvent e = makeEvent(BrokerEvent::Kind::FrameIn, conn);
    e.binary = binary;
    e.size = payload.size();
    e.data = recordedBytes(payload);
    m_request = std::move(e);
}

void EventBuilder::endObservedRequest(const ClientConnection *conn, FrameAction action,
                                      const QByteArray &ack, const RoutingResult &result) {
    BrokerEvent e = std::move(*m_request);
    m_request.reset();
    e.action = action;
    e.ack = ack;
    e.outcome = result.outcome;
    e.detail = result.detail;
    // A register names the id it took.
    if (action == FrameAction::Register && result.outcome == BrokerEvent::Outcome::Done)
        e.clientId = conn->clientId();
    m_recorder.record(std::move(e));
    for (BrokerEvent &caused : m_caused)
        m_recorder.record(std::move(caused));
    m_caused.clear();
}

void EventBuilder::record(BrokerEvent &&event) {
    if (m_request)
        m_caused.append(std::move(event));
    else
        m_recorder.record(std::move(event));
}

BrokerEvent EventBuilder::frameOutEvent(const ClientConnection *conn, FrameAction action,
                                        const QByteArray &frame, const QByteArray &ack,
                                        const QString &intervention) const {
    BrokerEvent e = makeEvent(BrokerEvent::Kind::FrameOut, conn);
    // The reply to an unregister goes out after the id was given up; it is still that id's.
    if (action == FrameAction::Unregistered && conn)
        e.clientId = conn->lastClientId();
    e.action = action;
    e.size = frame.size();
    e.data = recordedBytes(frame);
    e.ack = ack;
    e.intervention = intervention;
    return e;
}

void EventBuilder::recordFrameWritten(const ClientConnection *conn, FrameAction action,
                                      const QByteArray &frame, const QByteArray &ack,
                                      const QString &intervention) {
    if (!m_recorder.takesFrame())
        return;
    BrokerEvent e = frameOutEvent(conn, action, frame, ack, intervention);
    e.outcome = BrokerEvent::Outcome::Done;
    record(std::move(e));
}

void EventBuilder::frameDropped(const Delivery &delivery) {
    // Not subject to the frame rate limit: nothing may be lost without a trace.
    if (!observed())
        return;
    BrokerEvent e = frameOutEvent(delivery.receiver, delivery.action, delivery.frame, delivery.ack,
                                  delivery.intervention);
    e.dropped = true;
    record(std::move(e));
}

void EventBuilder::idRegistered(const ClientConnection *conn, const QString &detail) {
    if (!observed())
        return;
    BrokerEvent e = makeEvent(BrokerEvent::Kind::ClientRegistered, conn);
    e.detail = detail;
    record(std::move(e));
}

void EventBuilder::idReleased(const ClientConnection *conn, const QString &why) {
    if (!observed())
        return;
    BrokerEvent e = makeEventNamingLastId(BrokerEvent::Kind::ClientUnregistered, conn);
    e.detail = why;
    record(std::move(e));
}

void EventBuilder::connectionOpened(const ClientConnection *conn, bool roomCreated) {
    if (!observed())
        return;
    if (roomCreated)
        record(makeEvent(BrokerEvent::Kind::RoomCreated, conn));
    BrokerEvent e = makeEvent(BrokerEvent::Kind::ConnectionOpened, conn);
    e.detail = QStringLiteral("%1:%2").arg(conn->remoteAddress).arg(conn->remotePort);
    record(std::move(e));
}

void EventBuilder::connectionClosed(const ClientConnection *conn) {
    if (!observed())
        return;
    // The id is released before the connection is closed; the close still names it, so that
    // filtering on a client shows how it left.
    BrokerEvent e = makeEventNamingLastId(BrokerEvent::Kind::ConnectionClosed, conn);
    e.closeReason = conn->closeReason;
    e.detail = conn->closeDetail;
    record(std::move(e));
}

void EventBuilder::roomRemoved(const ClientConnection *conn) {
    if (observed())
        record(makeEventNamingLastId(BrokerEvent::Kind::RoomRemoved, conn));
}

void EventBuilder::handshakeRefused(const QHostAddress &address, quint16 port, CloseReason reason,
                                    const QString &detail) {
    if (!observed())
        return;
    BrokerEvent e = makeEvent(BrokerEvent::Kind::ConnectionClosed, nullptr);
    e.closeReason = reason;
    e.detail = QStringLiteral("%1 (%2:%3)").arg(detail, address.toString()).arg(port);
    record(std::move(e));
}

BrokerEvent EventBuilder::makeEvent(BrokerEvent::Kind kind, const ClientConnection *conn) const {
    BrokerEvent e;
    e.kind = kind;
    e.timeMs = QDateTime::currentMSecsSinceEpoch();
    e.session = m_session;
    e.sessionUrl = m_sessionUrl;
    if (conn) {
        e.connectionId = conn->id();
        e.room = conn->room()->name;
        e.clientId = conn->clientId();
    }
    return e;
}

BrokerEvent EventBuilder::makeEventNamingLastId(BrokerEvent::Kind kind,
                                                const ClientConnection *conn) const {
    BrokerEvent e = makeEvent(kind, conn);
    e.clientId = conn->lastClientId();
    return e;
}

QByteArray EventBuilder::recordedBytes(const QByteArray &bytes) const {
    // A share of the broker's buffer (incoming: the message the transport assembled; outgoing:
    // the frame built once for all its receivers); only a cut frame is a copy.
    if (m_maxRecordedFrameBytes <= 0 || bytes.size() <= m_maxRecordedFrameBytes)
        return bytes;
    return bytes.left(m_maxRecordedFrameBytes);
}

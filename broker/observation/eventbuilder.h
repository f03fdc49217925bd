#pragma once

#include "brokerevent.h"
#include "eventrecorder.h"

#include <QHostAddress>

#include <optional>

class ClientConnection;
struct Delivery;
struct RoutingResult;

// The one place where what the broker does becomes observation events: a request and its
// outcome, the frames written or dropped, ids taken and given up, connections and rooms coming
// and going. Every call is a single test while no one observes.
//
// A request's FrameIn event comes before the events it causes, and carries its outcome:
// beginRequest() opens it, the events recorded until endRequest() wait in a short list, and
// endRequest() records the FrameIn with the routing result and then them.
class EventBuilder {
public:
    // maxRecordedFrameBytes: longer frames are recorded cut; 0 records every frame whole.
    EventBuilder(EventRecorder &recorder, qint64 maxRecordedFrameBytes);

    bool observed() const { return m_recorder.isActive(); }
    // Called at each start of the broker: the events from now on belong to this run.
    void startSession(quint64 session, const QString &url) {
        m_session = session;
        m_sessionUrl = url;
    }
    quint64 session() const { return m_session; }

    void beginRequest(const ClientConnection *conn, const QByteArray &payload, bool binary) {
        if (observed())
            beginObservedRequest(conn, payload, binary);
    }
    // action and ack as parsed (None and empty when the request was not parsed).
    void endRequest(const ClientConnection *conn, FrameAction action, const QByteArray &ack,
                    const RoutingResult &result) {
        if (m_request)
            endObservedRequest(conn, action, ack, result);
    }

    void frameWritten(const ClientConnection *conn, FrameAction action, const QByteArray &frame,
                      const QByteArray &ack, const QString &intervention) {
        if (observed())
            recordFrameWritten(conn, action, frame, ack, intervention);
    }
    void frameDropped(const Delivery &delivery);
    void idRegistered(const ClientConnection *conn, const QString &detail);
    void idReleased(const ClientConnection *conn, const QString &why);
    void connectionOpened(const ClientConnection *conn, bool roomCreated);
    void connectionClosed(const ClientConnection *conn);
    void roomRemoved(const ClientConnection *conn);
    // A peer that never got past its opening handshake: no id, no room.
    void handshakeRefused(const QHostAddress &address, quint16 port, CloseReason reason,
                          const QString &detail);

private:
    void beginObservedRequest(const ClientConnection *conn, const QByteArray &payload, bool binary);
    void endObservedRequest(const ClientConnection *conn, FrameAction action, const QByteArray &ack,
                            const RoutingResult &result);
    void recordFrameWritten(const ClientConnection *conn, FrameAction action,
                            const QByteArray &frame, const QByteArray &ack,
                            const QString &intervention);
    BrokerEvent makeEvent(BrokerEvent::Kind kind, const ClientConnection *conn) const;
    // For what a connection gave up (its id, its connection, its room): the id it held last.
    BrokerEvent makeEventNamingLastId(BrokerEvent::Kind kind, const ClientConnection *conn) const;
    QByteArray recordedBytes(const QByteArray &bytes) const;
    void record(BrokerEvent &&event);
    BrokerEvent frameOutEvent(const ClientConnection *conn, FrameAction action,
                              const QByteArray &frame, const QByteArray &ack,
                              const QString &intervention) const;

    EventRecorder &m_recorder;
    qint64 m_maxRecordedFrameBytes;
    quint64 m_session = 0;
    QString m_sessionUrl;
    std::optional<BrokerEvent> m_request; // the FrameIn being routed
    BrokerEventList m_caused;             // what it caused so far
};

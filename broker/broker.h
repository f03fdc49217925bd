#pragma once

#include "brokerevent.h"
#include "brokersettings.h"
#include "brokersnapshot.h"
#include "eventrecorder.h"
#include "framecodec.h"
#include "pendingacktable.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <deque>
#include <map>
#include <memory>

class ClientConnection;
class QTcpServer;
class WebSocketConnection;
struct Room;

// The wsmsgbroker broker: accepts WebSocket connections, treats each URL path as a room, routes
// register/unregister/send/answer, keeps acks, limits and counters, and reports what happens
// through batched signals. It may live in its own thread: create it, moveToThread(), then call
// start() through a queued invocation; every other member function belongs to that thread.
class Broker : public QObject {
    Q_OBJECT
public:
    explicit Broker(const BrokerSettings &settings, QObject *parent = nullptr);
    ~Broker() override;

    const BrokerSettings &settings() const { return m_settings; }
    bool isListening() const;
    QUrl url() const { return m_url; }
    QString errorString() const { return m_error; }
    const BrokerCounters &counters() const { return m_counters; }
    BrokerSnapshot snapshot() const;
    int connectionCount() const { return int(m_connections.size()); }
    int roomCount() const { return int(m_rooms.size()); }
    int pendingAckCount() const { return m_acks.size(); }

public slots:
    // Listens on the settings' host and port; emits started() or startFailed().
    bool start();
    // Closes every connection with 1001 and stops listening; emits stopped() once all are
    // gone (or after a grace period).
    void stop();
    void disconnectClient(quint64 connectionId);
    // How often snapshotReady() is emitted while someone listens to it.
    void setSnapshotInterval(int ms);

signals:
    void started(const QUrl &url);
    void startFailed(const QString &error);
    void stopped();
    void eventsReady(const BrokerEventList &events);
    void snapshotReady(const BrokerSnapshot &snapshot);

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    void acceptDescriptor(qintptr descriptor);
    void acceptTlsConnections();
    // Waits for the opening handshake of a new connection, within the handshake time-out.
    void expectHandshake(WebSocketConnection *socket);
    void handleHandshake(WebSocketConnection *socket);
    // Counts and records a connection that never got past its opening handshake.
    void recordRefusedHandshake(const WebSocketConnection *socket, CloseReason reason,
                                const QString &detail);
    void handleText(ClientConnection *conn, const QByteArray &utf8);
    void handleBinary(ClientConnection *conn, const QByteArray &data);
    void handleDisconnected(ClientConnection *conn);
    void handleRegister(ClientConnection *conn, const ParsedRequest &req, BrokerEvent *in);
    void handleUnregister(ClientConnection *conn, BrokerEvent *in);
    void handleSend(ClientConnection *conn, const ParsedRequest &req, BrokerEvent *in);
    void handleAnswer(ClientConnection *conn, const ParsedRequest &req, BrokerEvent *in);
    bool checkRateLimit(ClientConnection *conn, qint64 nowMs);

    // Sends a frame, records it, and cuts off a receiver whose unsent data passed its bound.
    void sendFrame(ClientConnection *conn, const QByteArray &frame, FrameAction action,
                   const QByteArray &ack = {});
    void sendError(ClientConnection *conn, FrameError code, const QString &reason,
                   QByteArrayView ackJson, BrokerEvent *in);
    void releaseId(ClientConnection *conn, const QString &why, bool notifyClient);
    void closeConnection(ClientConnection *conn, CloseReason reason, int closeCode,
                         const QString &detail);
    void finishStop();
    void expireAcks();
    void scheduleAckExpiry();
    void pingConnections();
    void emitSnapshot();

    bool observed() const { return m_recorder.isActive(); }
    BrokerEvent makeEvent(BrokerEvent::Kind kind, const ClientConnection *conn) const;
    void record(BrokerEvent &&event) { m_recorder.record(std::move(event)); }
    ConnectionInfo describe(const ClientConnection *conn) const;
    QByteArray recordedBytes(const QByteArray &frame) const;

    BrokerSettings m_settings;
    FrameCodec::Limits m_limits;
    QTcpServer *m_tcpServer = nullptr;
    // Accepted connections whose opening handshake is not done yet (owned by the broker).
    QSet<WebSocketConnection *> m_handshaking;
    std::map<quint64, std::unique_ptr<ClientConnection>> m_connections;
    std::map<QString, std::unique_ptr<Room>> m_rooms;
    PendingAckTable m_acks;
    EventRecorder m_recorder;
    QTimer m_ackTimer;
    QTimer m_pingTimer;
    QTimer m_snapshotTimer;
    QTimer m_stopTimer;
    std::atomic<bool> m_snapshotObserved{false};
    BrokerCounters m_counters;
    std::deque<ConnectionInfo> m_recentlyClosed;
    quint64 m_nextConnectionId = 1;
    QString m_error;
    QUrl m_url;
    bool m_stopping = false;
};

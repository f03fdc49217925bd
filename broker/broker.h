#pragma once

#include "admission.h"
#include "brokerevent.h"
#include "brokersettings.h"
#include "brokersnapshot.h"
#include "clientconnection.h"
#include "deliverypipeline.h"
#include "eventbuilder.h"
#include "eventrecorder.h"
#include "framecodec.h"
#include "heldframe.h"
#include "httpendpoint.h"
#include "roomtable.h"
#include "router.h"
#include "routingoutput.h"
#include "trafficcontrolstage.h"
#include "trafficrule.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <vector>

class Listener;
class WebSocketConnection;

// The wsmsgbroker broker: accepts WebSocket connections, treats each URL path as a room, routes
// register/unregister/send/answer, keeps acks, limits and counters, and reports what happens
// through batched signals. It may live in its own thread: create it, moveToThread(), then call
// start() through a queued invocation; every other member function belongs to that thread.
//
// It only wires the parts: the Listener (transport and handshake admission) hands over
// connections, whose requests go to the Router; what the router decides to deliver passes the
// DeliveryPipeline and is written here; EventBuilder turns all of it into observation events.
class Broker : public QObject,
               private ClientConnection::Handler,
               private RoutingOutput,
               private DeliveryPipeline::Output,
               private TrafficControlStage::Host {
    Q_OBJECT
public:
    explicit Broker(const BrokerSettings &settings, QObject *parent = nullptr);
    ~Broker() override;

    const BrokerSettings &settings() const { return m_settings; }
    bool isListening() const;
    QUrl url() const { return m_url; }
    QString errorString() const { return m_error; }
    const BrokerCounters &counters() const { return m_counters; }
    // Frames observers did not get (over maxRecordedFramesPerSecond), as in snapshots; cheap.
    quint64 unrecordedFrames() const { return m_recorder.droppedEvents(); }
    BrokerSnapshot snapshot() const;
    // GET /metrics's text (Prometheus format) as of now.
    QByteArray metricsText() const;
    int connectionCount() const { return int(m_connections.size()); }
    int roomCount() const { return m_rooms.size(); }
    int pendingAckCount() const { return m_router.acks().size(); }
    // Where delivery stages are installed (traffic control); empty by default.
    DeliveryPipeline &deliveryPipeline() { return m_pipeline; }

public slots:
    // Listens on the settings' host and port; emits started() or startFailed().
    bool start();
    // Closes every connection with 1001 and stops listening; emits stopped() once all are
    // gone (or after a grace period).
    void stop();
    void disconnectClient(quint64 connectionId);
    // How often snapshotReady() is emitted while someone listens to it.
    void setSnapshotInterval(int ms);

    // Traffic control (see TrafficRule): replaces the rules; emits trafficRulesChanged().
    // With no enabled rule the stage is taken out and deliveries go straight to the socket.
    void setTrafficRules(const TrafficRuleList &rules);
    // The user's answers for a held frame (frameHeld). An edit must be a JSON object; one
    // that is not is refused (heldFrameRefused) and the frame stays held.
    void releaseHeld(quint64 ticket, const QByteArray &edited = {});
    void dropHeld(quint64 ticket);
    void releaseAllHeld();

signals:
    void started(const QUrl &url);
    void startFailed(const QString &error);
    void stopped();
    void eventsReady(const BrokerEventList &events);
    void snapshotReady(const BrokerSnapshot &snapshot);
    // A hold rule stopped a frame; it waits until released or dropped (heldFrameEnded).
    void frameHeld(const HeldFrame &frame);
    void heldFrameEnded(quint64 ticket, HeldFrame::End end, const QString &intervention);
    void heldFrameRefused(quint64 ticket, const QString &error);
    void trafficRulesChanged(const TrafficRuleList &rules);
    // A monitor passed its token on MonitorPath (roomname.h). Connect it directly, in the
    // broker's thread: the receiver takes the socket over. Without a receiver, or with a wrong
    // token, the broker refuses the connection with 1008 and counts it.
    void monitorOpened(WebSocketConnection *socket, bool control);

protected:
    void connectNotify(const QMetaMethod &signal) override;
    void disconnectNotify(const QMetaMethod &signal) override;

private:
    // Whether anyone still listens to the events and snapshots (stops recording if not).
    void updateObservers();
    void openConnection(WebSocketConnection *socket);
    // A request on the port that is no WebSocket upgrade: /metrics, /healthz (brokermetrics.cpp).
    void answerPlainRequest(WebSocketConnection *socket, const PlainHttpRequest &request);
    // A connection to a reserved path: a monitor, or refused.
    void openReserved(WebSocketConnection *socket, const QString &path);
    void recordRefusedHandshake(const QHostAddress &address, quint16 port, CloseReason reason,
                                const QString &detail);
    void countIn(FrameAction action, qsizetype bytes) {
        ++m_counters.framesInByAction[size_t(action)];
        m_counters.bytesInByAction[size_t(action)] += quint64(bytes);
    }
    // ClientConnection::Handler: what a client's socket received.
    void handleText(ClientConnection *conn, const QByteArray &utf8) override;
    void handleBinary(ClientConnection *conn, const QByteArray &data) override;
    void handlePong(ClientConnection *conn) override;
    void handleDisconnected(ClientConnection *conn) override;
    void closeConnection(ClientConnection *conn, CloseReason reason, int closeCode,
                         const QString &detail);
    void finishStop();
    void expireAcks();
    void scheduleAckExpiry();
    void pingConnections();
    void emitSnapshot();
    ConnectionInfo describe(const ClientConnection *conn) const;

    // RoutingOutput: the router's decisions.
    void deliver(ClientConnection *receiver, FrameAction action, const QByteArray &frame,
                 const QByteArray &ack, const ClientConnection *sender) override;
    void idRegistered(const ClientConnection *conn, const QString &detail) override;
    void idReleased(const ClientConnection *conn, const QString &why) override;
    // DeliveryPipeline::Output: sends a frame, records it, and cuts off a receiver whose
    // unsent data passed its bound; or records one that a stage dropped.
    void write(Delivery &&delivery) override;
    void discard(Delivery &&delivery) override;
    void writeFrame(ClientConnection *conn, FrameAction action, const QByteArray &frame,
                    const QByteArray &ack, const QString &intervention);
    // TrafficControlStage::Host: what traffic rules need of the broker.
    void writeCopy(const Delivery &delivery) override;
    void closeAfterWrite(quint64 receiverId, int code, const QString &detail) override;
    void setAnswersPings(quint64 receiverId, bool answer) override;

    BrokerSettings m_settings;
    FrameCodec::Limits m_limits;
    Admission m_admission;
    Listener *m_listener = nullptr;
    std::map<quint64, std::unique_ptr<ClientConnection>> m_connections;
    std::vector<std::unique_ptr<ClientConnection>> m_closed; // disconnected, deleted next turn
    RoomTable m_rooms;
    BrokerCounters m_counters;
    Router m_router;
    HttpEndpoint m_http;
    DeliveryPipeline m_pipeline;
    TrafficControlStage *m_traffic = nullptr; // installed in m_pipeline while there are rules
    TrafficRuleList m_trafficRules;
    // A close rule's close, done right after the write of the frame that triggered it.
    struct PendingClose {
        quint64 receiverId = 0;
        int code = 0;
        QString detail;
    } m_closeAfterWrite;
    EventRecorder m_recorder;
    EventBuilder m_events;
    QTimer m_ackTimer;
    QTimer m_pingTimer;
    QTimer m_snapshotTimer;
    QTimer m_stopTimer;
    std::atomic<bool> m_snapshotObserved{false};
    std::deque<ConnectionInfo> m_recentlyClosed;
    quint64 m_nextConnectionId = 1;
    QString m_error;
    QUrl m_url;
    qint64 m_startedAtMs = 0;
    bool m_stopping = false;
};

#include "broker.h"

#include "clientconnection.h"
#include "closinghandshake.h"
#include "listener.h"
#include "liveness.h"
#include "room.h"
#include "roomname.h"
#include "websocketconnection.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcBroker, "wsmsgbroker.broker", QtWarningMsg)

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr int StopGraceMs = 2000;

} // namespace

Broker::Broker(const BrokerSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_admission(m_settings)
    , m_listener(new Listener(m_settings, m_admission, this))
    , m_router(m_settings, m_counters,
               [this](quint64 id) {
                   const auto it = m_connections.find(id);
                   return it == m_connections.end() ? nullptr : it->second.get();
               })
    , m_http(m_settings, m_counters, [this] { return metricsText(); })
    , m_pipeline(*this)
    , m_recorder(this)
    , m_events(m_recorder, settings.maxRecordedFrameBytes)
    , m_ackTimer(this)
    , m_pingTimer(this)
    , m_snapshotTimer(this)
    , m_stopTimer(this) {
    qRegisterMetaType<BrokerEventList>();
    qRegisterMetaType<BrokerSnapshot>();
    qRegisterMetaType<HeldFrame>();
    qRegisterMetaType<HeldFrame::End>();
    qRegisterMetaType<TrafficRule>();
    qRegisterMetaType<TrafficRuleList>();
    m_pipeline.setLimits(settings.maxHeldFrames, settings.maxQueuedBytes);
    m_limits.maxDepth = settings.maxNestingDepth;
    m_limits.maxDestinations = settings.maxDestinations;
    m_limits.maxIdLength = settings.maxIdLength;

    connect(m_listener, &Listener::upgraded, this, &Broker::openConnection);
    connect(m_listener, &Listener::refused, this, &Broker::recordRefusedHandshake);
    connect(m_listener, &Listener::plainRequest, this, &Broker::answerPlainRequest);
    m_recorder.setFrameRateLimit(settings.maxRecordedFramesPerSecond);
    connect(&m_recorder, &EventRecorder::batchReady, this, &Broker::eventsReady);
    m_ackTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, &Broker::expireAcks);
    connect(&m_pingTimer, &QTimer::timeout, this, &Broker::pingConnections);
    m_snapshotTimer.setInterval(500);
    connect(&m_snapshotTimer, &QTimer::timeout, this, &Broker::emitSnapshot);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        // Peers that did not finish the closing handshake in time are cut.
        std::vector<WebSocketConnection *> left;
        for (auto &[id, conn] : m_connections)
            left.push_back(conn->socket());
        for (WebSocketConnection *socket : left)
            socket->abort();
        finishStop();
    });
}

Broker::~Broker() {
    // No events or signals from here on: observers may already be gone.
    m_recorder.setActive(false);
    for (auto &[id, conn] : m_connections) {
        conn->socket()->setReceiver(nullptr);
        conn->socket()->abort();
    }
    m_connections.clear();
}

bool Broker::isListening() const {
    return m_listener->isListening();
}

bool Broker::start() {
    if (isListening())
        return true;
    m_stopping = false;
    m_error = m_settings.validate();
    if (m_error.isEmpty())
        m_error = m_listener->listen();
    if (!m_error.isEmpty()) {
        emit startFailed(m_error);
        return false;
    }
    m_url = QUrl();
    m_url.setScheme(m_settings.usesTls() ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_url.setHost(m_settings.host.toString());
    m_url.setPort(m_listener->port());
    m_url.setPath(QStringLiteral("/"));
    m_events.startSession(QRandomGenerator::global()->generate64() | 1, m_url.toString());
    m_startedAtMs = nowMs();
    if (m_settings.pingIntervalMs > 0)
        m_pingTimer.start(m_settings.pingIntervalMs);
    if (m_snapshotObserved.load())
        m_snapshotTimer.start();
    qCInfo(lcBroker) << "listening on" << m_url;
    emit started(m_url);
    return true;
}

void Broker::stop() {
    if (m_stopping)
        return;
    m_stopping = true;
    m_listener->close();
    m_pingTimer.stop();
    const QString stopped = tr("dropped: the broker stopped");
    if (const int pending = m_pipeline.pendingCount(); pending > 0)
        qCInfo(lcBroker) << pending << "held or waiting frames dropped at stop";
    m_pipeline.dropAll(stopped);
    if (m_traffic)
        m_traffic->forgetAll(stopped);
    std::vector<ClientConnection *> open;
    for (auto &[id, conn] : m_connections)
        open.push_back(conn.get());
    if (open.empty()) {
        finishStop();
        return;
    }
    // Started before closing: a close may drop a connection at once, and then the last one
    // to go finishes the stop from handleDisconnected().
    m_stopTimer.start(StopGraceMs);
    for (ClientConnection *conn : open)
        closeConnection(conn, CloseReason::ServerStopping, WebSocketConnection::CloseGoingAway,
                        tr("broker shutting down"));
}

void Broker::finishStop() {
    m_stopTimer.stop();
    m_listener->release();
    emitSnapshot();
    m_recorder.flush();
    emit stopped();
}

void Broker::disconnectClient(quint64 connectionId) {
    auto it = m_connections.find(connectionId);
    if (it == m_connections.end())
        return;
    closeConnection(it->second.get(), CloseReason::ClosedByUser, WebSocketConnection::CloseNormal,
                    tr("disconnected from the inspector"));
}

void Broker::setSnapshotInterval(int ms) {
    m_snapshotTimer.setInterval(ms);
}

void Broker::connectNotify(const QMetaMethod &signal) {
    if (signal == QMetaMethod::fromSignal(&Broker::eventsReady)) {
        m_recorder.setActive(true);
    } else if (signal == QMetaMethod::fromSignal(&Broker::snapshotReady)) {
        m_snapshotObserved = true;
        // The timer lives in the broker's thread; start it there.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isListening() && m_snapshotObserved)
                    m_snapshotTimer.start();
            },
            Qt::QueuedConnection);
    }
}

void Broker::disconnectNotify(const QMetaMethod &) {
    // Qt may call this with a QObject mutex held (a receiver being destroyed): asking
    // isSignalConnected() here deadlocked tst_broker now and then. Ask from the event loop.
    QMetaObject::invokeMethod(this, &Broker::updateObservers, Qt::QueuedConnection);
}

void Broker::updateObservers() {
    m_recorder.setActive(isSignalConnected(QMetaMethod::fromSignal(&Broker::eventsReady)));
    m_snapshotObserved = isSignalConnected(QMetaMethod::fromSignal(&Broker::snapshotReady));
}

void Broker::recordRefusedHandshake(const QHostAddress &address, quint16 port, CloseReason reason,
                                    const QString &detail) {
    ++m_counters.closesByReason[size_t(reason)];
    qCInfo(lcBroker) << address << port << detail;
    m_events.handshakeRefused(address, port, reason, detail);
}

void Broker::openConnection(WebSocketConnection *socket) {
    socket->setParent(this);
    const QString roomName = roomNameOf(socket->requestUrl());
    if (isReservedRoom(roomName)) [[unlikely]] {
        openReserved(socket, roomName);
        return;
    }
    bool roomCreated = false;
    Room *room = m_rooms.join(roomName, &roomCreated);
    const quint64 id = m_nextConnectionId++;
    ClientConnection::Handler *handler = this;
    auto owned = std::make_unique<ClientConnection>(id, socket, room, nowMs(), handler);
    ClientConnection *conn = owned.get();
    m_connections.emplace(id, std::move(owned));
    ++m_counters.connectionsOpened;

    m_events.connectionOpened(conn, roomCreated);

    // Refusals happen before any frame is routed; the connection still shows up with
    // its reason so that the refused client can be found in the inspector.
    if (const auto refusal = m_admission.checkOpened(connectionCount(), socket->requestUrl()))
        closeConnection(conn, refusal->reason, refusal->closeCode, refusal->detail);
}

void Broker::openReserved(WebSocketConnection *socket, const QString &path) {
    Admission::MonitorRole role = Admission::MonitorRole::Read;
    std::optional<Admission::Refusal> refusal;
    if (path != MonitorPath || !m_settings.monitorEnabled() ||
        !isSignalConnected(QMetaMethod::fromSignal(&Broker::monitorOpened)))
        refusal = Admission::Refusal{CloseReason::HandshakeRefused,
                                     WebSocketConnection::ClosePolicyViolated,
                                     tr("%1 is reserved for the broker, not a room").arg(path)};
    else
        refusal = m_admission.checkMonitor(socket->requestUrl(), socket->authorization(), &role);
    if (!refusal) {
        emit monitorOpened(socket, role == Admission::MonitorRole::Control);
        return;
    }
    // Refused as a handshake is: counted by reason and shown to observers, never a room.
    recordRefusedHandshake(socket->peerAddress(), socket->peerPort(), refusal->reason,
                           refusal->detail);
    socket->deleteLaterWhenDisconnected();
    QTimer::singleShot(StopGraceMs, socket, &WebSocketConnection::abort);
    socket->close(refusal->closeCode, refusal->detail);
}

void Broker::handleText(ClientConnection *conn, const QByteArray &utf8) {
    if (conn->isClosing())
        return; // refused or cut off: nothing more of it is routed
    conn->countIncoming(utf8.size());
    ++m_counters.framesIn;
    m_counters.bytesIn += quint64(utf8.size());
    m_events.beginRequest(conn, utf8, false);
    if (const auto limited = m_admission.checkRate(conn)) {
        countIn(FrameAction::None, utf8.size());
        m_events.endRequest(conn, FrameAction::None, {},
                            m_router.reject(conn, FrameError::RateLimited, *limited, {}, *this));
        return;
    }
    const ParsedRequest req = FrameCodec::parse(utf8, m_limits);
    countIn(req.action, utf8.size());
    const RoutingResult result =
        req.isValid() ? m_router.route(conn, req, *this)
                      : m_router.reject(conn, req.error, req.errorReason, req.ackJson, *this);
    m_events.endRequest(conn, req.action, req.ack, result);
    if (result.ackRemembered && !m_ackTimer.isActive())
        scheduleAckExpiry();
}

void Broker::handleBinary(ClientConnection *conn, const QByteArray &data) {
    if (conn->isClosing())
        return;
    conn->countIncoming(data.size());
    ++m_counters.framesIn;
    m_counters.bytesIn += quint64(data.size());
    countIn(FrameAction::None, data.size());
    m_events.beginRequest(conn, data, true);
    RoutingResult result =
        m_router.reject(conn, FrameError::BinaryNotSupported,
                        tr("binary frames are not supported; send JSON as text"), {}, *this);
    result.detail = tr("binary frames are not supported");
    m_events.endRequest(conn, FrameAction::None, {}, result);
}

void Broker::deliver(ClientConnection *receiver, FrameAction action, const QByteArray &frame,
                     const QByteArray &ack, const ClientConnection *sender) {
    // No stage installed: the write, without building a Delivery (the common case).
    if (m_pipeline.passesStraight()) [[likely]] {
        writeFrame(receiver, action, frame, ack, {});
        return;
    }
    // Traffic rules alone, none of which can touch this frame, and nothing for the receiver
    // held: the same write (the common case while rules are installed).
    if (m_traffic && m_pipeline.stageCount() == 1 &&
        !m_traffic->mayAct(receiver, action, sender->clientId()) &&
        !m_pipeline.isBlocked(receiver->id())) {
        writeFrame(receiver, action, frame, ack, {});
        return;
    }
    m_pipeline.deliver(Delivery{
        receiver, receiver->id(), sender->id(), sender->clientId(), action, frame, ack, {}});
}

void Broker::idRegistered(const ClientConnection *conn, const QString &detail) {
    m_events.idRegistered(conn, detail);
}

void Broker::idReleased(const ClientConnection *conn, const QString &why) {
    m_events.idReleased(conn, why);
}

void Broker::write(Delivery &&delivery) {
    writeCopy(delivery);
    if (m_closeAfterWrite.receiverId == delivery.receiverId) [[unlikely]] {
        const PendingClose close = std::exchange(m_closeAfterWrite, {});
        closeConnection(delivery.receiver, CloseReason::ClosedByRule, close.code, close.detail);
    }
}

void Broker::writeCopy(const Delivery &delivery) {
    writeFrame(delivery.receiver, delivery.action, delivery.frame, delivery.ack,
               delivery.intervention);
}

void Broker::closeAfterWrite(quint64 receiverId, int code, const QString &detail) {
    m_closeAfterWrite = PendingClose{receiverId, code, detail};
}

void Broker::setAnswersPings(quint64 receiverId, bool answer) {
    const auto it = m_connections.find(receiverId);
    if (it != m_connections.end())
        it->second->socket()->setAnswersPings(answer);
}

void Broker::writeFrame(ClientConnection *conn, FrameAction action, const QByteArray &frame,
                        const QByteArray &ack, const QString &intervention) {
    const qint64 queued = conn->sendText(frame);
    ++m_counters.framesOut;
    m_counters.bytesOut += quint64(frame.size());
    ++m_counters.framesOutByAction[size_t(action)];
    m_counters.bytesOutByAction[size_t(action)] += quint64(frame.size());
    m_events.frameWritten(conn, action, frame, ack, intervention);
    if (queued > m_settings.maxQueuedBytes) {
        closeConnection(conn, CloseReason::SlowConsumer, WebSocketConnection::ClosePolicyViolated,
                        tr("slow consumer: %1 bytes waiting to be sent (limit %2)")
                            .arg(queued)
                            .arg(m_settings.maxQueuedBytes));
    }
}

void Broker::discard(Delivery &&delivery) {
    ++m_counters.undelivered;
    m_counters.countSkipped(SkippedDelivery::Dropped);
    m_events.frameDropped(delivery);
}

void Broker::closeConnection(ClientConnection *conn, CloseReason reason, int closeCode,
                             const QString &detail) {
    ClosingHandshake::start(conn, reason, closeCode, detail, [this](int unsent) {
        m_counters.undelivered += quint64(unsent);
        m_counters.countSkipped(SkippedDelivery::UnsentAtClose, quint64(unsent));
    });
}

void Broker::handlePong(ClientConnection *conn) {
    conn->lastPongMs = nowMs();
}

void Broker::handleDisconnected(ClientConnection *conn) {
    auto it = m_connections.find(conn->id());
    if (it == m_connections.end())
        return;
    ClosingHandshake::explainPeerClose(conn);
    // What stages still hold for it goes first, recorded while it is still described.
    m_pipeline.forgetReceiver(conn->id());
    if (m_traffic)
        m_traffic->forgetReceiver(conn->id(), tr("dropped: the receiver left"));
    // Described before the id is released: the recently-closed list names who it was.
    ConnectionInfo info = describe(conn);
    info.closedAtMs = nowMs();
    m_router.forget(conn, *this);

    m_recentlyClosed.push_back(info);
    while (int(m_recentlyClosed.size()) > m_settings.recentlyClosedLimit)
        m_recentlyClosed.pop_front();
    ++m_counters.connectionsClosed;
    ++m_counters.closesByReason[size_t(conn->closeReason)];
    ++m_counters.closesByCode[BrokerCounters::closeCodeSlot(conn->socket()->closeCode())];
    m_events.connectionClosed(conn);
    if (conn->room()->connectionCount == 1)
        m_events.roomRemoved(conn);
    m_rooms.leave(conn->room());
    // We may be inside a send loop that still holds this connection; delete it later. It is
    // kept by the broker meanwhile, so that it is deleted even when the broker goes first (a
    // call queued on the socket, a child of the broker, was dropped then: LeakSanitizer).
    m_closed.push_back(std::move(it->second));
    m_connections.erase(it);
    if (m_closed.size() == 1)
        QMetaObject::invokeMethod(
            this, [this] { m_closed.clear(); }, Qt::QueuedConnection);

    // While the stop timer runs, a stop waits for the connections; when it has fired, its
    // own handler finishes the stop.
    if (m_stopping && m_connections.empty() && m_stopTimer.isActive())
        finishStop();
}

void Broker::scheduleAckExpiry() {
    const qint64 next = m_router.acks().nextDeadlineMs();
    if (next < 0)
        return;
    m_ackTimer.start(int(std::clamp<qint64>(next - nowMs() + 1, 0, 24 * 3600 * 1000)));
}

void Broker::expireAcks() {
    m_counters.acksExpired += quint64(m_router.acks().expire(nowMs()));
    scheduleAckExpiry();
}

void Broker::pingConnections() {
    for (const Liveness::Dead &dead :
         Liveness::check(m_connections, m_settings.pingIntervalMs, nowMs()))
        closeConnection(dead.connection, CloseReason::PingTimeout,
                        WebSocketConnection::CloseGoingAway, dead.detail);
}

ConnectionInfo Broker::describe(const ClientConnection *conn) const {
    ConnectionInfo info;
    info.session = m_events.session();
    info.connectionId = conn->id();
    info.room = conn->room()->name;
    info.clientId = conn->clientId();
    info.remoteAddress = conn->remoteAddress;
    info.remotePort = conn->remotePort;
    info.connectedAtMs = conn->connectedAtMs();
    info.closeReason = conn->closeReason;
    info.closeDetail = conn->closeDetail;
    info.framesIn = conn->framesIn;
    info.framesOut = conn->framesOut;
    info.bytesIn = conn->bytesIn;
    info.bytesOut = conn->bytesOut;
    info.pendingAcks = m_router.acks().pendingFor(conn->id());
    info.queuedBytes = conn->queuedBytes();
    return info;
}

BrokerSnapshot Broker::snapshot() const {
    BrokerSnapshot s;
    s.timeMs = nowMs();
    s.session = m_events.session();
    s.startedAtMs = m_startedAtMs;
    s.url = m_url;
    s.pendingAcks = m_router.acks().size();
    s.counters = m_counters;
    s.counters.unrecordedFrames = m_recorder.droppedEvents();
    s.connections.reserve(qsizetype(m_connections.size()));
    for (const auto &[id, conn] : m_connections)
        s.connections.append(describe(conn.get()));
    s.recentlyClosed = QList<ConnectionInfo>(m_recentlyClosed.begin(), m_recentlyClosed.end());
    return s;
}

void Broker::emitSnapshot() {
    if (m_snapshotObserved)
        emit snapshotReady(snapshot());
}

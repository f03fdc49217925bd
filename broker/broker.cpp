#include "broker.h"

#include "clientconnection.h"
#include "descriptorserver.h"
#include "room.h"
#include "websocketconnection.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcBroker, "wsmsgbroker.broker", QtWarningMsg)

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// The room of a request URL: its path, with the empty path and "/" being the same room.
QString roomNameOf(const QUrl &url) {
    const QString path = url.path();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

// Compares a presented secret with the expected one in a time that does not depend on where
// they first differ, so timing the refusals does not reveal the token a character at a time.
bool isSameSecret(const QString &presented, const QString &expected) {
    const QByteArray a = presented.toUtf8();
    const QByteArray b = expected.toUtf8();
    unsigned difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < b.size(); ++i)
        difference |= uchar(b.at(i)) ^ uchar(i < a.size() ? a.at(i) : 0);
    return difference == 0;
}

constexpr int StopGraceMs = 2000;
constexpr int CloseGraceMs = 2000;

// The TLS identity for wss://: a PEM certificate (chain) and its unencrypted PEM private key.
// Returns a one-line error, or an empty string.
QString loadTlsConfiguration(const BrokerSettings &settings, QSslConfiguration *config) {
    if (!QSslSocket::supportsSsl())
        return Broker::tr("TLS is not available: no usable TLS library (%1)")
            .arg(QSslSocket::sslLibraryBuildVersionString());
    QFile certificateFile(settings.tlsCertificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return Broker::tr("cannot read the TLS certificate \"%1\": %2")
            .arg(settings.tlsCertificatePath, certificateFile.errorString());
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll());
    if (chain.isEmpty() || chain.constFirst().isNull())
        return Broker::tr("no PEM certificate in \"%1\"").arg(settings.tlsCertificatePath);
    QFile keyFile(settings.tlsKeyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Broker::tr("cannot read the TLS key \"%1\": %2")
            .arg(settings.tlsKeyPath, keyFile.errorString());
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Broker::tr("no unencrypted PEM private key in \"%1\"").arg(settings.tlsKeyPath);
    *config = QSslConfiguration::defaultConfiguration();
    config->setLocalCertificateChain(chain);
    config->setPrivateKey(key);
    config->setPeerVerifyMode(QSslSocket::VerifyNone); // clients need no certificate
    return {};
}

} // namespace

Broker::Broker(const BrokerSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_acks(settings.maxPendingAcksPerConnection, settings.maxPendingAcks)
    , m_recorder(this)
    , m_ackTimer(this)
    , m_pingTimer(this)
    , m_snapshotTimer(this)
    , m_stopTimer(this) {
    qRegisterMetaType<BrokerEventList>();
    qRegisterMetaType<BrokerSnapshot>();
    m_limits.maxDepth = settings.maxNestingDepth;
    m_limits.maxDestinations = settings.maxDestinations;
    m_limits.maxIdLength = settings.maxIdLength;

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
        conn->socket()->disconnect(this);
        conn->socket()->abort();
    }
    m_connections.clear();
}

bool Broker::isListening() const {
    return m_tcpServer && m_tcpServer->isListening();
}

bool Broker::start() {
    if (isListening())
        return true;
    m_stopping = false;
    m_error.clear();
    if (const QString problem = m_settings.validate(); !problem.isEmpty()) {
        m_error = problem;
        emit startFailed(m_error);
        return false;
    }

    // wss://: a QSslServer (a QTcpServer) does the TLS handshake and hands over encrypted
    // sockets; the WebSocket protocol runs over them as over plain descriptors.
    QSslConfiguration tls;
    if (m_settings.usesTls()) {
        if (const QString problem = loadTlsConfiguration(m_settings, &tls); !problem.isEmpty()) {
            m_error = problem;
            emit startFailed(m_error);
            return false;
        }
    }

    // Qt's default listen backlog of 50 drops handshakes when many clients connect at once.
    delete m_tcpServer;
    if (m_settings.usesTls()) {
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(tls);
        sslServer->setHandshakeTimeout(m_settings.handshakeTimeoutMs);
        // Emitted once a connection can be taken, after its TLS handshake (newConnection()
        // comes earlier, when there is nothing to take yet).
        connect(sslServer, &QTcpServer::pendingConnectionAvailable, this,
                &Broker::acceptTlsConnections);
        m_tcpServer = sslServer;
    } else {
        auto *plainServer = new DescriptorServer(this);
        connect(plainServer, &DescriptorServer::descriptorAccepted, this,
                &Broker::acceptDescriptor);
        m_tcpServer = plainServer;
    }
    m_tcpServer->setListenBacklogSize(4096);
    m_tcpServer->setMaxPendingConnections(std::numeric_limits<int>::max());
    if (!m_tcpServer->listen(m_settings.host, m_settings.port)) {
        const QString hostText = m_settings.host.protocol() == QAbstractSocket::IPv6Protocol
                                     ? QStringLiteral("[%1]").arg(m_settings.host.toString())
                                     : m_settings.host.toString();
        m_error = tr("cannot listen on %1:%2: %3")
                      .arg(hostText)
                      .arg(m_settings.port)
                      .arg(m_tcpServer->errorString());
        delete m_tcpServer;
        m_tcpServer = nullptr;
        emit startFailed(m_error);
        return false;
    }

    m_url = QUrl();
    m_url.setScheme(m_settings.usesTls() ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_url.setHost(m_settings.host.toString());
    m_url.setPort(m_tcpServer->serverPort());
    m_url.setPath(QStringLiteral("/"));
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
    if (m_tcpServer)
        m_tcpServer->close();
    // Half-open handshakes are not connections yet: drop them.
    const QSet<WebSocketConnection *> handshaking = std::exchange(m_handshaking, {});
    for (WebSocketConnection *socket : handshaking)
        socket->deleteLater();
    m_pingTimer.stop();
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
    delete m_tcpServer;
    m_tcpServer = nullptr;
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

void Broker::disconnectNotify(const QMetaMethod &signal) {
    if (signal == QMetaMethod::fromSignal(&Broker::eventsReady))
        m_recorder.setActive(isSignalConnected(signal));
    else if (signal == QMetaMethod::fromSignal(&Broker::snapshotReady))
        m_snapshotObserved = isSignalConnected(signal);
}

void Broker::acceptDescriptor(qintptr descriptor) {
    expectHandshake(new WebSocketConnection(descriptor, this));
}

void Broker::acceptTlsConnections() {
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection())
        expectHandshake(new WebSocketConnection(socket, this));
}

void Broker::expectHandshake(WebSocketConnection *socket) {
    socket->setServerName(QByteArrayLiteral("wsmsgbroker/" WSMSGBROKER_VERSION));
    socket->setMaxMessageBytes(m_settings.maxMessageBytes);
    m_handshaking.insert(socket);
    connect(socket, &WebSocketConnection::handshakeRequested, this,
            [this, socket] { handleHandshake(socket); });
    connect(
        socket, &WebSocketConnection::handshakeFailed, this,
        [this, socket](int httpStatus, const QByteArray &reasonPhrase) {
            recordRefusedHandshake(
                socket, CloseReason::HandshakeRefused,
                tr("answered HTTP %1 %2").arg(httpStatus).arg(QString::fromLatin1(reasonPhrase)));
        });
    // Gone before its handshake was done (refused, timed out, or the client left).
    connect(socket, &WebSocketConnection::disconnected, this, [this, socket] {
        if (m_handshaking.remove(socket))
            socket->deleteLater();
    });
    QTimer::singleShot(m_settings.handshakeTimeoutMs, socket, [this, socket] {
        if (socket->state() == WebSocketConnection::State::Handshaking) {
            recordRefusedHandshake(socket, CloseReason::HandshakeTimeout,
                                   tr("no complete opening handshake within %1 ms")
                                       .arg(m_settings.handshakeTimeoutMs));
            socket->abort();
        }
    });
}

void Broker::recordRefusedHandshake(const WebSocketConnection *socket, CloseReason reason,
                                    const QString &detail) {
    ++m_counters.closesByReason[size_t(reason)];
    qCInfo(lcBroker) << socket->peerAddress() << socket->peerPort() << detail;
    if (observed()) {
        // Not a connection yet: no id, no room; the peer is named in the detail.
        BrokerEvent e = makeEvent(BrokerEvent::Kind::ConnectionClosed, nullptr);
        e.closeReason = reason;
        e.detail = QStringLiteral("%1 (%2:%3)")
                       .arg(detail, socket->peerAddress().toString())
                       .arg(socket->peerPort());
        record(std::move(e));
    }
}

void Broker::handleHandshake(WebSocketConnection *socket) {
    // The allow-list is for browsers, which always send Origin and cannot forge it. A client
    // without one is a program, which could send any Origin it liked, so refusing it would
    // protect nothing and only lock out scripts like the original node client (--token is the
    // way to keep programs out).
    if (!m_settings.allowedOrigins.isEmpty() && !socket->origin().isEmpty() &&
        !m_settings.allowedOrigins.contains(socket->origin())) {
        recordRefusedHandshake(socket, CloseReason::OriginRefused,
                               tr("Origin \"%1\" is not on the allow-list").arg(socket->origin()));
        socket->rejectHandshake(403, QByteArrayLiteral("Forbidden"));
        return;
    }
    m_handshaking.remove(socket);
    socket->disconnect(this);
    socket->acceptHandshake();
    const qint64 now = nowMs();
    const QString roomName = roomNameOf(socket->requestUrl());
    auto roomIt = m_rooms.find(roomName);
    bool roomCreated = false;
    if (roomIt == m_rooms.end()) {
        roomIt = m_rooms.emplace(roomName, std::make_unique<Room>(roomName)).first;
        roomCreated = true;
    }
    Room *room = roomIt->second.get();
    ++room->connectionCount;

    const quint64 id = m_nextConnectionId++;
    auto owned = std::make_unique<ClientConnection>(id, socket, room, now);
    ClientConnection *conn = owned.get();
    m_connections.emplace(id, std::move(owned));
    ++m_counters.connectionsOpened;

    // One lambda per socket: a shared slot would have to look up sender(), which walks
    // every connection made to the receiver.
    connect(socket, &WebSocketConnection::textMessageReceived, this,
            [this, conn](const QByteArray &utf8) { handleText(conn, utf8); });
    connect(socket, &WebSocketConnection::binaryMessageReceived, this,
            [this, conn](const QByteArray &data) { handleBinary(conn, data); });
    connect(socket, &WebSocketConnection::disconnected, this,
            [this, conn] { handleDisconnected(conn); });
    connect(socket, &WebSocketConnection::pong, this, [conn] { conn->lastPongMs = nowMs(); });

    if (observed()) {
        if (roomCreated)
            record(makeEvent(BrokerEvent::Kind::RoomCreated, conn));
        BrokerEvent e = makeEvent(BrokerEvent::Kind::ConnectionOpened, conn);
        e.detail = QStringLiteral("%1:%2").arg(conn->remoteAddress).arg(conn->remotePort);
        record(std::move(e));
    }

    // Refusals happen before any frame is routed; the connection still shows up with
    // its reason so that the refused client can be found in the inspector.
    if (int(m_connections.size()) > m_settings.maxConnections) {
        closeConnection(conn, CloseReason::TooManyConnections,
                        WebSocketConnection::ClosePolicyViolated,
                        tr("too many connections (limit %1)").arg(m_settings.maxConnections));
    } else if (!m_settings.token.isEmpty() &&
               !isSameSecret(QUrlQuery(socket->requestUrl())
                                 .queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded),
                             m_settings.token)) {
        closeConnection(conn, CloseReason::TokenRefused, WebSocketConnection::ClosePolicyViolated,
                        tr("missing or wrong access token"));
    }
}

bool Broker::checkRateLimit(ClientConnection *conn, qint64 now) {
    if (now - conn->rateWindowStartMs >= 1000) {
        conn->rateWindowStartMs = now;
        conn->rateWindowFrames = 0;
    }
    return ++conn->rateWindowFrames <= m_settings.rateLimitPerSecond;
}

void Broker::handleText(ClientConnection *conn, const QByteArray &utf8) {
    if (conn->isClosing())
        return; // refused or cut off: nothing more of it is routed
    conn->countIncoming(utf8.size());
    ++m_counters.framesIn;
    m_counters.bytesIn += quint64(utf8.size());

    // The frame's place in the batch is taken before the frames it causes (an empty event
    // holds it) and filled once the outcome is known.
    std::optional<BrokerEvent> in;
    qsizetype slot = -1;
    if (m_recorder.takesFrame()) {
        slot = m_recorder.record(BrokerEvent{});
        in = makeEvent(BrokerEvent::Kind::FrameIn, conn);
        in->size = utf8.size();
        in->data = recordedBytes(utf8);
    }
    BrokerEvent *event = in ? &*in : nullptr;

    if (m_settings.rateLimitPerSecond > 0 && !checkRateLimit(conn, nowMs())) {
        sendError(conn, FrameError::RateLimited,
                  tr("more than %1 frames per second").arg(m_settings.rateLimitPerSecond), {},
                  event);
    } else {
        const ParsedRequest req = FrameCodec::parse(utf8, m_limits);
        if (event) {
            event->action = req.action;
            event->ack = req.ack;
        }
        if (!req.isValid()) {
            sendError(conn, req.error, req.errorReason, req.ackJson, event);
        } else {
            switch (req.action) {
            case FrameAction::Register:
                handleRegister(conn, req, event);
                break;
            case FrameAction::Unregister:
                handleUnregister(conn, event);
                break;
            case FrameAction::Send:
                handleSend(conn, req, event);
                break;
            case FrameAction::Answer:
                handleAnswer(conn, req, event);
                break;
            default:
                break;
            }
        }
    }
    if (in)
        m_recorder.replace(slot, std::move(*in));
}

void Broker::handleBinary(ClientConnection *conn, const QByteArray &data) {
    if (conn->isClosing())
        return;
    conn->countIncoming(data.size());
    ++m_counters.framesIn;
    m_counters.bytesIn += quint64(data.size());
    std::optional<BrokerEvent> in;
    if (m_recorder.takesFrame()) {
        in = makeEvent(BrokerEvent::Kind::FrameIn, conn);
        in->binary = true;
        in->size = data.size();
        in->data = recordedBytes(data);
        in->outcome = BrokerEvent::Outcome::Rejected;
        in->detail = tr("binary frames are not supported");
        record(std::move(*in));
    }
    sendError(conn, FrameError::BinaryNotSupported,
              tr("binary frames are not supported; send JSON as text"), {}, nullptr);
}

void Broker::handleRegister(ClientConnection *conn, const ParsedRequest &req, BrokerEvent *in) {
    Room *room = conn->room();
    if (conn->clientId() == req.id) {
        // Registering again under the same id changes nothing but is answered.
        sendFrame(conn, FrameCodec::registered(conn->clientIdJson()), FrameAction::Registered);
        if (in)
            in->outcome = BrokerEvent::Outcome::Done;
        return;
    }
    ClientConnection *holder = room->clients.value(req.id);
    if (holder) {
        if (m_settings.duplicateIds == BrokerSettings::DuplicateIdPolicy::Reject) {
            sendError(conn, FrameError::IdTaken,
                      tr("id \"%1\" is held by another connection").arg(QString::fromUtf8(req.id)),
                      {}, in);
            return;
        }
        releaseId(holder, tr("taken over by connection #%1").arg(conn->id()), true);
    }
    QString renamedFrom;
    if (conn->isRegistered()) {
        renamedFrom = QString::fromUtf8(conn->clientId());
        releaseId(conn, tr("renamed to \"%1\"").arg(QString::fromUtf8(req.id)), false);
    }
    conn->setClientId(req.id);
    room->clients.insert(req.id, conn);
    if (in) {
        in->clientId = conn->clientId();
        in->outcome = BrokerEvent::Outcome::Done;
    }
    if (observed()) {
        BrokerEvent e = makeEvent(BrokerEvent::Kind::ClientRegistered, conn);
        if (!renamedFrom.isEmpty())
            e.detail = tr("renamed from \"%1\"").arg(renamedFrom);
        else if (holder)
            e.detail = tr("took the id over from connection #%1").arg(holder->id());
        record(std::move(e));
    }
    sendFrame(conn, FrameCodec::registered(conn->clientIdJson()), FrameAction::Registered);
}

void Broker::handleUnregister(ClientConnection *conn, BrokerEvent *in) {
    if (!conn->isRegistered()) {
        if (in) {
            in->outcome = BrokerEvent::Outcome::Ignored;
            in->detail = tr("not registered");
        }
        return;
    }
    if (in)
        in->outcome = BrokerEvent::Outcome::Done;
    releaseId(conn, tr("unregistered by the client"), true);
}

void Broker::handleSend(ClientConnection *conn, const ParsedRequest &req, BrokerEvent *in) {
    if (!conn->isRegistered()) {
        sendError(conn, FrameError::NotRegistered, tr("register before sending"), req.ackJson, in);
        return;
    }
    Room *room = conn->room();
    const QByteArray frame = FrameCodec::message(req.message, conn->clientIdJson(), req.ackJson);
    QVarLengthArray<quint64, 2> recipients;
    QStringList unknown;
    int delivered = 0;
    // Each distinct id once: a linear look back for the usual handful of destinations, a set
    // for long lists (up to maxDestinations), where the look back would be quadratic.
    const bool manyDestinations = req.dest.size() > 16;
    QSet<QByteArrayView> seenIds;
    if (manyDestinations)
        seenIds.reserve(req.dest.size());
    for (qsizetype i = 0; i < req.dest.size(); ++i) {
        const QByteArray &dest = req.dest.at(i);
        bool seen = false;
        if (manyDestinations) {
            const qsizetype before = seenIds.size();
            seenIds.insert(dest);
            seen = seenIds.size() == before;
        } else {
            for (qsizetype j = 0; j < i && !seen; ++j)
                seen = req.dest.at(j) == dest;
        }
        if (seen)
            continue;
        // Sending to itself may have cut the sender off as a slow consumer: it has then left,
        // perhaps taking its room along, and the rest of this send is not delivered.
        if (conn->isClosing()) {
            ++m_counters.undelivered;
            continue;
        }
        ClientConnection *target = room->clients.value(dest);
        if (!target) {
            ++m_counters.skippedUnknownId;
            if (unknown.size() < 20)
                unknown.append(QString::fromUtf8(dest));
            continue;
        }
        if (target->isClosing()) {
            ++m_counters.undelivered;
            if (unknown.size() < 20)
                unknown.append(tr("%1 (closing)").arg(QString::fromUtf8(dest)));
            continue;
        }
        sendFrame(target, frame, FrameAction::Message, req.ack);
        ++delivered;
        ++m_counters.delivered;
        if (req.hasAck())
            recipients.append(target->id());
    }
    if (req.hasAck() && !recipients.isEmpty() && !conn->isClosing()) {
        const int evicted = m_acks.remember(PendingAckTable::makeKey(room->key, req.ack),
                                            conn->id(), req.ackJson.toByteArray(),
                                            std::move(recipients), nowMs() + m_settings.ackTtlMs);
        m_counters.acksEvicted += quint64(evicted);
        if (!m_ackTimer.isActive())
            scheduleAckExpiry();
    }
    if (in) {
        if (unknown.isEmpty()) {
            // No text on the common path: a translated, formatted string per send was a
            // tenth of the observed broker's time. The message frames that follow say it.
            in->outcome = BrokerEvent::Outcome::Done;
        } else {
            in->outcome = delivered ? BrokerEvent::Outcome::PartlyDelivered
                                    : BrokerEvent::Outcome::SkippedUnknownId;
            in->detail = tr("delivered to %n client(s); not delivered to: %1", nullptr, delivered)
                             .arg(unknown.join(QStringLiteral(", ")));
        }
    }
}

void Broker::handleAnswer(ClientConnection *conn, const ParsedRequest &req, BrokerEvent *in) {
    if (!conn->isRegistered()) {
        sendError(conn, FrameError::NotRegistered, tr("register before answering"), req.ackJson,
                  in);
        return;
    }
    PendingAckTable::Entry entry;
    const auto result =
        m_acks.take(PendingAckTable::makeKey(conn->room()->key, req.ack), conn->id(), &entry);
    QString dropped;
    if (result == PendingAckTable::TakeResult::UnknownAck) {
        dropped = tr("no pending ask with this ack (unknown, expired or already answered)");
    } else if (result == PendingAckTable::TakeResult::NotRecipient) {
        dropped = tr("this client did not receive the ask");
    } else {
        auto asker = m_connections.find(entry.asker);
        if (asker == m_connections.end() || asker->second->isClosing()) {
            dropped = tr("the asker has left");
        } else {
            sendFrame(asker->second.get(),
                      FrameCodec::answer(req.ackJson, conn->clientIdJson(), req.message),
                      FrameAction::Answer, req.ack);
            ++m_counters.answersForwarded;
            if (in)
                in->outcome = BrokerEvent::Outcome::Done;
            return;
        }
    }
    ++m_counters.droppedAnswers;
    if (in) {
        in->outcome = BrokerEvent::Outcome::DroppedAnswer;
        in->detail = dropped;
    }
}

void Broker::sendFrame(ClientConnection *conn, const QByteArray &frame, FrameAction action,
                       const QByteArray &ack) {
    const qint64 queued = conn->sendText(frame);
    ++m_counters.framesOut;
    m_counters.bytesOut += quint64(frame.size());
    if (m_recorder.takesFrame()) {
        BrokerEvent e = makeEvent(BrokerEvent::Kind::FrameOut, conn);
        e.action = action;
        e.outcome = BrokerEvent::Outcome::Done;
        e.size = frame.size();
        e.data = recordedBytes(frame);
        e.ack = ack;
        record(std::move(e));
    }
    if (queued > m_settings.maxQueuedBytes) {
        closeConnection(conn, CloseReason::SlowConsumer, WebSocketConnection::ClosePolicyViolated,
                        tr("slow consumer: %1 bytes waiting to be sent (limit %2)")
                            .arg(queued)
                            .arg(m_settings.maxQueuedBytes));
    }
}

void Broker::sendError(ClientConnection *conn, FrameError code, const QString &reason,
                       QByteArrayView ackJson, BrokerEvent *in) {
    ++m_counters.errorsSent;
    if (in) {
        in->outcome = BrokerEvent::Outcome::Rejected;
        in->detail = QStringLiteral("%1: %2").arg(
            QLatin1StringView(FrameCodec::errorCodeName(code)), reason);
    }
    sendFrame(conn, FrameCodec::error(code, reason, ackJson), FrameAction::Error);
}

void Broker::releaseId(ClientConnection *conn, const QString &why, bool notifyClient) {
    if (!conn->isRegistered())
        return;
    Room *room = conn->room();
    const QByteArray idJson = conn->clientIdJson();
    if (room->clients.value(conn->clientId()) == conn)
        room->clients.remove(conn->clientId());
    if (observed()) {
        BrokerEvent e = makeEvent(BrokerEvent::Kind::ClientUnregistered, conn);
        e.detail = why;
        record(std::move(e));
    }
    conn->clearClientId();
    if (notifyClient && !conn->isClosing())
        sendFrame(conn, FrameCodec::unregistered(idJson), FrameAction::Unregistered);
}

void Broker::closeConnection(ClientConnection *conn, CloseReason reason, int closeCode,
                             const QString &detail) {
    if (conn->isClosing())
        return;
    conn->closeReason = reason;
    conn->closeDetail = detail;
    WebSocketConnection *socket = conn->socket();
    const qint64 queuedBefore = socket->bytesToWrite();
    socket->close(closeCode, detail);
    // The close frame (none if the peer's close came first) is queued last and not a message.
    const qint64 closeFrameBytes = socket->bytesToWrite() - queuedBefore;
    // A peer that does not read would never take the close frame; cut it after a grace period.
    // Frames still queued then are lost and counted.
    QTimer::singleShot(
        CloseGraceMs, socket, [this, socket, sizes = conn->unsentFrameSizes(), closeFrameBytes] {
            m_counters.undelivered += quint64(
                ClientConnection::countUnsent(sizes, socket->bytesToWrite() - closeFrameBytes));
            socket->abort();
        });
}

void Broker::handleDisconnected(ClientConnection *conn) {
    auto it = m_connections.find(conn->id());
    if (it == m_connections.end())
        return;
    if (conn->closeReason == CloseReason::None) {
        conn->closeReason = CloseReason::ClientClosed;
        const int code = conn->socket()->closeCode();
        const QString why = conn->socket()->closeReason();
        // The connection closes on its own for messages over the size limit, invalid UTF-8
        // and protocol errors.
        if (code == WebSocketConnection::CloseTooMuchData)
            conn->closeReason = CloseReason::MessageTooBig;
        else if (code == WebSocketConnection::CloseInvalidUtf8)
            conn->closeReason = CloseReason::InvalidUtf8;
        else if (code == WebSocketConnection::CloseProtocolError)
            conn->closeReason = CloseReason::ProtocolError;
        conn->closeDetail = why.isEmpty() ? tr("close code %1").arg(code)
                                          : tr("close code %1: %2").arg(code).arg(why);
    }
    // Described before the id is released: the recently-closed list names who it was.
    ConnectionInfo info = describe(conn);
    info.closedAtMs = nowMs();
    releaseId(conn, tr("connection closed"), false);
    m_acks.forgetAsker(conn->id());

    m_recentlyClosed.push_back(info);
    while (int(m_recentlyClosed.size()) > m_settings.recentlyClosedLimit)
        m_recentlyClosed.pop_front();
    ++m_counters.connectionsClosed;
    ++m_counters.closesByReason[size_t(conn->closeReason)];

    if (observed()) {
        BrokerEvent e = makeEvent(BrokerEvent::Kind::ConnectionClosed, conn);
        e.closeReason = conn->closeReason;
        e.detail = conn->closeDetail;
        record(std::move(e));
    }
    Room *room = conn->room();
    if (--room->connectionCount == 0) {
        if (observed())
            record(makeEvent(BrokerEvent::Kind::RoomRemoved, conn));
        m_rooms.erase(room->name);
    }
    // We may be inside a send loop that still holds this connection; delete it later. The
    // socket (which only the connection deletes) carries the call, so that it still happens
    // when the broker is deleted first.
    ClientConnection *dying = it->second.release();
    m_connections.erase(it);
    QMetaObject::invokeMethod(
        dying->socket(), [dying] { delete dying; }, Qt::QueuedConnection);

    // While the stop timer runs, a stop waits for the connections; when it has fired, its
    // own handler finishes the stop.
    if (m_stopping && m_connections.empty() && m_stopTimer.isActive())
        finishStop();
}

void Broker::scheduleAckExpiry() {
    const qint64 next = m_acks.nextDeadlineMs();
    if (next < 0)
        return;
    m_ackTimer.start(int(std::clamp<qint64>(next - nowMs() + 1, 0, 24 * 3600 * 1000)));
}

void Broker::expireAcks() {
    m_counters.acksExpired += quint64(m_acks.expire(nowMs()));
    scheduleAckExpiry();
}

void Broker::pingConnections() {
    const qint64 now = nowMs();
    std::vector<ClientConnection *> dead;
    for (auto &[id, conn] : m_connections) {
        if (conn->isClosing())
            continue;
        if (now - conn->lastPongMs > 2 * qint64(m_settings.pingIntervalMs))
            dead.push_back(conn.get());
        else
            conn->socket()->ping();
    }
    for (ClientConnection *conn : dead)
        closeConnection(conn, CloseReason::PingTimeout, WebSocketConnection::CloseGoingAway,
                        tr("no answer to ping for %1 ms").arg(now - conn->lastPongMs));
}

BrokerEvent Broker::makeEvent(BrokerEvent::Kind kind, const ClientConnection *conn) const {
    BrokerEvent e;
    e.kind = kind;
    e.timeMs = nowMs();
    if (conn) {
        e.connectionId = conn->id();
        e.room = conn->room()->name;
        e.clientId = conn->clientId();
    }
    return e;
}

QByteArray Broker::recordedBytes(const QByteArray &frame) const {
    return frame.size() <= m_settings.maxRecordedFrameBytes
               ? frame
               : frame.left(m_settings.maxRecordedFrameBytes);
}

ConnectionInfo Broker::describe(const ClientConnection *conn) const {
    ConnectionInfo info;
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
    info.pendingAcks = m_acks.pendingFor(conn->id());
    info.queuedBytes = conn->queuedBytes();
    return info;
}

BrokerSnapshot Broker::snapshot() const {
    BrokerSnapshot s;
    s.timeMs = nowMs();
    s.url = m_url;
    s.pendingAcks = m_acks.size();
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

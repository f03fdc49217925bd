#include "listener.h"

#include "descriptorserver.h"
#include "tlsidentity.h"
#include "websocketconnection.h"

#include <QSslServer>

#include <algorithm>
#include <limits>

Listener::Listener(const BrokerSettings &settings, const Admission &admission, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_admission(admission)
    , m_handshakeTimer(this) { // a child, so that it moves to the broker's thread with this
    m_clock.start();
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &Listener::expireHandshakes);
}

Listener::~Listener() {
    release();
}

QString Listener::listen() {
    // wss://: a QSslServer (a QTcpServer) does the TLS handshake and hands over encrypted
    // sockets; the WebSocket protocol runs over them as over plain descriptors.
    QSslConfiguration tls;
    if (m_settings.usesTls()) {
        if (const QString problem = TlsIdentity::load(m_settings, &tls); !problem.isEmpty())
            return problem;
    }
    delete m_server;
    if (m_settings.usesTls()) {
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(tls);
        sslServer->setHandshakeTimeout(m_settings.handshakeTimeoutMs);
        // Emitted once a connection can be taken, after its TLS handshake (newConnection()
        // comes earlier, when there is nothing to take yet).
        connect(sslServer, &QTcpServer::pendingConnectionAvailable, this,
                &Listener::acceptTlsConnections);
        m_server = sslServer;
    } else {
        auto *plainServer = new DescriptorServer(this);
        connect(plainServer, &DescriptorServer::descriptorAccepted, this,
                &Listener::acceptDescriptor);
        m_server = plainServer;
    }
    // Qt's default listen backlog of 50 drops handshakes when many clients connect at once.
    m_server->setListenBacklogSize(4096);
    m_server->setMaxPendingConnections(std::numeric_limits<int>::max());
    if (!m_server->listen(m_settings.host, m_settings.port)) {
        const QString hostText = m_settings.host.protocol() == QAbstractSocket::IPv6Protocol
                                     ? QStringLiteral("[%1]").arg(m_settings.host.toString())
                                     : m_settings.host.toString();
        const QString error = tr("cannot listen on %1:%2: %3")
                                  .arg(hostText)
                                  .arg(m_settings.port)
                                  .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return error;
    }
    return {};
}

void Listener::close() {
    if (m_server)
        m_server->close();
    // Half-open handshakes are not connections yet: drop them.
    const QHash<WebSocketConnection *, quint64> handshaking = std::exchange(m_handshaking, {});
    for (auto it = handshaking.keyBegin(); it != handshaking.keyEnd(); ++it) {
        WebSocketConnection *socket = *it;
        socket->setReceiver(nullptr);
        socket->deleteLater();
    }
    m_deadlines.clear();
    m_handshakeTimer.stop();
}

void Listener::release() {
    close();
    delete m_server;
    m_server = nullptr;
}

bool Listener::isListening() const {
    return m_server && m_server->isListening();
}

quint16 Listener::port() const {
    return m_server ? m_server->serverPort() : 0;
}

void Listener::acceptDescriptor(qintptr descriptor) {
    expectHandshake(new WebSocketConnection(descriptor, this));
}

void Listener::acceptTlsConnections() {
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        expectHandshake(new WebSocketConnection(socket, this));
}

void Listener::expectHandshake(WebSocketConnection *socket) {
    socket->setServerName(QByteArrayLiteral("wsmsgbroker/" WSMSGBROKER_VERSION));
    socket->setMaxMessageBytes(m_settings.maxMessageBytes);
    socket->setReceiver(this);
    const quint64 ticket = m_nextTicket++;
    m_handshaking.insert(socket, ticket);
    m_deadlines.push_back({m_clock.elapsed() + m_settings.handshakeTimeoutMs, socket, ticket});
    if (!m_handshakeTimer.isActive())
        startHandshakeTimer();
}

void Listener::startHandshakeTimer() {
    if (!m_deadlines.empty())
        m_handshakeTimer.start(
            int(std::max<qint64>(0, m_deadlines.front().deadlineMs - m_clock.elapsed())));
}

void Listener::expireHandshakes() {
    const qint64 now = m_clock.elapsed();
    while (!m_deadlines.empty() && m_deadlines.front().deadlineMs <= now) {
        const HandshakeDeadline due = m_deadlines.front();
        m_deadlines.pop_front();
        const auto it = m_handshaking.constFind(due.socket);
        if (it == m_handshaking.constEnd() || it.value() != due.ticket)
            continue; // done (or gone) in time
        WebSocketConnection *socket = due.socket;
        if (socket->state() == WebSocketConnection::State::Handshaking) {
            emit refused(socket->peerAddress(), socket->peerPort(), CloseReason::HandshakeTimeout,
                         tr("no complete opening handshake within %1 ms")
                             .arg(m_settings.handshakeTimeoutMs));
            socket->abort();
        }
    }
    startHandshakeTimer();
}

void Listener::plainRequestReceived(WebSocketConnection *socket, const PlainHttpRequest &request) {
    emit plainRequest(socket, request);
}

void Listener::handshakeFailed(WebSocketConnection *socket, int httpStatus,
                               const QByteArray &reasonPhrase) {
    emit refused(socket->peerAddress(), socket->peerPort(), CloseReason::HandshakeRefused,
                 tr("answered HTTP %1 %2").arg(httpStatus).arg(QString::fromLatin1(reasonPhrase)));
}

void Listener::disconnected(WebSocketConnection *socket) {
    // Gone before its handshake was done (refused, timed out, or the client left).
    if (m_handshaking.remove(socket))
        socket->deleteLater();
}

void Listener::handshakeRequested(WebSocketConnection *socket) {
    if (const auto refusal = m_admission.checkOrigin(socket->origin())) {
        emit refused(socket->peerAddress(), socket->peerPort(), refusal->reason, refusal->detail);
        socket->rejectHandshake(403, QByteArrayLiteral("Forbidden"));
        return;
    }
    m_handshaking.remove(socket);
    socket->setReceiver(nullptr); // the new owner sets its own
    socket->acceptHandshake();
    emit upgraded(socket);
}

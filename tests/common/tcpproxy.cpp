#include "tcpproxy.h"

#include <QTcpSocket>

TcpProxy::TcpProxy(const QHostAddress &serverHost, quint16 serverPort, QObject *parent)
    : QObject(parent)
    , m_serverHost(serverHost)
    , m_serverPort(serverPort) {
    connect(&m_listener, &QTcpServer::newConnection, this, &TcpProxy::accept);
}

quint16 TcpProxy::listen() {
    return m_listener.listen(QHostAddress::LocalHost) ? m_listener.serverPort() : 0;
}

void TcpProxy::accept() {
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        ++m_accepted;
        auto *server = new QTcpSocket(this);
        // Paused: Qt takes no more from the kernel than one byte, so the path backs up.
        server->setReadBufferSize(m_paused ? 1 : 0);
        m_pairs.push_back({client, server});
        connect(client, &QTcpSocket::readyRead, this,
                [this, client, server] { forward(client, server); });
        connect(server, &QTcpSocket::readyRead, this, [this, client, server] {
            if (!m_paused)
                forward(server, client);
        });
        connect(server, &QTcpSocket::connected, this,
                [this, client, server] { forward(client, server); });
        const auto drop = [this, client, server] {
            for (auto it = m_pairs.begin(); it != m_pairs.end(); ++it) {
                if (it->client == client) {
                    m_pairs.erase(it);
                    client->disconnect(this);
                    server->disconnect(this);
                    client->abort();
                    server->abort();
                    client->deleteLater();
                    server->deleteLater();
                    return;
                }
            }
        };
        connect(client, &QTcpSocket::disconnected, this, drop);
        connect(server, &QTcpSocket::disconnected, this, drop);
        server->connectToHost(m_serverHost, m_serverPort);
    }
}

void TcpProxy::forward(QTcpSocket *from, QTcpSocket *to) {
    if (to->state() == QAbstractSocket::ConnectedState)
        to->write(from->readAll());
}

void TcpProxy::cutAll() {
    const std::vector<Pair> pairs = std::exchange(m_pairs, {});
    for (const Pair &pair : pairs) {
        pair.client->disconnect(this);
        pair.server->disconnect(this);
        pair.client->abort();
        pair.server->abort();
        pair.client->deleteLater();
        pair.server->deleteLater();
    }
}

void TcpProxy::setServerPaused(bool paused) {
    m_paused = paused;
    for (const Pair &pair : m_pairs) {
        // A read buffer of one byte: Qt stops taking data from the kernel while it is full.
        pair.server->setReadBufferSize(paused ? 1 : 0);
        if (!paused)
            forward(pair.server, pair.client);
    }
}

#include "tcpwebsocketclient.h"

TcpWebSocketClient::TcpWebSocketClient(quint64 seed, QObject *parent)
    : ClientTransport(parent)
    , m_socket(new QTcpSocket(this))
    , m_session(*this, seed) {
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_session.connected(m_url);
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpWebSocketClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this,
            [this] { m_session.connectionEnded(tr("the broker closed the TCP connection")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // `disconnected` follows and reports it.
        if (error != QAbstractSocket::RemoteHostClosedError)
            m_session.connectionEnded(m_socket->errorString());
    });
}

void TcpWebSocketClient::setListener(TransportListener *listener) {
    ClientTransport::setListener(listener);
    m_session.setListener(listener);
}

void TcpWebSocketClient::open(const QUrl &url) {
    m_url = url;
    m_socket->connectToHost(url.host(), quint16(url.port(80)));
}

void TcpWebSocketClient::onReadyRead() {
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    QByteArray &in = m_session.inputBuffer();
    const qsizetype old = in.size();
    in.resize(old + available);
    const qint64 got = m_socket->read(in.data() + old, available);
    in.resize(old + std::max<qint64>(got, 0));
    m_session.processInput();
}

QByteArray &TcpWebSocketClient::beginWrite() {
    m_out.resize(0);
    return m_out;
}

void TcpWebSocketClient::endWrite() {
    m_socket->write(m_out.constData(), m_out.size());
}

void TcpWebSocketClient::abortConnection() {
    m_socket->abort();
}

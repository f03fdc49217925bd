#include "qtwebsocketclient.h"

#include "transportlistener.h"

QtWebSocketClient::QtWebSocketClient(QObject *parent)
    : ClientTransport(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this)) {
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        if (m_listener)
            m_listener->transportOpened();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        if (m_listener)
            m_listener->transportTextReceived(message.toUtf8());
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_open = false;
        if (m_finished || !m_listener)
            return;
        m_finished = true;
        if (m_closing)
            m_listener->transportClosed();
        else
            m_listener->transportFailed(m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal
                                            ? tr("the broker closed the connection (code %1)")
                                                  .arg(int(m_socket->closeCode()))
                                            : m_socket->errorString());
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                m_open = false;
                if (m_finished || !m_listener)
                    return;
                m_finished = true;
                if (m_closing)
                    m_listener->transportClosed();
                else
                    m_listener->transportFailed(m_socket->errorString());
            });
}

void QtWebSocketClient::open(const QUrl &url) {
    m_socket->open(url);
}

void QtWebSocketClient::sendText(QByteArrayView utf8) {
    if (m_open)
        m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

void QtWebSocketClient::close() {
    m_closing = true;
    m_socket->close();
}

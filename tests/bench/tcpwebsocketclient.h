#pragma once

#include "clienttransport.h"
#include "websocketsession.h"

#include <QTcpSocket>

// WebSocketSession over a QTcpSocket (--transport tcp). Writes made during one event-loop pass
// leave together, since QTcpSocket buffers them until the socket is writable.
class TcpWebSocketClient final : public ClientTransport, private WebSocketSession::Sink {
    Q_OBJECT

public:
    explicit TcpWebSocketClient(quint64 seed, QObject *parent = nullptr);

    void setListener(TransportListener *listener) override;
    void open(const QUrl &url) override;
    void sendText(QByteArrayView utf8) override { m_session.sendText(utf8); }
    void close() override { m_session.close(); }
    bool isOpen() const override { return m_session.state() == WebSocketSession::State::Open; }

private:
    QByteArray &beginWrite() override;
    void endWrite() override;
    void abortConnection() override;

    void onReadyRead();

    QTcpSocket *m_socket;
    WebSocketSession m_session;
    QByteArray m_out;
    QUrl m_url;
};

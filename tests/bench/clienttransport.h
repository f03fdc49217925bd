#pragma once

#include <QByteArrayView>
#include <QObject>
#include <QUrl>

class TransportListener;

// A WebSocket client connection as the bench needs it: open, send UTF-8 text frames, close.
// Three implementations, selected with --transport: EpollWebSocketClient (the default),
// TcpWebSocketClient (the same RFC 6455 session over QTcpSocket) and QtWebSocketClient
// (QWebSocket), the last two kept to compare against.
class ClientTransport : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void setListener(TransportListener *listener) { m_listener = listener; }

    virtual void open(const QUrl &url) = 0;
    virtual void sendText(QByteArrayView utf8) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

protected:
    TransportListener *m_listener = nullptr;
};

#pragma once

#include "clienttransport.h"

#include <QWebSocket>

// The same client on top of QWebSocket, selectable with --transport qt, to compare its cost
// against RawWebSocketClient (every text message becomes a QString and back).
class QtWebSocketClient final : public ClientTransport {
    Q_OBJECT

public:
    explicit QtWebSocketClient(QObject *parent = nullptr);

    void open(const QUrl &url) override;
    void sendText(QByteArrayView utf8) override;
    void close() override;
    bool isOpen() const override { return m_open; }

private:
    QWebSocket *m_socket;
    bool m_open = false;
    bool m_closing = false;
    bool m_finished = false;
};

#pragma once

#include "clienttransport.h"
#include "epollhandler.h"
#include "websocketsession.h"

class EpollPoller;

// WebSocketSession over a non-blocking socket watched by the thread's EpollPoller (the default,
// --transport epoll): reads up to 64 KiB per recv() straight into the session's buffer and sends
// everything a batch of events produced for this socket in one send().
class EpollWebSocketClient final : public ClientTransport,
                                   private EpollHandler,
                                   private WebSocketSession::Sink {
    Q_OBJECT

public:
    EpollWebSocketClient(EpollPoller &poller, quint64 seed, QObject *parent = nullptr);
    ~EpollWebSocketClient() override;

    void setListener(TransportListener *listener) override;
    void open(const QUrl &url) override;
    void sendText(QByteArrayView utf8) override { m_session.sendText(utf8); }
    void close() override { m_session.close(); }
    bool isOpen() const override { return m_session.state() == WebSocketSession::State::Open; }

private:
    void handleEvents(quint32 events) override;
    void flushOutput() override;
    QByteArray &beginWrite() override { return m_out; }
    void endWrite() override;
    void abortConnection() override { closeSocket(); }

    void tcpConnected();
    void readAvailable();
    void setWantWrite(bool want);
    void closeSocket();
    QString systemError(int error) const;

    EpollPoller &m_poller;
    WebSocketSession m_session;
    QUrl m_url;
    int m_fd = -1;
    bool m_connecting = false;
    bool m_wantWrite = false;
    bool m_flushQueued = false;
    QByteArray m_out;
    qsizetype m_outPos = 0;
};

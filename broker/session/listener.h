#pragma once

#include "admission.h"
#include "brokersettings.h"
#include "closereason.h"
#include "plainhttprequest.h"
#include "websocketconnectionreceiver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>

class QTcpServer;
class WebSocketConnection;

// The broker's door: listens (ws:// on plain descriptors, wss:// through QSslServer), takes
// connections, and sees each through its opening handshake within the handshake time-out,
// refusing Origins that are not allowed. Upgraded connections are handed over.
class Listener : public QObject, private WebSocketConnectionReceiver {
    Q_OBJECT
public:
    Listener(const BrokerSettings &settings, const Admission &admission, QObject *parent = nullptr);
    ~Listener() override;

    // Starts listening; returns a one-line error, or an empty string.
    QString listen();
    // Takes no more connections and drops the half-open ones.
    void close();
    // Closes, and frees the server.
    void release();
    bool isListening() const;
    quint16 port() const;

signals:
    // The opening handshake was accepted (while this is emitted): the receiver takes the
    // connection over (and becomes its parent).
    void upgraded(WebSocketConnection *socket);
    // A request that is no WebSocket upgrade (see PlainHttpRequest), while it is received: the
    // receiver may answer it (WebSocketConnection::answerPlainRequest); it stays here.
    void plainRequest(WebSocketConnection *socket, const PlainHttpRequest &request);
    // A peer that never got past its opening handshake.
    void refused(const QHostAddress &address, quint16 port, CloseReason reason,
                 const QString &detail);

private:
    // A handshake's time-out; every connection gets the same time, so they expire in the order
    // they came: one timer for all of them instead of one per connection (which outlived the
    // handshake, and was a tenth of an idle connection's memory).
    struct HandshakeDeadline {
        qint64 deadlineMs;
        WebSocketConnection *socket;
        quint64 ticket; // tells the socket from a later one at the same address
    };

    void acceptDescriptor(qintptr descriptor);
    void acceptTlsConnections();
    void expectHandshake(WebSocketConnection *socket);
    void expireHandshakes();
    void startHandshakeTimer();

    // WebSocketConnectionReceiver, until the handshake is done.
    void handshakeRequested(WebSocketConnection *socket) override;
    void plainRequestReceived(WebSocketConnection *socket,
                              const PlainHttpRequest &request) override;
    void handshakeFailed(WebSocketConnection *socket, int httpStatus,
                         const QByteArray &reasonPhrase) override;
    void disconnected(WebSocketConnection *socket) override;

    const BrokerSettings &m_settings;
    const Admission &m_admission;
    QTcpServer *m_server = nullptr;
    // Accepted connections whose opening handshake is not done yet (owned here), each with
    // the ticket of its deadline.
    QHash<WebSocketConnection *, quint64> m_handshaking;
    std::deque<HandshakeDeadline> m_deadlines; // oldest first
    quint64 m_nextTicket = 1;
    QElapsedTimer m_clock;
    QTimer m_handshakeTimer;
};

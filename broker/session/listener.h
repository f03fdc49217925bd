#pragma once

#include "admission.h"
#include "brokersettings.h"
#include "closereason.h"
#include "plainhttprequest.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>

class QTcpServer;
class WebSocketConnection;

// The broker's door: listens (ws:// on plain descriptors, wss:// through QSslServer), takes
// connections, and sees each through its opening handshake within the handshake time-out,
// refusing Origins that are not allowed. Upgraded connections are handed over.
class Listener : public QObject {
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
    void acceptDescriptor(qintptr descriptor);
    void acceptTlsConnections();
    void expectHandshake(WebSocketConnection *socket);
    void handleHandshake(WebSocketConnection *socket);

    const BrokerSettings &m_settings;
    const Admission &m_admission;
    QTcpServer *m_server = nullptr;
    // Accepted connections whose opening handshake is not done yet (owned here).
    QSet<WebSocketConnection *> m_handshaking;
};

#pragma once

#include "brokerevent.h"
#include "websocketconnectionreceiver.h"

#include <QByteArray>
#include <QList>
#include <QString>

class WebSocketConnection;
struct Room;

// One client socket with what the broker knows of it. Plain data plus the socket; the broker
// owns it, the Router works on its routing state (room, id, closing). The socket may be null
// where no I/O happens (the router's unit test); sendText() needs one.
//
// It is its socket's receiver and hands what arrives to its Handler (the broker) with itself,
// so that the broker needs no lookup, nor a signal connection per socket.
class ClientConnection final : public WebSocketConnectionReceiver {
public:
    class Handler {
    public:
        virtual void handleText(ClientConnection *conn, const QByteArray &utf8) = 0;
        virtual void handleBinary(ClientConnection *conn, const QByteArray &data) = 0;
        virtual void handlePong(ClientConnection *conn) = 0;
        virtual void handleDisconnected(ClientConnection *conn) = 0;

    protected:
        ~Handler() = default;
    };

    // Becomes the socket's receiver; handler may be null where no socket is.
    ClientConnection(quint64 id, WebSocketConnection *socket, Room *room, qint64 connectedAtMs,
                     Handler *handler = nullptr);
    ~ClientConnection();
    ClientConnection(const ClientConnection &) = delete;
    ClientConnection &operator=(const ClientConnection &) = delete;

    quint64 id() const { return m_id; }
    WebSocketConnection *socket() const { return m_socket; }
    Room *room() const { return m_room; }
    qint64 connectedAtMs() const { return m_connectedAtMs; }

    bool isRegistered() const { return !m_clientId.isEmpty(); }
    const QByteArray &clientId() const { return m_clientId; }
    const QByteArray &clientIdJson() const { return m_clientIdJson; }
    // The id it holds, or the one it held last: its close and the release of its id still
    // name who it was. Empty when it never registered.
    const QByteArray &lastClientId() const { return m_lastClientId; }
    void setClientId(const QByteArray &id);
    void clearClientId();

    // Sends one text frame and counts it. Returns the bytes now waiting to be written.
    qint64 sendText(const QByteArray &utf8);
    // Unsent bytes, including those already encrypted for a TLS connection.
    qint64 queuedBytes() const;
    // Wire sizes of the frames that may still wait in the socket's buffer, oldest first.
    QList<qint32> unsentFrameSizes() const { return m_queuedFrameSizes.mid(m_queuedHead); }
    // How many of these frames (oldest first) the last pendingBytes of the buffer hold.
    static int countUnsent(const QList<qint32> &frameSizes, qint64 pendingBytes);
    void countIncoming(qint64 bytes) {
        ++framesIn;
        bytesIn += quint64(bytes);
    }

    bool isClosing() const { return closeReason != CloseReason::None; }

    quint64 framesIn = 0;
    quint64 framesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    CloseReason closeReason = CloseReason::None;
    QString closeDetail;
    QString remoteAddress;
    quint16 remotePort = 0;
    qint64 lastPongMs = 0; // liveness: when the peer last answered a ping
    qint64 rateWindowStartMs = 0;
    int rateWindowFrames = 0;
    // Traffic control's note of which frame actions its rules may act on for this receiver
    // (bit per FrameAction): from any sender, or only from the senders some rule names. Valid
    // while trafficGeneration is that of the rules in force; an id change clears it. Kept here
    // so that frames no rule can touch skip the pipeline.
    quint32 trafficGeneration = 0;
    quint32 trafficActions = 0;
    quint32 trafficActionsFromNamedSenders = 0;

private:
    void textMessageReceived(WebSocketConnection *, const QByteArray &utf8) override {
        m_handler->handleText(this, utf8);
    }
    void binaryMessageReceived(WebSocketConnection *, const QByteArray &data) override {
        m_handler->handleBinary(this, data);
    }
    void pongReceived(WebSocketConnection *, const QByteArray &) override {
        m_handler->handlePong(this);
    }
    void disconnected(WebSocketConnection *) override { m_handler->handleDisconnected(this); }

    quint64 m_id;
    WebSocketConnection *m_socket;
    Handler *m_handler;
    Room *m_room;
    qint64 m_connectedAtMs;
    QByteArray m_clientId;
    QByteArray m_clientIdJson; // the id as a JSON string literal, ready for "from"
    QByteArray m_lastClientId;
    // Wire sizes of the newest frames, from m_queuedHead on, just enough of them to cover
    // what is still waiting to be written.
    QList<qint32> m_queuedFrameSizes;
    qsizetype m_queuedHead = 0;
    qint64 m_queuedFrameBytes = 0;
};

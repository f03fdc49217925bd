#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

class TransportListener;

// The client side of RFC 6455 without the socket: the opening handshake (checking
// Sec-WebSocket-Accept), masked frames out, unmasked frames in (text, continuation, ping, pong,
// close). The transports (TcpWebSocketClient over QTcpSocket, EpollWebSocketClient over a raw
// non-blocking socket) read into inputBuffer() and give the session a Sink for its output.
// Compared with QWebSocket it never turns a message into a QString and builds frames in place.
class WebSocketSession {
public:
    // Where the session writes: the transport's pending-output buffer.
    class Sink {
    public:
        virtual ~Sink() = default;
        // The buffer to append bytes to; endWrite() hands them to the socket.
        virtual QByteArray &beginWrite() = 0;
        virtual void endWrite() = 0;
        // Drop the TCP connection at once.
        virtual void abortConnection() = 0;
    };

    enum class State { Idle, Handshaking, Open, Closing, Closed };

    WebSocketSession(Sink &sink, quint64 seed);

    void setListener(TransportListener *listener) { m_listener = listener; }
    State state() const { return m_state; }

    // The TCP connection is up: send the handshake request for `url`.
    void connected(const QUrl &url);
    // Bytes read from the socket go to the end of inputBuffer(); then call processInput().
    QByteArray &inputBuffer() { return m_in; }
    void processInput();
    void sendText(QByteArrayView utf8);
    // Starts the closing handshake (or drops a connection that is not open yet).
    void close();
    // The TCP connection ended (EOF or error); `error` describes it.
    void connectionEnded(const QString &error);
    void fail(const QString &reason);

    static void appendMaskedFrame(QByteArray &out, int opcode, QByteArrayView payload,
                                  quint32 maskKey);
    static QByteArray acceptKeyFor(QByteArrayView key);

private:
    bool processHandshake();
    void processFrames();
    bool handleFrame(int opcode, bool fin, QByteArrayView payload);
    void sendFrame(int opcode, QByteArrayView payload);
    void finishClosed();
    quint32 nextRandom();

    Sink &m_sink;
    TransportListener *m_listener = nullptr;
    State m_state = State::Idle;
    QByteArray m_expectedAccept;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_fragments;
    bool m_inFragmentedMessage = false;
    quint64 m_rng;
};

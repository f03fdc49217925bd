#pragma once

#include "plainhttprequest.h"
#include "utf8validator.h"
#include "websocketconnectionreceiver.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

class OutputFlushQueue;
class QSocketNotifier;

// The server side of one RFC 6455 WebSocket connection: the opening handshake, frames in and
// out, pings and the closing handshake.
//
// The broker's own transport instead of QWebSocket. QWebSocket hands text over as QString, so
// every relayed message went UTF-8 -> UTF-16 -> UTF-8, and each connection carried a
// QWebSocket, a QTcpSocket and their two 16-32 KiB ring buffers; together the largest costs per
// message and per idle connection measured. Here a plain ws:// connection is a non-blocking
// descriptor with one read notifier: input is read into a per-thread buffer and parsed in place,
// text stays UTF-8, output collects in one buffer per connection that is written once per event
// loop pass (so a burst of frames costs one system call) and freed when empty. wss:// runs the
// same protocol code over the QSslSocket that QSslServer hands over.
//
// Text messages are checked to be UTF-8 as a whole (a character may be split across
// fragments); violations close with the RFC's codes: 1002 protocol error, 1007 invalid UTF-8,
// 1009 message over the size limit.
class WebSocketConnection : public QObject {
    Q_OBJECT

public:
    enum class State { Handshaking, Open, Closing, Closed };
    Q_ENUM(State)

    // Close codes of RFC 6455 section 7.4.1 that the connection itself uses.
    static constexpr int CloseNormal = 1000;
    static constexpr int CloseGoingAway = 1001;
    static constexpr int CloseProtocolError = 1002;
    static constexpr int CloseUnsupportedData = 1003;
    static constexpr int CloseNoStatus = 1005;
    static constexpr int CloseAbnormal = 1006;
    static constexpr int CloseInvalidUtf8 = 1007;
    static constexpr int ClosePolicyViolated = 1008;
    static constexpr int CloseTooMuchData = 1009;

    // Who is told what happens (see WebSocketConnectionReceiver); nobody while null. Not
    // owned; an owner that goes away first sets it to null.
    void setReceiver(WebSocketConnectionReceiver *receiver) { m_receiver = receiver; }
    WebSocketConnectionReceiver *receiver() const { return m_receiver; }
    // A connection nobody wants any more (a refused one, while it closes): its receiver
    // becomes one that deletes it (later) once it is disconnected.
    void deleteLaterWhenDisconnected();

    // A plain TCP connection: takes over the connected descriptor (made non-blocking here).
    explicit WebSocketConnection(qintptr descriptor, QObject *parent = nullptr);
    // Any QTcpSocket, in practice the QSslSocket of a wss:// connection: takes it over.
    explicit WebSocketConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    // Largest message (all fragments together) accepted; larger ones close with 1009.
    void setMaxMessageBytes(qint64 bytes) { m_maxMessageBytes = bytes; }
    // Largest opening handshake request; a longer one is answered 431 and closed.
    void setMaxHandshakeBytes(qint64 bytes) { m_maxHandshakeBytes = bytes; }
    // The Server header of the handshake response.
    void setServerName(const QByteArray &name) { m_serverName = name; }

    State state() const { return m_state; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    bool isEncrypted() const { return m_socket != nullptr; }

    // The request of the opening handshake, valid from the receiver's handshakeRequested() on.
    const QUrl &requestUrl() const { return m_requestUrl; }
    // The Origin header, empty when the client sent none.
    const QString &origin() const { return m_origin; }
    // The Authorization header, empty when the client sent none.
    const QByteArray &authorization() const { return m_authorization; }

    // The answer to the receiver's handshakeRequested(), given while that call is handled: switch
    // protocols, or answer with an HTTP error status and close.
    void acceptHandshake();
    void rejectHandshake(int httpStatus, const QByteArray &reasonPhrase);
    // The answer to the receiver's plainRequestReceived(), given while that call is handled: the
    // whole HTTP response, after which the connection closes (it never becomes a WebSocket).
    void answerPlainRequest(QByteArrayView response);

    // Queues one text frame (unfragmented, unmasked) holding utf8, which must be valid UTF-8.
    void sendText(QByteArrayView utf8);
    void ping(QByteArrayView payload = {});
    // Whether pings are answered with pongs (true; traffic control's ignorePings turns it off
    // to show how a client copes with a broker that seems gone).
    void setAnswersPings(bool answer) { m_answersPings = answer; }
    // Starts the closing handshake: sends a close frame (the reason cut to fit 123 bytes) and
    // drops the connection once the peer answers it; ignored unless open. The wait for the
    // answer is the caller's to bound (the broker aborts after a grace period), as is the wait
    // for the opening handshake.
    void close(int code, const QString &reason);
    // Drops the connection now; the receiver's disconnected() is called before this returns.
    void abort();

    // Bytes queued and not yet handed to the kernel (over TLS, encrypted ones included).
    qint64 bytesToWrite() const;
    // Why it closed: the code and reason of the first close frame sent or received,
    // CloseAbnormal when the TCP connection just ended.
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

private:
    friend class OutputFlushQueue;
    class ReadNotifier;

    void readFromDescriptor();
    void readFromSocket();
    // Consumes received bytes; data is writable so that masked payloads are unmasked in place.
    void consume(char *data, qsizetype size);
    // Returns how many bytes of data it used (0: needs more).
    qsizetype consumeHandshake(const char *data, qsizetype size);
    qsizetype consumeFrame(char *data, qsizetype size);
    void handleMessage(int opcode, QByteArray &&payload);
    // Checks the masked payload bytes of a text frame received so far, past m_payloadChecked.
    void checkPartialText(const char *payload, qsizetype available, const uchar *mask,
                          bool firstFragment);
    void handleControlFrame(int opcode, const char *payload, qsizetype size);
    // Answers a malformed request with an HTTP error, reports it, and closes.
    void failHandshake(int httpStatus, const QByteArray &reasonPhrase);
    void answerHandshakeWithError(int httpStatus, const QByteArray &reasonPhrase);
    // Closes because the peer broke the protocol: close frame, then the TCP connection.
    void fail(int code, const QString &reason);

    void queueFrame(int opcode, QByteArrayView payload);
    void queueBytes(QByteArrayView bytes);
    void scheduleFlush();
    // Called by OutputFlushQueue at the end of the pass in which scheduleFlush() was called.
    void flushScheduledOutput();
    void flush();
    void setWriteNotification(bool enabled);
    // Ends the TCP connection once everything queued is written.
    void finishAfterFlush();
    void dropConnection();

    State m_state = State::Handshaking;
    bool m_finishAfterFlush = false;
    bool m_answersPings = true;
    WebSocketConnectionReceiver *m_receiver = nullptr;
    OutputFlushQueue *m_flushQueue = nullptr; // set while a flush is scheduled there

    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QPointer<QTcpSocket> m_socket;

    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    qint64 m_maxMessageBytes = 16 * 1024 * 1024;
    qint64 m_maxHandshakeBytes = 16 * 1024;
    QByteArray m_serverName = QByteArrayLiteral("wsmsgbroker");

    QUrl m_requestUrl;
    QString m_origin;
    QByteArray m_authorization;
    QByteArray m_acceptKey;

    QByteArray m_input; // received bytes not yet consumed (a partial frame or handshake)
    qsizetype m_handshakeScanned = 0; // bytes of the request already searched for its end
    QByteArray m_message;             // fragments of the message in progress
    int m_messageOpcode = 0;          // 0: no fragmented message in progress
    Utf8Validator m_utf8;             // the text message in progress, checked as it arrives
    qsizetype m_payloadChecked = 0;   // payload bytes of the incomplete frame already checked
    QByteArray m_output;              // bytes to write; from m_outputOffset on not written yet
    qsizetype m_outputOffset = 0;

    int m_closeCode = CloseAbnormal;
    QString m_closeReason;
};

#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

class QSslSocket;
class QTcpSocket;

// A minimal WebSocket client over a plain QTcpSocket for what a real client library refuses to
// do: send any opcode, invalid UTF-8, lying length headers, garbage handshakes, never answer a
// ping, or stop reading altogether. It writes masked frames as RFC 6455 requires of clients
// and decodes the server's (unmasked, possibly fragmented) frames.
class RawWebSocket : public QObject {
    Q_OBJECT
public:
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit RawWebSocket(QObject *parent = nullptr);
    ~RawWebSocket() override;

    // For wss:// urls: what the TLS client trusts.
    void setSslConfiguration(const QSslConfiguration &config) { m_sslConfiguration = config; }
    // Connects to the url's host and port (and does the TLS handshake for wss://), without the
    // WebSocket handshake.
    bool connectTcp(const QUrl &url, int timeoutMs = 5000);
    // Connects and performs the opening handshake for the url's path and query. Returns the
    // HTTP status of the answer (101 when upgraded), or -1 when none came.
    int open(const QUrl &url, const Headers &extraHeaders = {}, int timeoutMs = 5000);

    // One masked frame; the length header always tells the truth.
    void sendFrame(quint8 opcode, const QByteArray &payload, bool fin = true);
    // A message split into frames of at most fragmentSize bytes.
    void sendFragmented(quint8 opcode, const QByteArray &payload, qsizetype fragmentSize);
    void sendText(const QByteArray &utf8) { sendFrame(Text, utf8); }
    // Bytes as they are, for lying headers and garbage.
    void sendRaw(const QByteArray &bytes);
    // A whole masked frame, for writing together with other bytes.
    static QByteArray maskedFrame(quint8 opcode, const QByteArray &payload, bool fin = true);
    // The header of a masked frame claiming payloadLength bytes, without the payload.
    static QByteArray frameHeader(quint8 opcode, quint64 payloadLength, bool fin = true,
                                  quint32 mask = 0x37fa213d);

    // Whether pings get their pong (a live peer) or are ignored (a dead one).
    void setAnswerPings(bool answer) { m_answerPings = answer; }
    // Stops taking data from the kernel, so the server's unsent data piles up.
    void pauseReading();
    void resumeReading();

    bool waitForTexts(int count, int timeoutMs = 5000);
    bool waitForDisconnected(int timeoutMs = 5000);
    // Waits for the server's close frame; returns its close code, or -1 when none came.
    int waitForCloseCode(int timeoutMs = 5000);
    // Ends the TCP connection (no close frame).
    void close();
    // Resets the TCP connection (an RST, as when a peer crashes): no close frame, no FIN.
    void reset();

    bool isConnected() const;
    QTcpSocket *socket() const;
    const QList<QByteArray> &texts() const { return m_texts; }
    QByteArray takeText() { return m_texts.isEmpty() ? QByteArray() : m_texts.takeFirst(); }
    QByteArray handshakeResponse() const { return m_handshakeResponse; }
    int closeCode() const { return m_closeCode; } // -1 until the server sent a close frame
    QString closeReason() const { return m_closeReason; }
    int pingsReceived() const { return m_pingsReceived; }
    int binaryMessages() const { return m_binaryMessages; }
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    void readAvailable();
    bool parseHandshake();
    bool parseFrame();

    QSslSocket *m_socket; // used as a plain QTcpSocket for ws://
    QSslConfiguration m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    QByteArray m_buffer;
    qsizetype m_readOffset = 0;
    QByteArray m_handshakeResponse;
    bool m_upgraded = false;
    bool m_expectHandshake = false;
    int m_status = -1;
    bool m_answerPings = true;
    bool m_paused = false;
    QByteArray m_partial; // a fragmented message being assembled
    quint8 m_partialOpcode = 0;
    QList<QByteArray> m_texts;
    int m_binaryMessages = 0;
    int m_closeCode = -1;
    QString m_closeReason;
    int m_pingsReceived = 0;
    qint64 m_bytesReceived = 0;
};

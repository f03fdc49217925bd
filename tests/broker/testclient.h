#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <functional>

// A broker client for the tests: a real QWebSocket that keeps every frame it receives, raw and
// parsed with QJsonDocument, and waits for conditions instead of sleeping.
class TestClient : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 5000;

    explicit TestClient(QObject *parent = nullptr);
    ~TestClient() override;

    // Opens the WebSocket and waits for the handshake; false when it failed or took too long.
    bool open(const QUrl &url, int timeoutMs = DefaultTimeoutMs);
    bool isConnected() const;
    bool isDisconnected() const { return m_disconnected; }
    bool hasSocketError() const { return m_socketError; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    quint16 localPort() const { return m_socket.localPort(); }
    void close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal);
    // Drops the TCP connection without a closing handshake.
    void abort();
    bool waitForDisconnected(int timeoutMs = DefaultTimeoutMs);

    void sendText(const QByteArray &utf8);
    void sendJson(const QJsonObject &frame);
    void sendBinary(const QByteArray &data);

    // The protocol's requests, as the original client writes them.
    void sendRegister(const QString &id);
    void sendUnregister();
    void send(const QJsonValue &dest, const QJsonValue &message);
    void sendWithAck(const QJsonValue &dest, const QJsonValue &message, const QString &ack);
    void answer(const QString &ack, const QJsonValue &message);

    // Registers and waits for the broker's "registered" with this id; id() is then set.
    bool registerAs(const QString &id, int timeoutMs = DefaultTimeoutMs);
    // The id of the last "registered" received ("unregistered" clears it).
    QString id() const { return m_id; }

    // What arrived, oldest first. A text frame that is not a JSON object is kept as an empty
    // object and counted in parseFailures().
    qsizetype frameCount() const { return m_frames.size(); }
    const QList<QJsonObject> &frames() const { return m_frames; }
    const QList<QByteArray> &rawFrames() const { return m_rawFrames; }
    QJsonObject frame(qsizetype index) const { return m_frames.value(index); }
    QJsonObject lastFrame() const { return m_frames.isEmpty() ? QJsonObject() : m_frames.last(); }
    QList<QJsonObject> framesWithAction(const QString &action) const;
    int parseFailures() const { return m_parseFailures; }
    int binaryFrames() const { return m_binaryFrames; }

    // Waits until at least count frames have arrived.
    bool waitForFrames(qsizetype count, int timeoutMs = DefaultTimeoutMs);
    // Waits for a frame, from index `from` on, that matches; returns its index or -1.
    qsizetype waitForFrame(const std::function<bool(const QJsonObject &)> &matches,
                           qsizetype from = 0, int timeoutMs = DefaultTimeoutMs);
    // Runs the event loop until the condition holds, waking on this client's activity (not
    // polling, which QTest::qWaitFor does with 10 ms sleeps).
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs = DefaultTimeoutMs);

signals:
    // A frame arrived or the connection state changed.
    void activity();

private:
    void receiveText(const QString &text);

    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QByteArray> m_rawFrames;
    QString m_id;
    int m_parseFailures = 0;
    int m_binaryFrames = 0;
    bool m_disconnected = false;
    bool m_socketError = false;
};

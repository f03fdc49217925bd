#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

// A well-behaved wsmsgbroker client on a real QWebSocket: what the original client does, plus
// the bookkeeping a test needs (every frame received, the close code).
class ProtocolClient : public QObject {
    Q_OBJECT
public:
    explicit ProtocolClient(QObject *parent = nullptr);

    QWebSocket &socket() { return m_socket; }

    // Opens the connection; false when it did not open within the time.
    bool open(const QUrl &url, int timeoutMs = 5000);
    // Registers and waits for "registered".
    bool registerAs(const QString &id, int timeoutMs = 5000);
    void sendJson(const QJsonObject &frame);
    void sendTo(const QString &dest, const QJsonValue &message, const QString &ack = {});

    bool waitForFrames(int count, int timeoutMs = 5000);
    // The probe pattern for absence checks, instead of a fixed sleep: from (registered in this
    // client's room) sends this client a probe message. One connection's frames are routed in
    // order, so once the probe is here, whatever from's earlier frames caused for this client
    // has arrived too. The probe is taken out of frames() again; false if it did not arrive.
    bool waitForProbeFrom(ProtocolClient &from, int timeoutMs = 5000);
    bool waitForDisconnected(int timeoutMs = 5000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    const QList<QJsonObject> &frames() const { return m_frames; }
    QJsonObject takeFrame() { return m_frames.isEmpty() ? QJsonObject() : m_frames.takeFirst(); }
    // The frames with this action, in order.
    QList<QJsonObject> framesWithAction(const QString &action) const;
    bool wasDisconnected() const { return m_disconnected; }
    int closeCode() const { return int(m_socket.closeCode()); }

signals:
    void frameReceived(const QJsonObject &frame);

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QString m_id; // as registered
    int m_probes = 0;
    bool m_disconnected = false;
};

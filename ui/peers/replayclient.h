#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpSocket;

// One simulated client of a replay: the wsmsgbroker protocol on a bare TCP socket (TLS for
// wss://), framed with the broker's own FrameEncoder and read with its FrameHeader. Against
// PeerClient (QWebSocket) it never turns a frame into a QString, hands what one read brought as
// a list of views into its buffer, and writes what a pass queued with one socket write: a replay
// as fast as possible is then bounded by the broker, not by the client library.
class ReplayClient : public QObject {
    Q_OBJECT
public:
    ReplayClient(const QString &id, const QUrl &url, QObject *parent = nullptr);
    ~ReplayClient() override;

    QString id() const { return m_id; }
    bool isRegistered() const { return m_registered; }

    // Connects, upgrades, then registers the id.
    void open();
    // Says goodbye with a close frame when open; drops the connection otherwise.
    void close();
    // Adds a text frame to the output. Frames queued before the broker confirmed the id wait
    // and go out, in order, once it has.
    void queueText(QByteArrayView utf8);
    // Hands the queued frames to the socket, in one write.
    void flush();

signals:
    void registered();
    // The message and answer frames one read brought, in order. The views point into the
    // client's buffer: valid during the emission only.
    void textsReceived(const QList<QByteArrayView> &texts);
    void closed(const QString &why);

private:
    void sendHandshake();
    void readAvailable();
    bool readHandshake();
    void readFrames();
    void handleText(QByteArrayView text);
    void emitTexts();
    void appendFrame(QByteArray &out, int opcode, QByteArrayView payload);
    quint32 nextMask();
    void end(const QString &why);

    QString m_id;
    QUrl m_url;
    QTcpSocket *m_socket; // a QSslSocket for wss://
    QByteArray m_expectedAccept;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_fragments; // a fragmented message being put together
    bool m_inFragments = false;
    bool m_fragmentsAreText = false;
    QByteArray m_out;
    QByteArray m_waiting; // frames, encoded, queued before the registration
    QList<QByteArrayView> m_texts;
    quint64 m_rng;
    bool m_upgraded = false;
    bool m_registered = false;
    bool m_closing = false;
    bool m_ended = false;
};

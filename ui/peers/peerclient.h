#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

// One simulated client of a peer script: a QWebSocket that speaks the wsmsgbroker protocol as
// the original client does (it registers its id as soon as the socket opens). Messages go in
// and out as JSON text, unchanged, so that a script sees exactly what was sent. Lives in the
// script's thread.
class PeerClient : public QObject {
    Q_OBJECT
public:
    PeerClient(const QString &id, const QUrl &url, QObject *parent = nullptr);
    ~PeerClient() override;

    QString id() const { return m_id; }
    QUrl url() const { return m_url; }
    bool isRegistered() const { return m_registered; }

    void open();
    void close();
    // Sends messageJson (a JSON text) to the ids; with ack non-empty the receivers may answer.
    // Frames sent before registration wait and go out, in order, once it is confirmed.
    void send(const QStringList &to, const QByteArray &messageJson, const QString &ack = {});
    void answer(const QString &ack, const QByteArray &messageJson);
    // A frame as given (a recorded send); it waits for registration as send() does.
    void sendFrame(const QByteArray &frame);

    // A fresh ack, 20 characters as the original client's shortid() makes them.
    static QString newAck();

signals:
    void registered(const QString &id);
    void messageReceived(const QString &from, const QByteArray &messageJson, const QString &ack);
    void answerReceived(const QString &from, const QString &ack, const QByteArray &messageJson);
    void errorReceived(const QString &code, const QString &reason);
    void closed(const QString &why);

private:
    void handleText(const QString &text);
    void write(const QByteArray &frame);

    QString m_id;
    QUrl m_url;
    QWebSocket m_socket;
    QList<QByteArray> m_waiting; // frames sent before the broker confirmed the id
    bool m_registered = false;
    bool m_closing = false;
};

#pragma once

#include "brokerevent.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// A recorded conversation ready to replay: the frames clients sent and received, each with
// the client id it belongs to, read from a capture, a JSON Lines log or a HAR. Only protocol
// frames of registered clients count (send, answer; message, answer); a frame is reduced to
// what a replay can compare (see comparable()). Peers a one-sided recording only names are
// filled in (addImpliedPeers()).
class RecordedSession {
    Q_DECLARE_TR_FUNCTIONS(RecordedSession)
public:
    struct Frame {
        qint64 timeMs = 0;
        QString room;
        QString clientId;
        bool sent = false; // from the client (FrameIn); else to it (FrameOut)
        FrameAction action = FrameAction::None;
        QString ack;
        QByteArray data; // the frame's bytes
    };
    struct Client {
        QString id;
        QString room;
        int sent = 0;
        int received = 0;
    };

    // False with a message naming the file when it is not a recording or has no replayable
    // frame; a damaged file gives what it can and warning() says so.
    bool load(const QString &path, QString *error);
    // From events (what the readers give), for tests and the window's own log.
    void setEvents(const BrokerEventList &events);

    const QList<Frame> &frames() const { return m_frames; }
    const QList<Client> &clients() const { return m_clients; }
    const Client *client(const QString &id) const;
    QString warning() const { return m_warning; }
    qint64 durationMs() const;

    // The frame as a replay compares it: action, and dest and message (sent) or from and
    // message (received); the ack is left out, since a replay maps acks. Empty when the bytes
    // are not a JSON object.
    static QJsonObject comparable(const QByteArray &data);

private:
    // A recording of one client's side (a browser's HAR) names the peers it talked to without
    // their frames: what they must have sent and received is added, so that a replay can
    // simulate them too.
    void addImpliedPeers();

    QList<Frame> m_frames;
    QList<Client> m_clients;
    QString m_warning;
};

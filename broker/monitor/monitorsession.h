#pragma once

#include "websocketconnectionreceiver.h"

#include <QObject>

class WebSocketConnection;

// One monitor connected to the broker's MonitorPath: its socket, its role, and the bound on
// what may wait for it. A monitor that does not read must never slow routing, so past the
// bound its event batches are dropped and counted, and it is told how many ("dropped") before
// the first batch it gets again.
class MonitorSession : public QObject, private WebSocketConnectionReceiver {
    Q_OBJECT
public:
    // Takes the socket over (it becomes this session's child).
    MonitorSession(WebSocketConnection *socket, bool control, qint64 maxQueuedBytes,
                   QObject *parent = nullptr);
    ~MonitorSession() override;

    bool isControl() const { return m_control; }
    // Events dropped so far and not yet reported.
    quint64 droppedPending() const { return m_dropped; }
    quint64 droppedTotal() const { return m_droppedTotal; }

    // Always sent (hello, the start, answers): small, or the start that a monitor must have.
    void send(const QByteArray &message);
    // Whether a batch of count events may be sent now: what waits is within the bound (and
    // the "dropped" marker of earlier drops has just been sent), else the batch is counted as
    // dropped. The caller then sends it (encoded once for every monitor that takes it).
    bool takesEvents(qsizetype count);
    // Skipped past the bound (the next one replaces it); reports drops that wait.
    void sendSnapshot(const QByteArray &message);
    void close(int code, const QString &reason);

signals:
    void commandReceived(const QByteArray &text);
    // The connection is gone; the session may be deleted (later).
    void closed();

private:
    void textMessageReceived(WebSocketConnection *, const QByteArray &utf8) override {
        emit commandReceived(utf8);
    }
    void disconnected(WebSocketConnection *) override { emit closed(); }
    // Whether what waits is within the bound; sends the marker of earlier drops when it is.
    bool drained();

    WebSocketConnection *m_socket;
    bool m_control;
    qint64 m_maxQueuedBytes;
    quint64 m_dropped = 0;
    quint64 m_droppedTotal = 0;
};

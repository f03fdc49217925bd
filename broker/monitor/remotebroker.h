#pragma once

#include "brokerevent.h"
#include "brokersnapshot.h"
#include "trafficrule.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

class QWebSocket;

// A broker in another process seen through its monitor endpoint (docs/monitor-protocol.md):
// the same eventsReady and snapshotReady as Broker and BrokerController, so that
// Inspector::attach() takes it as it is. When the connection drops it reconnects, waiting
// longer each time (up to maxReconnectDelayMs); a refused token is final.
//
// Events the monitor missed because it fell behind are counted in droppedEvents() and added to
// the snapshots' unrecordedFrames, so that the window's banner for unrecorded frames tells of
// them too.
class RemoteBroker : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, Reconnecting, Refused };
    Q_ENUM(State)

    explicit RemoteBroker(QObject *parent = nullptr);
    ~RemoteBroker() override;

    // The monitor URL for what a user typed: ws:// or wss://, the monitor path when none (or
    // "/") was given. Invalid when it is not a WebSocket URL.
    static QUrl monitorUrl(const QUrl &url);

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    // The broker's own URL as its hello named it (empty before the first hello).
    QUrl brokerUrl() const { return m_brokerUrl; }
    bool isControl() const { return m_control; }
    QString lastError() const { return m_lastError; }
    quint64 droppedEvents() const { return m_droppedTotal; }
    void setReconnectDelays(int firstMs, int maxMs);
    // How long a connection may stay silent before it is dropped and made again (15 s).
    void setSilenceLimit(int ms) { m_silenceTimer.setInterval(ms); }

public slots:
    // Connects (again), the token in an "Authorization: Bearer" header.
    void open(const QUrl &url, const QString &token);
    // Ends the connection and stops reconnecting.
    void close();
    // The control role's requests; a read-only monitor gets an error (errorOccurred).
    void disconnectClient(quint64 connectionId);
    void setTrafficRules(const TrafficRuleList &rules);

signals:
    void stateChanged(RemoteBroker::State state);
    // The broker greeted this monitor: its role, and the broker run it shows.
    void connected(bool control);
    // The connection was lost (why); reconnecting follows unless it was refused.
    void connectionLost(const QString &why);
    // A message from the broker: a refused request or token, or a protocol problem.
    void errorOccurred(const QString &message);
    // The broker dropped count events for this monitor (it did not read fast enough).
    void eventsDropped(quint64 count);
    void eventsReady(const BrokerEventList &events);
    void snapshotReady(const BrokerSnapshot &snapshot);
    // The broker's traffic rules, when attached and whenever they change.
    void trafficRulesChanged(const TrafficRuleList &rules);

private:
    void connectNow();
    void handleDisconnected();
    void handleMessage(const QString &text);
    void handleEvents(const QJsonObject &message);
    void scheduleReconnect();
    void setState(State state);

    QWebSocket *m_socket = nullptr;
    QTimer m_reconnectTimer;
    // Ends a connection that stays silent: no hello after connecting, or no message at all for
    // a while (the broker sends a snapshot every 500 ms), as when a network path dies quietly.
    QTimer m_silenceTimer;
    QUrl m_url;
    QString m_token;
    QUrl m_brokerUrl;
    State m_state = State::Idle;
    bool m_control = false;
    bool m_greeted = false;
    QString m_lastError;
    int m_firstDelayMs = 250;
    int m_maxDelayMs = 5000;
    int m_delayMs = 250;
    // The broker run last seen, and the number of the next event expected from it: a monitor
    // that reconnects to the same run skips the events its backlog repeats.
    quint64 m_session = 0;
    quint64 m_nextSequence = 0;
    quint64 m_droppedTotal = 0; // in this broker run
};

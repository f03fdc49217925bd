#pragma once

#include "brokerevent.h"
#include "brokersnapshot.h"
#include "trafficrule.h"

#include <QObject>

#include <deque>
#include <memory>
#include <vector>

class Broker;
class MonitorSession;
class WebSocketConnection;

// The broker side of the monitor endpoint (docs/monitor-protocol.md): takes the monitors the
// broker lets in on MonitorPath, starts each with hello, the current snapshot and the newest
// events, then streams the broker's batches and snapshots to all of them, and carries out the
// control role's commands. A consumer of Broker::eventsReady and snapshotReady like any other
// observer; it lives in the broker's thread. While it exists the broker records events (for
// the backlog), whether a monitor is connected or not.
class MonitorHub : public QObject {
    Q_OBJECT
public:
    explicit MonitorHub(Broker *broker, QObject *parent = nullptr);
    ~MonitorHub() override;

    int monitorCount() const { return int(m_sessions.size()); }
    // Events kept for the next monitor to start with: the newest, at most the backlog setting
    // and, in frame bytes, a monitor's queue bound.
    qsizetype backlogSize() const { return qsizetype(m_backlog.size()); }

signals:
    void monitorCountChanged(int count);

private:
    void addMonitor(WebSocketConnection *socket, bool control);
    void removeMonitor(MonitorSession *session);
    void handleEvents(const BrokerEventList &events);
    void handleSnapshot(const BrokerSnapshot &snapshot);
    void handleCommand(MonitorSession *session, const QByteArray &text);
    void closeAll();
    void handleRules(const TrafficRuleList &rules);
    std::vector<MonitorSession *> sessions() const;

    Broker *m_broker;
    std::deque<BrokerEvent> m_backlog;
    qsizetype m_backlogLimit;
    qint64 m_backlogBytes = 0;  // of the backlog's frames
    quint64 m_nextSequence = 1; // the number of the next event the broker hands out
    std::vector<std::unique_ptr<MonitorSession>> m_sessions;
    TrafficRuleList m_rules; // in force, as the broker last reported them
};

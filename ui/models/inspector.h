#pragma once

#include "ackpairing.h"
#include "brokerevent.h"
#include "brokersnapshot.h"

#include <QObject>
#include <QUrl>

class ActionCountModel;
class ConnectionTreeModel;
class FrameFilterProxyModel;
class FrameLogModel;
class RateHistory;
class RecentlyClosedModel;

// What the inspector knows, without any widget: it owns the models, feeds them the broker's
// batched events and snapshots, and saves and opens logs. The window (MainWindow) shows these
// models; tests and other front ends use them directly. Not thread-safe: it lives in the thread
// whose event loop delivers the events (with a Broker in another thread, through
// BrokerController's queued signals, as the window does).
class Inspector : public QObject {
    Q_OBJECT
public:
    explicit Inspector(QObject *parent = nullptr);
    ~Inspector() override;

    FrameLogModel *log() const { return m_log; }
    // The log as the user filters it; export writes what it shows.
    FrameFilterProxyModel *logProxy() const { return m_proxy; }
    ConnectionTreeModel *connections() const { return m_tree; }
    RecentlyClosedModel *recentlyClosed() const { return m_closed; }
    ActionCountModel *actionCounts() const { return m_actionCounts; }
    RateHistory *rates() const { return m_rates; }
    // The send/answer group a row of the log (not of the proxy) belongs to; invalid when none.
    AckPairing::Group askGroup(int logRow) const;

    // Subscribes to a source of events and snapshots: a Broker in this thread, or a
    // BrokerController running one in its own.
    template <typename Source> void attach(Source *source) {
        connect(source, &Source::eventsReady, this, &Inspector::addEvents);
        connect(source, &Source::snapshotReady, this, &Inspector::applySnapshot);
    }

    // Writes the filtered log; the format follows the file name (.har, else JSON Lines).
    // brokerUrl names the server in a HAR file.
    bool exportLog(const QString &fileName, const QUrl &brokerUrl, QString *error) const;
    // Replaces the log with a saved JSON Lines log or a Chrome HAR, shown at once (a paused log
    // is resumed).
    bool openLog(const QString &fileName, QString *error);

public Q_SLOTS:
    void addEvents(const BrokerEventList &events);
    void applySnapshot(const BrokerSnapshot &snapshot);
    // Empties the log and the action counts.
    void clear();

Q_SIGNALS:
    // After the models took the snapshot in.
    void snapshotApplied(const BrokerSnapshot &snapshot);

private:
    FrameLogModel *m_log;
    FrameFilterProxyModel *m_proxy;
    ConnectionTreeModel *m_tree;
    RecentlyClosedModel *m_closed;
    RateHistory *m_rates;
    ActionCountModel *m_actionCounts;
};

#pragma once

#include "brokersnapshot.h"

#include <QList>
#include <QObject>

// The broker's counters summed over its runs since the window opened. Each run (a restart
// after a settings change, or Stop and Start) is a new broker whose counters start at zero;
// these go on, and say when the broker restarted.
class BrokerTotals : public QObject {
    Q_OBJECT
public:
    explicit BrokerTotals(QObject *parent = nullptr);

    // A snapshot of a run not seen before closes the previous run at its last counters.
    void applySnapshot(const BrokerSnapshot &snapshot);
    // The counters of every run so far added up (unrecordedFrames included).
    const BrokerCounters &counters() const { return m_total; }
    // When each run after the first started (milliseconds since the epoch), oldest first.
    const QList<qint64> &restarts() const { return m_restarts; }
    // When the first run counted here started; 0 before any.
    qint64 firstStartMs() const { return m_firstStartMs; }

Q_SIGNALS:
    void changed();

private:
    static void add(BrokerCounters &to, const BrokerCounters &from);

    quint64 m_session = 0;
    BrokerCounters m_earlierRuns; // the runs before the current one, added up
    BrokerCounters m_total;
    QList<qint64> m_restarts;
    qint64 m_firstStartMs = 0;
};

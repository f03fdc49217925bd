#pragma once

#include "brokersnapshot.h"

#include <QWidget>

class ActionCountModel;
class QLabel;
class RateHistory;

// Frames per second over time, frames per action, and the broker's counters.
class StatisticsView : public QWidget {
    Q_OBJECT
public:
    StatisticsView(const RateHistory *rates, ActionCountModel *actions, QWidget *parent = nullptr);

    // restarts: when the broker started again after earlier runs whose counts these include.
    void setCounters(const BrokerCounters &counters, int pendingAcks,
                     const QList<qint64> &restarts = {});
    QString countersText() const;

private:
    QLabel *m_counters;
};

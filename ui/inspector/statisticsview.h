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
    // The contracts' part (issue 15): frames checked, violations, events left unchecked, and
    // the most frequent violations as "room action message/path keyword" with their counts.
    struct ContractCounts {
        bool loaded = false;
        quint64 checked = 0;
        quint64 violations = 0;
        quint64 skipped = 0;
        QList<std::pair<QString, quint64>> top;
    };
    void setContractCounts(const ContractCounts &counts);
    QString countersText() const;

private:
    void showText();

    QLabel *m_counters;
    QString m_brokerHtml;
    QString m_contractsHtml;
};

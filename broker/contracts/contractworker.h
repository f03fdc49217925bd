#pragma once

#include "brokerevent.h"
#include "contractset.h"
#include "contractviolation.h"

#include <QHash>
#include <QObject>

#include <memory>

// The checker's thread side: validates the `message` of each send and answer in the batches
// it is given against the contract the set finds for it. Lives in ContractChecker's thread.
class ContractWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void setContracts(std::shared_ptr<const ContractSet> contracts);
    // firstCaptureId: the capture id of events[0] when a capture records them (0: none).
    void check(const BrokerEventList &events, quint64 firstCaptureId);

    // One batch's violations, and how many frames were checked.
    static ContractViolationList checkEvents(const ContractSet &contracts,
                                             const BrokerEventList &events,
                                             QHash<QString, quint64> *frameCounts, quint64 *checked,
                                             quint64 firstCaptureId = 0);

signals:
    void checked(const ContractViolationList &violations, quint64 framesChecked);

private:
    std::shared_ptr<const ContractSet> m_contracts;
    QHash<QString, quint64> m_frameCounts; // frames in per session/connection
};

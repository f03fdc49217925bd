#pragma once

#include "brokerevent.h"
#include "contractset.h"
#include "contractviolation.h"

#include <QObject>
#include <QThread>

#include <atomic>

#include <memory>

class ContractWorker;

// Checks frames against contracts on a thread of its own, fed by the observation batches the
// window and the headless runner already get (Broker::eventsReady), so that routing never
// waits for validation. Results come back as violationsFound() in this object's thread.
class ContractChecker : public QObject {
    Q_OBJECT
public:
    explicit ContractChecker(QObject *parent = nullptr);
    ~ContractChecker() override;

    // Null or an empty set stops checking.
    void setContracts(std::shared_ptr<const ContractSet> contracts);
    std::shared_ptr<const ContractSet> contracts() const { return m_contracts; }

    // Queues a batch for the checker thread; cheap (the list is shared, not copied).
    void check(const BrokerEventList &events) { checkRecorded(events, 0); }
    // The same for a batch a capture recorded from firstCaptureId on: the violations name the
    // frames' capture ids, so that the capture can keep them with its frames.
    void checkRecorded(const BrokerEventList &events, quint64 firstCaptureId);
    // Waits until every batch queued so far is checked and its results are delivered.
    void drain();

    // Batches queued at most (about 3 s of the broker's 50 ms batches): past it a batch is left
    // unchecked and counted, so that a checker slower than routing cannot grow without bound.
    static constexpr int MaxQueuedBatches = 64;

    quint64 framesChecked() const { return m_framesChecked; }
    // Events of batches left unchecked because the checker was behind.
    quint64 eventsSkipped() const { return m_skipped; }
    quint64 violationCount() const { return m_violations; }

signals:
    void violationsFound(const ContractViolationList &violations);

private:
    void receive(const ContractViolationList &violations, quint64 framesChecked);

    QThread m_thread;
    ContractWorker *m_worker; // owned by m_thread's lifetime, deleted when it finishes
    std::shared_ptr<const ContractSet> m_contracts;
    quint64 m_framesChecked = 0;
    quint64 m_violations = 0;
    quint64 m_skipped = 0;
    std::shared_ptr<std::atomic<int>> m_queued = std::make_shared<std::atomic<int>>(0);
};

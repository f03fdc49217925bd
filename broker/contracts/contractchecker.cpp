#include "contractchecker.h"

#include "contractworker.h"

#include <QCoreApplication>

ContractChecker::ContractChecker(QObject *parent)
    : QObject(parent)
    , m_worker(new ContractWorker) {
    qRegisterMetaType<BrokerEventList>();
    qRegisterMetaType<ContractViolationList>();
    m_thread.setObjectName(QStringLiteral("contracts"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ContractWorker::checked, this, &ContractChecker::receive);
    m_thread.start(QThread::LowPriority);
}

ContractChecker::~ContractChecker() {
    m_thread.quit();
    m_thread.wait();
}

void ContractChecker::setContracts(std::shared_ptr<const ContractSet> contracts) {
    m_contracts = contracts;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, contracts = std::move(contracts)] {
        worker->setContracts(contracts);
    });
}

void ContractChecker::checkRecorded(const BrokerEventList &events, quint64 firstCaptureId) {
    if (!m_contracts || m_contracts->isEmpty())
        return;
    if (m_queued->load() >= MaxQueuedBatches) {
        m_skipped += quint64(events.size());
        return;
    }
    ++*m_queued;
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, events, firstCaptureId, queued = m_queued] {
                                  worker->check(events, firstCaptureId);
                                  --*queued;
                              });
}

void ContractChecker::drain() {
    // A blocking call behind every queued batch, then the results it posted back.
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void ContractChecker::receive(const ContractViolationList &violations, quint64 framesChecked) {
    m_framesChecked += framesChecked;
    m_violations += quint64(violations.size());
    if (!violations.isEmpty())
        emit violationsFound(violations);
}

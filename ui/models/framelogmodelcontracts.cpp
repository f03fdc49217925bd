// FrameLogModel's marks for message contracts (issue 15): rows are judged against the loaded
// contracts when shown, not as they arrive (the ContractChecker's thread counts every frame).
#include "framelogmodel.h"

#include "contractset.h"

void FrameLogModel::setContracts(std::shared_ptr<const ContractSet> contracts) {
    if (contracts && contracts->isEmpty())
        contracts.reset();
    if (contracts == m_contracts)
        return;
    m_contracts = std::move(contracts);
    m_failureCache.clear();
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, SummaryColumn), index(m_count - 1, SummaryColumn));
}

QList<ContractSchema::Failure> FrameLogModel::contractFailures(int row) const {
    if (!m_contracts || row < 0 || row >= m_count || kindAt(row) != BrokerEvent::Kind::FrameIn)
        return {};
    const quint64 serial = serialAt(row);
    if (const QList<ContractSchema::Failure> *cached = m_failureCache.object(serial))
        return *cached;
    QList<ContractSchema::Failure> failures;
    m_contracts->check(eventAt(row), &failures);
    m_failureCache.insert(serial, new QList<ContractSchema::Failure>(failures));
    return failures;
}

QString FrameLogModel::failureLabel(const ContractSchema::Failure &failure) {
    return QStringLiteral("message%1: %2").arg(failure.path, failure.keyword);
}

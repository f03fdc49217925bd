#include "contractworker.h"

void ContractWorker::setContracts(std::shared_ptr<const ContractSet> contracts) {
    m_contracts = std::move(contracts);
}

void ContractWorker::check(const BrokerEventList &events, quint64 firstCaptureId) {
    if (!m_contracts || m_contracts->isEmpty())
        return;
    quint64 framesChecked = 0;
    const ContractViolationList violations =
        checkEvents(*m_contracts, events, &m_frameCounts, &framesChecked, firstCaptureId);
    if (framesChecked > 0)
        emit checked(violations, framesChecked);
}

ContractViolationList ContractWorker::checkEvents(const ContractSet &contracts,
                                                  const BrokerEventList &events,
                                                  QHash<QString, quint64> *frameCounts,
                                                  quint64 *checked, quint64 firstCaptureId) {
    ContractViolationList violations;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const BrokerEvent &e = events.at(i);
        if (e.kind == BrokerEvent::Kind::ConnectionClosed) {
            frameCounts->remove(QStringLiteral("%1/%2").arg(e.session).arg(e.connectionId));
            continue;
        }
        if (e.kind != BrokerEvent::Kind::FrameIn)
            continue;
        const quint64 index =
            (*frameCounts)[QStringLiteral("%1/%2").arg(e.session).arg(e.connectionId)]++;
        QList<ContractSchema::Failure> failures;
        if (!contracts.check(e, &failures))
            continue;
        ++*checked;
        const QString sender = e.clientId.isEmpty() ? QStringLiteral("#%1").arg(e.connectionId)
                                                    : QString::fromUtf8(e.clientId);
        const QString action = ContractSet::actionName(e.action);
        const quint64 captureId = firstCaptureId == 0 ? 0 : firstCaptureId + quint64(i);
        for (const ContractSchema::Failure &failure : std::as_const(failures)) {
            violations.append({e.session, e.connectionId, e.timeMs, index, captureId, e.room,
                               sender, action, failure.path, failure.keyword, failure.description});
        }
    }
    return violations;
}

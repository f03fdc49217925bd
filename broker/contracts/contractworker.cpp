#include "contractworker.h"

#include <QJsonDocument>
#include <QJsonObject>

void ContractWorker::setContracts(std::shared_ptr<const ContractSet> contracts) {
    m_contracts = std::move(contracts);
}

void ContractWorker::check(const BrokerEventList &events) {
    if (!m_contracts || m_contracts->isEmpty())
        return;
    quint64 framesChecked = 0;
    const ContractViolationList violations =
        checkEvents(*m_contracts, events, &m_frameCounts, &framesChecked);
    if (framesChecked > 0)
        emit checked(violations, framesChecked);
}

ContractViolationList ContractWorker::checkEvents(const ContractSet &contracts,
                                                  const BrokerEventList &events,
                                                  QHash<QString, quint64> *frameCounts,
                                                  quint64 *checked) {
    ContractViolationList violations;
    for (const BrokerEvent &e : events) {
        if (e.kind == BrokerEvent::Kind::ConnectionClosed) {
            frameCounts->remove(QStringLiteral("%1/%2").arg(e.session).arg(e.connectionId));
            continue;
        }
        if (e.kind != BrokerEvent::Kind::FrameIn)
            continue;
        const quint64 index =
            (*frameCounts)[QStringLiteral("%1/%2").arg(e.session).arg(e.connectionId)]++;
        if (e.binary || (e.action != FrameAction::Send && e.action != FrameAction::Answer))
            continue;
        const QString action =
            e.action == FrameAction::Send ? QStringLiteral("send") : QStringLiteral("answer");
        // A frame cut short by the recording limit cannot be judged.
        if (e.data.size() < e.size)
            continue;
        const QJsonValue message =
            QJsonDocument::fromJson(e.data).object().value(QStringLiteral("message"));
        const ContractSet::Contract *contract = contracts.find(e.room, action, message);
        if (!contract)
            continue;
        ++*checked;
        const QString sender = e.clientId.isEmpty() ? QStringLiteral("#%1").arg(e.connectionId)
                                                    : QString::fromUtf8(e.clientId);
        for (const ContractSchema::Failure &failure : contract->schema->validate(message)) {
            violations.append({e.session, e.connectionId, e.timeMs, index, e.room, sender, action,
                               failure.path, failure.keyword, failure.description});
        }
    }
    return violations;
}

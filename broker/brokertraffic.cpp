// Broker's traffic control (issue 13): the rules in force, and the held frames' release and
// drop. The stage is installed in the delivery pipeline only while a rule is enabled, so that
// deliveries skip the pipeline otherwise.
#include "broker.h"

#include "trafficcontrolstage.h"

#include <algorithm>

void Broker::setTrafficRules(const TrafficRuleList &rules) {
    m_trafficRules = rules;
    const bool any =
        std::any_of(rules.begin(), rules.end(), [](const TrafficRule &r) { return r.enabled; });
    if (!any && m_traffic) {
        // What its rules held goes on first; then deliveries skip the pipeline again.
        m_traffic->setRules({});
        const std::unique_ptr<DeliveryStage> gone = m_pipeline.uninstall(m_traffic);
        m_traffic = nullptr;
    } else if (any) {
        if (!m_traffic) {
            auto stage = std::make_unique<TrafficControlStage>(
                static_cast<TrafficControlStage::Host &>(*this));
            connect(stage.get(), &TrafficControlStage::frameHeld, this, &Broker::frameHeld);
            connect(stage.get(), &TrafficControlStage::heldFrameEnded, this,
                    &Broker::heldFrameEnded);
            m_traffic = stage.get();
            m_pipeline.install(std::move(stage));
        }
        m_traffic->setRules(rules);
    }
    emit trafficRulesChanged(m_trafficRules);
}

void Broker::releaseHeld(quint64 ticket, const QByteArray &edited) {
    const QString error = m_traffic ? m_traffic->releaseHeld(ticket, edited)
                                    : tr("no frame is held under ticket %1").arg(ticket);
    if (!error.isEmpty())
        emit heldFrameRefused(ticket, error);
}

void Broker::dropHeld(quint64 ticket) {
    if (m_traffic)
        m_traffic->dropHeld(ticket);
}

void Broker::releaseAllHeld() {
    if (m_traffic)
        m_traffic->releaseAllHeld();
}

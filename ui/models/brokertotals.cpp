#include "brokertotals.h"

BrokerTotals::BrokerTotals(QObject *parent)
    : QObject(parent) {}

void BrokerTotals::add(BrokerCounters &to, const BrokerCounters &from) {
    to.connectionsOpened += from.connectionsOpened;
    to.connectionsClosed += from.connectionsClosed;
    to.framesIn += from.framesIn;
    to.framesOut += from.framesOut;
    to.bytesIn += from.bytesIn;
    to.bytesOut += from.bytesOut;
    to.delivered += from.delivered;
    to.skippedUnknownId += from.skippedUnknownId;
    to.answersForwarded += from.answersForwarded;
    to.droppedAnswers += from.droppedAnswers;
    to.errorsSent += from.errorsSent;
    to.acksExpired += from.acksExpired;
    to.acksEvicted += from.acksEvicted;
    to.undelivered += from.undelivered;
    to.unrecordedFrames += from.unrecordedFrames;
    const auto addEach = [](auto &sums, const auto &values) {
        for (size_t i = 0; i < sums.size(); ++i)
            sums[i] += values[i];
    };
    addEach(to.closesByReason, from.closesByReason);
    addEach(to.framesInByAction, from.framesInByAction);
    addEach(to.bytesInByAction, from.bytesInByAction);
    addEach(to.framesOutByAction, from.framesOutByAction);
    addEach(to.bytesOutByAction, from.bytesOutByAction);
    addEach(to.skippedByReason, from.skippedByReason);
    addEach(to.closesByCode, from.closesByCode);
    to.metricsUnauthorized += from.metricsUnauthorized;
}

void BrokerTotals::applySnapshot(const BrokerSnapshot &snapshot) {
    // Session 0 is no run: the empty snapshot a window shows before the broker starts.
    if (snapshot.session == 0)
        return;
    if (snapshot.session != m_session) {
        if (m_session != 0) {
            m_earlierRuns = m_total;
            m_restarts.append(snapshot.startedAtMs > 0 ? snapshot.startedAtMs : snapshot.timeMs);
        } else {
            m_firstStartMs = snapshot.startedAtMs > 0 ? snapshot.startedAtMs : snapshot.timeMs;
        }
        m_session = snapshot.session;
    }
    m_total = m_earlierRuns;
    add(m_total, snapshot.counters);
    Q_EMIT changed();
}

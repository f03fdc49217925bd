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
    for (size_t r = 0; r < to.closesByReason.size(); ++r)
        to.closesByReason[r] += from.closesByReason[r];
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

#include "ratehistory.h"

RateHistory::RateHistory(QObject *parent)
    : QObject(parent) {}

void RateHistory::addCounters(qint64 timeMs, quint64 framesIn, quint64 framesOut, quint64 session) {
    // A restarted broker starts its counters from zero again: begin a new series. A broker
    // that names no session shows it by counters going down.
    const bool newRun = session != m_session;
    if (newRun && m_lastTimeMs >= 0)
        m_runStarted = true;
    m_session = session;
    if (!newRun && m_lastTimeMs >= 0 && timeMs > m_lastTimeMs && framesIn >= m_lastIn &&
        framesOut >= m_lastOut) {
        const double seconds = double(timeMs - m_lastTimeMs) / 1000.0;
        m_samples.append({timeMs, double(framesIn - m_lastIn) / seconds,
                          double(framesOut - m_lastOut) / seconds, m_runStarted});
        m_runStarted = false;
        qsizetype old = 0;
        while (old < m_samples.size() && m_samples.at(old).timeMs < timeMs - m_spanMs)
            ++old;
        m_samples.remove(0, old);
        emit changed();
    }
    m_lastTimeMs = timeMs;
    m_lastIn = framesIn;
    m_lastOut = framesOut;
}

void RateHistory::clear() {
    m_samples.clear();
    m_lastTimeMs = -1;
    m_runStarted = false;
    emit changed();
}

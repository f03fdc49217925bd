#include "eventlooplatencyprobe.h"

#include <algorithm>

EventLoopLatencyProbe::EventLoopLatencyProbe(int intervalMs, QObject *parent)
    : QObject(parent) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLatencyProbe::tick);
}

void EventLoopLatencyProbe::start() {
    m_samples.clear();
    m_max = 0;
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void EventLoopLatencyProbe::stop() {
    m_timer.stop();
}

void EventLoopLatencyProbe::tick() {
    const qint64 now = m_clock.elapsed();
    const qint64 late = std::max<qint64>(0, now - m_last - m_timer.interval());
    m_last = now;
    m_samples.append(late);
    m_max = std::max(m_max, late);
}

qint64 EventLoopLatencyProbe::percentileMs(double p) const {
    if (m_samples.isEmpty())
        return 0;
    QList<qint64> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    const auto i =
        std::min<qsizetype>(sorted.size() - 1, qsizetype(p / 100.0 * double(sorted.size())));
    return sorted.at(i);
}

#include "benchphases.h"

#include "residentmemory.h"

#include <QFile>

#include <cstdio>

BenchPhases::BenchPhases(QObject *parent)
    : QObject(parent) {
    m_stepTimer.setInterval(50);
    connect(&m_stepTimer, &QTimer::timeout, this, &BenchPhases::step);
}

void BenchPhases::start() {
    m_current = -1;
    next();
}

void BenchPhases::next() {
    if (++m_current >= m_phases.size()) {
        m_stepTimer.stop();
        Q_EMIT finished();
        return;
    }
    const Phase &phase = m_phases.at(m_current);
    m_steps = 0;
    m_probe = std::make_unique<EventLoopLatencyProbe>();
    m_probe->start();
    m_clock.start();
    if (phase.begin)
        phase.begin();
    m_stepTimer.start();
}

void BenchPhases::step() {
    const Phase &phase = m_phases.at(m_current);
    const bool done = !phase.step || phase.step(m_steps++);
    const qint64 elapsed = m_clock.elapsed();
    if (!done && elapsed < phase.maxMs)
        return;
    m_probe->stop();
    std::printf(
        "%-14s %7.1f s  lateness p50 %3lld ms, p99 %4lld ms, max %4lld ms  RSS %lld MiB%s%s%s\n",
        qPrintable(phase.name), double(elapsed) / 1000.0, m_probe->percentileMs(50),
        m_probe->percentileMs(99), m_probe->maxLatenessMs(), ResidentMemory::kib() / 1024,
        done ? "" : "  (time up)", phase.figures ? "  " : "",
        phase.figures ? qPrintable(phase.figures()) : "");
    std::fflush(stdout);
    m_stepTimer.stop();
    QTimer::singleShot(0, this, &BenchPhases::next);
}

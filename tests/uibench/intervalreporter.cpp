#include "intervalreporter.h"

#include "residentmemory.h"

#include "framelogmodel.h"

#include <QFile>

#include <cstdio>

IntervalReporter::IntervalReporter(const FrameLogModel *log, int intervalSeconds, QObject *parent)
    : QObject(parent)
    , m_log(log) {
    m_timer.setInterval(intervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &IntervalReporter::report);
}

void IntervalReporter::start() {
    m_probe.start();
    m_timer.start();
}

void IntervalReporter::report() {
    m_elapsedSeconds += m_timer.interval() / 1000;
    // One line per interval, fixed keys: scripts/soak.sh parses them.
    std::printf("interval t=%d lateness_p99_ms=%lld lateness_max_ms=%lld rows=%d dropped=%llu "
                "rss_kib=%lld\n",
                m_elapsedSeconds, m_probe.percentileMs(99), m_probe.maxLatenessMs(),
                m_log->rowCount(), static_cast<unsigned long long>(m_log->droppedCount()),
                ResidentMemory::kib());
    std::fflush(stdout);
    m_probe.start(); // the next interval starts from fresh samples
}

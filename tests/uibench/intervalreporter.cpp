#include "intervalreporter.h"

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

qint64 IntervalReporter::residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void IntervalReporter::report() {
    m_elapsedSeconds += m_timer.interval() / 1000;
    // One line per interval, fixed keys: scripts/soak.sh parses them.
    std::printf("interval t=%d lateness_p99_ms=%lld lateness_max_ms=%lld rows=%d dropped=%llu "
                "rss_kib=%lld\n",
                m_elapsedSeconds, m_probe.percentileMs(99), m_probe.maxLatenessMs(),
                m_log->rowCount(), static_cast<unsigned long long>(m_log->droppedCount()),
                residentKiB());
    std::fflush(stdout);
    m_probe.start(); // the next interval starts from fresh samples
}

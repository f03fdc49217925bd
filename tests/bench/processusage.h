#pragma once

#include <QHash>
#include <QtGlobal>

// What /proc says about one process at one moment: CPU time (utime + stime, in clock ticks, for
// the whole process and per thread), resident memory, thread count.
struct ProcessSample {
    bool valid = false;
    qint64 monotonicNs = 0;
    qint64 cpuTicks = 0;
    qint64 rssKiB = 0;
    int threadCount = 0;
    QHash<int, qint64> threadTicks; // tid -> utime + stime
};

// CPU and memory use of a process between two samples, from /proc/PID/stat and /proc/PID/status.
// Used for the broker (--server-pid) and for the bench itself, so the report can say which side
// was saturated.
class ProcessUsage {
public:
    explicit ProcessUsage(qint64 pid);

    qint64 pid() const { return m_pid; }
    bool exists() const;
    ProcessSample sample() const;

    // CPU use between two samples as a percentage of one core (200 = two cores busy).
    static double cpuPercent(const ProcessSample &before, const ProcessSample &after);
    // The busiest single thread's share of one core between two samples.
    static double busiestThreadPercent(const ProcessSample &before, const ProcessSample &after);
    static qint64 cpuMicroseconds(const ProcessSample &before, const ProcessSample &after);

    static qint64 ticksPerSecond();
    static int onlineCores();

private:
    static bool readStat(const QString &path, qint64 *ticks, int *threads);
    static qint64 readRssKiB(qint64 pid);

    qint64 m_pid;
};

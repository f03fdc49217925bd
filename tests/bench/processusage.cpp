#include "processusage.h"

#include <QDir>
#include <QFile>
#include <QList>

#include <algorithm>
#include <ctime>
#include <unistd.h>

namespace {
qint64 monotonicNow() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QByteArray readSmallFile(const QString &path) {
    // /proc files report size 0, so read until EOF rather than by size.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

ProcessUsage::ProcessUsage(qint64 pid)
    : m_pid(pid) {}

bool ProcessUsage::exists() const {
    return m_pid > 0 && QFile::exists(QStringLiteral("/proc/%1/stat").arg(m_pid));
}

bool ProcessUsage::readStat(const QString &path, qint64 *ticks, int *threads) {
    const QByteArray stat = readSmallFile(path);
    // The command name (field 2) may contain spaces and parentheses: fields after the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); utime = field 14, stime = field 15, num_threads = field 20.
    if (fields.size() < 18)
        return false;
    *ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    if (threads)
        *threads = fields.at(17).toInt();
    return true;
}

qint64 ProcessUsage::readRssKiB(qint64 pid) {
    const QByteArray status = readSmallFile(QStringLiteral("/proc/%1/status").arg(pid));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

ProcessSample ProcessUsage::sample() const {
    ProcessSample result;
    result.monotonicNs = monotonicNow();
    if (m_pid <= 0)
        return result;
    if (!readStat(QStringLiteral("/proc/%1/stat").arg(m_pid), &result.cpuTicks,
                  &result.threadCount))
        return result;
    result.rssKiB = readRssKiB(m_pid);
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(m_pid));
    const QStringList tids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        qint64 ticks = 0;
        if (readStat(tasks.filePath(tid + QStringLiteral("/stat")), &ticks, nullptr))
            result.threadTicks.insert(tid.toInt(), ticks);
    }
    result.valid = true;
    return result;
}

double ProcessUsage::cpuPercent(const ProcessSample &before, const ProcessSample &after) {
    const qint64 wallNs = after.monotonicNs - before.monotonicNs;
    if (!before.valid || !after.valid || wallNs <= 0)
        return 0.0;
    const double cpuSeconds = double(after.cpuTicks - before.cpuTicks) / double(ticksPerSecond());
    return 100.0 * cpuSeconds / (double(wallNs) / 1e9);
}

double ProcessUsage::busiestThreadPercent(const ProcessSample &before, const ProcessSample &after) {
    const qint64 wallNs = after.monotonicNs - before.monotonicNs;
    if (!before.valid || !after.valid || wallNs <= 0)
        return 0.0;
    qint64 busiest = 0;
    for (auto it = after.threadTicks.cbegin(); it != after.threadTicks.cend(); ++it)
        busiest = std::max(busiest, it.value() - before.threadTicks.value(it.key(), 0));
    return 100.0 * (double(busiest) / double(ticksPerSecond())) / (double(wallNs) / 1e9);
}

qint64 ProcessUsage::cpuMicroseconds(const ProcessSample &before, const ProcessSample &after) {
    if (!before.valid || !after.valid)
        return 0;
    return (after.cpuTicks - before.cpuTicks) * 1'000'000 / ticksPerSecond();
}

qint64 ProcessUsage::ticksPerSecond() {
    static const qint64 ticks = std::max<long>(1, sysconf(_SC_CLK_TCK));
    return ticks;
}

int ProcessUsage::onlineCores() {
    return int(std::max<long>(1, sysconf(_SC_NPROCESSORS_ONLN)));
}

#include "machineusage.h"

#include <QFile>
#include <QList>

MachineSample MachineUsage::sample() {
    MachineSample result;
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return result;
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    if (fields.size() < 9 || fields.constFirst() != "cpu")
        return result;
    qint64 total = 0;
    // guest time is already included in user time.
    for (int i = 1; i <= 8; ++i)
        total += fields.at(i).toLongLong();
    const qint64 idle = fields.at(4).toLongLong() + fields.at(5).toLongLong();
    result.totalTicks = total;
    result.busyTicks = total - idle;
    result.valid = true;
    return result;
}

double MachineUsage::busyPercent(const MachineSample &before, const MachineSample &after,
                                 int cores) {
    const qint64 total = after.totalTicks - before.totalTicks;
    if (!before.valid || !after.valid || total <= 0)
        return 0.0;
    return 100.0 * cores * double(after.busyTicks - before.busyTicks) / double(total);
}

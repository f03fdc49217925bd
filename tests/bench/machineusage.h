#pragma once

#include <QtGlobal>

// CPU time of the whole machine from /proc/stat, so the report can tell when processes other than
// the broker and the bench took CPU during the measured window and disturbed the figures.
struct MachineSample {
    bool valid = false;
    qint64 busyTicks = 0;
    qint64 totalTicks = 0;
};

class MachineUsage {
public:
    static MachineSample sample();
    // Busy share of all cores between two samples, in percent of one core (like ProcessUsage).
    static double busyPercent(const MachineSample &before, const MachineSample &after, int cores);
};

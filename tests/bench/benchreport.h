#pragma once

#include "latencyhistogram.h"

#include <QString>

// The outcome of one run, printed as text for people or as one JSON line for scripts.
struct BenchReport {
    QString scenario;
    QString url;
    QString transport;
    QString unit;         // what ops counts, plural ("messages")
    QString unitSingular; // "message"
    int clients = 0;
    int window = 0;
    int size = 0;
    int threads = 0;
    double warmupSeconds = 0;
    double measuredSeconds = 0;

    qint64 ops = 0;
    double rate = 0;
    LatencyHistogram latency;
    QString latencyLabel;

    // connect scenario
    double connectSeconds = 0;
    LatencyHistogram connectLatency;

    qint64 lost = 0;
    qint64 duplicated = 0;
    qint64 misrouted = 0;
    qint64 outOfOrder = 0;
    qint64 malformed = 0;
    qint64 brokerErrors = 0;
    qint64 unexpectedUnregistered = 0;
    bool drainTimedOut = false;
    QString firstProblem;

    bool serverMeasured = false;
    qint64 serverPid = 0;
    int serverThreads = 0;
    double serverCpuPercent = 0;
    double serverBusiestThreadPercent = 0;
    double serverCpuMicrosPerOp = 0; // per op; for connect, per connection set up
    qint64 serverRssBeforeKiB = 0;   // before the bench connected
    qint64 serverRssAfterKiB = 0;    // at the end of the measured window
    double serverRssPerConnectionKiB = 0;

    double benchCpuPercent = 0;
    double benchBusiestThreadPercent = 0;
    double benchCpuMicrosPerOp = 0;
    double machineBusyPercent = 0; // all processes, percent of one core
    int cores = 0;
    QString saturated;

    bool correct() const;
    // CPU that neither the broker nor the bench used, in percent of one core.
    double otherCpuPercent() const;
    void decideSaturation();
    QString toText() const;
    QString toJson() const;
};

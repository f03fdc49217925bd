#pragma once

#include "latencyhistogram.h"

#include <QString>

#include <vector>

// What one client thread observed; the controller merges these after the run.
struct WorkerStats {
    qint64 measuredOps = 0; // messages / round trips / deliveries inside the measured window
    LatencyHistogram latency;
    LatencyHistogram connectLatency; // TCP connect to `registered`
    qint64 misrouted = 0;
    qint64 duplicated = 0;
    qint64 outOfOrder = 0;
    qint64 malformed = 0;
    qint64 brokerErrors = 0;
    qint64 unexpectedUnregistered = 0;
    qint64 answersMissing = 0; // asks sent without a (first) answer
    QString firstProblem;
    // Indexed by global client index; zero for clients of other threads.
    std::vector<qint64> sent;
    std::vector<qint64> receivedUnique;

    void noteProblem(const QString &problem);
    void merge(const WorkerStats &other);
};

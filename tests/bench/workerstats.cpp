#include "workerstats.h"

#include <algorithm>

void WorkerStats::noteProblem(const QString &problem) {
    if (firstProblem.isEmpty())
        firstProblem = problem;
}

void WorkerStats::merge(const WorkerStats &other) {
    measuredOps += other.measuredOps;
    latency.merge(other.latency);
    connectLatency.merge(other.connectLatency);
    misrouted += other.misrouted;
    duplicated += other.duplicated;
    outOfOrder += other.outOfOrder;
    malformed += other.malformed;
    brokerErrors += other.brokerErrors;
    unexpectedUnregistered += other.unexpectedUnregistered;
    answersMissing += other.answersMissing;
    noteProblem(other.firstProblem);
    const auto addInto = [](std::vector<qint64> &into, const std::vector<qint64> &from) {
        if (into.size() < from.size())
            into.resize(from.size(), 0);
        for (size_t i = 0; i < from.size(); ++i)
            into[i] += from[i];
    };
    addInto(sent, other.sent);
    addInto(receivedUnique, other.receivedUnique);
}

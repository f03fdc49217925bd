#pragma once

#include "eventlooplatencyprobe.h"

#include <QObject>
#include <QTimer>

class FrameLogModel;

// For the window soak (scripts/soak.sh --window): every interval, prints one line with the
// event loop's lateness during that interval (p99, max), the log's rows and the process's
// resident memory, so that a long run shows whether either drifts.
class IntervalReporter : public QObject {
    Q_OBJECT
public:
    IntervalReporter(const FrameLogModel *log, int intervalSeconds, QObject *parent = nullptr);

    void start();

private:
    void report();

    const FrameLogModel *m_log;
    EventLoopLatencyProbe m_probe;
    QTimer m_timer;
    int m_elapsedSeconds = 0;
};

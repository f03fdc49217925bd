#pragma once

#include "eventlooplatencyprobe.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

// A benchmark as a row of phases run one after the other in the event loop, each measured with
// its own EventLoopLatencyProbe: begin() starts it, step(n) is called every 50 ms until it
// returns true (or the phase's time is up), then one line of figures is printed.
class BenchPhases : public QObject {
    Q_OBJECT
public:
    struct Phase {
        QString name;
        std::function<void()> begin;
        std::function<bool(int step)> step; // true: done
        int maxMs = 10000;
        std::function<QString()> figures; // extra figures for the phase's line
    };

    explicit BenchPhases(QObject *parent = nullptr);
    void add(Phase phase) { m_phases.append(std::move(phase)); }
    void start();

Q_SIGNALS:
    void finished();

private:
    void next();
    void step();

    QList<Phase> m_phases;
    int m_current = -1;
    int m_steps = 0;
    QElapsedTimer m_clock;
    QTimer m_stepTimer;
    std::unique_ptr<EventLoopLatencyProbe> m_probe;
};

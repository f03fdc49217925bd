#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

// Measures how late the event loop it runs in answers a short timer: the time a user waits for
// a click or a repaint while the loop is busy (inserting a batch, painting the log). Used by the
// UI benchmark; costs one timer tick every interval.
class EventLoopLatencyProbe : public QObject {
    Q_OBJECT
public:
    explicit EventLoopLatencyProbe(int intervalMs = 10, QObject *parent = nullptr);

    void start();
    void stop();

    // Lateness of each tick beyond its interval, in milliseconds.
    qint64 maxLatenessMs() const { return m_max; }
    qint64 percentileMs(double p) const;
    int sampleCount() const { return int(m_samples.size()); }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_max = 0;
    QList<qint64> m_samples;
};

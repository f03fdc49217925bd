#pragma once

#include "brokerevent.h"

#include <QObject>
#include <QTimer>

#include <atomic>

// Collects broker events and hands them out in batches on a short timer, so that observers in
// other threads cost the routing path one append, and nothing at all while no one listens.
class EventRecorder : public QObject {
    Q_OBJECT
public:
    explicit EventRecorder(QObject *parent = nullptr);

    // Cheap check for the hot path: build an event only when this is true.
    bool isActive() const { return m_active.load(std::memory_order_relaxed); }
    void setActive(bool active);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    // Bounds what waits between two batches when an observer falls behind.
    void setMaxPending(int events) { m_maxPending = events; }
    // Frames per second that observers get at most; the rest are only counted. A window
    // cannot show more than that, and recording them would slow routing for nothing.
    void setFrameRateLimit(int framesPerSecond);
    // Whether the next frame's event fits in this batch; counts it as dropped when not.
    bool takesFrame() {
        if (!isActive())
            return false;
        if (m_pending.size() < m_frameBudget)
            return true;
        ++m_dropped;
        return false;
    }

    // Appends an event (counted as dropped past the bound of pending events).
    void record(BrokerEvent &&event);
    // Hands out what is pending now (used before stopping).
    void flush();
    quint64 droppedEvents() const { return m_dropped; }

signals:
    void batchReady(const BrokerEventList &events);

private:
    std::atomic<bool> m_active{false};
    BrokerEventList m_pending;
    QTimer m_timer;
    int m_maxPending = 500000;
    int m_frameBudget = 10000; // per batch
    quint64 m_dropped = 0;
};

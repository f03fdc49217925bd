#include "eventrecorder.h"

EventRecorder::EventRecorder(QObject *parent)
    : QObject(parent)
    , m_timer(this) {
    m_timer.setInterval(50);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventRecorder::flush);
}

void EventRecorder::setActive(bool active) {
    m_active.store(active, std::memory_order_relaxed);
}

void EventRecorder::setFrameRateLimit(int framesPerSecond) {
    m_frameBudget = std::max(1, int(qint64(framesPerSecond) * m_timer.interval() / 1000));
}

void EventRecorder::record(BrokerEvent &&event) {
    if (m_pending.size() >= m_maxPending) {
        ++m_dropped;
        return;
    }
    m_pending.append(std::move(event));
    if (!m_timer.isActive())
        m_timer.start();
}

void EventRecorder::flush() {
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    BrokerEventList batch;
    batch.swap(m_pending);
    m_pending.reserve(batch.size());
    emit batchReady(batch);
}

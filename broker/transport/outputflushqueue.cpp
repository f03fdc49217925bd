#include "outputflushqueue.h"

#include "websocketconnection.h"

#include <QCoreApplication>
#include <QEvent>
#include <QThreadStorage>

#include <algorithm>

namespace {

const QEvent::Type FlushEvent = QEvent::Type(QEvent::registerEventType());

} // namespace

OutputFlushQueue *OutputFlushQueue::forCurrentThread() {
    static QThreadStorage<OutputFlushQueue *> queues;
    if (!queues.hasLocalData())
        queues.setLocalData(new OutputFlushQueue);
    return queues.localData();
}

OutputFlushQueue::~OutputFlushQueue() {
    for (const auto *batch : {&m_pending, &m_flushing}) {
        for (WebSocketConnection *connection : *batch) {
            if (connection)
                connection->m_flushQueue = nullptr;
        }
    }
}

void OutputFlushQueue::schedule(WebSocketConnection *connection) {
    m_pending.push_back(connection);
    postFlushEvent();
}

void OutputFlushQueue::postFlushEvent() {
    if (!m_eventPosted) {
        m_eventPosted = true;
        QCoreApplication::postEvent(this, new QEvent(FlushEvent));
    }
}

void OutputFlushQueue::cancel(WebSocketConnection *connection) {
    std::erase(m_pending, connection);
    std::replace(m_flushing.begin(), m_flushing.end(), connection,
                 static_cast<WebSocketConnection *>(nullptr));
}

bool OutputFlushQueue::event(QEvent *event) {
    if (event->type() != FlushEvent)
        return QObject::event(event);
    m_eventPosted = false;
    if (!m_flushing.empty()) { // re-entered from a nested event loop: the outer pass goes on
        postFlushEvent();
        return true;
    }
    // A flush may end a connection (a reset peer), and its owner may then delete others:
    // cancel() nulls them in m_flushing. What is scheduled meanwhile waits for the next event.
    m_flushing.swap(m_pending);
    for (size_t i = 0; i < m_flushing.size(); ++i) {
        if (WebSocketConnection *connection = m_flushing[i])
            connection->flushScheduledOutput();
    }
    m_flushing.clear();
    return true;
}

#pragma once

#include <QObject>

#include <cstddef>
#include <vector>

class WebSocketConnection;

// The connections of one thread whose output waits for the end of the event loop's pass, all
// written from one posted event.
//
// A posted event per connection cost an allocation, a lock of the thread's event list and a
// trip through QCoreApplication::notify() for every connection written in a pass; at one
// message in flight per client (pairs W=1) that is every message.
class OutputFlushQueue final : public QObject {
    Q_OBJECT

public:
    // The queue of the calling thread, made on first use and deleted when the thread ends.
    static OutputFlushQueue *forCurrentThread();
    // At the thread's end: connections still waiting forget this queue, so that none cancels
    // into it later.
    ~OutputFlushQueue() override;

    // Writes connection's output once this pass is done; each connection at most once.
    void schedule(WebSocketConnection *connection);
    // Forgets a connection that is going away before its flush.
    void cancel(WebSocketConnection *connection);

protected:
    bool event(QEvent *event) override;

private:
    OutputFlushQueue() = default;
    // One event at a time, posted when the first connection of a pass is scheduled.
    void postFlushEvent();

    std::vector<WebSocketConnection *> m_pending;
    std::vector<WebSocketConnection *>
        m_flushing; // the batch being written (entries may be nulled)
    bool m_eventPosted = false;
};

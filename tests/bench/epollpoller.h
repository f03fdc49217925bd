#pragma once

#include <QObject>

#include <vector>

class EpollHandler;
class QSocketNotifier;

// One epoll instance per client thread, watched by a single QSocketNotifier. Qt's event loop
// polls every socket notifier of a thread on each pass (poll(), O(all sockets)); with dozens to
// thousands of client sockets per thread that scan cost the bench more CPU than the frames
// themselves. Here Qt polls one descriptor and epoll reports only the ready sockets.
// Output is coalesced: handlers queue a flush, and all queued flushes run once per batch of
// events (or once per event-loop pass when the writes came from elsewhere), so the frames a
// batch produced for one socket leave in one send().
class EpollPoller : public QObject {
    Q_OBJECT

public:
    explicit EpollPoller(QObject *parent = nullptr);
    ~EpollPoller() override;

    bool isValid() const { return m_epoll >= 0; }
    // `events` are EPOLLIN / EPOLLOUT; returns false (errno set) on failure.
    bool add(int fd, EpollHandler *handler, quint32 events);
    bool modify(int fd, EpollHandler *handler, quint32 events);
    void remove(int fd);

    void scheduleFlush(EpollHandler *handler);
    // Drops a handler that is going away from the pending flushes.
    void forget(EpollHandler *handler);

private:
    void dispatch();
    void flushPending();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::vector<EpollHandler *> m_pendingFlush;
    std::vector<EpollHandler *> m_flushing;
    bool m_dispatching = false;
    bool m_flushPosted = false;
};

#include "epollpoller.h"

#include "epollhandler.h"

#include <QSocketNotifier>

#include <algorithm>
#include <sys/epoll.h>
#include <unistd.h>

namespace {
constexpr int MaxEvents = 512;
// Batches per notifier activation before going back to the event loop (timers, queued calls).
constexpr int MaxRounds = 8;
} // namespace

EpollPoller::EpollPoller(QObject *parent)
    : QObject(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC)) {
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EpollPoller::dispatch);
}

EpollPoller::~EpollPoller() {
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollPoller::add(int fd, EpollHandler *handler, quint32 events) {
    epoll_event event{};
    event.events = events;
    event.data.ptr = handler;
    return epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

bool EpollPoller::modify(int fd, EpollHandler *handler, quint32 events) {
    epoll_event event{};
    event.events = events;
    event.data.ptr = handler;
    return epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) == 0;
}

void EpollPoller::remove(int fd) {
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

void EpollPoller::scheduleFlush(EpollHandler *handler) {
    m_pendingFlush.push_back(handler);
    if (m_dispatching || m_flushPosted)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushPosted = false;
            flushPending();
        },
        Qt::QueuedConnection);
}

void EpollPoller::forget(EpollHandler *handler) {
    std::erase(m_pendingFlush, handler);
    std::replace(m_flushing.begin(), m_flushing.end(), handler,
                 static_cast<EpollHandler *>(nullptr));
}

void EpollPoller::flushPending() {
    while (!m_pendingFlush.empty()) {
        m_flushing.swap(m_pendingFlush);
        for (size_t i = 0; i < m_flushing.size(); ++i) {
            if (EpollHandler *handler = m_flushing[i])
                handler->flushOutput();
        }
        m_flushing.clear();
    }
}

void EpollPoller::dispatch() {
    m_dispatching = true;
    epoll_event events[MaxEvents];
    for (int round = 0; round < MaxRounds; ++round) {
        const int count = epoll_wait(m_epoll, events, MaxEvents, 0);
        if (count <= 0)
            break;
        for (int i = 0; i < count; ++i)
            static_cast<EpollHandler *>(events[i].data.ptr)->handleEvents(events[i].events);
        flushPending();
        if (count < MaxEvents)
            break;
    }
    m_dispatching = false;
    flushPending();
}

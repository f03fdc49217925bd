#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>

#include <cerrno>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

qint64 monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

constexpr qint64 nsPerMs = 1'000'000;

// Which epoll events wake which notifier: the same mapping as QEventDispatcherUNIX, so that a
// socket closed by its peer or in error is always read (and seen to be closed).
constexpr std::array<std::uint32_t, 3> activatingEvents = {
    EPOLLIN | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Read
    EPOLLOUT | EPOLLHUP | EPOLLERR, // QSocketNotifier::Write
    EPOLLPRI | EPOLLHUP | EPOLLERR, // QSocketNotifier::Exception
};
constexpr std::array<std::uint32_t, 3> requestedEvents = {EPOLLIN, EPOLLOUT, EPOLLPRI};

std::uint64_t eventData(int fd, quint32 generation) {
    return (std::uint64_t(generation) << 32) | std::uint32_t(fd);
}

} // namespace

std::uint32_t EpollEventDispatcher::Watch::wantedEvents() const {
    std::uint32_t events = 0;
    for (size_t type = 0; type < notifiers.size(); ++type) {
        if (notifiers[type])
            events |= requestedEvents[type];
    }
    return events;
}

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent) {
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epollFd < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd descriptor: %s",
               strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = eventData(m_wakeFd, 0);
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0)
        qFatal("EpollEventDispatcher: cannot watch the wake-up descriptor: %s", strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher() {
    close(m_wakeFd);
    close(m_epollFd);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags) {
    m_interrupted.store(false, std::memory_order_relaxed);
    m_loopThread.store(QThread::currentThreadId(), std::memory_order_relaxed);
    emit awake();
    QCoreApplication::sendPostedEvents();

    int timeoutMs = 0;
    if (flags.testFlag(QEventLoop::WaitForMoreEvents) &&
        !m_interrupted.load(std::memory_order_relaxed)) {
        emit aboutToBlock();
        timeoutMs = flags.testFlag(QEventLoop::X11ExcludeTimers) ? -1 : waitTimeoutMs();
    }
    if (m_interrupted.load(std::memory_order_relaxed))
        return false;

    // A wake-up from this thread itself (an event posted while handling the last pass) needs no
    // eventfd round trip: the wait just must not block.
    if (m_wokenFromOwnThread) {
        m_wokenFromOwnThread = false;
        timeoutMs = 0;
    }
    applyWatchChanges();
    std::array<epoll_event, 512> events;
    int ready = epoll_wait(m_epollFd, events.data(), int(events.size()), timeoutMs);
    if (ready < 0) {
        if (errno != EINTR)
            qErrnoWarning("EpollEventDispatcher: epoll_wait failed");
        ready = 0;
    }

    int handled = 0;
    const bool includeSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    for (int i = 0; i < ready; ++i) {
        const std::uint64_t data = events[size_t(i)].data.u64;
        if (int(std::uint32_t(data)) == m_wakeFd) {
            drainWakeUps();
        } else if (includeSockets) {
            dispatchSocketEvent(data, events[size_t(i)].events);
            ++handled;
        }
    }
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        handled += activateTimers();
    return handled > 0;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier) {
    const auto fd = int(notifier->socket());
    const auto type = size_t(notifier->type());
    if (fd < 0 || type >= requestedEvents.size())
        return;
    if (size_t(fd) >= m_watches.size())
        m_watches.resize(std::max(size_t(fd) + 1, m_watches.size() * 2));
    Watch &watch = m_watches[size_t(fd)];
    if (watch.notifiers[type] && watch.notifiers[type] != notifier)
        qWarning("EpollEventDispatcher: a second notifier of type %d for socket %d replaces the "
                 "first",
                 int(type), fd);
    if (watch.isEmpty()) {
        // A new descriptor (or a number reused after close): tell epoll now.
        watch.generation = m_nextGeneration++;
        if (m_nextGeneration == 0)
            m_nextGeneration = 1;
        watch.notifiers[type] = notifier;
        watch.kernelEvents = watch.wantedEvents();
        epoll_event event{};
        event.events = watch.kernelEvents;
        event.data.u64 = eventData(fd, watch.generation);
        if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) != 0 &&
            !(errno == EEXIST && epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event) == 0))
            qErrnoWarning("EpollEventDispatcher: cannot watch socket %d", fd);
        return;
    }
    watch.notifiers[type] = notifier;
    if (!watch.changePending) {
        watch.changePending = true;
        m_changedDescriptors.push_back(fd);
    }
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier) {
    const auto fd = int(notifier->socket());
    const auto type = size_t(notifier->type());
    if (fd < 0 || size_t(fd) >= m_watches.size() || type >= requestedEvents.size())
        return;
    Watch &watch = m_watches[size_t(fd)];
    if (watch.notifiers[type] != notifier)
        return;
    watch.notifiers[type] = nullptr;
    if (watch.isEmpty()) {
        // Removed at once: Qt closes the descriptor right after, and its number may be reused.
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly if already closed
        watch.kernelEvents = 0;
        return;
    }
    if (!watch.changePending) {
        watch.changePending = true;
        m_changedDescriptors.push_back(fd);
    }
}

void EpollEventDispatcher::applyWatchChanges() {
    for (const int fd : m_changedDescriptors) {
        Watch &watch = m_watches[size_t(fd)];
        watch.changePending = false;
        if (watch.isEmpty())
            continue; // already removed from epoll
        const std::uint32_t wanted = watch.wantedEvents();
        if (wanted == watch.kernelEvents)
            continue;
        epoll_event event{};
        event.events = wanted;
        event.data.u64 = eventData(fd, watch.generation);
        if (epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event) != 0 &&
            !(errno == ENOENT && epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event) == 0))
            qErrnoWarning("EpollEventDispatcher: cannot change the events of socket %d", fd);
        watch.kernelEvents = wanted;
    }
    m_changedDescriptors.clear();
}

void EpollEventDispatcher::dispatchSocketEvent(std::uint64_t data, std::uint32_t events) {
    const auto fd = size_t(std::uint32_t(data));
    const auto generation = quint32(data >> 32);
    for (size_t type = 0; type < activatingEvents.size(); ++type) {
        if (!(events & activatingEvents[type]))
            continue;
        // Looked up again for each type: handling one may have closed the socket, and another
        // socket may already have its number.
        if (fd >= m_watches.size() || m_watches[fd].generation != generation)
            return;
        QSocketNotifier *notifier = m_watches[fd].notifiers[type];
        if (!notifier)
            continue;
        QEvent activation(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &activation);
    }
}

void EpollEventDispatcher::drainWakeUps() {
    // Cleared before reading, so that a wakeUp() racing with this read writes again.
    m_wakeUpPending.store(false, std::memory_order_release);
    eventfd_t value = 0;
    eventfd_read(m_wakeFd, &value);
}

void EpollEventDispatcher::wakeUp() {
    // Posting from the broker's own thread is the common case (a connection's flush, every pass
    // of the loop): that thread is not waiting, so a flag its next wait reads is enough; the
    // eventfd (a write and a read, and one more pass) is for the other threads.
    if (QThread::currentThreadId() == m_loopThread.load(std::memory_order_relaxed)) {
        m_wokenFromOwnThread = true;
        return;
    }
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt() {
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}

void EpollEventDispatcher::scheduleTimer(int timerId, Timer &timer, qint64 deadlineNs) {
    m_deadlines.erase({timer.deadlineNs, timerId});
    timer.deadlineNs = deadlineNs;
    m_deadlines.insert({deadlineNs, timerId});
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object) {
    Timer timer;
    timer.object = object;
    timer.intervalMs = std::max<qint64>(interval, 0);
    timer.type = timerType;
    timer.deadlineNs = monotonicNs() + timer.intervalMs * nsPerMs;
    if (const auto existing = m_timers.constFind(timerId); existing != m_timers.constEnd())
        m_deadlines.erase({existing->deadlineNs, timerId});
    m_timers.insert(timerId, timer);
    m_deadlines.insert({timer.deadlineNs, timerId});
}

bool EpollEventDispatcher::unregisterTimer(int timerId) {
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_deadlines.erase({it->deadlineNs, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object) {
    bool removed = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_deadlines.erase({it->deadlineNs, it.key()});
            it = m_timers.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    return removed;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const {
    QList<TimerInfo> timers;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            timers.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId) {
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.constEnd())
        return -1;
    const qint64 remainingNs = it->deadlineNs - monotonicNs();
    return remainingNs <= 0 ? 0 : int((remainingNs + nsPerMs - 1) / nsPerMs);
}

int EpollEventDispatcher::waitTimeoutMs() const {
    for (const auto &[deadlineNs, timerId] : m_deadlines) {
        if (m_timers.value(timerId).firing)
            continue; // cannot fire again until its handler returns
        const qint64 remainingNs = deadlineNs - monotonicNs();
        if (remainingNs <= 0)
            return 0;
        // Rounded up: waking a little early would only spin until the deadline.
        return int(std::min<qint64>((remainingNs + nsPerMs - 1) / nsPerMs, INT_MAX));
    }
    return -1;
}

int EpollEventDispatcher::activateTimers() {
    if (m_deadlines.empty())
        return 0;
    const qint64 now = monotonicNs();
    std::vector<int> due;
    for (const auto &[deadlineNs, timerId] : m_deadlines) {
        if (deadlineNs > now)
            break;
        due.push_back(timerId);
    }
    int fired = 0;
    for (const int timerId : due) {
        auto it = m_timers.find(timerId);
        if (it == m_timers.end() || it->firing)
            continue;
        // Next deadline from the one that was due, so a periodic timer keeps its rhythm; one
        // that fell behind by a whole interval skips the missed ticks, as Qt's timers do.
        qint64 next = it->deadlineNs + it->intervalMs * nsPerMs;
        if (next <= now)
            next = now + it->intervalMs * nsPerMs;
        scheduleTimer(timerId, *it, next);
        it->firing = true;
        QObject *object = it->object;
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have killed the timer, or killed it and had its id given again.
        it = m_timers.find(timerId);
        if (it != m_timers.end())
            it->firing = false;
    }
    return fired;
}

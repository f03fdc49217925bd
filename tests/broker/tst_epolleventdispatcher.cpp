// EpollEventDispatcher on its own: timers, socket notifiers, posted events and wake-ups from
// other threads, with the dispatcher installed for the whole process (as the headless broker
// does). A dispatcher that loses a wake-up hangs a test here; CTest's timeout fails it.

#include "epolleventdispatcher.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

// Runs the current thread's loop until done() or a limit. A 5 ms timer of the dispatcher under
// test keeps the loop waking, so this also proves that timers keep running beside the rest.
template <typename Predicate> bool spinUntil(Predicate done, int limitMs = 5000) {
    QTimer tick;
    tick.start(5);
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > limitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Both ends of a connected Unix stream socket pair, closed on destruction.
struct SocketPair {
    int ends[2] = {-1, -1};
    SocketPair() { socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends); }
    ~SocketPair() {
        for (int fd : ends) {
            if (fd >= 0)
                close(fd);
        }
    }
    void closeEnd(int i) {
        close(ends[i]);
        ends[i] = -1;
    }
};

// Counts its timer events and can run a nested loop inside one, to check re-entrance.
class TimerCounter : public QObject {
public:
    int events = 0;
    int depth = 0;
    int deepest = 0;
    int nestedLoopMs = 0;
    int killAfter = -1;
    TimerCounter *other = nullptr; // whose timer this one kills when it fires
    int otherTimerId = 0;

protected:
    void timerEvent(QTimerEvent *event) override {
        ++events;
        ++depth;
        deepest = std::max(deepest, depth);
        if (other) {
            other->killTimer(otherTimerId);
            other = nullptr;
        }
        if (nestedLoopMs > 0) {
            QEventLoop nested;
            QTimer::singleShot(nestedLoopMs, &nested, &QEventLoop::quit);
            nested.exec();
        }
        if (events == killAfter)
            killTimer(event->timerId());
        --depth;
    }
};

} // namespace

class TestEpollEventDispatcher : public QObject {
    Q_OBJECT

private slots:
    void isTheInstalledDispatcher();
    void singleShotTimerFiresNotBeforeItsInterval();
    void repeatingTimerStopsWhenKilled();
    void zeroTimerFiresOnEveryPass();
    void remainingTimeAndRegisteredTimers();
    void timerDoesNotFireInsideItsOwnHandler();
    void timerKilledByAnEarlierOneDoesNotFire();
    void readNotifierFiresOnDataAndHangUp();
    void disabledNotifierStaysQuiet();
    void writeNotifierTogglesWithinOnePass();
    void reusedDescriptorNumberIsWatched();
    void notifierDeletedByAnotherInTheSamePass();
    void blockedLoopWakesForAPostFromAnotherThread();
    void quitFromAnotherThreadEndsABlockedLoop();
    void deleteLaterIsHonoured();
    void threadWithTheDispatcherRunsSockets();
};

void TestEpollEventDispatcher::isTheInstalledDispatcher() {
    QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
}

void TestEpollEventDispatcher::singleShotTimerFiresNotBeforeItsInterval() {
    QElapsedTimer clock;
    clock.start();
    qint64 firedAfter = -1;
    QTimer::singleShot(30, Qt::PreciseTimer, this, [&] { firedAfter = clock.elapsed(); });
    QVERIFY(spinUntil([&] { return firedAfter >= 0; }));
    QVERIFY2(firedAfter >= 30, qPrintable(QString::number(firedAfter)));
}

void TestEpollEventDispatcher::repeatingTimerStopsWhenKilled() {
    TimerCounter counter;
    counter.killAfter = 5;
    counter.startTimer(2);
    QVERIFY(spinUntil([&] { return counter.events >= 5; }));
    QTest::qWait(30);
    QCOMPARE(counter.events, 5);
    QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&counter).isEmpty());
}

void TestEpollEventDispatcher::zeroTimerFiresOnEveryPass() {
    TimerCounter counter;
    const int id = counter.startTimer(0);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    counter.killTimer(id);
    QVERIFY2(counter.events >= 5, qPrintable(QString::number(counter.events)));
}

void TestEpollEventDispatcher::remainingTimeAndRegisteredTimers() {
    QObject owner;
    const int id = owner.startTimer(1000, Qt::PreciseTimer);
    auto *dispatcher = QAbstractEventDispatcher::instance();
    const int remaining = dispatcher->remainingTime(id);
    QVERIFY2(remaining > 900 && remaining <= 1000, qPrintable(QString::number(remaining)));
    const auto timers = dispatcher->registeredTimers(&owner);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().timerId, id);
    QCOMPARE(timers.first().interval, 1000);
    QCOMPARE(timers.first().timerType, Qt::PreciseTimer);
    owner.killTimer(id);
    QCOMPARE(dispatcher->remainingTime(id), -1);
    QVERIFY(dispatcher->registeredTimers(&owner).isEmpty());
}

void TestEpollEventDispatcher::timerDoesNotFireInsideItsOwnHandler() {
    TimerCounter counter;
    counter.nestedLoopMs = 40;
    counter.killAfter = 2;
    counter.startTimer(3);
    QVERIFY(spinUntil([&] { return counter.events >= 2; }));
    QCOMPARE(counter.deepest, 1);
}

void TestEpollEventDispatcher::timerKilledByAnEarlierOneDoesNotFire() {
    TimerCounter first;
    TimerCounter second;
    first.killAfter = 1;
    second.killAfter = 1;
    const int firstId = first.startTimer(5, Qt::PreciseTimer);
    const int secondId = second.startTimer(5, Qt::PreciseTimer);
    first.other = &second;
    first.otherTimerId = secondId;
    second.other = &first;
    second.otherTimerId = firstId;
    QThread::msleep(10); // both are due in the next pass; whichever fires kills the other
    QCoreApplication::processEvents();
    QCOMPARE(first.events + second.events, 1);
    QTest::qWait(20);
    QCOMPARE(first.events + second.events, 1);
}

void TestEpollEventDispatcher::readNotifierFiresOnDataAndHangUp() {
    SocketPair pair;
    QSocketNotifier notifier(pair.ends[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        char buffer[64];
        while (read(pair.ends[0], buffer, sizeof buffer) > 0) {
        }
    });
    QCoreApplication::processEvents();
    QCOMPARE(activations, 0);
    QCOMPARE(write(pair.ends[1], "x", 1), 1);
    QVERIFY(spinUntil([&] { return activations == 1; }));
    pair.closeEnd(1); // the peer hangs up: read must be told, or the socket is never closed
    QVERIFY(spinUntil([&] { return activations >= 2; }));
}

void TestEpollEventDispatcher::disabledNotifierStaysQuiet() {
    SocketPair pair;
    QSocketNotifier notifier(pair.ends[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] { ++activations; });
    notifier.setEnabled(false);
    QCOMPARE(write(pair.ends[1], "x", 1), 1);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(activations, 0);
    notifier.setEnabled(true);
    QVERIFY(spinUntil([&] { return activations > 0; }));
}

void TestEpollEventDispatcher::writeNotifierTogglesWithinOnePass() {
    SocketPair pair;
    QSocketNotifier reader(pair.ends[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.ends[0], QSocketNotifier::Write);
    int writes = 0;
    connect(&writer, &QSocketNotifier::activated, this, [&] {
        ++writes;
        writer.setEnabled(false); // as QAbstractSocket does once its buffer is flushed
    });
    QVERIFY(spinUntil([&] { return writes == 1; }));
    // Off and on again before the loop waits: the change must not be lost.
    writer.setEnabled(true);
    writer.setEnabled(false);
    writer.setEnabled(true);
    QVERIFY(spinUntil([&] { return writes == 2; }));
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(writes, 2);
}

void TestEpollEventDispatcher::reusedDescriptorNumberIsWatched() {
    // A socket closed and a new one given the same number within one pass: the new one must be
    // watched although the dispatcher's last word to epoll about that number looks the same.
    auto first = std::make_unique<SocketPair>();
    const int number = first->ends[0];
    auto notifier = std::make_unique<QSocketNotifier>(number, QSocketNotifier::Read);
    QCoreApplication::processEvents();
    notifier.reset();
    first.reset();
    SocketPair second;
    QCOMPARE(second.ends[0], number);
    QSocketNotifier reused(second.ends[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&reused, &QSocketNotifier::activated, this, [&] { ++activations; });
    QCOMPARE(write(second.ends[1], "x", 1), 1);
    QVERIFY(spinUntil([&] { return activations > 0; }));
}

void TestEpollEventDispatcher::notifierDeletedByAnotherInTheSamePass() {
    SocketPair a;
    SocketPair b;
    QPointer<QSocketNotifier> first = new QSocketNotifier(a.ends[0], QSocketNotifier::Read);
    QPointer<QSocketNotifier> second = new QSocketNotifier(b.ends[0], QSocketNotifier::Read);
    int activations = 0;
    // Whichever is activated first deletes the other, whose event is already in the batch.
    const auto deleteOther = [&](QSocketNotifier *self) {
        ++activations;
        QSocketNotifier *other = self == first ? second.data() : first.data();
        delete other;
        self->setEnabled(false);
    };
    connect(first, &QSocketNotifier::activated, this, [&] { deleteOther(first); });
    connect(second, &QSocketNotifier::activated, this, [&] { deleteOther(second); });
    QCOMPARE(write(a.ends[1], "x", 1), 1);
    QCOMPARE(write(b.ends[1], "x", 1), 1);
    QCoreApplication::processEvents();
    QCOMPARE(activations, 1);
    delete first;
    delete second;
}

void TestEpollEventDispatcher::blockedLoopWakesForAPostFromAnotherThread() {
    QEventLoop loop;
    std::atomic<bool> ran{false};
    std::thread poster([&] {
        QThread::msleep(50); // the loop is blocked in epoll_wait by now, with no timer due
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                ran = true;
                loop.quit();
            },
            Qt::QueuedConnection);
    });
    loop.exec();
    poster.join();
    QVERIFY(ran);
}

void TestEpollEventDispatcher::quitFromAnotherThreadEndsABlockedLoop() {
    QEventLoop loop;
    std::thread quitter([&] {
        QThread::msleep(50);
        loop.exit(7); // thread-safe: interrupts the dispatcher
    });
    QCOMPARE(loop.exec(), 7);
    quitter.join();
}

void TestEpollEventDispatcher::deleteLaterIsHonoured() {
    // Posted outside any loop, so the next loop to run deletes it (Qt's rule for deleteLater).
    QPointer<QObject> doomed = new QObject;
    doomed->deleteLater();
    QEventLoop loop;
    connect(doomed, &QObject::destroyed, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(doomed.isNull());
}

void TestEpollEventDispatcher::threadWithTheDispatcherRunsSockets() {
    // As the window runs the broker: a QThread given this dispatcher, with TCP in it.
    QThread thread;
    thread.setEventDispatcher(new EpollEventDispatcher);
    thread.start();
    quint16 port = 0;
    auto *context = new QObject;
    context->moveToThread(&thread);
    QMetaObject::invokeMethod(
        context,
        [&] {
            auto *server = new QTcpServer(context);
            server->listen(QHostAddress::LocalHost);
            port = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, server, [server] {
                QTcpSocket *peer = server->nextPendingConnection();
                QObject::connect(peer, &QTcpSocket::readyRead, peer,
                                 [peer] { peer->write(peer->readAll()); });
            });
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    const QByteArray payload(200'000, 'p');
    client.write(payload);
    QByteArray echoed;
    QVERIFY(spinUntil([&] {
        echoed += client.readAll();
        return echoed.size() >= payload.size();
    }));
    QCOMPARE(echoed, payload);
    context->deleteLater();
    thread.quit();
    QVERIFY(thread.wait(5000));
}

int main(int argc, char *argv[]) {
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"

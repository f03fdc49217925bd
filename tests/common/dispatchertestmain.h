#pragma once

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QTest>

#ifdef WSMSGBROKER_HAVE_EPOLL
#include "epolleventdispatcher.h"
#endif

// Whether this run was asked to use the broker's own event dispatcher.
inline bool dispatcherTestWantsEpoll() {
    return qEnvironmentVariable("WSMSGBROKER_TEST_DISPATCHER") == QLatin1String("epoll");
}

// Like QTEST_GUILESS_MAIN, but with WSMSGBROKER_TEST_DISPATCHER=epoll the whole test runs on
// EpollEventDispatcher, the dispatcher the shipped broker runs on. CTest runs the broker and
// hardening tests both ways, so they cover Qt's dispatcher and ours.
#ifdef WSMSGBROKER_HAVE_EPOLL
#define WSMSGBROKER_INSTALL_TEST_DISPATCHER()                                                      \
    if (dispatcherTestWantsEpoll())                                                                \
        QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
#define WSMSGBROKER_CHECK_TEST_DISPATCHER()                                                        \
    if (dispatcherTestWantsEpoll() &&                                                              \
        !qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance())) {             \
        qCritical("WSMSGBROKER_TEST_DISPATCHER=epoll, but Qt did not keep that dispatcher");       \
        return 1;                                                                                  \
    }
#else
#define WSMSGBROKER_INSTALL_TEST_DISPATCHER()
#define WSMSGBROKER_CHECK_TEST_DISPATCHER()                                                        \
    if (dispatcherTestWantsEpoll()) {                                                              \
        qCritical("WSMSGBROKER_TEST_DISPATCHER=epoll: this build has no epoll dispatcher");        \
        return 1;                                                                                  \
    }
#endif

#define WSMSGBROKER_TEST_MAIN(TestObject)                                                          \
    int main(int argc, char *argv[]) {                                                             \
        WSMSGBROKER_INSTALL_TEST_DISPATCHER()                                                      \
        QCoreApplication app(argc, argv);                                                          \
        WSMSGBROKER_CHECK_TEST_DISPATCHER()                                                        \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

#include "brokereventdispatcher.h"

#include <QtGlobal>

#ifdef WSMSGBROKER_HAVE_EPOLL
#include "epolleventdispatcher.h"
#endif

QAbstractEventDispatcher *createBrokerEventDispatcher() {
#ifdef WSMSGBROKER_HAVE_EPOLL
    if (qEnvironmentVariable("WSMSGBROKER_EVENT_DISPATCHER") == QLatin1String("qt"))
        return nullptr;
    return new EpollEventDispatcher;
#else
    return nullptr;
#endif
}

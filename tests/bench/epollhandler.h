#pragma once

#include <QtGlobal>

// Something registered with an EpollPoller: told which events its descriptor has, and when to
// push its pending output to the socket.
class EpollHandler {
public:
    virtual ~EpollHandler() = default;

    virtual void handleEvents(quint32 events) = 0;
    virtual void flushOutput() = 0;
};

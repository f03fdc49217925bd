#pragma once

class QAbstractEventDispatcher;

// The event dispatcher for a thread that runs a broker: the epoll dispatcher, whose cost does
// not grow with idle connections, or nullptr (Qt's default) where there is none or when the
// environment variable WSMSGBROKER_EVENT_DISPATCHER is "qt" (to compare, or to rule it out).
// The one place that makes this choice; set the result before the thread (or application)
// starts its event loop.
QAbstractEventDispatcher *createBrokerEventDispatcher();

#pragma once

#include "brokerevent.h"

#include <QObject>
#include <QTextStream>

class Broker;

// Runs the broker without a window: prints the listening line, optionally one line per frame,
// and stops cleanly (close code 1001 to every client) on SIGINT or SIGTERM.
class HeadlessRunner : public QObject {
    Q_OBJECT
public:
    HeadlessRunner(Broker *broker, bool logFrames, QObject *parent = nullptr);

    // Starts the broker; the application's exit code follows what happens next.
    void run();
    // Stops the broker (closing every client cleanly) and then exits with code.
    void stopAndExit(int code);

    // One log line for a frame event (time, room, client, direction, size, text cut at 200).
    static QString formatFrame(const BrokerEvent &event);

private:
    void printEvents(const BrokerEventList &events);

    Broker *m_broker;
    QTextStream m_out;
    int m_exitCode = 0;
};

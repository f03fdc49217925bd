#pragma once

#include "brokerevent.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>

// Broker events as the broker's EventRecorder hands them out (a batch every 50 ms), made up at a
// fixed rate: asks of four frames of about 150 bytes (a send with an ack, its message, the
// answer, the answer forwarded), over 20 rooms and 200 clients. Feeds Inspector::addEvents,
// where Broker::eventsReady enters the window, without a broker or sockets in the way. Runs in a
// thread of its own, as the broker does: its batches reach the window queued.
class SyntheticFeed : public QObject {
    Q_OBJECT
public:
    explicit SyntheticFeed(int framesPerSecond, QObject *parent = nullptr);
    ~SyntheticFeed() override;

    // From the thread that made the feed: starts its thread and the batches, or stops them.
    void start();
    void stop();
    quint64 framesSent() const { return m_sentShared; }
    // Frames the rate owed that a late event loop missed (not sent).
    quint64 framesSkipped() const { return m_skippedShared; }
    // Stops by itself after this many frames (0: never).
    void setLimit(quint64 frames) { m_limit = frames; }

    // Frame n of the stream (n from 0), whole.
    static BrokerEvent frame(quint64 n, qint64 timeMs);

Q_SIGNALS:
    void eventsReady(const BrokerEventList &events);
    void limitReached();

private:
    void tick();

    int m_rate;
    quint64 m_sent = 0;
    quint64 m_skipped = 0;
    quint64 m_limit = 0;
    QElapsedTimer m_clock;
    QTimer *m_timer = nullptr; // lives in m_thread
    QThread *m_thread = nullptr;
    std::atomic<quint64> m_sentShared{0};
    std::atomic<quint64> m_skippedShared{0};
};

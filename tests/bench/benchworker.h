#pragma once

#include "incomingframe.h"
#include "workerstats.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <vector>

class BenchClient;
class EpollPoller;
class Scenario;

// The clients of one thread, driven by that thread's event loop. The controller calls its public
// slots through queued invocations; it reports back with signals.
class BenchWorker : public QObject {
    Q_OBJECT

public:
    BenchWorker(int index, Scenario &scenario, QObject *parent = nullptr);
    ~BenchWorker() override;

    int index() const { return m_index; }
    Scenario &scenario() const { return m_scenario; }
    WorkerStats &stats() { return m_stats; }
    // A client of this thread by global index, or nullptr.
    BenchClient *client(int globalIndex) const;
    // Reused buffers: one frame is parsed and one built at a time per thread.
    IncomingFrame &frameScratch() { return m_frame; }
    QByteArray &textScratch() { return m_text; }

    // Called by this thread's clients.
    void clientRegistered(BenchClient &client, qint64 connectNs);
    void clientFailed(BenchClient &client, const QString &reason);
    void clientFinished(BenchClient &client);

public slots:
    void setupClients(const QList<int> &indexes, const QUrl &url, int maxPendingConnects);
    void beginTraffic();
    void beginDrain();
    // Fills `out` with this thread's counters; call with Qt::BlockingQueuedConnection.
    void collectStats(WorkerStats *out);
    void closeClients();

signals:
    void clientsReady(int worker);
    void failed(int worker, const QString &reason);
    void drained(int worker);
    void clientsClosed(int worker);

private:
    void connectMore();
    void checkHandshakeTimeouts();
    void checkDrained();
    void finishClosing();
    std::unique_ptr<BenchClient> makeClient(int globalIndex);

    const int m_index;
    Scenario &m_scenario;
    WorkerStats m_stats;
    IncomingFrame m_frame;
    QByteArray m_text;
    QUrl m_url;
    QList<int> m_indexes;
    std::vector<std::unique_ptr<BenchClient>> m_clients;
    std::vector<BenchClient *> m_byGlobalIndex;
    qsizetype m_nextToConnect = 0;
    int m_pendingConnects = 0;
    int m_maxPendingConnects = 1;
    int m_registered = 0;
    int m_finished = 0;
    bool m_failed = false;
    bool m_closing = false;
    EpollPoller *m_poller = nullptr;
    QTimer *m_drainTimer;
    QTimer *m_closeTimer;
    QTimer *m_handshakeTimer;
};

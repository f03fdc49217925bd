#pragma once

#include "benchoptions.h"
#include "benchreport.h"
#include "machineusage.h"
#include "processusage.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class BenchWorker;
class QThread;
class Scenario;

// Runs one benchmark: starts the client threads, walks the phases (connect and register, warm-up,
// measured window, drain), samples the broker's and its own /proc counters at the window's edges,
// merges the threads' counters into a BenchReport and prints it.
class BenchController : public QObject {
    Q_OBJECT

public:
    explicit BenchController(const BenchOptions &options, QObject *parent = nullptr);
    ~BenchController() override;

    void start();

signals:
    void finished(int exitCode);

private:
    void onClientsReady(int worker);
    void onWorkerFailed(int worker, const QString &reason);
    void onDrained(int worker);
    void onClientsClosed(int worker);

    void startMeasuring();
    void startDrain();
    void collectResults();
    void closeClients(int exitCode);
    void stopThreads();
    void fail(const QString &message);
    template <typename Function> void forEachWorker(Function function);

    BenchOptions m_options;
    std::unique_ptr<Scenario> m_scenario;
    std::vector<QThread *> m_threads;
    std::vector<BenchWorker *> m_workers;
    ProcessUsage m_server;
    ProcessUsage m_self;
    ProcessSample m_serverBaseline;
    ProcessSample m_serverWindowStart;
    ProcessSample m_serverWindowEnd;
    ProcessSample m_selfWindowStart;
    ProcessSample m_selfWindowEnd;
    MachineSample m_machineWindowStart;
    MachineSample m_machineWindowEnd;
    qint64 m_setupStartNs = 0;
    qint64 m_readyNs = 0;
    qint64 m_measureStartNs = 0;
    qint64 m_measureEndNs = 0;
    int m_readyCount = 0;
    int m_drainedCount = 0;
    int m_closedCount = 0;
    int m_exitCode = 0;
    bool m_closing = false;
    bool m_drainTimedOut = false;
    QTimer *m_phaseTimer;
    QTimer *m_deadline;
    BenchReport m_report;
};

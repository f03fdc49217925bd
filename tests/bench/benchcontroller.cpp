#include "benchcontroller.h"

#include "benchworker.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

namespace {
QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}
} // namespace

BenchController::BenchController(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_scenario(Scenario::create(options))
    , m_server(options.serverPid)
    , m_self(getpid())
    , m_phaseTimer(new QTimer(this))
    , m_deadline(new QTimer(this)) {
    m_phaseTimer->setSingleShot(true);
    m_phaseTimer->setTimerType(Qt::PreciseTimer);
    m_deadline->setSingleShot(true);
}

BenchController::~BenchController() {
    stopThreads();
}

template <typename Function> void BenchController::forEachWorker(Function function) {
    for (BenchWorker *worker : m_workers)
        QMetaObject::invokeMethod(
            worker, [worker, function] { function(worker); }, Qt::QueuedConnection);
}

void BenchController::start() {
    if (m_options.serverPid && !m_server.exists()) {
        fail(tr("no process with id %1 (--server-pid)").arg(m_options.serverPid));
        return;
    }
    m_serverBaseline = m_server.sample();

    // Spread the clients over the threads.
    const int threadCount = std::min(m_options.threads, m_scenario->clientCount());
    std::vector<QList<int>> assignment{size_t(threadCount)};
    for (int i = 0; i < m_scenario->clientCount(); ++i)
        assignment[size_t(m_scenario->workerOf(i, threadCount))].append(i);

    for (int i = 0; i < threadCount; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("bench-%1").arg(i));
        auto *worker = new BenchWorker(i, *m_scenario);
        worker->moveToThread(thread);
        connect(worker, &BenchWorker::clientsReady, this, &BenchController::onClientsReady);
        connect(worker, &BenchWorker::failed, this, &BenchController::onWorkerFailed);
        connect(worker, &BenchWorker::drained, this, &BenchController::onDrained);
        connect(worker, &BenchWorker::clientsClosed, this, &BenchController::onClientsClosed);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        m_threads.push_back(thread);
        m_workers.push_back(worker);
        thread->start();
    }
    m_report.threads = threadCount;

    connect(m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("connecting and registering %1 clients took longer than %2 s (--setup-timeout)")
                 .arg(m_scenario->clientCount())
                 .arg(m_options.setupTimeoutSeconds));
    });
    m_deadline->start(int(m_options.setupTimeoutSeconds * 1000));

    m_setupStartNs = Scenario::now();
    m_selfWindowStart = m_self.sample();
    m_serverWindowStart = m_server.sample();
    m_machineWindowStart = MachineUsage::sample();
    const int pendingPerWorker = std::max(1, m_options.connectConcurrency / threadCount);
    for (int i = 0; i < threadCount; ++i) {
        BenchWorker *worker = m_workers[size_t(i)];
        const QList<int> indexes = assignment[size_t(i)];
        const QUrl url = m_options.url;
        QMetaObject::invokeMethod(
            worker,
            [worker, indexes, url, pendingPerWorker] {
                worker->setupClients(indexes, url, pendingPerWorker);
            },
            Qt::QueuedConnection);
    }
}

void BenchController::onClientsReady(int) {
    if (m_closing || ++m_readyCount < int(m_workers.size()))
        return;
    m_deadline->stop();
    disconnect(m_deadline, nullptr, this, nullptr);
    m_readyNs = Scenario::now();

    if (!m_scenario->usesWarmup()) {
        // connect: the CPU that matters is the connecting; then the idle window.
        m_selfWindowEnd = m_self.sample();
        m_serverWindowEnd = m_server.sample();
        m_machineWindowEnd = MachineUsage::sample();
        m_scenario->setPhase(Scenario::Phase::Measure);
        m_measureStartNs = Scenario::now();
        m_phaseTimer->callOnTimeout(this, &BenchController::startDrain);
        m_phaseTimer->start(int(m_options.durationSeconds * 1000));
        return;
    }
    m_scenario->setPhase(Scenario::Phase::Warmup);
    forEachWorker([](BenchWorker *worker) { worker->beginTraffic(); });
    if (m_options.warmupSeconds > 0) {
        m_phaseTimer->callOnTimeout(this, &BenchController::startMeasuring);
        m_phaseTimer->start(int(m_options.warmupSeconds * 1000));
    } else {
        startMeasuring();
    }
}

void BenchController::startMeasuring() {
    if (m_closing)
        return;
    disconnect(m_phaseTimer, nullptr, this, nullptr);
    m_selfWindowStart = m_self.sample();
    m_serverWindowStart = m_server.sample();
    m_machineWindowStart = MachineUsage::sample();
    m_measureStartNs = Scenario::now();
    m_scenario->setPhase(Scenario::Phase::Measure);
    m_phaseTimer->callOnTimeout(this, &BenchController::startDrain);
    m_phaseTimer->start(int(m_options.durationSeconds * 1000));
}

void BenchController::startDrain() {
    if (m_closing)
        return;
    disconnect(m_phaseTimer, nullptr, this, nullptr);
    m_scenario->setPhase(Scenario::Phase::Drain);
    m_measureEndNs = Scenario::now();
    if (m_scenario->usesWarmup()) {
        m_selfWindowEnd = m_self.sample();
        m_serverWindowEnd = m_server.sample();
        m_machineWindowEnd = MachineUsage::sample();
    }
    // Memory at the end of the window (for connect: all connections registered and idle).
    m_report.serverRssAfterKiB = m_server.sample().rssKiB;
    connect(m_deadline, &QTimer::timeout, this, [this] {
        m_drainTimedOut = true;
        collectResults();
    });
    m_deadline->start(int(m_scenario->drainTimeoutSeconds() * 1000));
    forEachWorker([](BenchWorker *worker) { worker->beginDrain(); });
}

void BenchController::onDrained(int) {
    if (m_closing || ++m_drainedCount < int(m_workers.size()))
        return;
    collectResults();
}

void BenchController::collectResults() {
    if (m_closing)
        return;
    m_deadline->stop();
    disconnect(m_deadline, nullptr, this, nullptr);

    WorkerStats total;
    for (BenchWorker *worker : m_workers) {
        WorkerStats stats;
        QMetaObject::invokeMethod(
            worker, [worker, &stats] { worker->collectStats(&stats); },
            Qt::BlockingQueuedConnection);
        total.merge(stats);
    }

    BenchReport &report = m_report;
    report.scenario = m_options.scenarioName();
    report.url = m_options.url.toString();
    report.transport = m_options.transportName();
    report.unit = m_scenario->unit();
    report.unitSingular = m_scenario->unitSingular();
    report.clients = m_scenario->clientCount();
    report.window = m_options.window;
    report.size = m_options.size;
    report.warmupSeconds = m_scenario->usesWarmup() ? m_options.warmupSeconds : 0;
    report.measuredSeconds = double(m_measureEndNs - m_measureStartNs) / 1e9;
    report.connectSeconds = double(m_readyNs - m_setupStartNs) / 1e9;
    report.ops = total.measuredOps;
    if (m_scenario->usesWarmup())
        report.rate = report.measuredSeconds > 0 ? double(report.ops) / report.measuredSeconds : 0;
    else // connect: connections per second while connecting
        report.rate = report.connectSeconds > 0 ? report.clients / report.connectSeconds : 0;
    report.latency = total.latency;
    report.connectLatency = total.connectLatency;
    switch (m_options.scenario) {
    case BenchOptions::ScenarioKind::Ask:
        report.latencyLabel = tr("request to answer");
        break;
    case BenchOptions::ScenarioKind::Connect:
        report.latencyLabel = tr("sweep message, one way");
        break;
    default:
        report.latencyLabel = tr("one way, send to receipt");
        break;
    }

    for (int receiver = 0; receiver < m_scenario->clientCount(); ++receiver) {
        const int sender = m_scenario->expectedSenderOf(receiver);
        if (sender >= 0)
            report.lost += std::max<qint64>(0, total.sent[size_t(sender)] -
                                                   total.receivedUnique[size_t(receiver)]);
    }
    report.lost += total.answersMissing;
    report.duplicated = total.duplicated;
    report.misrouted = total.misrouted;
    report.outOfOrder = total.outOfOrder;
    report.malformed = total.malformed;
    report.brokerErrors = total.brokerErrors;
    report.unexpectedUnregistered = total.unexpectedUnregistered;
    report.drainTimedOut = m_drainTimedOut;
    report.firstProblem = total.firstProblem;

    report.cores = ProcessUsage::onlineCores();
    report.benchCpuPercent = ProcessUsage::cpuPercent(m_selfWindowStart, m_selfWindowEnd);
    report.benchBusiestThreadPercent =
        ProcessUsage::busiestThreadPercent(m_selfWindowStart, m_selfWindowEnd);
    report.machineBusyPercent =
        MachineUsage::busyPercent(m_machineWindowStart, m_machineWindowEnd, report.cores);
    const qint64 perWhat = m_scenario->usesWarmup() ? report.ops : report.clients;
    const qint64 benchMicros = ProcessUsage::cpuMicroseconds(m_selfWindowStart, m_selfWindowEnd);
    report.benchCpuMicrosPerOp = perWhat > 0 ? double(benchMicros) / double(perWhat) : 0;
    report.serverMeasured = m_serverWindowStart.valid && m_serverWindowEnd.valid;
    if (report.serverMeasured) {
        report.serverPid = m_options.serverPid;
        report.serverThreads = m_serverWindowEnd.threadCount;
        report.serverCpuPercent = ProcessUsage::cpuPercent(m_serverWindowStart, m_serverWindowEnd);
        report.serverBusiestThreadPercent =
            ProcessUsage::busiestThreadPercent(m_serverWindowStart, m_serverWindowEnd);
        const qint64 cpuMicros =
            ProcessUsage::cpuMicroseconds(m_serverWindowStart, m_serverWindowEnd);
        report.serverCpuMicrosPerOp = perWhat > 0 ? double(cpuMicros) / double(perWhat) : 0;
        report.serverRssBeforeKiB = m_serverBaseline.rssKiB;
        report.serverRssPerConnectionKiB =
            double(report.serverRssAfterKiB - report.serverRssBeforeKiB) / report.clients;
    }
    report.decideSaturation();

    closeClients(report.correct() ? 0 : 1);
}

void BenchController::closeClients(int exitCode) {
    if (m_closing)
        return;
    m_closing = true;
    m_exitCode = exitCode;
    m_phaseTimer->stop();
    m_deadline->stop();
    disconnect(m_deadline, nullptr, this, nullptr);
    m_scenario->setPhase(Scenario::Phase::Drain);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        stopThreads();
        emit finished(m_exitCode);
    });
    m_deadline->start(10'000);
    forEachWorker([](BenchWorker *worker) { worker->closeClients(); });
}

void BenchController::onClientsClosed(int) {
    if (++m_closedCount < int(m_workers.size()))
        return;
    m_deadline->stop();
    stopThreads();
    if (m_exitCode != 2) {
        out() << (m_options.json ? m_report.toJson() + QLatin1Char('\n') : m_report.toText());
        out().flush();
    }
    emit finished(m_exitCode);
}

void BenchController::onWorkerFailed(int, const QString &reason) {
    if (m_closing)
        return;
    fail(reason);
}

void BenchController::fail(const QString &message) {
    err() << tr("wsmsgbroker-bench: %1 (%2)\n").arg(message, m_options.url.toString());
    err().flush();
    if (m_options.json) {
        const QJsonObject object{{QStringLiteral("scenario"), m_options.scenarioName()},
                                 {QStringLiteral("ok"), false},
                                 {QStringLiteral("error"), message}};
        out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        out().flush();
    }
    if (m_workers.empty()) {
        QMetaObject::invokeMethod(
            this, [this] { emit finished(2); }, Qt::QueuedConnection);
        return;
    }
    closeClients(2);
}

void BenchController::stopThreads() {
    // Each worker is deleted in its own thread when that thread finishes (deleteLater below).
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_workers.clear();
    for (QThread *thread : m_threads)
        delete thread;
    m_threads.clear();
}

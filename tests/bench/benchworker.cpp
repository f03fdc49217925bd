#include "benchworker.h"

#include "benchclient.h"
#include "epollpoller.h"
#include "epollwebsocketclient.h"
#include "qtwebsocketclient.h"
#include "scenario.h"
#include "tcpwebsocketclient.h"

#include <QRandomGenerator>

BenchWorker::BenchWorker(int index, Scenario &scenario, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_scenario(scenario)
    , m_drainTimer(new QTimer(this))
    , m_closeTimer(new QTimer(this))
    , m_handshakeTimer(new QTimer(this)) {
    m_handshakeTimer->setInterval(500);
    connect(m_handshakeTimer, &QTimer::timeout, this, &BenchWorker::checkHandshakeTimeouts);
    m_drainTimer->setInterval(5);
    connect(m_drainTimer, &QTimer::timeout, this, &BenchWorker::checkDrained);
    // Closing waits for the close handshake, but not forever.
    m_closeTimer->setSingleShot(true);
    m_closeTimer->setInterval(3000);
    connect(m_closeTimer, &QTimer::timeout, this, &BenchWorker::finishClosing);
}

BenchWorker::~BenchWorker() = default;

BenchClient *BenchWorker::client(int globalIndex) const {
    return globalIndex >= 0 && size_t(globalIndex) < m_byGlobalIndex.size()
               ? m_byGlobalIndex[size_t(globalIndex)]
               : nullptr;
}

std::unique_ptr<BenchClient> BenchWorker::makeClient(int globalIndex) {
    std::unique_ptr<ClientTransport> transport;
    const quint64 seed = QRandomGenerator::global()->generate64();
    switch (m_scenario.options().transport) {
    case BenchOptions::TransportKind::Epoll:
        transport = std::make_unique<EpollWebSocketClient>(*m_poller, seed);
        break;
    case BenchOptions::TransportKind::Tcp:
        transport = std::make_unique<TcpWebSocketClient>(seed);
        break;
    case BenchOptions::TransportKind::Qt:
        transport = std::make_unique<QtWebSocketClient>();
        break;
    }
    return std::make_unique<BenchClient>(*this, m_scenario, globalIndex, std::move(transport));
}

void BenchWorker::setupClients(const QList<int> &indexes, const QUrl &url, int maxPendingConnects) {
    m_indexes = indexes;
    m_url = url;
    m_maxPendingConnects = std::max(1, maxPendingConnects);
    m_byGlobalIndex.assign(size_t(m_scenario.clientCount()), nullptr);
    m_clients.reserve(size_t(indexes.size()));
    if (m_scenario.options().transport == BenchOptions::TransportKind::Epoll) {
        // Created here, in the worker's thread, where its socket notifier must live.
        m_poller = new EpollPoller(this);
        if (!m_poller->isValid()) {
            m_failed = true;
            emit failed(m_index, tr("epoll_create1 failed"));
            return;
        }
    }
    if (indexes.isEmpty()) {
        emit clientsReady(m_index);
        return;
    }
    m_handshakeTimer->start();
    connectMore();
}

void BenchWorker::checkHandshakeTimeouts() {
    // The original server does not answer a handshake for a path it does not serve; it leaves
    // the connection hanging. Say so instead of waiting for the whole setup timeout.
    constexpr qint64 HandshakeTimeoutNs = 10'000'000'000;
    const qint64 now = Scenario::now();
    for (const auto &client : m_clients) {
        if (!client->isRegistered() && !client->isFinished() &&
            now - client->connectStartNs() > HandshakeTimeoutNs) {
            clientFailed(*client, tr("no answer to the WebSocket handshake and registration "
                                     "within 10 s (wrong path? the original server ignores "
                                     "requests for any path but its own)"));
            return;
        }
    }
}

void BenchWorker::connectMore() {
    // A bounded number of handshakes at a time: a burst of thousands of SYNs would overflow the
    // broker's listen backlog and measure the kernel's SYN retry timer instead of the broker.
    while (!m_failed && m_pendingConnects < m_maxPendingConnects &&
           m_nextToConnect < m_indexes.size()) {
        const int globalIndex = m_indexes.at(m_nextToConnect++);
        m_clients.push_back(makeClient(globalIndex));
        BenchClient *client = m_clients.back().get();
        m_byGlobalIndex[size_t(globalIndex)] = client;
        m_scenario.clientCreated(*client);
        ++m_pendingConnects;
        client->open(m_url);
    }
}

void BenchWorker::clientRegistered(BenchClient &, qint64 connectNs) {
    m_stats.connectLatency.record(connectNs);
    --m_pendingConnects;
    ++m_registered;
    if (m_registered == m_indexes.size()) {
        m_handshakeTimer->stop();
        emit clientsReady(m_index);
    } else
        connectMore();
}

void BenchWorker::clientFailed(BenchClient &client, const QString &reason) {
    if (m_failed || m_closing)
        return;
    m_failed = true;
    m_handshakeTimer->stop();
    const QString what =
        client.isRegistered()
            ? tr("connection %1 (%2) lost during the run: %3")
            : tr("connection %1 (%2) failed while connecting (%4 of %5 registered so far in this "
                 "thread): %3");
    emit failed(m_index, what.arg(client.index())
                             .arg(QString::fromUtf8(client.id()), reason)
                             .arg(m_registered)
                             .arg(m_indexes.size()));
}

void BenchWorker::clientFinished(BenchClient &) {
    ++m_finished;
    if (m_closing && m_finished == int(m_clients.size()))
        QMetaObject::invokeMethod(this, &BenchWorker::finishClosing, Qt::QueuedConnection);
}

void BenchWorker::beginTraffic() {
    for (const auto &client : m_clients)
        m_scenario.beginTraffic(*client);
}

void BenchWorker::beginDrain() {
    for (const auto &client : m_clients)
        m_scenario.beginDrain(*client);
    m_drainTimer->start();
    checkDrained();
}

void BenchWorker::checkDrained() {
    for (const auto &client : m_clients) {
        if (client->inFlight > 0)
            return;
    }
    m_drainTimer->stop();
    emit drained(m_index);
}

void BenchWorker::collectStats(WorkerStats *out) {
    m_drainTimer->stop();
    *out = m_stats;
    out->sent.assign(size_t(m_scenario.clientCount()), 0);
    out->receivedUnique.assign(size_t(m_scenario.clientCount()), 0);
    for (const auto &client : m_clients) {
        out->sent[size_t(client->index())] = client->sent;
        out->receivedUnique[size_t(client->index())] = client->inbound.unique();
        if (m_scenario.options().scenario == BenchOptions::ScenarioKind::Ask)
            out->answersMissing += std::max<qint64>(0, client->sent - client->answers.unique());
    }
}

void BenchWorker::closeClients() {
    m_closing = true;
    m_drainTimer->stop();
    m_handshakeTimer->stop();
    m_finished = 0;
    for (const auto &client : m_clients) {
        if (client->isFinished())
            ++m_finished;
    }
    if (m_finished == int(m_clients.size())) {
        finishClosing();
        return;
    }
    m_closeTimer->start();
    for (const auto &client : m_clients)
        client->close();
}

void BenchWorker::finishClosing() {
    if (m_clients.empty() && !m_closeTimer->isActive() && !m_closing)
        return;
    m_closeTimer->stop();
    m_closing = false;
    // Delete the sockets here, in their own thread, before the thread stops.
    m_byGlobalIndex.clear();
    m_clients.clear();
    delete m_poller;
    m_poller = nullptr;
    emit clientsClosed(m_index);
}

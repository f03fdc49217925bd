#include "scenario.h"

#include "askscenario.h"
#include "benchclient.h"
#include "benchworker.h"
#include "connectscenario.h"
#include "fanoutscenario.h"
#include "incomingframe.h"
#include "pairsscenario.h"

#include <QRandomGenerator>

#include <chrono>

namespace {
const std::chrono::steady_clock::time_point benchEpoch = std::chrono::steady_clock::now();
}

Scenario::Scenario(const BenchOptions &options)
    : m_options(options) {
    // A per-run tag keeps ids (and acks, which the original keeps in one table for all rooms)
    // apart from any other client or earlier run on the same broker.
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < 5; ++i)
        m_runTag.append(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet) - 1)]);
}

Scenario::~Scenario() = default;

std::unique_ptr<Scenario> Scenario::create(const BenchOptions &options) {
    std::unique_ptr<Scenario> scenario;
    switch (options.scenario) {
    case BenchOptions::ScenarioKind::Pairs:
        scenario = std::make_unique<PairsScenario>(options);
        break;
    case BenchOptions::ScenarioKind::Ask:
        scenario = std::make_unique<AskScenario>(options);
        break;
    case BenchOptions::ScenarioKind::Fanout:
        scenario = std::make_unique<FanoutScenario>(options);
        break;
    case BenchOptions::ScenarioKind::Connect:
        scenario = std::make_unique<ConnectScenario>(options);
        break;
    }
    scenario->initIds();
    return scenario;
}

void Scenario::initIds() {
    const int count = clientCount();
    m_ids.reserve(size_t(count));
    m_quotedIds.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const QByteArray id = "b" + m_runTag + '-' + QByteArray::number(i);
        m_ids.push_back(id);
        m_quotedIds.push_back('"' + id + '"');
    }
}

bool Scenario::isSending() const {
    const Phase current = phase();
    return current == Phase::Warmup || current == Phase::Measure;
}

qint64 Scenario::now() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                benchEpoch)
        .count();
}

int Scenario::workerOf(int client, int workers) const {
    return (client / 2) % workers;
}

void Scenario::clientCreated(BenchClient &) {}

void Scenario::beginTraffic(BenchClient &) {}

void Scenario::beginDrain(BenchClient &) {}

void Scenario::answerReceived(BenchClient &asker, const IncomingFrame &) {
    // Only `ask` sends acks; an answer anywhere else went to the wrong place.
    WorkerStats &stats = asker.worker().stats();
    ++stats.misrouted;
    stats.noteProblem(
        QStringLiteral("unexpected answer received by %1").arg(QString::fromUtf8(asker.id())));
}

bool Scenario::acceptDelivery(BenchClient &receiver, const IncomingFrame &frame,
                              BenchPayload &payload, bool broadcast) {
    WorkerStats &stats = receiver.worker().stats();
    if (!payload.parse(frame.message())) {
        ++stats.malformed;
        stats.noteProblem(QStringLiteral("unreadable message value: %1")
                              .arg(QString::fromUtf8(frame.message().first(
                                  std::min<qsizetype>(frame.message().size(), 200)))));
        return false;
    }
    const int expected = expectedSenderOf(receiver.index());
    const bool rightDest = broadcast ? payload.dest == -1 : payload.dest == receiver.index();
    if (expected < 0 || payload.sender != expected || !rightDest ||
        frame.from() != QByteArrayView(clientId(expected))) {
        ++stats.misrouted;
        stats.noteProblem(
            QStringLiteral("%1 received a message from \"%2\" (sender %3) meant for "
                           "%4")
                .arg(QString::fromUtf8(receiver.id()), QString::fromUtf8(frame.from()))
                .arg(payload.sender)
                .arg(payload.dest));
        return false;
    }
    switch (receiver.inbound.record(payload.seq)) {
    case ReceiveStream::Result::InOrder:
        return true;
    case ReceiveStream::Result::Late:
        ++stats.outOfOrder;
        return true;
    case ReceiveStream::Result::Duplicate:
        ++stats.duplicated;
        return false;
    case ReceiveStream::Result::Invalid:
        ++stats.malformed;
        stats.noteProblem(QStringLiteral("invalid sequence number %1").arg(payload.seq));
        return false;
    }
    return false;
}

void Scenario::sendNext(BenchClient &sender, int dest, QByteArrayView destJson, int size,
                        bool withAck) {
    BenchPayload payload;
    payload.sender = sender.index();
    payload.seq = sender.nextSeq++;
    payload.dest = dest;
    payload.sentNs = now();
    sender.sendMessage(destJson, payload, size, withAck);
    ++sender.sent;
    ++sender.inFlight;
}

void Scenario::recordMeasured(BenchClient &client, qint64 sentNs) {
    if (!isMeasuring())
        return;
    WorkerStats &stats = client.worker().stats();
    ++stats.measuredOps;
    stats.latency.record(now() - sentNs);
}

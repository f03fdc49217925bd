#pragma once

#include "scenario.h"

#include <QByteArray>

#include <atomic>
#include <memory>

// Client 0 sends to an array of all `receivers` other clients, keeping `window` messages in
// flight; a message completes when every receiver has it. Counts deliveries. Receivers are spread
// over all threads, so completion is counted with one atomic counter per window slot and the
// last receiver posts the completion to the sender's thread.
class FanoutScenario : public Scenario {
public:
    explicit FanoutScenario(const BenchOptions &options);

    QString unit() const override { return QStringLiteral("deliveries"); }
    QString unitSingular() const override { return QStringLiteral("delivery"); }
    int clientCount() const override { return options().receivers + 1; }
    int workerOf(int client, int workers) const override { return client % workers; }
    int expectedSenderOf(int client) const override { return client == 0 ? -1 : 0; }

    void clientCreated(BenchClient &client) override;
    void beginTraffic(BenchClient &client) override;
    void messageReceived(BenchClient &receiver, const IncomingFrame &frame) override;

private:
    void sendNextFanout();
    void messageCompleted();

    QByteArray m_destArray;
    std::unique_ptr<std::atomic<int>[]> m_remaining;
    BenchClient *m_sender = nullptr;
};

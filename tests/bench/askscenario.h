#pragma once

#include "scenario.h"

// Pairs again, but every message carries an ack and the partner answers it; a sender keeps
// `window` questions open. Counts round trips; latency is the round trip.
class AskScenario : public Scenario {
public:
    using Scenario::Scenario;

    QString unit() const override { return QStringLiteral("round trips"); }
    QString unitSingular() const override { return QStringLiteral("round trip"); }
    int clientCount() const override { return options().clients; }
    int expectedSenderOf(int client) const override { return client ^ 1; }

    void beginTraffic(BenchClient &client) override;
    void messageReceived(BenchClient &receiver, const IncomingFrame &frame) override;
    void answerReceived(BenchClient &asker, const IncomingFrame &frame) override;

private:
    // Splits "<tag>.<asker>.<seq>"; false when it is not one of this run's acks.
    bool parseAck(QByteArrayView ack, qint64 *asker, qint64 *seq) const;
};

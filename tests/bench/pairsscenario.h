#pragma once

#include "scenario.h"

// Clients in pairs (2i, 2i+1); each keeps `window` messages in flight to its partner, sending the
// next one as soon as the partner received one. Counts messages.
class PairsScenario : public Scenario {
public:
    using Scenario::Scenario;

    QString unit() const override { return QStringLiteral("messages"); }
    QString unitSingular() const override { return QStringLiteral("message"); }
    int clientCount() const override { return options().clients; }
    int expectedSenderOf(int client) const override { return client ^ 1; }

    void beginTraffic(BenchClient &client) override;
    void messageReceived(BenchClient &receiver, const IncomingFrame &frame) override;
};

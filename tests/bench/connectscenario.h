#pragma once

#include "scenario.h"

#include <algorithm>

// Many clients connect and register (at most --connect-concurrency handshakes at once), stay
// idle for the measured time, then each sends one message to its partner (itself for an odd
// last client) to show that every connection is still registered and routable. Reports
// connections per second, connect-to-registered latency and the broker's memory per connection.
class ConnectScenario : public Scenario {
public:
    using Scenario::Scenario;

    QString unit() const override { return QStringLiteral("connections"); }
    QString unitSingular() const override { return QStringLiteral("connection"); }
    int clientCount() const override { return options().clients; }
    int expectedSenderOf(int client) const override;
    bool usesWarmup() const override { return false; }
    // The sweep sends one message per connection at once; it checks routability, not speed,
    // so the broker gets time in proportion to the connections (its latency is reported).
    double drainTimeoutSeconds() const override {
        return std::max(options().drainTimeoutSeconds, 5.0 + clientCount() / 1000.0);
    }

    void beginDrain(BenchClient &client) override;
    void messageReceived(BenchClient &receiver, const IncomingFrame &frame) override;

private:
    int partnerOf(int client) const;
};

#pragma once

#include "benchoptions.h"
#include "benchpayload.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class BenchClient;
class IncomingFrame;

// What a benchmark scenario does: which clients exist, whom each one expects messages from, and
// what a client does when traffic starts, when it receives a message or an answer, and when the
// run drains. One instance is shared by all client threads; the hooks run in the thread that
// owns the client they are given, and only touch that thread's clients (FanoutScenario posts
// across threads where it has to).
class Scenario {
public:
    enum class Phase { Setup, Warmup, Measure, Drain };

    explicit Scenario(const BenchOptions &options);
    virtual ~Scenario();
    Scenario(const Scenario &) = delete;
    Scenario &operator=(const Scenario &) = delete;

    static std::unique_ptr<Scenario> create(const BenchOptions &options);

    const BenchOptions &options() const { return m_options; }

    // Read on every message, so an atomic flag rather than a cross-thread call.
    Phase phase() const { return Phase(m_phase.load(std::memory_order_acquire)); }
    void setPhase(Phase phase) { m_phase.store(int(phase), std::memory_order_release); }
    bool isMeasuring() const { return phase() == Phase::Measure; }
    bool isSending() const;

    // Steady clock, ns since the bench started: the timestamps carried in messages.
    static qint64 now();

    virtual QString unit() const = 0; // what measuredOps counts, e.g. "messages"
    virtual QString unitSingular() const = 0;
    virtual int clientCount() const = 0;
    // Which client thread owns a client. By default partners (2i, 2i+1) share a thread, so a
    // delivery can release the next send without crossing threads.
    virtual int workerOf(int client, int workers) const;
    // The one client whose messages this client should receive, or -1.
    virtual int expectedSenderOf(int client) const = 0;
    virtual bool usesWarmup() const { return true; }
    // Whether the run ends with messages in flight that the drain phase must wait for.
    virtual double drainTimeoutSeconds() const { return m_options.drainTimeoutSeconds; }

    const QByteArray &clientId(int client) const { return m_ids[size_t(client)]; }
    // The id as a JSON string, ready to use as `dest`.
    const QByteArray &quotedId(int client) const { return m_quotedIds[size_t(client)]; }
    const QByteArray &runTag() const { return m_runTag; }

    virtual void clientCreated(BenchClient &client);
    virtual void beginTraffic(BenchClient &client);
    virtual void beginDrain(BenchClient &client);
    virtual void messageReceived(BenchClient &receiver, const IncomingFrame &frame) = 0;
    virtual void answerReceived(BenchClient &asker, const IncomingFrame &frame);

protected:
    // Checks that a delivery came from the expected sender, was meant for this receiver (or for
    // all of a fan-out's receivers) and is new; counts what is wrong. True for a new delivery,
    // including a late (out-of-order) one.
    bool acceptDelivery(BenchClient &receiver, const IncomingFrame &frame, BenchPayload &payload,
                        bool broadcast);
    // Sends the client's next sequence number to `dest` and counts it in flight.
    void sendNext(BenchClient &sender, int dest, QByteArrayView destJson, int size,
                  bool withAck = false);
    void recordMeasured(BenchClient &client, qint64 sentNs);

    void initIds();

private:
    BenchOptions m_options;
    std::atomic<int> m_phase{int(Phase::Setup)};
    QByteArray m_runTag;
    std::vector<QByteArray> m_ids;
    std::vector<QByteArray> m_quotedIds;
};

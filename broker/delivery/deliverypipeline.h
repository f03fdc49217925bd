#pragma once

#include "delivery.h"
#include "deliverystage.h"

#include <QCoreApplication>

#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

// The ordered stages every delivery (message, answer, registered, unregistered, error) passes
// between the routing decision and the write to its receiver. With no stage installed and
// nothing held, deliver() is one test and a direct write.
//
// Order per receiver: while a stage holds a delivery, later deliveries for the same receiver
// wait behind it (they do not enter the stages yet); once it is released or dropped they run
// through the stages in their order. Deliveries to other receivers are not held up.
//
// Writing a stage: derive from DeliveryStage, install() it; process() returns Pass, Drop or
// Hold. A held delivery stays here under its ticket; the stage (or the user, through whoever
// drives the stage) edits it with held(ticket) and lets it go with release(ticket), which
// runs it through the stages after the holding one, or drop(ticket, why). A delay is a hold
// with a timer that releases it. The time held is noted in the intervention by the pipeline.
class DeliveryPipeline {
    Q_DECLARE_TR_FUNCTIONS(DeliveryPipeline)
public:
    // Where deliveries leave the pipeline: the broker writes them, or records them as dropped.
    class Output {
    public:
        virtual ~Output() = default;
        virtual void write(Delivery &&delivery) = 0;
        virtual void discard(Delivery &&delivery) = 0;
    };

    explicit DeliveryPipeline(Output &output);
    ~DeliveryPipeline();
    DeliveryPipeline(const DeliveryPipeline &) = delete;
    DeliveryPipeline &operator=(const DeliveryPipeline &) = delete;

    // Appends a stage (or puts it at position); the pipeline owns it.
    DeliveryStage *install(std::unique_ptr<DeliveryStage> stage, int position = -1);
    // Takes a stage out; what it held is released to the stages after it.
    std::unique_ptr<DeliveryStage> uninstall(DeliveryStage *stage);
    int stageCount() const { return int(m_stages.size()); }

    // Nothing installed and nothing held: a delivery would go straight to the output. Callers
    // on the hot path check this first and skip building the Delivery at all.
    bool passesStraight() const { return m_stages.empty() && m_receivers.empty(); }

    void deliver(Delivery &&delivery) {
        if (passesStraight()) [[likely]] {
            m_output.write(std::move(delivery));
            return;
        }
        deliverThroughStages(std::move(delivery));
    }

    // A held delivery, to look at or edit before release(); nullptr for an unknown ticket.
    Delivery *held(quint64 ticket);
    bool release(quint64 ticket);
    bool drop(quint64 ticket, const QString &why);
    // The receiver is gone: what is held or waiting for it is dropped.
    void forgetReceiver(quint64 receiverId);
    // Drops everything held or waiting (the broker stops).
    void dropAll(const QString &why);
    int heldCount() const { return int(m_held.size()); }
    // Deliveries waiting behind a held one, for every receiver.
    int waitingCount() const;

    // Bounds on what is held or waiting: at most maxPending deliveries in all, and at most
    // maxPendingBytes of frames for one receiver (the same bound as its unsent bytes). A
    // delivery that would wait past them is dropped; a stage asks holdRefusal() before it
    // holds one. 0 leaves a bound off.
    void setLimits(int maxPending, qint64 maxPendingBytes) {
        m_maxPending = maxPending;
        m_maxPendingBytes = maxPendingBytes;
    }
    // Whether deliveries for this receiver wait behind a held one (and must queue up too).
    bool isBlocked(quint64 receiverId) const {
        return !m_receivers.empty() && m_receivers.find(receiverId) != m_receivers.end();
    }
    // Held and waiting deliveries, and the bytes of those for one receiver.
    int pendingCount() const { return m_pendingCount; }
    qint64 pendingBytes(quint64 receiverId) const;
    // Why holding (or queueing) this delivery would pass a bound, or an empty string.
    QString holdRefusal(const Delivery &delivery) const;

private:
    struct Held {
        Delivery delivery;
        size_t stage = 0; // index of the stage that holds it
        qint64 sinceMs = 0;
        qint64 bytes = 0; // the frame's size when held (an edit may change the frame)
    };
    // A receiver with a held delivery (ticket) and those queued behind it.
    struct Blocked {
        quint64 heldTicket = 0;
        std::deque<Delivery> waiting;
        qint64 bytes = 0; // of the held frame and those waiting
    };

    void deliverThroughStages(Delivery &&delivery);
    // Runs a delivery through the stages from index first on; returns false when held.
    bool run(Delivery &&delivery, size_t first);
    // Lets what waits for a receiver go, until one is held again.
    void drain(quint64 receiverId);
    Held takeHeld(quint64 ticket);
    void dropFor(quint64 receiverId, const QString &why);

    Output &m_output;
    std::vector<std::unique_ptr<DeliveryStage>> m_stages;
    std::unordered_map<quint64, Held> m_held;         // by ticket
    std::unordered_map<quint64, Blocked> m_receivers; // by receiver connection id
    quint64 m_nextTicket = 1;
    int m_pendingCount = 0;
    int m_maxPending = 0;
    qint64 m_maxPendingBytes = 0;
};

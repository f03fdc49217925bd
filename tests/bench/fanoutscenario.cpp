#include "fanoutscenario.h"

#include "benchclient.h"
#include "benchworker.h"
#include "incomingframe.h"

FanoutScenario::FanoutScenario(const BenchOptions &options)
    : Scenario(options)
    , m_remaining(new std::atomic<int>[size_t(options.window)]) {
    for (int i = 0; i < options.window; ++i)
        m_remaining[size_t(i)].store(0);
}

void FanoutScenario::clientCreated(BenchClient &client) {
    if (client.index() != 0)
        return;
    // Written before the sender's thread reports ready; read by other threads only after the
    // controller started the traffic, which orders the accesses.
    m_sender = &client;
    m_destArray = "[";
    for (int i = 1; i < clientCount(); ++i) {
        if (i > 1)
            m_destArray += ',';
        m_destArray += quotedId(i);
    }
    m_destArray += ']';
}

void FanoutScenario::beginTraffic(BenchClient &client) {
    if (client.index() != 0)
        return;
    for (int i = 0; i < options().window; ++i)
        sendNextFanout();
}

void FanoutScenario::sendNextFanout() {
    // Deliveries to each receiver arrive in order, so messages complete in order and the slot of
    // sequence number n is free again once n - window completed.
    m_remaining[size_t(m_sender->nextSeq % options().window)].store(options().receivers,
                                                                    std::memory_order_release);
    sendNext(*m_sender, -1, m_destArray, options().size);
}

void FanoutScenario::messageReceived(BenchClient &receiver, const IncomingFrame &frame) {
    BenchPayload payload;
    if (!acceptDelivery(receiver, frame, payload, true))
        return;
    recordMeasured(receiver, payload.sentNs);
    std::atomic<int> &remaining = m_remaining[size_t(payload.seq % options().window)];
    if (remaining.fetch_sub(1, std::memory_order_acq_rel) != 1)
        return;
    BenchWorker &senderWorker = m_sender->worker();
    if (&receiver.worker() == &senderWorker)
        messageCompleted();
    else
        QMetaObject::invokeMethod(
            &senderWorker, [this] { messageCompleted(); }, Qt::QueuedConnection);
}

void FanoutScenario::messageCompleted() {
    --m_sender->inFlight;
    if (isSending())
        sendNextFanout();
}

#include "pairsscenario.h"

#include "benchclient.h"
#include "benchworker.h"
#include "incomingframe.h"

void PairsScenario::beginTraffic(BenchClient &client) {
    const int partner = client.index() ^ 1;
    for (int i = 0; i < options().window; ++i)
        sendNext(client, partner, quotedId(partner), options().size);
}

void PairsScenario::messageReceived(BenchClient &receiver, const IncomingFrame &frame) {
    BenchPayload payload;
    if (!acceptDelivery(receiver, frame, payload, false))
        return;
    recordMeasured(receiver, payload.sentNs);
    // The partner lives in the same thread (see Scenario::workerOf).
    BenchClient *sender = receiver.worker().client(receiver.index() ^ 1);
    --sender->inFlight;
    if (isSending())
        sendNext(*sender, receiver.index(), quotedId(receiver.index()), options().size);
}

#include "connectscenario.h"

#include "benchclient.h"
#include "benchworker.h"
#include "incomingframe.h"

int ConnectScenario::partnerOf(int client) const {
    const int partner = client ^ 1;
    return partner < clientCount() ? partner : client;
}

int ConnectScenario::expectedSenderOf(int client) const {
    return partnerOf(client);
}

void ConnectScenario::beginDrain(BenchClient &client) {
    const int partner = partnerOf(client.index());
    sendNext(client, partner, quotedId(partner), options().size);
}

void ConnectScenario::messageReceived(BenchClient &receiver, const IncomingFrame &frame) {
    BenchPayload payload;
    if (!acceptDelivery(receiver, frame, payload, false))
        return;
    // The sweep's latency is what the report shows besides the connect latency.
    receiver.worker().stats().latency.record(now() - payload.sentNs);
    --receiver.worker().client(partnerOf(receiver.index()))->inFlight;
}

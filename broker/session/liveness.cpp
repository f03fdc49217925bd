#include "liveness.h"

#include "clientconnection.h"
#include "websocketconnection.h"

std::vector<Liveness::Dead>
Liveness::check(const std::map<quint64, std::unique_ptr<ClientConnection>> &connections,
                int intervalMs, qint64 nowMs) {
    std::vector<Dead> dead;
    for (const auto &[id, conn] : connections) {
        if (conn->isClosing())
            continue;
        if (nowMs - conn->lastPongMs > 2 * qint64(intervalMs))
            dead.push_back(
                {conn.get(), tr("no answer to ping for %1 ms").arg(nowMs - conn->lastPongMs)});
        else
            conn->socket()->ping();
    }
    return dead;
}

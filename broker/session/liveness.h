#pragma once

#include <QCoreApplication>
#include <QString>

#include <map>
#include <memory>
#include <vector>

class ClientConnection;

// Ping liveness: each interval every open connection is pinged; one that has not answered
// (pong) for two intervals is dead.
class Liveness {
    Q_DECLARE_TR_FUNCTIONS(Liveness)
public:
    struct Dead {
        ClientConnection *connection;
        QString detail;
    };

    // Pings the live connections; returns the dead ones, for the caller to close.
    static std::vector<Dead>
    check(const std::map<quint64, std::unique_ptr<ClientConnection>> &connections, int intervalMs,
          qint64 nowMs);
};

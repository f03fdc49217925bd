#pragma once

#include "closereason.h"

#include <QCoreApplication>

#include <functional>

class ClientConnection;

// How a connection ends: the broker's closing handshake with its grace period, and the reason
// recorded when the peer (or the transport) ends it instead.
class ClosingHandshake {
    Q_DECLARE_TR_FUNCTIONS(ClosingHandshake)
public:
    // Records why, sends the close frame, and cuts a peer that does not answer within the
    // grace period; frames still unsent then are counted through countUndelivered.
    static void start(ClientConnection *conn, CloseReason reason, int closeCode,
                      const QString &detail, std::function<void(int)> countUndelivered);
    // For a connection that ended without the broker closing it: the reason from its close
    // code (size limit, invalid UTF-8, protocol error, the peer's own close, or none at all
    // when the socket just ended: the connection was lost).
    static void explainPeerClose(ClientConnection *conn);

    static constexpr int GraceMs = 2000;
};

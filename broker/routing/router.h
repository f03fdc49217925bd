#pragma once

#include "brokerevent.h"
#include "brokersettings.h"
#include "framecodec.h"
#include "pendingacktable.h"
#include "routingoutput.h"

#include <QCoreApplication>

#include <functional>

class ClientConnection;
struct BrokerCounters;

// What became of one request: the outcome and detail that its FrameIn event carries.
struct RoutingResult {
    BrokerEvent::Outcome outcome = BrokerEvent::Outcome::None;
    QString detail;
    bool ackRemembered = false; // a send left a pending ask (the broker arms the ack expiry)
};

// The protocol's routing, with no sockets: register (with rename, takeover or refusal of a
// taken id), unregister, send to one or many ids, and answers to pending asks ("fastest
// wins"). It works on ClientConnection's routing state (room, id, closing) and tells what to
// deliver through a RoutingOutput; it counts what it decides in the broker's counters.
class Router {
    Q_DECLARE_TR_FUNCTIONS(Router)
public:
    // Finds an open connection by id (the asker of a pending ask), or nullptr.
    using ConnectionLookup = std::function<ClientConnection *(quint64)>;

    Router(const BrokerSettings &settings, BrokerCounters &counters, ConnectionLookup lookup);

    // Routes a valid request (register, unregister, send or answer) of from.
    RoutingResult route(ClientConnection *from, const ParsedRequest &req, RoutingOutput &out);
    // Answers a request with the protocol's `error` frame.
    RoutingResult reject(ClientConnection *conn, FrameError code, const QString &reason,
                         QByteArrayView ackJson, RoutingOutput &out);
    // Gives conn's id up (unregistered frame to it when notifyClient and it is not closing).
    void releaseId(ClientConnection *conn, const QString &why, bool notifyClient,
                   RoutingOutput &out);
    // A connection that is gone: its id and its asks are forgotten.
    void forget(ClientConnection *conn, RoutingOutput &out);

    PendingAckTable &acks() { return m_acks; }
    const PendingAckTable &acks() const { return m_acks; }

private:
    RoutingResult registerId(ClientConnection *conn, const ParsedRequest &req, RoutingOutput &out);
    RoutingResult unregisterId(ClientConnection *conn, RoutingOutput &out);
    RoutingResult send(ClientConnection *conn, const ParsedRequest &req, RoutingOutput &out);
    RoutingResult answer(ClientConnection *conn, const ParsedRequest &req, RoutingOutput &out);

    BrokerSettings::DuplicateIdPolicy m_duplicateIds;
    qint64 m_ackTtlMs;
    BrokerCounters &m_counters;
    ConnectionLookup m_lookup;
    PendingAckTable m_acks;
};

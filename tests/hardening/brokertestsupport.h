#pragma once

#include "broker.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

// Small helpers shared by the hardening tests.
namespace BrokerTestSupport {

// Runs the event loop until done() holds. Unlike QTest::qWaitFor(), which sleeps 10 ms between
// passes, it wakes up for every socket event, so bulk transfers run at full speed.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs = 10000) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A broker on 127.0.0.1 and a port the system picks; null when it did not start.
inline std::unique_ptr<Broker> startBroker(BrokerSettings settings) {
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    auto broker = std::make_unique<Broker>(settings);
    if (!broker->start())
        return {};
    return broker;
}

// The id the broker gave the open connection whose client uses this local port. A closed
// connection's port may be taken again by a later client (a reset leaves no TIME_WAIT), so
// tests that open many connections to one broker follow the connection by its id.
inline std::optional<quint64> openConnectionId(const Broker &broker, quint16 clientPort) {
    for (const ConnectionInfo &info : broker.snapshot().connections) {
        if (info.remotePort == clientPort)
            return info.connectionId;
    }
    return std::nullopt;
}

// The broker's record of the closed connection whose client used this local port: the newest
// such record, as an earlier client may have used the same port.
inline std::optional<ConnectionInfo> findClosed(const Broker &broker, quint16 clientPort) {
    const QList<ConnectionInfo> closed = broker.snapshot().recentlyClosed;
    for (auto it = closed.crbegin(); it != closed.crend(); ++it) {
        if (it->remotePort == clientPort)
            return *it;
    }
    return std::nullopt;
}

// Waits for that record to appear.
inline std::optional<ConnectionInfo> waitForClosed(const Broker &broker, quint16 clientPort,
                                                   int timeoutMs = 5000) {
    std::optional<ConnectionInfo> found;
    (void)QTest::qWaitFor([&] { return (found = findClosed(broker, clientPort)).has_value(); },
                          timeoutMs);
    return found;
}

// Waits for the record of the closed connection with this id (see openConnectionId).
inline std::optional<ConnectionInfo>
waitForClosedConnection(const Broker &broker, quint64 connectionId, int timeoutMs = 5000) {
    std::optional<ConnectionInfo> found;
    (void)QTest::qWaitFor(
        [&] {
            for (const ConnectionInfo &info : broker.snapshot().recentlyClosed) {
                if (info.connectionId == connectionId)
                    return (found = info).has_value();
            }
            return false;
        },
        timeoutMs);
    return found;
}

inline const char *closeReasonName(CloseReason r) {
    switch (r) {
    case CloseReason::None:
        return "None";
    case CloseReason::ClientClosed:
        return "ClientClosed";
    case CloseReason::ServerStopping:
        return "ServerStopping";
    case CloseReason::ClosedByUser:
        return "ClosedByUser";
    case CloseReason::SlowConsumer:
        return "SlowConsumer";
    case CloseReason::MessageTooBig:
        return "MessageTooBig";
    case CloseReason::InvalidUtf8:
        return "InvalidUtf8";
    case CloseReason::PingTimeout:
        return "PingTimeout";
    case CloseReason::TokenRefused:
        return "TokenRefused";
    case CloseReason::OriginRefused:
        return "OriginRefused";
    case CloseReason::HandshakeRefused:
        return "HandshakeRefused";
    case CloseReason::HandshakeTimeout:
        return "HandshakeTimeout";
    case CloseReason::ConnectionLost:
        return "ConnectionLost";
    case CloseReason::ClosedByRule:
        return "ClosedByRule";
    case CloseReason::TooManyConnections:
        return "TooManyConnections";
    case CloseReason::ProtocolError:
        return "ProtocolError";
    }
    return "?";
}

// Whether the broker has decided to close the connection of this client port for this reason
// (it may still be flushing its close, or already gone).
inline bool isClosingFor(const Broker &broker, quint16 clientPort, CloseReason reason) {
    const BrokerSnapshot s = broker.snapshot();
    for (const QList<ConnectionInfo> *list : {&s.connections, &s.recentlyClosed}) {
        for (const ConnectionInfo &info : *list) {
            if (info.remotePort == clientPort && info.closeReason == reason)
                return true;
        }
    }
    return false;
}

// Frames the broker sent to the connection of this client port, open or closed.
inline quint64 framesTo(const Broker &broker, quint16 clientPort) {
    const BrokerSnapshot s = broker.snapshot();
    for (const QList<ConnectionInfo> *list : {&s.connections, &s.recentlyClosed}) {
        for (const ConnectionInfo &info : *list) {
            if (info.remotePort == clientPort)
                return info.framesOut;
        }
    }
    return 0;
}

inline quint64 closesBy(const Broker &broker, CloseReason reason) {
    return broker.counters().closesByReason[size_t(reason)];
}

} // namespace BrokerTestSupport

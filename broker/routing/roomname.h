#pragma once

#include <QLatin1StringView>
#include <QString>

class QUrl;

// The room of a request URL: its path, with the empty path and "/" being the same room. The
// one statement of the rule for everything that names rooms (broker, console, log files).
QString roomNameOf(const QUrl &url);

// Paths under this prefix belong to the broker itself, never to a room: a client that asks
// for one is refused (1008), so no room can shadow the broker's own endpoints.
inline constexpr QLatin1StringView ReservedPathPrefix("/.wsmsgbroker/");
// The monitor endpoint (docs/monitor-protocol.md), enabled by --monitor-token.
inline constexpr QLatin1StringView MonitorPath("/.wsmsgbroker/monitor");

inline bool isReservedRoom(const QString &room) {
    return room.startsWith(ReservedPathPrefix) || room == ReservedPathPrefix.chopped(1);
}

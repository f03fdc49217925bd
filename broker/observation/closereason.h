#pragma once

#include <QtGlobal>

// Why a connection ended. Kept with every closed connection and counted per reason.
enum class CloseReason : quint8 {
    None,               // still open
    ClientClosed,       // the peer closed with a closing handshake
    ServerStopping,     // the broker is shutting down (1001)
    ClosedByUser,       // disconnected from the inspector
    SlowConsumer,       // unsent data passed its bound (1008)
    MessageTooBig,      // a frame or message over the size limit (1009)
    InvalidUtf8,        // a text frame that is not UTF-8 (1007)
    PingTimeout,        // no pong within two ping intervals
    TokenRefused,       // missing or wrong access token (1008)
    OriginRefused,      // Origin not on the allow-list
    TooManyConnections, // over the connection limit (1008)
    ProtocolError,      // a WebSocket protocol violation
    HandshakeRefused,   // a malformed opening handshake, answered with an HTTP error
    HandshakeTimeout,   // no complete opening handshake within the time-out
    ConnectionLost,     // the socket ended without a close frame (TCP reset or end: 1006)
    ClosedByRule,       // a traffic rule's close effect, with the rule's close code
};
inline constexpr int CloseReasonCount = int(CloseReason::ClosedByRule) + 1;

// Whether a connection ended in a way worth a user's attention: anything but the peer closing,
// the broker stopping, the user disconnecting it or a traffic rule the user set up closing it
// (and None, still open). The one statement of
// the rule for the event's isProblem() and for the window's texts.
constexpr bool isAbnormalClose(CloseReason reason) {
    return reason != CloseReason::None && reason != CloseReason::ClientClosed &&
           reason != CloseReason::ServerStopping && reason != CloseReason::ClosedByUser &&
           reason != CloseReason::ClosedByRule;
}

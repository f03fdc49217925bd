#include "closinghandshake.h"

#include "clientconnection.h"
#include "websocketconnection.h"

#include <QTimer>

void ClosingHandshake::start(ClientConnection *conn, CloseReason reason, int closeCode,
                             const QString &detail, std::function<void(int)> countUndelivered) {
    if (conn->isClosing())
        return;
    conn->closeReason = reason;
    conn->closeDetail = detail;
    WebSocketConnection *socket = conn->socket();
    const qint64 queuedBefore = socket->bytesToWrite();
    socket->close(closeCode, detail);
    // The close frame (none if the peer's close came first) is queued last and not a message.
    const qint64 closeFrameBytes = socket->bytesToWrite() - queuedBefore;
    // A peer that does not read would never take the close frame; cut it after a grace period.
    // Frames still queued then are lost and counted.
    QTimer::singleShot(
        GraceMs, socket,
        [socket, sizes = conn->unsentFrameSizes(), closeFrameBytes,
         count = std::move(countUndelivered)] {
            count(ClientConnection::countUnsent(sizes, socket->bytesToWrite() - closeFrameBytes));
            socket->abort();
        });
}

void ClosingHandshake::explainPeerClose(ClientConnection *conn) {
    if (conn->closeReason != CloseReason::None)
        return;
    conn->closeReason = CloseReason::ClientClosed;
    const int code = conn->socket()->closeCode();
    const QString why = conn->socket()->closeReason();
    // The connection closes on its own for messages over the size limit, invalid UTF-8 and
    // protocol errors.
    if (code == WebSocketConnection::CloseTooMuchData)
        conn->closeReason = CloseReason::MessageTooBig;
    else if (code == WebSocketConnection::CloseInvalidUtf8)
        conn->closeReason = CloseReason::InvalidUtf8;
    else if (code == WebSocketConnection::CloseProtocolError)
        conn->closeReason = CloseReason::ProtocolError;
    // No close frame at all: the peer vanished (a reset, a crash, a cable) rather than left.
    if (code == WebSocketConnection::CloseAbnormal) {
        conn->closeReason = CloseReason::ConnectionLost;
        conn->closeDetail = tr("the connection ended without a close frame (close code %1)")
                                .arg(WebSocketConnection::CloseAbnormal);
        return;
    }
    conn->closeDetail =
        why.isEmpty() ? tr("close code %1").arg(code) : tr("close code %1: %2").arg(code).arg(why);
}

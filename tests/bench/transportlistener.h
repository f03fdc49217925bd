#pragma once

#include <QByteArrayView>
#include <QString>

// Receives what a ClientTransport reports. A plain interface rather than signals: a signal
// emission per frame is measurable at the rates the bench runs, and each client is its own
// listener, so nothing has to look up which connection spoke (no QObject::sender()).
class TransportListener {
public:
    virtual ~TransportListener() = default;

    virtual void transportOpened() = 0;
    // One complete text message; the view is valid only during the call.
    virtual void transportTextReceived(QByteArrayView utf8) = 0;
    // Connecting or the handshake failed, or the connection broke without a close we asked for.
    virtual void transportFailed(const QString &reason) = 0;
    // The connection ended after close() was called (or the peer closed it cleanly).
    virtual void transportClosed() = 0;
};

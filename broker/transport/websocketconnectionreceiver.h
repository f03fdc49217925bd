#pragma once

#include <QByteArray>

struct PlainHttpRequest;
class WebSocketConnection;

// What a WebSocketConnection has to tell: the one object that owns it at the time (the
// listener during the opening handshake, then the broker's client or a monitor session).
//
// An interface instead of signals, as QAbstractSocketEngineReceiver is for Qt's own sockets:
// an idle connection is most of what a broker holds, and the four or five signal-slot
// connections each owner made per socket (each a Connection and a slot object, plus the
// socket's connection list and signal vector) were about a quarter of an idle connection's
// memory and a tenth of the CPU of setting one up (issue 17, connect 10,000).
//
// Each callback may abort() or close() the connection, never delete it (deleteLater() is fine).
class WebSocketConnectionReceiver {
public:
    // The opening handshake request is complete and valid: answer it now with
    // acceptHandshake() or rejectHandshake(). Unanswered requests are refused with 503.
    virtual void handshakeRequested(WebSocketConnection * /*connection*/) {}
    // A complete request without an Upgrade header (GET /metrics, GET /healthz): answer it
    // now with answerPlainRequest(), or it gets the usual handshake error.
    virtual void plainRequestReceived(WebSocketConnection * /*connection*/,
                                      const PlainHttpRequest & /*request*/) {}
    // The opening handshake request was malformed and has been answered with httpStatus (not
    // called for rejectHandshake(), whose caller knows).
    virtual void handshakeFailed(WebSocketConnection * /*connection*/, int /*httpStatus*/,
                                 const QByteArray & /*reasonPhrase*/) {}
    virtual void textMessageReceived(WebSocketConnection * /*connection*/,
                                     const QByteArray & /*utf8*/) {}
    virtual void binaryMessageReceived(WebSocketConnection * /*connection*/,
                                       const QByteArray & /*data*/) {}
    virtual void pongReceived(WebSocketConnection * /*connection*/,
                              const QByteArray & /*payload*/) {}
    // The TCP connection is gone (called once, also after a failed handshake).
    virtual void disconnected(WebSocketConnection *connection) = 0;

protected:
    ~WebSocketConnectionReceiver() = default;
};

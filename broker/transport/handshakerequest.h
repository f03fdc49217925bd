#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

// The opening handshake of RFC 6455 section 4, server side, as pure functions over bytes: the
// client's request parsed and checked, and the two answers (switch protocols, or an HTTP
// error). WebSocketConnection finds where the request ends and sends the answers.
struct HandshakeRequest {
    int errorStatus = 0; // 0 when valid, else the HTTP status to answer with (400, 426)
    QByteArray errorPhrase;
    QUrl url;             // the request target with the Host as authority, scheme ws or wss
    QString origin;       // empty when the client sent none
    QByteArray acceptKey; // Sec-WebSocket-Accept for the answer

    // The Authorization header, empty when none (the monitor's token).
    QByteArray authorization;

    bool isValid() const { return errorStatus == 0; }

    // head: the request up to, not including, the empty line that ends it.
    static HandshakeRequest parse(QByteArrayView head, bool encrypted);
    // Sec-WebSocket-Accept for a client's Sec-WebSocket-Key (RFC 6455 4.2.2): what the broker
    // answers, and what a client checks.
    static QByteArray acceptKeyOf(QByteArrayView clientKey);

    static QByteArray acceptResponse(const QByteArray &acceptKey, const QByteArray &serverName);
    // An empty reasonPhrase gets the status's usual one.
    static QByteArray errorResponse(int httpStatus, const QByteArray &reasonPhrase,
                                    const QByteArray &serverName);
};

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// A request on the broker's port that is not a WebSocket upgrade (no Upgrade header), such as
// a scraper's GET /metrics or a wait-for loop's GET /healthz, and the answer to one; pure
// functions over bytes like HandshakeRequest. Whoever handles it decides whether it is served;
// one that is not gets the handshake's usual HTTP error.
struct PlainHttpRequest {
    QByteArray method;        // "GET", "HEAD", ... as sent
    QByteArray path;          // the target's path, without query or fragment
    QByteArray authorization; // the Authorization header's value, empty when none

    bool isHead() const { return method == "HEAD"; }

    // head: the request up to, not including, the empty line that ends it. nullopt for a
    // WebSocket upgrade (any Upgrade header) or a request line that is not HTTP/1.x.
    static std::optional<PlainHttpRequest> parse(QByteArrayView head);

    // A complete answer that closes the connection. The body is left out for HEAD (its
    // Content-Length stays). extraHeaders: whole header lines, each ending in "\r\n".
    static QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
                               bool head, const QByteArray &serverName,
                               const QByteArray &extraHeaders = {});
};

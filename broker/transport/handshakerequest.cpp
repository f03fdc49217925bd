#include "handshakerequest.h"

#include <QCryptographicHash>
#include <QList>
#include <QStringList>

namespace {

// The value of a header whose name is given in lower case, or a null array.
QByteArray headerValue(const QList<QByteArray> &lines, QByteArrayView lowerName) {
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon == lowerName.size() && line.first(colon).toLower() == lowerName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Whether a comma-separated header value holds token, case-insensitively.
bool hasToken(const QByteArray &value, QByteArrayView token) {
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

const char *statusText(int status) {
    switch (status) {
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

HandshakeRequest refused(int status, const char *phrase) {
    HandshakeRequest request;
    request.errorStatus = status;
    request.errorPhrase = phrase;
    return request;
}

} // namespace

HandshakeRequest HandshakeRequest::parse(QByteArrayView head, bool encrypted) {
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    QList<QByteArray> trimmed;
    trimmed.reserve(lines.size());
    for (const QByteArray &line : lines)
        trimmed.append(line.endsWith('\r') ? line.chopped(1) : line);

    const QList<QByteArray> requestLine = trimmed.first().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET" || requestLine.at(2) != "HTTP/1.1")
        return refused(400, "Bad Request");
    const QByteArray &target = requestLine.at(1);
    if (headerValue(trimmed, "sec-websocket-version") != "13")
        return refused(426, "Upgrade Required");
    const QByteArray key = headerValue(trimmed, "sec-websocket-key");
    if (!hasToken(headerValue(trimmed, "upgrade"), "websocket") ||
        !hasToken(headerValue(trimmed, "connection"), "upgrade") ||
        QByteArray::fromBase64(key).size() != 16)
        return refused(400, "Bad Request");
    // The URL as QWebSocket built it: the request target, with the Host as authority. Host is
    // required (RFC 6455 4.2.1). Clients send the target as "/path?query"; the absolute form
    // ("ws://host/path"), which HTTP/1.1 servers must accept too (RFC 7230 5.3.2), brings its
    // own authority.
    const QByteArray host = headerValue(trimmed, "host");
    QUrl url = QUrl::fromEncoded(target);
    if (!target.startsWith('/')) {
        static const QStringList schemes = {QStringLiteral("ws"), QStringLiteral("wss"),
                                            QStringLiteral("http"), QStringLiteral("https")};
        if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme()))
            return refused(400, "Bad Request");
        if (url.path().isEmpty())
            url.setPath(QStringLiteral("/"));
    } else {
        url.setAuthority(QString::fromLatin1(host));
    }
    url.setScheme(encrypted ? QStringLiteral("wss") : QStringLiteral("ws"));
    if (host.isEmpty() || !url.isValid())
        return refused(400, "Bad Request");
    HandshakeRequest request;
    request.url = url;
    request.origin = QString::fromUtf8(headerValue(trimmed, "origin"));
    request.authorization = headerValue(trimmed, "authorization");
    request.acceptKey = acceptKeyOf(key);
    return request;
}

QByteArray HandshakeRequest::acceptKeyOf(QByteArrayView clientKey) {
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(clientKey);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

QByteArray HandshakeRequest::acceptResponse(const QByteArray &acceptKey,
                                            const QByteArray &serverName) {
    return "HTTP/1.1 101 Switching Protocols\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
           acceptKey + "\r\nServer: " + serverName + "\r\n\r\n";
}

QByteArray HandshakeRequest::errorResponse(int httpStatus, const QByteArray &reasonPhrase,
                                           const QByteArray &serverName) {
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(httpStatus) + ' ' +
        (reasonPhrase.isEmpty() ? QByteArray(statusText(httpStatus)) : reasonPhrase) + "\r\n";
    if (httpStatus == 426)
        response += "Sec-WebSocket-Version: 13\r\n";
    response += "Server: " + serverName + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
    return response;
}

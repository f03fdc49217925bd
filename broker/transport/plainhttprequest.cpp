#include "plainhttprequest.h"

#include <QList>
#include <QUrl>

namespace {

const char *statusText(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

} // namespace

std::optional<PlainHttpRequest> PlainHttpRequest::parse(QByteArrayView head) {
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    const QByteArray first =
        lines.first().endsWith('\r') ? lines.first().chopped(1) : lines.first();
    const QList<QByteArray> requestLine = first.split(' ');
    if (requestLine.size() != 3 ||
        (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0"))
        return std::nullopt;
    PlainHttpRequest request;
    request.method = requestLine.at(0);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArrayView line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).toByteArray().trimmed().toLower();
        if (name == "upgrade")
            return std::nullopt; // a WebSocket client (or another protocol): not ours
        if (name == "authorization")
            request.authorization = line.sliced(colon + 1).toByteArray().trimmed();
    }
    // The origin form ("/metrics?x") or the absolute form ("http://host/metrics", which
    // HTTP/1.1 servers must accept too).
    const QByteArray &target = requestLine.at(1);
    if (target.startsWith('/')) {
        qsizetype end = target.indexOf('?');
        if (const qsizetype hash = target.indexOf('#'); hash >= 0 && (end < 0 || hash < end))
            end = hash;
        request.path = end < 0 ? target : target.first(end);
    } else {
        const QUrl url = QUrl::fromEncoded(target);
        request.path = url.isValid() ? url.path(QUrl::FullyEncoded).toLatin1() : QByteArray();
        if (request.path.isEmpty())
            request.path = "/";
    }
    return request;
}

QByteArray PlainHttpRequest::response(int status, const QByteArray &contentType,
                                      const QByteArray &body, bool head,
                                      const QByteArray &serverName,
                                      const QByteArray &extraHeaders) {
    QByteArray out;
    out.reserve(200 + extraHeaders.size() + (head ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) + "\r\n";
    out += "Server: " + serverName + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    out += extraHeaders;
    out += "Connection: close\r\n\r\n";
    if (!head)
        out += body;
    return out;
}

#include "harwriter.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray compact(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

HarWriter::HarWriter(QIODevice *device, const QUrl &brokerUrl)
    : m_device(device)
    , m_brokerUrl(brokerUrl) {}

bool HarWriter::write(const QByteArray &bytes) {
    if (m_ok && m_device->write(bytes) != bytes.size())
        m_ok = false;
    return m_ok;
}

bool HarWriter::begin() {
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("wsmsgbroker")},
                              {QStringLiteral("version"), QStringLiteral(WSMSGBROKER_VERSION)}};
    return write(R"({"log":{"version":"1.2","creator":)" + compact(creator) +
                 R"(,"pages":[],"entries":[)" + '\n');
}

bool HarWriter::beginEntry(const BrokerEvent &first, const QByteArray &clientId) {
    // The URL of the run the connection belonged to; files from before sessions have none.
    QUrl url = first.sessionUrl.isEmpty() ? m_brokerUrl : QUrl(first.sessionUrl);
    url.setPath(first.room);
    const QJsonObject entry{
        {QStringLiteral("startedDateTime"), isoTime(first.timeMs)},
        {QStringLiteral("time"), 0},
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                     {QStringLiteral("url"), url.toString()},
                     {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                     {QStringLiteral("headers"), QJsonArray()},
                     {QStringLiteral("queryString"), QJsonArray()},
                     {QStringLiteral("cookies"), QJsonArray()},
                     {QStringLiteral("headersSize"), -1},
                     {QStringLiteral("bodySize"), 0}}},
        {QStringLiteral("response"),
         QJsonObject{{QStringLiteral("status"), 101},
                     {QStringLiteral("statusText"), QStringLiteral("Switching Protocols")},
                     {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                     {QStringLiteral("headers"), QJsonArray()},
                     {QStringLiteral("cookies"), QJsonArray()},
                     {QStringLiteral("content"),
                      QJsonObject{{QStringLiteral("size"), 0},
                                  {QStringLiteral("mimeType"), QStringLiteral("x-unknown")}}},
                     {QStringLiteral("redirectURL"), QString()},
                     {QStringLiteral("headersSize"), -1},
                     {QStringLiteral("bodySize"), 0}}},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0},
                                                {QStringLiteral("wait"), 0},
                                                {QStringLiteral("receive"), 0}}},
        {QStringLiteral("_resourceType"), QStringLiteral("websocket")},
        {QStringLiteral("_wsmsgbrokerClient"), QString::fromUtf8(clientId)},
    };
    // The entry's members, then its messages as they come: "...,"_webSocketMessages":[".
    QByteArray head = compact(entry);
    head.chop(1);
    m_firstMessage = true;
    return write((m_firstEntry ? QByteArray() : QByteArray(",\n")) + head +
                 R"(,"_webSocketMessages":[)");
}

bool HarWriter::message(const BrokerEvent &e) {
    // Seen from the client, as DevTools shows it: what it sent and what it received.
    QJsonObject m{
        {QStringLiteral("type"),
         e.kind == BrokerEvent::Kind::FrameIn ? QStringLiteral("send") : QStringLiteral("receive")},
        {QStringLiteral("time"), double(e.timeMs) / 1000.0},
        {QStringLiteral("opcode"), e.binary ? 2 : 1},
        {QStringLiteral("data"),
         e.binary ? QString::fromLatin1(e.data.toBase64()) : QString::fromUtf8(e.data)},
    };
    // A frame recorded only in part says so: a reader must not take it for the whole.
    if (e.data.size() < e.size) {
        m.insert(QStringLiteral("_wsmsgbrokerTruncated"), true);
        m.insert(QStringLiteral("_wsmsgbrokerSize"), double(e.size));
    }
    const bool first = std::exchange(m_firstMessage, false);
    return write((first ? QByteArray("\n") : QByteArray(",\n")) + compact(m));
}

bool HarWriter::endEntry() {
    m_firstEntry = false;
    return write("]}");
}

bool HarWriter::finish() {
    return write("\n]}}\n");
}

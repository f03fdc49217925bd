#include "monitorsnapshotjson.h"

#include "framelogfile.h"
#include "framelogvalues.h"

#include <QJsonArray>

namespace {

// The counters by their names in the protocol; one entry per BrokerCounters field but the
// closes, which go by reason.
struct CounterField {
    const char *name;
    quint64 BrokerCounters::*field;
};
constexpr CounterField counterFields[] = {
    {"connectionsOpened", &BrokerCounters::connectionsOpened},
    {"connectionsClosed", &BrokerCounters::connectionsClosed},
    {"framesIn", &BrokerCounters::framesIn},
    {"framesOut", &BrokerCounters::framesOut},
    {"bytesIn", &BrokerCounters::bytesIn},
    {"bytesOut", &BrokerCounters::bytesOut},
    {"delivered", &BrokerCounters::delivered},
    {"skippedUnknownId", &BrokerCounters::skippedUnknownId},
    {"answersForwarded", &BrokerCounters::answersForwarded},
    {"droppedAnswers", &BrokerCounters::droppedAnswers},
    {"errorsSent", &BrokerCounters::errorsSent},
    {"acksExpired", &BrokerCounters::acksExpired},
    {"acksEvicted", &BrokerCounters::acksEvicted},
    {"undelivered", &BrokerCounters::undelivered},
    {"unrecordedFrames", &BrokerCounters::unrecordedFrames},
};

qint64 number(const QJsonObject &o, const char *key) {
    return FrameLogValues::countFromJson(o.value(QLatin1StringView(key)));
}

QJsonArray connectionsToJson(const QList<ConnectionInfo> &list) {
    QJsonArray array;
    for (const ConnectionInfo &c : list)
        array.append(MonitorSnapshotJson::toJson(c));
    return array;
}

QList<ConnectionInfo> connectionsFromJson(const QJsonValue &value) {
    QList<ConnectionInfo> list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &c : array)
        list.append(MonitorSnapshotJson::connectionFromJson(c.toObject()));
    return list;
}

CloseReason closeReasonFrom(const QString &name) {
    for (int r = 1; r < CloseReasonCount; ++r) {
        if (FrameLogFile::closeReasonName(CloseReason(r)) == name)
            return CloseReason(r);
    }
    return CloseReason::None;
}

} // namespace

QJsonObject MonitorSnapshotJson::toJson(const ConnectionInfo &c) {
    QJsonObject o{
        {QStringLiteral("session"), QString::number(c.session, 16)},
        {QStringLiteral("connection"), double(c.connectionId)},
        {QStringLiteral("room"), c.room},
        {QStringLiteral("remoteAddress"), c.remoteAddress},
        {QStringLiteral("remotePort"), c.remotePort},
        {QStringLiteral("connectedAtMs"), double(c.connectedAtMs)},
        {QStringLiteral("framesIn"), double(c.framesIn)},
        {QStringLiteral("framesOut"), double(c.framesOut)},
        {QStringLiteral("bytesIn"), double(c.bytesIn)},
        {QStringLiteral("bytesOut"), double(c.bytesOut)},
        {QStringLiteral("pendingAcks"), c.pendingAcks},
        {QStringLiteral("queuedBytes"), double(c.queuedBytes)},
    };
    if (!c.clientId.isEmpty())
        o.insert(QStringLiteral("client"), QString::fromUtf8(c.clientId));
    if (c.closedAtMs != 0)
        o.insert(QStringLiteral("closedAtMs"), double(c.closedAtMs));
    if (c.closeReason != CloseReason::None)
        o.insert(QStringLiteral("closeReason"), FrameLogFile::closeReasonName(c.closeReason));
    if (!c.closeDetail.isEmpty())
        o.insert(QStringLiteral("closeDetail"), c.closeDetail);
    return o;
}

ConnectionInfo MonitorSnapshotJson::connectionFromJson(const QJsonObject &o) {
    ConnectionInfo c;
    c.session = o.value(QStringLiteral("session")).toString().toULongLong(nullptr, 16);
    c.connectionId = quint64(number(o, "connection"));
    c.room = o.value(QStringLiteral("room")).toString();
    c.clientId = o.value(QStringLiteral("client")).toString().toUtf8();
    c.remoteAddress = o.value(QStringLiteral("remoteAddress")).toString();
    c.remotePort = quint16(std::clamp(o.value(QStringLiteral("remotePort")).toInt(), 0, 65535));
    c.connectedAtMs = number(o, "connectedAtMs");
    c.closedAtMs = number(o, "closedAtMs");
    c.closeReason = closeReasonFrom(o.value(QStringLiteral("closeReason")).toString());
    c.closeDetail = o.value(QStringLiteral("closeDetail")).toString();
    c.framesIn = quint64(number(o, "framesIn"));
    c.framesOut = quint64(number(o, "framesOut"));
    c.bytesIn = quint64(number(o, "bytesIn"));
    c.bytesOut = quint64(number(o, "bytesOut"));
    c.pendingAcks = int(std::min<qint64>(number(o, "pendingAcks"), INT_MAX));
    c.queuedBytes = number(o, "queuedBytes");
    return c;
}

QJsonObject MonitorSnapshotJson::toJson(const BrokerSnapshot &s) {
    QJsonObject counters;
    for (const CounterField &f : counterFields)
        counters.insert(QLatin1StringView(f.name), double(s.counters.*f.field));
    QJsonObject closes;
    for (int r = 1; r < CloseReasonCount; ++r) {
        if (const quint64 n = s.counters.closesByReason[size_t(r)]; n != 0)
            closes.insert(FrameLogFile::closeReasonName(CloseReason(r)), double(n));
    }
    counters.insert(QStringLiteral("closesByReason"), closes);
    return {
        {QStringLiteral("timeMs"), double(s.timeMs)},
        {QStringLiteral("session"), QString::number(s.session, 16)},
        {QStringLiteral("startedAtMs"), double(s.startedAtMs)},
        {QStringLiteral("url"), s.url.toString()},
        {QStringLiteral("pendingAcks"), s.pendingAcks},
        {QStringLiteral("counters"), counters},
        {QStringLiteral("connections"), connectionsToJson(s.connections)},
        {QStringLiteral("recentlyClosed"), connectionsToJson(s.recentlyClosed)},
    };
}

BrokerSnapshot MonitorSnapshotJson::fromJson(const QJsonObject &o) {
    BrokerSnapshot s;
    s.timeMs = number(o, "timeMs");
    s.session = o.value(QStringLiteral("session")).toString().toULongLong(nullptr, 16);
    s.startedAtMs = number(o, "startedAtMs");
    s.url = QUrl(o.value(QStringLiteral("url")).toString());
    s.pendingAcks = int(std::min<qint64>(number(o, "pendingAcks"), INT_MAX));
    const QJsonObject counters = o.value(QStringLiteral("counters")).toObject();
    for (const CounterField &f : counterFields)
        s.counters.*f.field = quint64(number(counters, f.name));
    const QJsonObject closes = counters.value(QStringLiteral("closesByReason")).toObject();
    for (auto it = closes.begin(); it != closes.end(); ++it) {
        if (const CloseReason r = closeReasonFrom(it.key()); r != CloseReason::None)
            s.counters.closesByReason[size_t(r)] =
                quint64(FrameLogValues::countFromJson(it.value()));
    }
    s.connections = connectionsFromJson(o.value(QStringLiteral("connections")));
    s.recentlyClosed = connectionsFromJson(o.value(QStringLiteral("recentlyClosed")));
    return s;
}

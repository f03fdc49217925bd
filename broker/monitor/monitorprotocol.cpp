#include "monitorprotocol.h"

#include "framelogfile.h"
#include "monitorsnapshotjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonObject message(const char *type) {
    return {{QStringLiteral("v"), MonitorProtocol::Version},
            {QStringLiteral("type"), QLatin1StringView(type)}};
}

QByteArray text(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

quint64 MonitorProtocol::fromHex(const QJsonValue &value) {
    return value.toString().toULongLong(nullptr, 16);
}

QByteArray MonitorProtocol::hello(bool control, quint64 session, const QUrl &brokerUrl,
                                  int backlog) {
    QJsonObject o = message("hello");
    o.insert(QStringLiteral("role"), control ? QStringLiteral("control") : QStringLiteral("read"));
    o.insert(QStringLiteral("session"), hex(session));
    o.insert(QStringLiteral("broker"), brokerUrl.toString());
    o.insert(QStringLiteral("backlog"), backlog);
    o.insert(QStringLiteral("server"), QStringLiteral("wsmsgbroker/" WSMSGBROKER_VERSION));
    return text(o);
}

QByteArray MonitorProtocol::snapshot(const BrokerSnapshot &snapshot) {
    QJsonObject o = message("snapshot");
    o.insert(QStringLiteral("snapshot"), MonitorSnapshotJson::toJson(snapshot));
    return text(o);
}

QByteArray MonitorProtocol::events(const BrokerEventList &events, quint64 firstSequence) {
    QJsonArray array;
    for (const BrokerEvent &e : events)
        array.append(FrameLogFile::toJsonObject(e));
    QJsonObject o = message("events");
    o.insert(QStringLiteral("first"), hex(firstSequence));
    o.insert(QStringLiteral("events"), array);
    return text(o);
}

QByteArray MonitorProtocol::dropped(quint64 count) {
    QJsonObject o = message("dropped");
    o.insert(QStringLiteral("count"), double(count));
    return text(o);
}

QByteArray MonitorProtocol::rules(const QByteArray &rulesJson) {
    QJsonObject o = message("rules");
    o.insert(QStringLiteral("rules"), QJsonDocument::fromJson(rulesJson).array());
    return text(o);
}

QByteArray MonitorProtocol::ok(const QString &request, const QJsonObject &extra) {
    QJsonObject o = extra;
    o.insert(QStringLiteral("v"), Version);
    o.insert(QStringLiteral("type"), QStringLiteral("ok"));
    o.insert(QStringLiteral("request"), request);
    return text(o);
}

QByteArray MonitorProtocol::error(const QString &request, const QString &message) {
    QJsonObject o = ::message("error");
    if (!request.isEmpty())
        o.insert(QStringLiteral("request"), request);
    o.insert(QStringLiteral("message"), message);
    return text(o);
}

QByteArray MonitorProtocol::disconnect(quint64 connectionId) {
    QJsonObject o = message("disconnect");
    o.insert(QStringLiteral("connection"), double(connectionId));
    return text(o);
}

QByteArray MonitorProtocol::setRules(const QByteArray &rulesJson) {
    QJsonObject o = message("setRules");
    o.insert(QStringLiteral("rules"), QJsonDocument::fromJson(rulesJson).array());
    return text(o);
}

bool MonitorProtocol::read(const QByteArray &text, QString *type, QJsonObject *object,
                           QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("not a JSON object");
        return false;
    }
    *object = document.object();
    const int version = object->value(QStringLiteral("v")).toInt();
    if (version != Version) {
        *error = tr("protocol version %1, this program speaks %2").arg(version).arg(Version);
        return false;
    }
    *type = object->value(QStringLiteral("type")).toString();
    if (type->isEmpty()) {
        *error = tr("a message without a type");
        return false;
    }
    return true;
}

BrokerSnapshot MonitorProtocol::snapshotFrom(const QJsonObject &message) {
    return MonitorSnapshotJson::fromJson(message.value(QStringLiteral("snapshot")).toObject());
}

BrokerEventList MonitorProtocol::eventsFrom(const QJsonObject &message, quint64 *firstSequence) {
    *firstSequence = fromHex(message.value(QStringLiteral("first")));
    const QJsonArray array = message.value(QStringLiteral("events")).toArray();
    BrokerEventList events;
    events.reserve(array.size());
    for (const QJsonValue &value : array)
        events.append(FrameLogFile::fromJsonObject(value.toObject()));
    return events;
}

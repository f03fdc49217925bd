#pragma once

#include "brokerevent.h"
#include "brokersnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QUrl>

// The monitor protocol, version 1 (docs/monitor-protocol.md): JSON text messages, each an
// object with "v" (the version) and "type". The broker side (MonitorHub) writes hello,
// snapshot, rules, events, dropped, ok and error; a monitor (RemoteBroker) sends disconnect and
// setRules. Events are the objects of the JSON Lines log (FrameLogFile), so a monitor sees
// exactly what a saved log holds.
class MonitorProtocol {
    Q_DECLARE_TR_FUNCTIONS(MonitorProtocol)
public:
    static constexpr int Version = 1;

    // Messages from the broker.
    static QByteArray hello(bool control, quint64 session, const QUrl &brokerUrl, int backlog);
    static QByteArray snapshot(const BrokerSnapshot &snapshot);
    // firstSequence: the hub's number of the first event (events are numbered one by one,
    // dropped ones included), so that a monitor that reconnects can skip what it already has.
    static QByteArray events(const BrokerEventList &events, quint64 firstSequence);
    static QByteArray dropped(quint64 count);
    // The traffic rules in force (a rules file's array), at the start and when they change.
    static QByteArray rules(const QByteArray &rulesJson);
    static QByteArray ok(const QString &request, const QJsonObject &extra = {});
    static QByteArray error(const QString &request, const QString &message);

    // Messages from a monitor.
    static QByteArray disconnect(quint64 connectionId);
    static QByteArray setRules(const QByteArray &rulesJson);

    // One message read: its type, and the object; false with a one-line error when it is not
    // a message of this version.
    static bool read(const QByteArray &text, QString *type, QJsonObject *object, QString *error);
    static BrokerSnapshot snapshotFrom(const QJsonObject &message);
    static BrokerEventList eventsFrom(const QJsonObject &message, quint64 *firstSequence);
    // A 64-bit number as the protocol writes it (hex text: JSON numbers hold 53 bits).
    static QString hex(quint64 value) { return QString::number(value, 16); }
    static quint64 fromHex(const QJsonValue &value);
};

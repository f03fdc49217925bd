#pragma once

#include "brokersnapshot.h"

#include <QJsonObject>

// A BrokerSnapshot as the monitor protocol's "snapshot" object, and back: every field, counters
// by name (closes by the reason names of the JSON Lines log), 64-bit numbers as hex text.
class MonitorSnapshotJson {
public:
    static QJsonObject toJson(const BrokerSnapshot &snapshot);
    static BrokerSnapshot fromJson(const QJsonObject &object);
    static QJsonObject toJson(const ConnectionInfo &connection);
    static ConnectionInfo connectionFromJson(const QJsonObject &object);
};

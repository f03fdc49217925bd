#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

class ClientConnection;

// A URL path and the clients in it. Ids are unique within a room only.
struct Room {
    explicit Room(QString roomName)
        : name(std::move(roomName))
        , key(name.toUtf8()) {}

    QString name;                                  // "/" for the empty path
    QByteArray key;                                // name in UTF-8, prefix of ack keys
    QHash<QByteArray, ClientConnection *> clients; // registered id -> its connection
    int connectionCount = 0;                       // registered or not
};

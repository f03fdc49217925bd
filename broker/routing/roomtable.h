#pragma once

#include "room.h"

#include <map>
#include <memory>

// The rooms that have connections. A room exists from its first connection to the end of its
// last one, registered or not.
class RoomTable {
public:
    // The room called name, made when it is new (then *created is true); counts a connection in.
    Room *join(const QString &name, bool *created);
    // Counts a connection out; the last one out removes the room (and returns true).
    bool leave(Room *room);
    int size() const { return int(m_rooms.size()); }
    // Calls visit(const Room &) for every room, in name order (a metrics scrape).
    template <typename Visit> void forEach(Visit visit) const {
        for (const auto &[name, room] : m_rooms)
            visit(*room);
    }

private:
    std::map<QString, std::unique_ptr<Room>> m_rooms;
};

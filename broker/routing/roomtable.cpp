#include "roomtable.h"

Room *RoomTable::join(const QString &name, bool *created) {
    auto it = m_rooms.find(name);
    *created = it == m_rooms.end();
    if (*created)
        it = m_rooms.emplace(name, std::make_unique<Room>(name)).first;
    ++it->second->connectionCount;
    return it->second.get();
}

bool RoomTable::leave(Room *room) {
    if (--room->connectionCount > 0)
        return false;
    m_rooms.erase(room->name);
    return true;
}

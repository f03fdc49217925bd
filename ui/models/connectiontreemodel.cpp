#include "connectiontreemodel.h"

#include <QMap>

#include <algorithm>
#include <climits>

namespace {

bool byConnectionId(const ConnectionInfo &a, const ConnectionInfo &b) {
    return a.connectionId < b.connectionId;
}

} // namespace

ConnectionTreeModel::ConnectionTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

ConnectionTreeModel::~ConnectionTreeModel() = default;

ConnectionTreeModel::Room *ConnectionTreeModel::roomOf(const QModelIndex &index) const {
    // Connection rows carry their room; room rows carry nothing.
    return static_cast<Room *>(index.internalPointer());
}

QModelIndex ConnectionTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    if (!parent.isValid()) {
        if (row >= int(m_rooms.size()))
            return QModelIndex();
        return createIndex(row, column, nullptr);
    }
    if (roomOf(parent) || parent.column() != 0 || parent.row() >= int(m_rooms.size()))
        return QModelIndex();
    Room *room = m_rooms[size_t(parent.row())].get();
    if (row >= room->connections.size())
        return QModelIndex();
    return createIndex(row, column, room);
}

QModelIndex ConnectionTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return QModelIndex();
    const Room *room = roomOf(child);
    if (!room)
        return QModelIndex();
    return createIndex(room->row, 0, nullptr);
}

int ConnectionTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return int(m_rooms.size());
    if (roomOf(parent) || parent.column() != 0)
        return 0;
    return int(m_rooms[size_t(parent.row())]->connections.size());
}

int ConnectionTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QModelIndex ConnectionTreeModel::indexOfRoom(const QString &room, int column) const {
    for (const auto &r : m_rooms) {
        if (r->name == room)
            return createIndex(r->row, column, nullptr);
    }
    return QModelIndex();
}

QModelIndex ConnectionTreeModel::indexOfConnection(quint64 connectionId, int column) const {
    Room *room = m_roomOfConnection.value(connectionId);
    if (!room)
        return QModelIndex();
    ConnectionInfo key;
    key.connectionId = connectionId;
    const auto it =
        std::lower_bound(room->connections.cbegin(), room->connections.cend(), key, byConnectionId);
    if (it == room->connections.cend() || it->connectionId != connectionId)
        return QModelIndex();
    return createIndex(int(it - room->connections.cbegin()), column, room);
}

const ConnectionInfo *ConnectionTreeModel::connectionAt(const QModelIndex &index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    const Room *room = roomOf(index);
    return room ? &room->connections.at(index.row()) : nullptr;
}

void ConnectionTreeModel::renumberRooms(int from) {
    for (size_t i = size_t(from); i < m_rooms.size(); ++i)
        m_rooms[i]->row = int(i);
}

void ConnectionTreeModel::removeRooms(int first, int last) {
    beginRemoveRows(QModelIndex(), first, last);
    for (int r = first; r <= last; ++r) {
        for (const ConnectionInfo &c : std::as_const(m_rooms[size_t(r)]->connections))
            m_roomOfConnection.remove(c.connectionId);
    }
    m_rooms.erase(m_rooms.begin() + first, m_rooms.begin() + last + 1);
    renumberRooms(first);
    endRemoveRows();
}

ConnectionTreeModel::Totals
ConnectionTreeModel::totalsOf(const QList<ConnectionInfo> &connections) {
    Totals t;
    for (const ConnectionInfo &c : connections) {
        if (!c.clientId.isEmpty())
            ++t.registered;
        t.framesIn += c.framesIn;
        t.framesOut += c.framesOut;
        t.bytesIn += c.bytesIn;
        t.bytesOut += c.bytesOut;
        t.pendingAcks += c.pendingAcks;
        t.queuedBytes += c.queuedBytes;
    }
    return t;
}

bool ConnectionTreeModel::sameCounters(const ConnectionInfo &a, const ConnectionInfo &b) {
    return a.clientId == b.clientId && a.remoteAddress == b.remoteAddress &&
           a.remotePort == b.remotePort && a.connectedAtMs == b.connectedAtMs &&
           a.framesIn == b.framesIn && a.framesOut == b.framesOut && a.bytesIn == b.bytesIn &&
           a.bytesOut == b.bytesOut && a.pendingAcks == b.pendingAcks &&
           a.queuedBytes == b.queuedBytes;
}

void ConnectionTreeModel::applySnapshot(const BrokerSnapshot &snapshot) {
    // Another broker run numbers its connections from 1 again: none of ours is one of them
    // (normally the previous run's last snapshot already emptied the tree).
    if (snapshot.session != m_session) {
        m_session = snapshot.session;
        if (m_violationsSession != m_session)
            m_violations.clear();
        if (!m_rooms.empty())
            clear();
    }
    const bool timeChanged = snapshot.timeMs != m_timeMs;
    m_timeMs = snapshot.timeMs;

    // Group by room, in the order the tree keeps: rooms by name, connections by id.
    QMap<QString, QList<ConnectionInfo>> incoming;
    for (const ConnectionInfo &c : snapshot.connections)
        incoming[c.room].append(c);
    for (auto &list : incoming) {
        if (!std::is_sorted(list.cbegin(), list.cend(), byConnectionId))
            std::stable_sort(list.begin(), list.end(), byConnectionId);
    }

    // Rooms that emptied leave, in runs from the back so that earlier rows stay put.
    for (int last = int(m_rooms.size()) - 1; last >= 0;) {
        if (incoming.contains(m_rooms[size_t(last)]->name)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incoming.contains(m_rooms[size_t(first - 1)]->name))
            --first;
        removeRooms(first, last);
        last = first - 1;
    }

    for (const auto &room : m_rooms)
        updateRoom(*room, incoming.value(room->name), timeChanged);

    // New rooms join in name order, a run of neighbours at a time.
    int row = 0;
    for (auto it = incoming.cbegin(); it != incoming.cend();) {
        if (row < int(m_rooms.size()) && m_rooms[size_t(row)]->name == it.key()) {
            ++row;
            ++it;
            continue;
        }
        auto runEnd = it;
        int count = 0;
        while (runEnd != incoming.cend() &&
               (row >= int(m_rooms.size()) || runEnd.key() < m_rooms[size_t(row)]->name)) {
            ++runEnd;
            ++count;
        }
        beginInsertRows(QModelIndex(), row, row + count - 1);
        for (int i = 0; i < count; ++i, ++it) {
            auto room = std::make_unique<Room>();
            room->name = it.key();
            room->connections = it.value();
            room->totals = totalsOf(room->connections);
            for (const ConnectionInfo &c : std::as_const(room->connections))
                m_roomOfConnection.insert(c.connectionId, room.get());
            m_rooms.insert(m_rooms.begin() + row + i, std::move(room));
        }
        renumberRooms(row);
        endInsertRows();
        row += count;
    }
}

void ConnectionTreeModel::updateRoom(Room &room, const QList<ConnectionInfo> &incoming,
                                     bool timeChanged) {
    const QModelIndex parent = createIndex(room.row, 0, nullptr);
    QList<ConnectionInfo> &rows = room.connections;
    const int oldCount = int(rows.size());

    // Connections that closed leave, in runs from the back.
    const auto isGone = [&incoming](const ConnectionInfo &c) {
        return !std::binary_search(incoming.cbegin(), incoming.cend(), c, byConnectionId);
    };
    for (int last = int(rows.size()) - 1; last >= 0;) {
        if (!isGone(rows.at(last))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && isGone(rows.at(first - 1)))
            --first;
        beginRemoveRows(parent, first, last);
        for (int i = first; i <= last; ++i)
            m_roomOfConnection.remove(rows.at(i).connectionId);
        rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // What is left is a subsequence of incoming: walk both, inserting runs of newcomers and
    // updating the rest in place.
    int changedFirst = -1;
    int changedLast = -1;
    for (int j = 0; j < incoming.size();) {
        if (j < rows.size() && rows.at(j).connectionId == incoming.at(j).connectionId) {
            if (timeChanged || !sameCounters(rows.at(j), incoming.at(j))) {
                rows[j] = incoming.at(j);
                if (changedFirst < 0)
                    changedFirst = j;
                changedLast = j;
            }
            ++j;
            continue;
        }
        int end = j;
        while (end < incoming.size() &&
               (j >= rows.size() || incoming.at(end).connectionId < rows.at(j).connectionId))
            ++end;
        beginInsertRows(parent, j, end - 1);
        for (int i = j; i < end; ++i) {
            rows.insert(i, incoming.at(i));
            m_roomOfConnection.insert(incoming.at(i).connectionId, &room);
        }
        endInsertRows();
        j = end;
    }
    if (changedLast >= 0)
        Q_EMIT dataChanged(index(changedFirst, 0, parent),
                           index(changedLast, ColumnCount - 1, parent));

    const Totals totals = totalsOf(rows);
    if (!(totals == room.totals) || oldCount != rows.size()) {
        room.totals = totals;
        Q_EMIT dataChanged(parent, index(room.row, ColumnCount - 1));
    }
}

void ConnectionTreeModel::addContractViolations(const ContractViolationList &violations) {
    QList<quint64> changed;
    for (const ContractViolation &v : violations) {
        // Violations may come before the run's first snapshot; a newer run's replace them.
        if (v.session != m_violationsSession) {
            m_violations.clear();
            m_violationsSession = v.session;
        }
        ++m_violations[v.connectionId];
        if (!changed.contains(v.connectionId))
            changed.append(v.connectionId);
    }
    for (const quint64 id : changed) {
        const QModelIndex index = indexOfConnection(id);
        if (index.isValid())
            emit dataChanged(index, index,
                             {Qt::DisplayRole, Qt::ToolTipRole, ContractViolationsRole});
    }
}

void ConnectionTreeModel::clearContractViolations() {
    const QList<quint64> ids = m_violations.keys();
    m_violations.clear();
    for (const quint64 id : ids) {
        const QModelIndex index = indexOfConnection(id);
        if (index.isValid())
            emit dataChanged(index, index,
                             {Qt::DisplayRole, Qt::ToolTipRole, ContractViolationsRole});
    }
}

void ConnectionTreeModel::clear() {
    beginResetModel();
    m_rooms.clear();
    m_roomOfConnection.clear();
    endResetModel();
}

// ConnectionTreeModel's cells: what the tree shows for a room and a connection (text, counters,
// tooltips, colours) and the header. The structure and the snapshots are connectiontreemodel.cpp's.
#include "connectiontreemodel.h"

#include "displaytext.h"
#include "rowpalette.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>

namespace {

bool isNumberColumn(int column) {
    return column >= ConnectionTreeModel::FramesInColumn;
}

QString bytesText(qint64 bytes) {
    // Qt's own "%1 bytes" below 1 KiB is not translated in every language: say it ourselves.
    if (bytes < 1024)
        return QCoreApplication::translate("ConnectionTreeModel", "%1 bytes").arg(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

QVariant ConnectionTreeModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    if (const Room *room = roomOf(index))
        return connectionData(*room, room->connections.at(index.row()), index.column(), role);
    return roomData(*m_rooms[size_t(index.row())], index.column(), role);
}

QVariant ConnectionTreeModel::roomData(const Room &room, int column, int role) const {
    const Totals &t = room.totals;
    const int connections = int(room.connections.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return tr("%1 (%2)", "room name and its number of connections")
                .arg(DisplayText::roomLabel(room.name))
                .arg(connections);
        case FramesInColumn:
            return qulonglong(t.framesIn);
        case FramesOutColumn:
            return qulonglong(t.framesOut);
        case BytesInColumn:
            return bytesText(qint64(t.bytesIn));
        case BytesOutColumn:
            return bytesText(qint64(t.bytesOut));
        case PendingAcksColumn:
            return t.pendingAcks;
        case QueuedBytesColumn:
            return bytesText(t.queuedBytes);
        }
        return QVariant();
    case Qt::ToolTipRole:
        if (column == IdColumn)
            return tr("Room %1: %n connection(s)", nullptr, connections)
                       .arg(DisplayText::roomName(room.name)) +
                   QLatin1Char('\n') + tr("%n registered", nullptr, t.registered);
        return QVariant();
    case Qt::FontRole: {
        if (column != IdColumn)
            return QVariant();
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        if (isNumberColumn(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case RoomNameRole:
        return room.name;
    case IsRoomRole:
        return true;
    case SortRole:
        switch (column) {
        case IdColumn:
            return room.name;
        case FramesInColumn:
            return qulonglong(t.framesIn);
        case FramesOutColumn:
            return qulonglong(t.framesOut);
        case BytesInColumn:
            return qulonglong(t.bytesIn);
        case BytesOutColumn:
            return qulonglong(t.bytesOut);
        case PendingAcksColumn:
            return t.pendingAcks;
        case QueuedBytesColumn:
            return t.queuedBytes;
        }
        return QVariant();
    }
    return QVariant();
}

QVariant ConnectionTreeModel::connectionData(const Room &room, const ConnectionInfo &c, int column,
                                             int role) const {
    const quint64 violations = m_violations.value(c.connectionId);
    if (role == ContractViolationsRole)
        return qulonglong(violations);
    // The violation count, when there is one, follows the id and ends its tooltip.
    if (violations > 0 && column == IdColumn && role == Qt::DisplayRole)
        return tr("%1  ⚠ %2", "client and its number of contract violations")
            .arg(connectionCounters(room, c, column, role).toString())
            .arg(violations);
    if (violations > 0 && column == IdColumn && role == Qt::ToolTipRole)
        return connectionCounters(room, c, column, role).toString() + QLatin1Char('\n') +
               tr("%n contract violation(s)", nullptr, int(std::min<quint64>(violations, INT_MAX)));
    return connectionCounters(room, c, column, role);
}

QVariant ConnectionTreeModel::connectionCounters(const Room &room, const ConnectionInfo &c,
                                                 int column, int role) const {
    const bool registered = !c.clientId.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return registered ? DisplayText::clientLabel(c.clientId, c.connectionId)
                              : tr("(unregistered)");
        case RemoteColumn:
            return DisplayText::remoteAddress(c.remoteAddress, c.remotePort);
        case ConnectedForColumn:
            return DisplayText::duration(m_timeMs - c.connectedAtMs);
        case FramesInColumn:
            return qulonglong(c.framesIn);
        case FramesOutColumn:
            return qulonglong(c.framesOut);
        case BytesInColumn:
            return bytesText(qint64(c.bytesIn));
        case BytesOutColumn:
            return bytesText(qint64(c.bytesOut));
        case PendingAcksColumn:
            return c.pendingAcks;
        case QueuedBytesColumn:
            return bytesText(c.queuedBytes);
        }
        return QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case IdColumn:
            if (registered) // the node is elided: the whole id here
                return tr("%1\nConnection %2 in room %3, connected at %4")
                    .arg(DisplayText::clientName(c.clientId, c.connectionId))
                    .arg(c.connectionId)
                    .arg(DisplayText::roomName(room.name), DisplayText::dateTime(c.connectedAtMs));
            Q_FALLTHROUGH();
        case RemoteColumn:
        case ConnectedForColumn:
            return tr("Connection %1 in room %2, connected at %3")
                .arg(c.connectionId)
                .arg(DisplayText::roomName(room.name), DisplayText::dateTime(c.connectedAtMs));
        case BytesInColumn:
            return tr("%1 bytes").arg(QLocale().toString(c.bytesIn));
        case BytesOutColumn:
            return tr("%1 bytes").arg(QLocale().toString(c.bytesOut));
        case QueuedBytesColumn:
            return tr("%1 bytes").arg(QLocale().toString(c.queuedBytes));
        }
        return QVariant();
    case Qt::FontRole:
        if (column == IdColumn && !registered) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    case Qt::ForegroundRole:
        if (column == IdColumn && !registered)
            return RowPalette::dimmedText(RowPalette::applicationPalette());
        return QVariant();
    case Qt::TextAlignmentRole:
        if (isNumberColumn(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case ConnectionIdRole:
        return qulonglong(c.connectionId);
    case RoomNameRole:
        return room.name;
    case ClientIdRole:
        return QString::fromUtf8(c.clientId);
    case IsRoomRole:
        return false;
    case SortRole:
        switch (column) {
        case IdColumn:
            return registered ? QString::fromUtf8(c.clientId) : QString();
        case RemoteColumn:
            return DisplayText::remoteAddress(c.remoteAddress, c.remotePort);
        case ConnectedForColumn:
            return m_timeMs - c.connectedAtMs;
        case FramesInColumn:
            return qulonglong(c.framesIn);
        case FramesOutColumn:
            return qulonglong(c.framesOut);
        case BytesInColumn:
            return qulonglong(c.bytesIn);
        case BytesOutColumn:
            return qulonglong(c.bytesOut);
        case PendingAcksColumn:
            return c.pendingAcks;
        case QueuedBytesColumn:
            return c.queuedBytes;
        }
        return QVariant();
    }
    return QVariant();
}

QVariant ConnectionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case RemoteColumn:
        return tr("Remote address");
    case ConnectedForColumn:
        return tr("Connected for");
    case FramesInColumn:
        return tr("Frames in");
    case FramesOutColumn:
        return tr("Frames out");
    case BytesInColumn:
        return tr("Bytes in");
    case BytesOutColumn:
        return tr("Bytes out");
    case PendingAcksColumn:
        return tr("Pending acks");
    case QueuedBytesColumn:
        return tr("Queued");
    }
    return QVariant();
}

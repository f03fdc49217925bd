#include "recentlyclosedmodel.h"

#include "displaytext.h"
#include "rowpalette.h"

#include <algorithm>

RecentlyClosedModel::RecentlyClosedModel(QObject *parent)
    : QAbstractTableModel(parent) {}

RecentlyClosedModel::~RecentlyClosedModel() = default;

int RecentlyClosedModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecentlyClosedModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool RecentlyClosedModel::sameConnection(const ConnectionInfo &a, const ConnectionInfo &b) {
    // Connection ids start again when the broker restarts; the connect time tells them apart.
    return a.connectionId == b.connectionId && a.connectedAtMs == b.connectedAtMs;
}

void RecentlyClosedModel::applySnapshot(const BrokerSnapshot &snapshot) {
    QList<ConnectionInfo> incoming(snapshot.recentlyClosed.crbegin(),
                                   snapshot.recentlyClosed.crend());
    if (m_rows.isEmpty() || incoming.isEmpty()) {
        replaceAll(std::move(incoming));
        return;
    }
    // The newest row we show is somewhere in the new list; what precedes it is new.
    const auto found =
        std::find_if(incoming.cbegin(), incoming.cend(),
                     [this](const ConnectionInfo &c) { return sameConnection(c, m_rows.first()); });
    const int added = int(found - incoming.cbegin());
    const int kept = int(incoming.size()) - added;
    bool consistent = found != incoming.cend() && kept <= m_rows.size();
    for (int i = 0; consistent && i < kept; ++i)
        consistent = sameConnection(incoming.at(added + i), m_rows.at(i));
    if (!consistent) {
        replaceAll(std::move(incoming));
        return;
    }
    if (kept < m_rows.size()) {
        beginRemoveRows(QModelIndex(), kept, int(m_rows.size()) - 1);
        m_rows.resize(kept);
        endRemoveRows();
    }
    if (added > 0) {
        beginInsertRows(QModelIndex(), 0, added - 1);
        m_rows = incoming.first(added) + m_rows;
        endInsertRows();
    }
}

void RecentlyClosedModel::replaceAll(QList<ConnectionInfo> rows) {
    if (m_rows.isEmpty() && rows.isEmpty())
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void RecentlyClosedModel::clear() {
    replaceAll({});
}

QVariant RecentlyClosedModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ConnectionInfo &c = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ClientColumn:
            return DisplayText::clientName(c.clientId, c.connectionId);
        case RoomColumn:
            return DisplayText::roomName(c.room);
        case RemoteColumn:
            return DisplayText::remoteAddress(c.remoteAddress, c.remotePort);
        case ConnectedAtColumn:
            return DisplayText::time(c.connectedAtMs);
        case ClosedAtColumn:
            return DisplayText::time(c.closedAtMs);
        case ReasonColumn:
            return DisplayText::closeReason(c.closeReason);
        case DetailColumn:
            return c.closeDetail;
        }
        return QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case ClientColumn:
            return tr("Connection %1").arg(c.connectionId);
        case ConnectedAtColumn:
            return DisplayText::dateTime(c.connectedAtMs);
        case ClosedAtColumn:
            return tr("%1, after %2")
                .arg(DisplayText::dateTime(c.closedAtMs),
                     DisplayText::duration(c.closedAtMs - c.connectedAtMs));
        case DetailColumn:
            return c.closeDetail;
        }
        return QVariant();
    case Qt::BackgroundRole:
        if (isAbnormalClose(c.closeReason))
            return RowPalette::problemBackground(RowPalette::applicationPalette());
        return QVariant();
    case ConnectionIdRole:
        return qulonglong(c.connectionId);
    case RoomNameRole:
        return c.room;
    case ClientIdRole:
        return QString::fromUtf8(c.clientId);
    case CloseReasonRole:
        return int(c.closeReason);
    case IsProblemRole:
        return isAbnormalClose(c.closeReason);
    case SortRole:
        switch (column) {
        case ConnectedAtColumn:
            return c.connectedAtMs;
        case ClosedAtColumn:
            return c.closedAtMs;
        case ReasonColumn:
            return int(c.closeReason);
        }
        return data(index, Qt::DisplayRole);
    }
    return QVariant();
}

QVariant RecentlyClosedModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ClientColumn:
        return tr("Client");
    case RoomColumn:
        return tr("Room");
    case RemoteColumn:
        return tr("Remote address");
    case ConnectedAtColumn:
        return tr("Connected at");
    case ClosedAtColumn:
        return tr("Closed at");
    case ReasonColumn:
        return tr("Reason");
    case DetailColumn:
        return tr("Detail");
    }
    return QVariant();
}

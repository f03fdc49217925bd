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
    // Connection ids start again when the broker restarts; the session (or, from a broker that
    // names none, the connect time) tells them apart.
    return a.session == b.session && a.connectionId == b.connectionId &&
           a.connectedAtMs == b.connectedAtMs;
}

void RecentlyClosedModel::applySnapshot(const BrokerSnapshot &snapshot) {
    if (snapshot.session != m_session)
        startRun(snapshot);
    QList<ConnectionInfo> incoming(snapshot.recentlyClosed.crbegin(),
                                   snapshot.recentlyClosed.crend());
    if (m_currentRows == 0 || incoming.isEmpty()) {
        replaceCurrent(std::move(incoming));
        return;
    }
    // The newest row we show is somewhere in the new list; what precedes it is new.
    const auto found =
        std::find_if(incoming.cbegin(), incoming.cend(),
                     [this](const ConnectionInfo &c) { return sameConnection(c, m_rows.first()); });
    const int added = int(found - incoming.cbegin());
    const int kept = int(incoming.size()) - added;
    bool consistent = found != incoming.cend() && kept <= m_currentRows;
    for (int i = 0; consistent && i < kept; ++i)
        consistent = sameConnection(incoming.at(added + i), m_rows.at(i));
    if (!consistent) {
        replaceCurrent(std::move(incoming));
        return;
    }
    if (kept < m_currentRows) {
        beginRemoveRows(QModelIndex(), kept, m_currentRows - 1);
        m_rows.remove(kept, m_currentRows - kept);
        m_currentRows = kept;
        endRemoveRows();
    }
    if (added > 0) {
        beginInsertRows(QModelIndex(), 0, added - 1);
        m_rows = incoming.first(added) + m_rows;
        m_currentRows += added;
        endInsertRows();
    }
}

void RecentlyClosedModel::startRun(const BrokerSnapshot &snapshot) {
    // What the previous run closed (its last snapshot came before this one) becomes history.
    m_session = snapshot.session;
    m_currentRows = 0;
    if (snapshot.session != 0)
        m_sessionUrls.insert(snapshot.session, snapshot.url.toString());
    if (m_rows.size() > EarlierRunsLimit) {
        beginRemoveRows(QModelIndex(), EarlierRunsLimit, int(m_rows.size()) - 1);
        m_rows.resize(EarlierRunsLimit);
        endRemoveRows();
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void RecentlyClosedModel::replaceCurrent(QList<ConnectionInfo> rows) {
    if (m_currentRows > 0) {
        beginRemoveRows(QModelIndex(), 0, m_currentRows - 1);
        m_rows.remove(0, m_currentRows);
        m_currentRows = 0;
        endRemoveRows();
    }
    if (!rows.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(rows.size()) - 1);
        m_currentRows = int(rows.size());
        m_rows = std::move(rows) + m_rows;
        endInsertRows();
    }
}

void RecentlyClosedModel::clear() {
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_currentRows = 0;
    endResetModel();
}

QVariant RecentlyClosedModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ConnectionInfo &c = m_rows.at(index.row());
    const int column = index.column();
    const bool earlierRun = index.row() >= m_currentRows;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ClientColumn:
            return DisplayText::clientLabel(c.clientId, c.connectionId);
        case RoomColumn:
            return DisplayText::roomLabel(c.room);
        case RemoteColumn:
            return DisplayText::remoteAddress(c.remoteAddress, c.remotePort);
        case ConnectedAtColumn:
            return DisplayText::time(c.connectedAtMs);
        case ClosedAtColumn:
            return DisplayText::time(c.closedAtMs);
        case ReasonColumn:
            return DisplayText::closeReason(c.closeReason);
        case DetailColumn:
            return DisplayText::visible(c.closeDetail);
        }
        return QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case ClientColumn:
            if (earlierRun && m_sessionUrls.contains(c.session))
                return tr("Connection %1, closed by an earlier run of the broker (%2)")
                    .arg(c.connectionId)
                    .arg(m_sessionUrls.value(c.session));
            if (earlierRun)
                return tr("Connection %1, closed by an earlier run of the broker")
                    .arg(c.connectionId);
            return tr("Connection %1").arg(c.connectionId);
        case ConnectedAtColumn:
            return DisplayText::dateTime(c.connectedAtMs);
        case ClosedAtColumn:
            return tr("%1, after %2")
                .arg(DisplayText::dateTime(c.closedAtMs),
                     DisplayText::duration(c.closedAtMs - c.connectedAtMs));
        case ReasonColumn:
        case DetailColumn:
            return c.closeDetail;
        }
        return QVariant();
    case Qt::BackgroundRole:
        if (isAbnormalClose(c.closeReason))
            return RowPalette::problemBackground(RowPalette::applicationPalette());
        return QVariant();
    case Qt::ForegroundRole:
        if (earlierRun)
            return RowPalette::dimmedText(RowPalette::applicationPalette());
        return QVariant();
    case IsEarlierRunRole:
        return earlierRun;
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

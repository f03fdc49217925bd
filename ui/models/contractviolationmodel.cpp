#include "contractviolationmodel.h"

#include "displaytext.h"

#include <algorithm>
#include <numeric>

namespace {

QString connectionKey(quint64 session, quint64 connectionId) {
    return QStringLiteral("%1/%2").arg(session).arg(connectionId);
}

} // namespace

int ContractViolationModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContractViolationModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContractViolationModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return row.example;
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RoomColumn:
        return row.room;
    case ActionColumn:
        return row.action;
    case PathColumn:
        return QStringLiteral("message") + row.path;
    case KeywordColumn:
        return row.keyword;
    case CountColumn:
        return QVariant::fromValue(row.count);
    }
    return {};
}

QVariant ContractViolationModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoomColumn:
        return tr("Room");
    case ActionColumn:
        return tr("Action");
    case PathColumn:
        return tr("Path");
    case KeywordColumn:
        return tr("Keyword");
    case CountColumn:
        return tr("Count");
    }
    return {};
}

void ContractViolationModel::addViolations(const ContractViolationList &violations) {
    if (violations.isEmpty())
        return;
    for (const ContractViolation &v : violations) {
        const QString key = v.room + QLatin1Char('\n') + v.action + QLatin1Char('\n') + v.path +
                            QLatin1Char('\n') + v.keyword;
        const auto found = m_rowOfKey.constFind(key);
        if (found == m_rowOfKey.constEnd()) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append({v.room, v.action, v.path, v.keyword, v.description, 1});
            m_rowOfKey.insert(key, row);
            endInsertRows();
        } else {
            ++m_rows[*found].count;
            const QModelIndex changed = index(*found, CountColumn);
            emit dataChanged(changed, changed, {Qt::DisplayRole});
        }
        ++m_byConnection[connectionKey(v.session, v.connectionId)];
    }
    m_total += quint64(violations.size());
    emit totalChanged(m_total);
}

void ContractViolationModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_rowOfKey.clear();
    m_byConnection.clear();
    m_total = 0;
    endResetModel();
    emit totalChanged(0);
}

quint64 ContractViolationModel::countForConnection(quint64 session, quint64 connectionId) const {
    return m_byConnection.value(connectionKey(session, connectionId));
}

QList<std::pair<QString, quint64>> ContractViolationModel::mostFrequent(int n) const {
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    // Ties keep the order first seen.
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_rows.at(a).count > m_rows.at(b).count; });
    QList<std::pair<QString, quint64>> top;
    for (int i = 0; i < std::min(n, int(order.size())); ++i) {
        const Row &row = m_rows.at(order.at(i));
        top.append({QStringLiteral("%1 %2 message%3 %4")
                        .arg(DisplayText::roomName(row.room), row.action, row.path, row.keyword),
                    row.count});
    }
    return top;
}

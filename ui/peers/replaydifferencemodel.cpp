#include "replaydifferencemodel.h"

#include <QStringList>

ReplayDifferenceModel::ReplayDifferenceModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ReplayDifferenceModel::clear() {
    beginResetModel();
    m_differences.clear();
    endResetModel();
}

void ReplayDifferenceModel::append(const ReplayComparer::Difference &difference) {
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_differences.append(difference);
    endInsertRows();
}

int ReplayDifferenceModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_differences.size());
}

int ReplayDifferenceModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplayDifferenceModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ReplayComparer::Difference &d = m_differences[index.row()];
    if (role == Qt::ToolTipRole)
        return ReplayComparer::describe(d);
    if (role != Qt::DisplayRole)
        return {};
    using Kind = ReplayComparer::Difference::Kind;
    switch (Column(index.column())) {
    case KindColumn:
        return d.kind == Kind::Differs   ? tr("Differs")
               : d.kind == Kind::Missing ? tr("Missing")
                                         : tr("Extra");
    case ClientColumn:
        return d.sent ? tr("%1 sent").arg(d.clientId) : tr("%1 received").arg(d.clientId);
    case FrameColumn:
        return d.index + 1;
    case AtColumn:
        return tr("%1 s").arg(double(d.atMs) / 1000.0, 0, 'f', 3);
    case ChangesColumn: {
        QStringList paths;
        for (const JsonDiff::Change &change : d.changes)
            paths << (change.path.isEmpty() ? tr("the frame") : change.path);
        return paths.join(QStringLiteral(", "));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReplayDifferenceModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KindColumn:
        return tr("Difference");
    case ClientColumn:
        return tr("Client");
    case FrameColumn:
        return tr("Frame");
    case AtColumn:
        return tr("In the Recording");
    case ChangesColumn:
        return tr("Paths");
    case ColumnCount:
        break;
    }
    return {};
}

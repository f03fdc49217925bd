#include "actioncountmodel.h"

#include "displaytext.h"

#include <QLocale>

ActionCountModel::ActionCountModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ActionCountModel::addEvents(const BrokerEventList &events) {
    // Few distinct actions: count into a small local table, then touch each row once.
    QList<Row> delta;
    for (const BrokerEvent &e : events) {
        if (e.kind != BrokerEvent::Kind::FrameIn && e.kind != BrokerEvent::Kind::FrameOut)
            continue;
        const QString action = DisplayText::actionName(e);
        auto it = std::find_if(delta.begin(), delta.end(),
                               [&](const Row &r) { return r.action == action; });
        if (it == delta.end())
            it = delta.insert(delta.end(), Row{action});
        (e.kind == BrokerEvent::Kind::FrameIn ? it->in : it->out) += 1;
    }
    for (const Row &d : delta) {
        auto it = std::find_if(m_rows.begin(), m_rows.end(),
                               [&](const Row &r) { return r.action == d.action; });
        if (it == m_rows.end()) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append(d);
            endInsertRows();
        } else {
            it->in += d.in;
            it->out += d.out;
            const int row = int(it - m_rows.begin());
            emit dataChanged(index(row, InColumn), index(row, OutColumn));
        }
    }
}

void ActionCountModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

quint64 ActionCountModel::count(const QString &action, bool incoming) const {
    for (const Row &r : m_rows) {
        if (r.action == action)
            return incoming ? r.in : r.out;
    }
    return 0;
}

int ActionCountModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActionCountModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionCountModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ActionColumn:
            return r.action;
        case InColumn:
            return QLocale().toString(r.in);
        case OutColumn:
            return QLocale().toString(r.out);
        }
    } else if (role == Qt::TextAlignmentRole && index.column() != ActionColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ActionCountModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ActionColumn:
        return tr("Action");
    case InColumn:
        return tr("Received");
    case OutColumn:
        return tr("Sent");
    }
    return {};
}

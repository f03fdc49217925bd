#include "actioncountmodel.h"

#include "displaytext.h"

#include <QLocale>

#include <array>

ActionCountModel::ActionCountModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ActionCountModel::addEvents(const BrokerEventList &events) {
    // Count by action number first: no text is made per event, only once per row.
    std::array<quint64, ActionSlots> in{};
    std::array<quint64, ActionSlots> out{};
    for (const BrokerEvent &e : events) {
        if (e.kind == BrokerEvent::Kind::FrameIn)
            ++in[slotOf(e)];
        else if (e.kind == BrokerEvent::Kind::FrameOut)
            ++out[slotOf(e)];
    }
    for (int slot = 0; slot < ActionSlots; ++slot) {
        if (in[slot] == 0 && out[slot] == 0)
            continue;
        auto it = std::find_if(m_rows.begin(), m_rows.end(),
                               [&](const Row &r) { return r.slot == slot; });
        if (it == m_rows.end()) {
            BrokerEvent sample;
            sample.kind = BrokerEvent::Kind::FrameIn;
            sample.binary = slot == BinarySlot;
            sample.action = sample.binary ? FrameAction::None : FrameAction(slot);
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append(Row{slot, DisplayText::actionName(sample), in[slot], out[slot]});
            endInsertRows();
        } else {
            it->in += in[slot];
            it->out += out[slot];
            const int row = int(it - m_rows.begin());
            emit dataChanged(index(row, InColumn), index(row, OutColumn));
        }
    }
}

int ActionCountModel::slotOf(const BrokerEvent &e) {
    return e.binary ? BinarySlot : int(e.action);
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

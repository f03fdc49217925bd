#include "pairedrowdelegate.h"

#include "ackpairing.h"
#include "framelogmodel.h"
#include "rowpalette.h"

#include <QAbstractItemView>

PairedRowDelegate::PairedRowDelegate(const FrameLogModel *log, QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_log(log)
    , m_view(view) {
    view->setItemDelegate(this);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PairedRowDelegate::setCurrent);
    // Serials are never reused, but a cleared log should not keep a stale set.
    connect(log, &QAbstractItemModel::modelReset, this, [this] { m_paired.clear(); });
}

void PairedRowDelegate::setCurrent(const QModelIndex &current) {
    QSet<quint64> paired;
    if (current.isValid()) {
        const int row = m_log->rowOfSerial(current.data(FrameLogModel::SerialRole).toULongLong());
        const AckPairing::Group group = AckPairing::find(*m_log, row);
        if (group.isValid()) {
            const QList<quint64> serials = group.serials();
            paired = QSet<quint64>(serials.cbegin(), serials.cend());
        }
    }
    if (paired == m_paired)
        return;
    m_paired = std::move(paired);
    m_view->viewport()->update();
}

void PairedRowDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    if (!m_paired.isEmpty() &&
        m_paired.contains(index.data(FrameLogModel::SerialRole).toULongLong()))
        option->backgroundBrush = RowPalette::pairedBackground(RowPalette::applicationPalette());
}

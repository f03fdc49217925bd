#include "heldframemodel.h"

#include "displaytext.h"
#include "rowpalette.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

HeldFrameModel::HeldFrameModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(new QTimer(this)) {
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this,
            [this] { setNow(QDateTime::currentMSecsSinceEpoch()); });
}

void HeldFrameModel::setNow(qint64 nowMs) {
    m_nowMs = nowMs;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, HeldForColumn), index(int(m_rows.size()) - 1, HeldForColumn),
                           {Qt::DisplayRole});
}

void HeldFrameModel::updateClock() {
    // A clock only while something waits: an idle window has no timer firing.
    if (m_rows.isEmpty())
        m_clock->stop();
    else if (!m_clock->isActive())
        m_clock->start();
}

HeldFrameModel::~HeldFrameModel() = default;

int HeldFrameModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HeldFrameModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeldFrameModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const HeldFrame &f = row.frame;
    if (role == TicketRole)
        return QVariant::fromValue<qulonglong>(f.ticket);
    if (role == RefusedRole)
        return row.refusal;
    if (role == Qt::BackgroundRole && !row.refusal.isEmpty())
        return QBrush(RowPalette::problemBackground(RowPalette::applicationPalette()));
    if (role == Qt::ToolTipRole && index.column() == SummaryColumn)
        return row.refusal.isEmpty()
                   ? DisplayText::visible(QString::fromUtf8(f.frame))
                   : tr("Release refused: %1").arg(DisplayText::visible(row.refusal));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case HeldAtColumn:
        return role == Qt::ToolTipRole ? DisplayText::dateTime(f.heldAtMs)
                                       : DisplayText::time(f.heldAtMs);
    case HeldForColumn:
        return DisplayText::duration(std::max<qint64>(0, m_nowMs - f.heldAtMs));
    case RuleColumn:
        return DisplayText::visible(f.rule);
    case RoomColumn:
        return DisplayText::roomLabel(f.room);
    case FromToColumn:
        // The sender is empty for the broker's own frames (registered, errors).
        return tr("%1 → %2").arg(f.senderId.isEmpty() ? tr("broker")
                                                      : DisplayText::clientLabel(f.senderId, 0),
                                 DisplayText::clientLabel(f.receiverId, f.connectionId));
    case ActionColumn:
        return f.action == FrameAction::None
                   ? tr("(other)")
                   : QString::fromLatin1(FrameCodec::actionName(f.action));
    case SizeColumn:
        return QLocale().formattedDataSize(f.frame.size());
    case SummaryColumn: {
        const QString text =
            DisplayText::visible(DisplayText::elided(QString::fromUtf8(f.frame), SummaryLength));
        return row.refusal.isEmpty()
                   ? text
                   : tr("refused: %1 · %2").arg(DisplayText::visible(row.refusal), text);
    }
    default:
        return {};
    }
}

QVariant HeldFrameModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HeldAtColumn:
        return tr("Held at");
    case HeldForColumn:
        return tr("Held for");
    case RuleColumn:
        return tr("Rule");
    case RoomColumn:
        return tr("Room");
    case FromToColumn:
        return tr("From → To");
    case ActionColumn:
        return tr("Action");
    case SizeColumn:
        return tr("Size");
    case SummaryColumn:
        return tr("Frame");
    default:
        return {};
    }
}

int HeldFrameModel::rowOfTicket(quint64 ticket) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).frame.ticket == ticket)
            return row;
    return -1;
}

void HeldFrameModel::addFrame(const HeldFrame &frame) {
    const int existing = rowOfTicket(frame.ticket);
    if (existing >= 0) {
        m_rows[existing] = Row{frame, {}};
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    const int row = int(m_rows.size());
    m_nowMs = std::max(m_nowMs, QDateTime::currentMSecsSinceEpoch());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.append(Row{frame, {}});
    endInsertRows();
    updateClock();
}

void HeldFrameModel::endFrame(quint64 ticket) {
    const int row = rowOfTicket(ticket);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    updateClock();
}

void HeldFrameModel::refuseRelease(quint64 ticket, const QString &error) {
    const int row = rowOfTicket(ticket);
    if (row < 0)
        return;
    m_rows[row].refusal = error;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void HeldFrameModel::clear() {
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    updateClock();
}

#include "framelogview.h"

#include "displaytext.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "logmatchhint.h"
#include "newframesindicator.h"
#include "pairedrowdelegate.h"
#include "selectionkeeper.h"
#include "tailfollower.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QStyle>

#include <algorithm>

FrameLogView::FrameLogView(FrameFilterProxyModel *proxy, FrameLogModel *log, QWidget *parent)
    : QTableView(parent)
    , m_proxy(proxy) {
    setModel(proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // More than one row: the details pane compares two selected frames.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    setShowGrid(false);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps millions of rows cheap.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    setColumnWidth(FrameLogModel::TimeColumn, charWidth * 13);
    setColumnWidth(FrameLogModel::RoomColumn, charWidth * 9);
    setColumnWidth(FrameLogModel::ClientColumn, charWidth * 12);
    // As wide as the longest direction and action in the window's language ("entrée",
    // "système", "salon supprimé"), with the direction's icon.
    const QFontMetrics fm = fontMetrics();
    const int iconWidth = style()->pixelMetric(QStyle::PM_SmallIconSize) + 8;
    const auto headerWidth = [proxy, &fm](int column) {
        return fm.horizontalAdvance(proxy->headerData(column, Qt::Horizontal).toString()) + 20;
    };
    int directionWidth = headerWidth(FrameLogModel::DirectionColumn);
    for (const char *direction : {"in", "out", "system"})
        directionWidth =
            std::max(directionWidth,
                     fm.horizontalAdvance(QCoreApplication::translate("FrameLogModel", direction)) +
                         iconWidth + charWidth * 2);
    setColumnWidth(FrameLogModel::DirectionColumn, directionWidth);
    // Room for "unregistered" and most system events; a long one ("identifiant libéré") is
    // elided rather than taking the summary's width in a small window.
    int actionWidth = std::max(headerWidth(FrameLogModel::ActionColumn), charWidth * 14);
    for (int kind = int(BrokerEvent::Kind::ConnectionOpened);
         kind <= int(BrokerEvent::Kind::RoomRemoved); ++kind)
        actionWidth =
            std::max(actionWidth,
                     fm.horizontalAdvance(DisplayText::systemEventName(BrokerEvent::Kind(kind))) +
                         charWidth * 2);
    setColumnWidth(FrameLogModel::ActionColumn, std::min(actionWidth, charWidth * 16));
    setColumnWidth(FrameLogModel::SizeColumn, charWidth * 7);
    new PairedRowDelegate(log, this);
    m_follower = new TailFollower(this);
    new NewFramesIndicator(this, m_follower);
    new LogMatchHint(proxy, this);
    new SelectionKeeper(this, proxy, log);
}

int FrameLogView::currentLogRow() const {
    const QModelIndex current = currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

QList<int> FrameLogView::selectedLogRows() const {
    QList<int> rows;
    for (const QModelIndex &shown : selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(shown).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool FrameLogView::selectLogRow(int logRow) {
    const QModelIndex shown = m_proxy->mapFromSource(m_proxy->sourceModel()->index(logRow, 0));
    if (!shown.isValid())
        return false;
    selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(shown, QAbstractItemView::PositionAtCenter);
    return true;
}

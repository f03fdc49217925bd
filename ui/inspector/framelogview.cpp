#include "framelogview.h"

#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "logmatchhint.h"
#include "newframesindicator.h"
#include "pairedrowdelegate.h"
#include "tailfollower.h"

#include <QCoreApplication>
#include <QHeaderView>

FrameLogView::FrameLogView(FrameFilterProxyModel *proxy, FrameLogModel *log, QWidget *parent)
    : QTableView(parent)
    , m_proxy(proxy) {
    setModel(proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
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
    // As wide as the longest direction in the window's language ("entrée", "système").
    int directionWidth =
        fontMetrics().horizontalAdvance(
            proxy->headerData(FrameLogModel::DirectionColumn, Qt::Horizontal).toString()) +
        charWidth * 3;
    for (const char *direction : {"in", "out", "system"})
        directionWidth =
            std::max(directionWidth, fontMetrics().horizontalAdvance(
                                         QCoreApplication::translate("FrameLogModel", direction)) +
                                         charWidth * 2);
    setColumnWidth(FrameLogModel::DirectionColumn, directionWidth);
    setColumnWidth(FrameLogModel::ActionColumn, charWidth * 11);
    setColumnWidth(FrameLogModel::SizeColumn, charWidth * 7);
    new PairedRowDelegate(log, this);
    m_follower = new TailFollower(this);
    new NewFramesIndicator(this, m_follower);
    new LogMatchHint(proxy, this);
}

int FrameLogView::currentLogRow() const {
    const QModelIndex current = currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

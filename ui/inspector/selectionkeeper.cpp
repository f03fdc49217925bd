#include "selectionkeeper.h"

#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "framelogview.h"

#include <QItemSelectionModel>

SelectionKeeper::SelectionKeeper(FrameLogView *view, FrameFilterProxyModel *proxy,
                                 FrameLogModel *log)
    : QObject(view)
    , m_view(view)
    , m_proxy(proxy)
    , m_log(log) {
    connect(proxy, &QAbstractItemModel::modelAboutToBeReset, this, &SelectionKeeper::remember);
    connect(proxy, &QAbstractItemModel::modelReset, this, &SelectionKeeper::restore);
    // Re-filtering shows the rows slice by slice, and capture matches as the search finds them.
    connect(proxy, &QAbstractItemModel::rowsInserted, this, &SelectionKeeper::restore);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!m_restoring && current.isValid())
                    forget();
            });
}

void SelectionKeeper::remember() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return; // a frame still waiting from an earlier change stays remembered
    const int row = m_proxy->mapToSource(current).row();
    if (row < 0)
        return;
    m_serial = m_log->serialAt(row);
    m_waiting = true;
}

void SelectionKeeper::restore() {
    if (!m_waiting)
        return;
    const int logRow = m_log->rowOfSerial(m_serial);
    if (logRow < 0) {
        forget(); // the frame left the log
        return;
    }
    if (!m_proxy->mapFromSource(m_log->index(logRow, 0)).isValid())
        return; // not shown (yet): still remembered
    forget();
    m_restoring = true;
    m_view->selectLogRow(logRow);
    m_restoring = false;
}

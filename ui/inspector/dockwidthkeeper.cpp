#include "dockwidthkeeper.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

DockWidthKeeper::DockWidthKeeper(QMainWindow *window, const QList<QDockWidget *> &docks)
    : QObject(window)
    , m_window(window) {
    for (QDockWidget *dock : docks) {
        m_docks.append(dock);
        dock->installEventFilter(this);
    }
    window->installEventFilter(this);
}

bool DockWidthKeeper::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::Resize)
        return QObject::eventFilter(watched, event);
    if (watched == m_window) {
        // The window lays its docks out for the new size first; look once that is done.
        QTimer::singleShot(0, this, &DockWidthKeeper::restoreWidths);
    } else if (auto *dock = qobject_cast<QDockWidget *>(watched)) {
        // A dock that changes width while the window keeps its own was resized by the user.
        if (!m_restoring && m_window->width() == m_settledWidth && !dock->isFloating() &&
            dock->isVisible())
            m_wanted.insert(dock, dock->width());
    }
    return QObject::eventFilter(watched, event);
}

void DockWidthKeeper::restoreWidths() {
    if (m_restoring) {
        QTimer::singleShot(0, this, &DockWidthKeeper::restoreWidths); // after that pass
        return;
    }
    m_settledWidth = m_window->width();
    QList<QDockWidget *> docks;
    QList<int> widths;
    int total = 0;
    for (const QPointer<QDockWidget> &dock : std::as_const(m_docks)) {
        if (!dock || dock->isFloating() || !dock->isVisible())
            continue;
        const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
        if (area != Qt::LeftDockWidgetArea && area != Qt::RightDockWidgetArea)
            continue;
        // Tabified docks share one width: give it once.
        bool sameArea = false;
        for (QDockWidget *other : std::as_const(docks))
            sameArea = sameArea || m_window->dockWidgetArea(other) == area;
        if (sameArea)
            continue;
        // The first settled layout is what each dock wants.
        if (!m_wanted.contains(dock))
            m_wanted.insert(dock, dock->width());
        docks.append(dock);
        widths.append(std::max(dock->width(), m_wanted.value(dock)));
        total += widths.last();
    }
    // Room for the central widget first: shrink what the docks want in proportion.
    const int room = int(m_window->width() * (1.0 - CentralShare));
    if (total > room && total > 0) {
        for (int &width : widths)
            width = width * room / total;
    }
    bool grows = false;
    for (qsizetype i = 0; i < docks.size(); ++i)
        grows = grows || widths.at(i) > docks.at(i)->width();
    if (!grows)
        return;
    // The layout applies the new widths on its next pass; the docks' resizes until then are
    // this one's, not the user's.
    m_restoring = true;
    m_window->resizeDocks(docks, widths, Qt::Horizontal);
    QTimer::singleShot(0, this, [this] {
        m_restoring = false;
        m_settledWidth = m_window->width();
    });
}

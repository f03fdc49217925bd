#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;

// Gives the side docks their width back when the window grows. QMainWindow takes width from
// the docks when the window shrinks, and gives all the width it regains to the central widget,
// so after a small window the docks stay narrow. This remembers the width each dock had at a
// settled window size (as first laid out, or as the user dragged it) and restores it when
// there is room again, keeping at least CentralShare of the window for the central widget.
class DockWidthKeeper : public QObject {
    Q_OBJECT
public:
    static constexpr double CentralShare = 0.4;

    DockWidthKeeper(QMainWindow *window, const QList<QDockWidget *> &docks);

    // The width a dock is given back (its last width not forced by the window's size).
    int wantedWidth(QDockWidget *dock) const { return m_wanted.value(dock); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restoreWidths();

    QMainWindow *m_window;
    QList<QPointer<QDockWidget>> m_docks;
    QHash<QDockWidget *, int> m_wanted;
    int m_settledWidth = -1;  // the window's width once its docks were laid out for it
    bool m_restoring = false; // dock sizes change because this asked
};

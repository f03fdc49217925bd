#include "tailfollower.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QScrollBar>

TailFollower::TailFollower(QAbstractItemView *view)
    : QObject(view)
    , m_view(view) {
    QScrollBar *bar = view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &TailFollower::onScrolled);
    connect(bar, &QScrollBar::actionTriggered, this, &TailFollower::onUserScrollAction);
    // The range grows when rows arrive: follow then, in one scroll per batch, after the
    // view has finished handling the model's change (scrolling from inside it re-enters).
    connect(bar, &QScrollBar::rangeChanged, this, [this] {
        if (m_following && !m_scrollQueued) {
            m_scrollQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_scrollQueued = false;
                    if (!m_following)
                        return;
                    m_scrolling = true;
                    m_view->scrollToBottom();
                    m_scrolling = false;
                },
                Qt::QueuedConnection);
        }
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TailFollower::onCurrentChanged);
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid())
                    rememberRemovedAbove(first, last);
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TailFollower::keepRowsInPlace);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_modelChanging = true; });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_modelChanging = false; });
}

void TailFollower::setFollowing(bool follow) {
    m_heldBySelection = false;
    if (m_following == follow)
        return;
    m_following = follow;
    if (follow)
        m_view->scrollToBottom();
    emit followingChanged(follow);
}

void TailFollower::onScrolled() {
    if (m_scrolling)
        return;
    const QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    if (atBottom == m_following || (atBottom && m_heldBySelection))
        return;
    m_following = atBottom;
    emit followingChanged(atBottom);
}

void TailFollower::onCurrentChanged() {
    if (m_modelChanging || !m_view->currentIndex().isValid())
        return;
    m_heldBySelection = true;
    if (m_following) {
        m_following = false;
        emit followingChanged(false);
    }
}

void TailFollower::onUserScrollAction() {
    // The user moved the scroll bar (wheel, drag, arrows): reaching the bottom follows again.
    m_heldBySelection = false;
    const QScrollBar *bar = m_view->verticalScrollBar();
    if (!m_following && bar->sliderPosition() >= bar->maximum())
        setFollowing(true);
}

void TailFollower::rememberRemovedAbove(int first, int last) {
    m_modelChanging = true;
    m_removedAbove = 0;
    if (m_following)
        return;
    const int top = m_view->indexAt(QPoint(0, 0)).row();
    if (top < 0 || first >= top)
        return;
    m_removedAbove = std::min(last + 1, top) - first;
}

void TailFollower::keepRowsInPlace() {
    m_modelChanging = false;
    if (m_removedAbove == 0)
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    int step = m_removedAbove;
    if (m_view->verticalScrollMode() == QAbstractItemView::ScrollPerPixel)
        step *= std::max(1, m_view->sizeHintForRow(0));
    m_removedAbove = 0;
    m_scrolling = true;
    bar->setValue(std::max(0, bar->value() - step));
    m_scrolling = false;
}

#include "tailfollower.h"

#include <QAbstractItemView>
#include <QScrollBar>

TailFollower::TailFollower(QAbstractItemView *view)
    : QObject(view)
    , m_view(view) {
    QScrollBar *bar = view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &TailFollower::onScrolled);
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
}

void TailFollower::setFollowing(bool follow) {
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
    if (atBottom != m_following) {
        m_following = atBottom;
        emit followingChanged(atBottom);
    }
}

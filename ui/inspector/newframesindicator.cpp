#include "newframesindicator.h"

#include "tailfollower.h"

#include <QAbstractItemView>
#include <QEvent>

NewFramesIndicator::NewFramesIndicator(QAbstractItemView *view, TailFollower *follower)
    : QPushButton(view)
    , m_view(view)
    , m_follower(follower) {
    setObjectName(QStringLiteral("newFramesIndicator"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Follow the newest frames again (Ctrl+End)"));
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(this, &QPushButton::clicked, follower, [follower] { follower->setFollowing(true); });
    connect(follower, &TailFollower::followingChanged, this, [this](bool following) {
        if (following)
            m_newRows = 0;
        refresh();
    });
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid() || m_follower->isFollowing())
                    return;
                m_newRows += last - first + 1;
                refresh();
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_newRows = 0;
        refresh();
    });
    view->installEventFilter(this);
}

bool NewFramesIndicator::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view && event->type() == QEvent::Resize)
        place();
    return QPushButton::eventFilter(watched, event);
}

void NewFramesIndicator::refresh() {
    const bool show = !m_follower->isFollowing() && m_newRows > 0;
    if (show) {
        setText(tr("%n new frame(s) below — Ctrl+End", nullptr, m_newRows));
        adjustSize();
        place();
    }
    setVisible(show);
    if (show)
        raise();
}

void NewFramesIndicator::place() {
    // Centred over the bottom of the rows, clear of the horizontal scroll bar.
    const QRect area = m_view->viewport()->geometry();
    move(area.left() + (area.width() - width()) / 2, area.bottom() - height() - 6);
}

#pragma once

#include <QObject>

class QAbstractItemView;

// Keeps a view scrolled to its newest row while the user is at the bottom. Scrolling up stops
// following, and so does selecting a row (the selection must not scroll away); scrolling back
// to the bottom or setFollowing(true) (Ctrl+End) resumes it. While not following, rows that
// leave the top of the model (a full ring buffer) do not move the rows on screen.
class TailFollower : public QObject {
    Q_OBJECT
public:
    explicit TailFollower(QAbstractItemView *view);

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);

signals:
    void followingChanged(bool following);

private:
    void onScrolled();
    void onCurrentChanged();
    void onUserScrollAction();
    void rememberRemovedAbove(int first, int last);
    void keepRowsInPlace();

    QAbstractItemView *m_view;
    bool m_following = true;
    bool m_scrolling = false; // our own scrollToBottom, not the user
    bool m_scrollQueued = false;
    // A selection stopped following: the view scrolling the selected row into view at the
    // bottom is not the user scrolling back down.
    bool m_heldBySelection = false;
    bool m_modelChanging = false; // rows removed or reset: the current row moves by itself
    int m_removedAbove = 0;
};

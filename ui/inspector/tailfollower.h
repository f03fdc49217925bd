#pragma once

#include <QObject>

class QAbstractItemView;

// Keeps a view scrolled to its newest row while the user is at the bottom; scrolling up stops
// following, scrolling back to the bottom resumes it.
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

    QAbstractItemView *m_view;
    bool m_following = true;
    bool m_scrolling = false; // our own scrollToBottom, not the user
    bool m_scrollQueued = false;
};

#pragma once

#include <QPushButton>

class QAbstractItemView;
class TailFollower;

// A small button over the bottom of the log while it does not follow the newest frames:
// "12 new frames below — Ctrl+End". Clicking it follows again.
class NewFramesIndicator : public QPushButton {
    Q_OBJECT
public:
    NewFramesIndicator(QAbstractItemView *view, TailFollower *follower);

    int newRows() const { return m_newRows; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void place();

    QAbstractItemView *m_view;
    TailFollower *m_follower;
    int m_newRows = 0; // rows added since following stopped
};

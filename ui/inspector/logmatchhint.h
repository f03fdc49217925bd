#pragma once

#include <QLabel>

class FrameFilterProxyModel;
class QAbstractItemView;

// Says "0 of N frames match" over the frame log when the filters hide every frame, so that an
// empty log is not mistaken for a quiet broker. Sits on the view's viewport and keeps itself
// centred there.
class LogMatchHint : public QLabel {
    Q_OBJECT
public:
    LogMatchHint(FrameFilterProxyModel *proxy, QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void place();

    FrameFilterProxyModel *m_proxy;
    QWidget *m_viewport;
};

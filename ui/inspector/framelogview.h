#pragma once

#include <QList>
#include <QTableView>

class FrameFilterProxyModel;
class FrameLogModel;
class TailFollower;

// The frame log as a table: fixed row heights, columns sized for their content in the window's
// language, send/answer pairs marked, the newest rows followed (TailFollower), a marker for
// frames arriving below and a hint when the filters match nothing. The live window and a
// window showing a saved log or capture both use it.
class FrameLogView : public QTableView {
    Q_OBJECT
public:
    FrameLogView(FrameFilterProxyModel *proxy, FrameLogModel *log, QWidget *parent = nullptr);

    TailFollower *follower() const { return m_follower; }
    // The log row (of the FrameLogModel, not of the filter) of the current index, or -1.
    int currentLogRow() const;
    // The log rows of the selected rows (Ctrl+click selects more than one), in log order.
    QList<int> selectedLogRows() const;
    // Makes a log row the current and only selected one, centred; false when the filters hide it.
    bool selectLogRow(int logRow);

private:
    FrameFilterProxyModel *m_proxy;
    TailFollower *m_follower;
};

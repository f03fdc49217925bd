#pragma once

#include <QWidget>

class FrameLogModel;
class FrameLogView;
class JsonDiffModel;
class QLabel;
class QTableView;

// The details pane's Compare tab: the selected frame against the previous one like it (the
// same room, client, direction and action), or the two frames selected in the log (Ctrl+click),
// as a JSON-aware diff by path (FrameComparison, JsonDiff). It follows the log's selection
// and compares only while it is shown: reading a frame back from the capture and parsing two
// messages is not worth doing for every click when nobody looks.
class FrameDiffView : public QWidget {
    Q_OBJECT
public:
    explicit FrameDiffView(QWidget *parent = nullptr);

    // The log whose selection it compares; until then it says there is nothing to compare.
    void attach(FrameLogView *view, FrameLogModel *log);
    // What the heading says: whom it compared and the counts, or why it compares nothing.
    QString headingText() const;
    const JsonDiffModel *model() const { return m_model; }
    // The heading and one line per change (path, change, before, after; tab-separated).
    QString plainText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void selectionChanged();
    void update();
    void showOtherFrame();

    QLabel *m_heading;
    QTableView *m_table;
    JsonDiffModel *m_model;
    FrameLogView *m_view = nullptr;
    FrameLogModel *m_log = nullptr;
    bool m_stale = true; // the selection changed while hidden
    int m_otherRow = -1; // the frame it compared the selected one with
};

#pragma once

#include <QWidget>

class HeldFrameModel;
class JsonEditor;
class QLabel;
class QPushButton;
class QTableView;

// The Held dock: frames a hold rule stopped, and the selected one's JSON in an editor checked as
// the console checks it. Release sends the frame as it was, Release Edited the editor's text
// (only while it is a JSON object and differs from the frame), Drop discards it; Release All
// lets every held frame go. The panel only asks: the rows leave when the broker says the frames
// ended.
class HeldFramesPanel : public QWidget {
    Q_OBJECT

public:
    explicit HeldFramesPanel(HeldFrameModel *model, QWidget *parent = nullptr);
    ~HeldFramesPanel() override;

    QTableView *view() const { return m_view; }
    JsonEditor *editor() const { return m_editor; }
    // The ticket of the frame the editor shows, 0 when none.
    quint64 currentTicket() const { return m_ticket; }

Q_SIGNALS:
    void releaseRequested(quint64 ticket);
    void releaseEditedRequested(quint64 ticket, const QByteArray &frame);
    void dropRequested(quint64 ticket);
    void releaseAllRequested();

private:
    void showCurrent();
    void updateState();

    HeldFrameModel *m_model;
    QTableView *m_view;
    JsonEditor *m_editor;
    QLabel *m_message;
    QPushButton *m_release;
    QPushButton *m_releaseEdited;
    QPushButton *m_drop;
    QPushButton *m_releaseAll;
    quint64 m_ticket = 0;
    QString m_shownText; // the held frame as the editor first showed it
};

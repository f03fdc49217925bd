#pragma once

#include <QWidget>

class JsonDiffModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class ReplayDifferenceModel;
class Replayer;

// The Replay dock: where the replay is (waiting for live clients, playing, the summary), the
// differences as they are found, and for the selected one (the first, until the user picks
// another) the recorded and the replayed frame side by side with what changed, path by path.
class ReplayPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReplayPanel(QWidget *parent = nullptr);

    // Shows this replay (not owned; it must outlive the panel or be replaced first).
    void setReplayer(Replayer *replayer);
    ReplayDifferenceModel *differences() const { return m_differences; }

signals:
    void stopRequested();
    void replayAgainRequested();

private:
    void updateStatus();
    void showDifference(int row);

    Replayer *m_replayer = nullptr;
    ReplayDifferenceModel *m_differences = nullptr;
    JsonDiffModel *m_changes = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_againButton = nullptr;
    QTableView *m_differenceView = nullptr;
    QPlainTextEdit *m_expected = nullptr;
    QPlainTextEdit *m_actual = nullptr;
};

#pragma once

#include "recordedsession.h"
#include "replayoptions.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Replay Recording…: the recording to play into the window's broker, which of its clients are
// live (taken by real clients under test; the others are simulated), the timing and what not
// to compare. A file that is not a recording is said in the dialog, naming it.
class ReplayDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReplayDialog(QWidget *parent = nullptr);

    // Loads the recording and lists its clients; false (with the error shown) when it fails.
    bool loadRecording(const QString &path);
    const RecordedSession &recording() const { return m_recording; }
    QString recordingPath() const { return m_path; }
    ReplayOptions options() const;
    void setOptions(const ReplayOptions &options);

private:
    void chooseFile();
    void updateSpeed();

    RecordedSession m_recording;
    QString m_path;
    QLineEdit *m_fileEdit = nullptr;
    QLabel *m_message = nullptr;
    QTableWidget *m_clients = nullptr;
    QComboBox *m_timing = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QLineEdit *m_ignore = nullptr;
    QSpinBox *m_timeout = nullptr;
    QPushButton *m_startButton = nullptr;
};

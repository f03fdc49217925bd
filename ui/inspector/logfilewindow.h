#pragma once

#include <QMainWindow>

#include <memory>

class ContractSet;

class FrameDetailsView;
class FrameLogView;
class Inspector;
class LogFilterBar;
class QLabel;
class QProgressBar;
class QToolButton;

// A saved capture, JSON Lines log or HAR in a window of its own, titled with the file: the
// live log stays live beside it. The file streams in with a progress bar; the log can be
// filtered (text searches run over the whole capture), frames are shown whole, and the log
// can be saved as a capture or exported.
class LogFileWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit LogFileWindow(QWidget *parent = nullptr);
    ~LogFileWindow() override;

    // Starts loading; false with a message naming the file when it cannot even start
    // (loadFinished reports what happens later).
    bool open(const QString &path, QString *error);
    // Marks the log's rows that fail these contracts (null: none).
    void setContracts(std::shared_ptr<const ContractSet> contracts);
    QString fileName() const { return m_path; }
    Inspector *inspector() const { return m_inspector; }

Q_SIGNALS:
    void loadFinished(bool ok, const QString &error);

private:
    void onProgress(qint64 done, qint64 total, bool converting);
    void onFinished(bool ok, const QString &error);
    void showSelectedFrame();
    void saveAsInteractively();
    void updateStatus();

    QString m_path;
    QString m_workDir;
    Inspector *m_inspector;
    LogFilterBar *m_filterBar;
    FrameLogView *m_logView;
    FrameDetailsView *m_details;
    QLabel *m_banner;
    QLabel *m_status;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};

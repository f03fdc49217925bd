#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>

class CaptureReader;
class FrameLogModel;
class QThread;

// Streams a saved capture into a frame log, a chunk of its index per pass of the event loop,
// so a window stays responsive while millions of rows come in. A JSON Lines log or HAR is first
// converted into a capture in a worker thread (the log then browses that). Progress is
// reported throughout; the log's rows read their bytes from the capture when shown.
class CaptureLoader : public QObject {
    Q_OBJECT
public:
    // workDir: where a converted log's capture is kept while it is shown.
    CaptureLoader(FrameLogModel *log, const QString &workDir, QObject *parent = nullptr);
    ~CaptureLoader() override;

    // Starts loading; false with an error naming the file when it cannot even start.
    bool start(const QString &path, QString *error);
    void cancel();
    bool isLoading() const { return m_loading; }
    // The capture the log reads from (the file itself, or the converted copy of a log).
    QString capturePath() const { return m_capturePath; }
    // Whether the capture is a conversion that Save As must keep.
    bool isConverted() const { return m_converted; }
    CaptureReader *reader() const { return m_reader.get(); }

Q_SIGNALS:
    // done and total in frames (while converting: in bytes of the file read).
    void progress(qint64 done, qint64 total, bool converting);
    void finished(bool ok, const QString &error);

private:
    void openCapture();
    void loadChunk();
    void fail(const QString &error);

    FrameLogModel *m_log;
    QString m_workDir;
    QString m_sourcePath;
    QString m_capturePath;
    bool m_converted = false;
    bool m_loading = false;
    std::unique_ptr<CaptureReader> m_reader;
    QTimer m_chunkTimer;
    quint64 m_nextId = 0;
    quint64 m_lastId = 0;
    qint64 m_loaded = 0;
    qint64 m_total = 0;

    QThread *m_converter = nullptr;
    std::atomic<qint64> m_convertDone{0};
    std::atomic<qint64> m_convertTotal{0};
    std::atomic<bool> m_cancelConversion{false};
    QString m_convertError;
    QTimer m_convertProgress;
};

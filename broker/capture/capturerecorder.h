#pragma once

#include "brokerevent.h"
#include "capturebudget.h"
#include "contractviolation.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

// Writes a capture in its own thread; used by the window and by the headless --record. The
// recorder lives in the caller's thread (its signals arrive there); the file is written by a
// thread of its own that commits what it has whenever its queue runs empty, and at least every
// 250 ms while frames keep coming, so a killed process loses at most that.
class CaptureRecorder : public QObject {
    Q_OBJECT
public:
    // What may wait for the writer, counted from append() until its commit (the caller keeps
    // those events whole until written() says so): past either bound a batch is not queued but
    // counted (overflowed, and unwritten_frames in the file). About a second of the broker's
    // recording limit; more would only grow memory while the writer falls further behind.
    static constexpr qsizetype MaxQueuedEvents = 200'000;
    static constexpr qint64 MaxQueuedBytes = 64LL << 20;
    // The longest a written frame waits for its commit while frames keep coming.
    static constexpr int CommitIntervalMs = 250;
    static constexpr qsizetype MaxQueuedViolations = 100'000;

    explicit CaptureRecorder(QObject *parent = nullptr);
    ~CaptureRecorder() override; // flushes and stops the writer thread

    // Continues the capture at path, or creates it (fresh: starts it empty; a file that is not
    // a capture is refused, never overwritten). The error names the file.
    bool open(const QString &path, const CaptureBudget &budget, QString *error, bool fresh = false);
    void close();
    bool isOpen() const;
    QString path() const;
    void setBudget(const CaptureBudget &budget);

    // Queues a batch for writing and returns the id of its first event; ids are consecutive
    // (event i of the batch gets first + i) and never reused within a capture. Cheap: the
    // batch is handed to the writer thread (implicitly shared), nothing is written here.
    // Returns 0 and queues nothing when the capture is not open, has failed, or the writer is
    // too far behind (then the batch is counted: overflowed, unwrittenCount()).
    quint64 append(const BrokerEventList &events);
    quint64 nextId() const { return m_nextId; }
    // Frames the broker handled but did not record (over its recording limit): counted in the
    // file so that a capture opened later says how many are missing.
    void addUnrecorded(quint64 count);
    quint64 unwrittenCount() const { return m_unwritten; }
    // Contract violations found in recorded frames (their captureId names the frame), written
    // with the next commit. Dropped when the capture is not open or has failed, or when more
    // than MaxQueuedViolations wait (a writer stalled under a flood of bad messages).
    void appendViolations(const ContractViolationList &violations);

    // Blocks until everything appended so far is committed (used before Save As, on quit, in
    // tests). False, with the error, when the capture failed.
    bool flush(QString *error = nullptr);
    // Copies the capture (its committed state after a flush) to another file (VACUUM INTO;
    // blocks for as long as the copy takes). An existing file at path is replaced.
    bool saveAs(const QString &path, QString *error);

signals:
    void written(quint64 lastId); // after each commit
    // The budget removed the oldest frames, in whole chunks.
    void evicted(quint64 firstRemainingId, quint64 discardedTotal);
    // Disk full, file removed, ...: recording stops, said once.
    void failed(const QString &error);
    // The writer was too far behind: a batch was not written (the total so far).
    void overflowed(quint64 unwrittenTotal);

private:
    struct Shared;
    void runWriter(std::shared_ptr<Shared> shared, int generation);

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_thread;
    QString m_path;
    quint64 m_nextId = 1;
    quint64 m_unwritten = 0;
    int m_generation = 0; // what an earlier capture's thread posted is dropped on open()
    bool m_failureReported = false;
};

#pragma once

#include "ackpairing.h"
#include "brokerevent.h"
#include "brokersnapshot.h"
#include "contractviolation.h"

#include <QObject>
#include <QUrl>

#include <memory>

class ActionCountModel;
class CaptureLoader;
class CaptureReader;
class CaptureRecorder;
class CaptureSearch;
struct CaptureBudget;
class ConnectionTreeModel;
class FrameFilterProxyModel;
class FrameLogModel;
class PathPlotModel;
class LastValuesModel;
class RateHistory;
class RecentlyClosedModel;

// What the inspector knows, without any widget: it owns the models, feeds them the broker's
// batched events and snapshots, and saves and opens logs. The window (MainWindow) shows these
// models; tests and other front ends use them directly. Not thread-safe: it lives in the thread
// whose event loop delivers the events (with a Broker in another thread, through
// BrokerController's queued signals, as the window does).
class Inspector : public QObject {
    Q_OBJECT
public:
    explicit Inspector(QObject *parent = nullptr);
    ~Inspector() override;

    FrameLogModel *log() const { return m_log; }
    // The log as the user filters it; export writes what it shows.
    FrameFilterProxyModel *logProxy() const { return m_proxy; }
    ConnectionTreeModel *connections() const { return m_tree; }
    RecentlyClosedModel *recentlyClosed() const { return m_closed; }
    ActionCountModel *actionCounts() const { return m_actionCounts; }
    // What each client sent last, per action (frames in), the rows knowing their log serials.
    LastValuesModel *lastValues() const { return m_lastValues; }
    RateHistory *rates() const { return m_rates; }
    // The values of pinned JSON paths over time, fed by the log's rows ("Plot This Path").
    PathPlotModel *plots() const { return m_plots; }
    // The send/answer group a row of the log (not of the proxy) belongs to; invalid when none.
    AckPairing::Group askGroup(int logRow) const;

    // Subscribes to a source of events and snapshots: a Broker in this thread, or a
    // BrokerController running one in its own.
    template <typename Source> void attach(Source *source) {
        connect(source, &Source::eventsReady, this, &Inspector::addEvents);
        connect(source, &Source::snapshotReady, this, &Inspector::applySnapshot);
    }

    // Writes the filtered log, whole frames; the format follows the file name (.har, else
    // JSON Lines). brokerUrl names the server in a HAR file.
    bool exportLog(const QString &fileName, const QUrl &brokerUrl, QString *error) const;
    // Replaces the log with a saved JSON Lines log or a Chrome HAR, shown at once (a paused log
    // is resumed). Small files and tests; a window opens files with openFile().
    bool openLog(const QString &fileName, QString *error);

    // Records every event the log gets into a capture on disk, whole; the log then keeps its
    // index and the newest events, and reads the rest back from the capture when shown.
    bool startRecording(const QString &path, const CaptureBudget &budget, QString *error);
    void stopRecording();
    CaptureRecorder *recorder() const { return m_recorder.get(); }
    // Streams a capture, JSON Lines log or HAR into the log (loadProgress, loadFinished); the
    // log then browses it. workDir keeps a converted log's capture.
    bool openFile(const QString &path, const QString &workDir, QString *error);
    CaptureLoader *loader() const { return m_loader; }
    // The capture the log reads from (recording, or opened), or empty.
    QString capturePath() const;
    // Frames the capture's budget discarded since recording started.
    quint64 discardedFrames() const { return m_discarded; }
    // Frames whose bytes the capture could not take (its writer too far behind) since the
    // inspector started: their rows are in the log, without bytes once they are not the newest.
    quint64 unwrittenFrames() const { return m_unwritten; }

public Q_SLOTS:
    void addEvents(const BrokerEventList &events);
    void applySnapshot(const BrokerSnapshot &snapshot);
    // Empties the log, the action counts and the last values.
    void clear();
    // Contract violations found in frames this inspector recorded (their captureId names the
    // frame): kept in the capture with its frames.
    void recordViolations(const ContractViolationList &violations);

Q_SIGNALS:
    // A batch went into the log; firstCaptureId is the capture id of its first event (0 when
    // no capture recorded it). The window's contract checker takes its batches from here.
    void eventsAdded(const BrokerEventList &events, quint64 firstCaptureId);
    // After the models took the snapshot in.
    void snapshotApplied(const BrokerSnapshot &snapshot);
    // Recording stopped for a reason the user must know (disk full, file removed).
    void recordingFailed(const QString &error);
    void discardedFramesChanged(quint64 count);
    void unwrittenFramesChanged(quint64 count);
    void searchProgress(quint64 scanned, quint64 total);

private:
    void useCapture(const QString &path);
    void searchCapture(const QRegularExpression &pattern);

    FrameLogModel *m_log;
    FrameFilterProxyModel *m_proxy;
    ConnectionTreeModel *m_tree;
    RecentlyClosedModel *m_closed;
    RateHistory *m_rates;
    ActionCountModel *m_actionCounts;
    PathPlotModel *m_plots;
    LastValuesModel *m_lastValues;

    std::unique_ptr<CaptureRecorder> m_recorder;
    // The log's reader of the capture it records or shows (this thread's connection).
    std::unique_ptr<CaptureReader> m_reader;
    CaptureSearch *m_search = nullptr;
    CaptureLoader *m_loader = nullptr;
    quint64 m_discarded = 0;
    quint64 m_unwritten = 0;
    // Frames the paused log holds back since the pause, and how many of them it holds (its
    // bound drops the oldest): their last values get serials when it shows them.
    quint64 m_heldBack = 0;
    int m_heldBackKept = 0;
};

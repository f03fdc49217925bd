#pragma once

#include "brokerevent.h"
#include "capturebudget.h"
#include "capturerecorder.h"
#include "contractviolation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class Broker;

// The headless --record: the broker's event batches go to the same CaptureRecorder the window
// uses, whose writer thread does the disk work, so routing pays one queued batch per 50 ms.
// What goes wrong is said on stderr in one line, evictions and overflows as running totals at
// most every few seconds (never per frame); the capture is flushed and closed when the broker
// stops.
class HeadlessRecording : public QObject {
    Q_OBJECT
public:
    // Totals are said at most this often while they keep growing.
    static constexpr int ReportIntervalMs = 5000;

    explicit HeadlessRecording(Broker *broker, QObject *parent = nullptr);
    ~HeadlessRecording() override;

    // Starts the capture at path anew (a file that is not a capture is refused). The error
    // names the file.
    bool open(const QString &path, const CaptureBudget &budget, QString *error);
    // Writes what is queued, closes the file and says the final totals.
    void finish();
    // Contract violations of recorded frames (--schemas with --record), kept in the capture.
    void recordViolations(const ContractViolationList &violations) {
        m_recorder.appendViolations(violations);
    }

signals:
    // Each batch as it went to the capture: its first capture id (0: not recorded).
    void recorded(const BrokerEventList &events, quint64 firstId);
    // At the start of finish(), while violations can still go in.
    void finishing();

private:
    void record(const BrokerEventList &events);
    void scheduleReport();
    void report();

    Broker *m_broker;
    CaptureRecorder m_recorder;
    QString m_path;
    CaptureBudget m_budget;
    quint64 m_unrecorded = 0; // the broker's count already handed to the capture
    quint64 m_discarded = 0;
    quint64 m_discardedSaid = 0;
    quint64 m_unwritten = 0;
    quint64 m_unwrittenSaid = 0;
    QElapsedTimer m_sinceReport;
    QTimer m_reportTimer;
};

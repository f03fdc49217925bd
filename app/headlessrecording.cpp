#include "headlessrecording.h"

#include "broker.h"

#include <algorithm>
#include <climits>
#include <cstdio>

namespace {

void printError(const QString &line) {
    std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(line));
    std::fflush(stderr);
}

} // namespace

HeadlessRecording::HeadlessRecording(Broker *broker, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_reportTimer(this) {
    m_reportTimer.setSingleShot(true);
    connect(&m_reportTimer, &QTimer::timeout, this, &HeadlessRecording::report);
    connect(&m_recorder, &CaptureRecorder::failed, this,
            [this](const QString &error) { printError(tr("recording stopped: %1").arg(error)); });
    connect(&m_recorder, &CaptureRecorder::evicted, this, [this](quint64, quint64 total) {
        m_discarded = total;
        scheduleReport();
    });
    connect(&m_recorder, &CaptureRecorder::overflowed, this, [this](quint64 total) {
        m_unwritten = total;
        scheduleReport();
    });
}

HeadlessRecording::~HeadlessRecording() {
    finish();
}

bool HeadlessRecording::open(const QString &path, const CaptureBudget &budget, QString *error) {
    if (!m_recorder.open(path, budget, error, true))
        return false;
    m_path = path;
    m_budget = budget;
    m_unrecorded = m_broker->unrecordedFrames();
    // Connected only now: the broker records events only while someone listens.
    connect(m_broker, &Broker::eventsReady, this, &HeadlessRecording::record);
    // Before the queued exit that follows stopped(): the broker's last batch is in by then.
    connect(m_broker, &Broker::stopped, this, &HeadlessRecording::finish);
    return true;
}

void HeadlessRecording::finish() {
    if (!m_recorder.isOpen())
        return;
    disconnect(m_broker, nullptr, this, nullptr);
    emit finishing();
    record({});         // the last count of unrecorded frames
    m_recorder.close(); // writes everything queued; a failure is said through failed()
    // What the writer posted before it ended (the last evictions) is in before the totals;
    // the event loop may not turn again before the exit.
    QCoreApplication::sendPostedEvents(&m_recorder, QEvent::MetaCall);
    m_reportTimer.stop();
    report();
}

void HeadlessRecording::record(const BrokerEventList &events) {
    const quint64 unrecorded = m_broker->unrecordedFrames();
    if (unrecorded > m_unrecorded) {
        m_recorder.addUnrecorded(unrecorded - m_unrecorded);
        m_unrecorded = unrecorded;
    }
    if (!events.isEmpty())
        emit recorded(events, m_recorder.append(events));
}

void HeadlessRecording::scheduleReport() {
    if (m_reportTimer.isActive())
        return;
    if (!m_sinceReport.isValid() || m_sinceReport.hasExpired(ReportIntervalMs))
        report();
    else
        m_reportTimer.start(int(ReportIntervalMs - m_sinceReport.elapsed()));
}

void HeadlessRecording::report() {
    m_sinceReport.start();
    if (m_discarded > m_discardedSaid) {
        m_discardedSaid = m_discarded;
        printError(tr("%1: the capture's budget (%2 MiB, %3 frames) has discarded the oldest "
                      "%n frame(s) so far",
                      nullptr, int(std::min<quint64>(m_discarded, INT_MAX)))
                       .arg(m_path)
                       .arg(m_budget.maxBytes >> 20)
                       .arg(m_budget.maxFrames));
    }
    if (m_unwritten > m_unwrittenSaid) {
        m_unwrittenSaid = m_unwritten;
        printError(tr("%1: the disk did not keep up; %n frame(s) were not written so far", nullptr,
                      int(std::min<quint64>(m_unwritten, INT_MAX)))
                       .arg(m_path));
    }
}

#include "inspector.h"

#include "actioncountmodel.h"
#include "captureconverter.h"
#include "captureloader.h"
#include "capturereader.h"
#include "capturerecorder.h"
#include "capturesearch.h"
#include "connectiontreemodel.h"
#include "framefilterproxymodel.h"
#include "framelogfile.h"
#include "framelogmodel.h"
#include "lastvaluesmodel.h"
#include "pathplotmodel.h"
#include "ratehistory.h"
#include "recentlyclosedmodel.h"

#include <QFile>

#include <algorithm>

Inspector::Inspector(QObject *parent)
    : QObject(parent)
    , m_log(new FrameLogModel(this))
    , m_proxy(new FrameFilterProxyModel(this))
    , m_tree(new ConnectionTreeModel(this))
    , m_closed(new RecentlyClosedModel(this))
    , m_rates(new RateHistory(this))
    , m_actionCounts(new ActionCountModel(this))
    , m_plots(new PathPlotModel(m_log, this))
    , m_lastValues(new LastValuesModel(this)) {
    m_proxy->setSourceModel(m_log);
    connect(m_log, &FrameLogModel::pendingCountChanged, this, [this](int count) {
        if (count > 0)
            m_heldBackKept = count;
    });
    // Emitted once the held-back frames are rows: the newest of them is the last row.
    connect(m_log, &FrameLogModel::pausedChanged, this, [this](bool paused) {
        if (!paused && m_heldBack > 0 && m_log->rowCount() > 0)
            m_lastValues->resolveHeldBack(m_log->firstSerial() + quint64(m_log->rowCount()) - 1,
                                          m_heldBack,
                                          quint64(std::min(m_heldBackKept, m_log->rowCount())));
        m_heldBack = 0;
        m_heldBackKept = 0;
    });
    connect(m_proxy, &FrameFilterProxyModel::captureSearchRequested, this,
            &Inspector::searchCapture);
}

Inspector::~Inspector() {
    // The search and the recorder stop their threads before the log they feed goes.
    delete m_search;
    m_recorder.reset();
}

QString Inspector::capturePath() const {
    if (m_recorder)
        return m_recorder->path();
    return m_loader ? m_loader->capturePath() : QString();
}

void Inspector::useCapture(const QString &path) {
    m_reader = std::make_unique<CaptureReader>();
    QString error;
    if (!m_reader->open(path, &error)) {
        // The recorder made the file, so this does not happen short of the disk going away;
        // the log then keeps whole events in memory as without a capture.
        qWarning("%s", qUtf8Printable(error));
        m_reader.reset();
        m_log->setFrameReader({});
        return;
    }
    CaptureReader *reader = m_reader.get();
    m_log->setFrameReader(
        [reader](quint64 id, BrokerEvent *event) { return reader->read(id, event); });
}

bool Inspector::startRecording(const QString &path, const CaptureBudget &budget, QString *error) {
    stopRecording();
    auto recorder = std::make_unique<CaptureRecorder>();
    if (!recorder->open(path, budget, error))
        return false;
    m_recorder = std::move(recorder);
    m_discarded = 0;
    connect(m_recorder.get(), &CaptureRecorder::written, m_log, &FrameLogModel::setWrittenUpTo);
    connect(m_recorder.get(), &CaptureRecorder::evicted, this,
            [this](quint64 firstRemainingId, quint64 discardedTotal) {
                m_log->discardBefore(firstRemainingId);
                m_discarded = discardedTotal;
                Q_EMIT discardedFramesChanged(m_discarded);
            });
    // The recorder counts from zero; the inspector's count goes on across recordings.
    connect(m_recorder.get(), &CaptureRecorder::overflowed, this,
            [this, counted = quint64(0)](quint64 total) mutable {
                m_unwritten += total - std::exchange(counted, total);
                Q_EMIT unwrittenFramesChanged(m_unwritten);
            });
    connect(m_recorder.get(), &CaptureRecorder::failed, this, [this](const QString &why) {
        // What the log holds in memory stays; the rows read back from disk may no longer be.
        Q_EMIT recordingFailed(why);
    });
    useCapture(path);
    return true;
}

void Inspector::stopRecording() {
    if (!m_recorder)
        return;
    m_recorder->flush();
    m_recorder.reset();
}

bool Inspector::openFile(const QString &path, const QString &workDir, QString *error) {
    if (!m_loader)
        m_loader = new CaptureLoader(m_log, workDir, this);
    return m_loader->start(path, error);
}

void Inspector::searchCapture(const QRegularExpression &pattern) {
    if (m_search)
        m_search->cancel();
    const QString path = capturePath();
    if (path.isEmpty() || !pattern.isValid() || pattern.pattern().isEmpty() ||
        m_log->rowCount() == 0)
        return;
    if (!m_search) {
        m_search = new CaptureSearch(this);
        connect(m_search, &CaptureSearch::found, m_proxy,
                &FrameFilterProxyModel::addCaptureMatches);
        connect(m_search, &CaptureSearch::progress, this, &Inspector::searchProgress);
        // A cancelled search was replaced by a newer one, which will finish in its turn.
        connect(m_search, &CaptureSearch::finished, m_proxy, [this](quint64, bool cancelled) {
            if (!cancelled)
                m_proxy->captureSearchFinished();
        });
    }
    // Rows still in memory are matched by the filter itself; the search covers the rest.
    m_search->start(path, pattern, m_log->captureIdAt(0),
                    m_log->captureIdAt(m_log->rowCount() - 1));
}

AckPairing::Group Inspector::askGroup(int logRow) const {
    return AckPairing::find(*m_log, logRow);
}

void Inspector::addEvents(const BrokerEventList &events) {
    // Serials are consecutive: the rows this batch added are the log's newest, and they are
    // its last events (a paused log adds none; a batch larger than the log, its tail only).
    const quint64 firstId = m_recorder ? m_recorder->append(events) : 0;
    const quint64 next = m_log->firstSerial() + quint64(m_log->rowCount());
    m_log->appendEvents(events, firstId);
    const auto added = qsizetype(m_log->firstSerial() + quint64(m_log->rowCount()) - next);
    m_actionCounts->addEvents(events);
    Q_EMIT eventsAdded(events, firstId);
    if (added == 0 && m_log->isPaused()) {
        m_lastValues->addEvents(events, LastValuesModel::NoSerial, 0, m_heldBack);
        m_heldBack += quint64(events.size());
        return;
    }
    m_lastValues->addEvents(events, added > 0 ? next : LastValuesModel::NoSerial,
                            events.size() - added);
}

void Inspector::recordViolations(const ContractViolationList &violations) {
    if (m_recorder)
        m_recorder->appendViolations(violations);
}

void Inspector::applySnapshot(const BrokerSnapshot &snapshot) {
    m_tree->applySnapshot(snapshot);
    m_closed->applySnapshot(snapshot);
    if (snapshot.timeMs > 0)
        m_rates->addCounters(snapshot.timeMs, snapshot.counters.framesIn,
                             snapshot.counters.framesOut, snapshot.session);
    Q_EMIT snapshotApplied(snapshot);
}

void Inspector::clear() {
    m_log->clear();
    m_actionCounts->clear();
    m_lastValues->clear();
    m_heldBack = 0;
    m_heldBackKept = 0;
}

bool Inspector::exportLog(const QString &fileName, const QUrl &brokerUrl, QString *error) const {
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    const auto format = fileName.endsWith(QLatin1String(".har"), Qt::CaseInsensitive)
                            ? FrameLogFile::Format::Har
                            : FrameLogFile::Format::JsonLines;
    // The whole capture streams from disk; a filtered log is what the filter shows.
    const CaptureReader *reader = m_reader   ? m_reader.get()
                                  : m_loader ? m_loader->reader()
                                             : nullptr;
    if (reader && !m_proxy->isFiltering() && m_log->rowCount() > 0 &&
        m_log->captureIdAt(0) == reader->firstId()) {
        if (m_recorder)
            m_recorder->flush();
        return CaptureConverter::exportCapture(*reader, &file, format, brokerUrl, error);
    }
    BrokerEventList events;
    events.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        events.append(m_log->eventAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row()));
    return FrameLogFile::write(&file, format, events, brokerUrl, error);
}

bool Inspector::openLog(const QString &fileName, QString *error) {
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(fileName, file.errorString());
        return false;
    }
    BrokerEventList events;
    if (!FrameLogFile::read(&file, &events, error)) {
        *error = tr("%1: %2").arg(fileName, *error);
        return false;
    }
    m_log->setPaused(false); // an opened log is shown at once, not held back
    clear();
    addEvents(events);
    return true;
}

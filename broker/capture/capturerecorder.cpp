#include "capturerecorder.h"

#include "captureconverter.h"
#include "capturewriter.h"

#include <QThread>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

// What the caller's thread and the writer thread share; everything under the mutex.
struct CaptureRecorder::Shared {
    std::mutex mutex;
    std::condition_variable wake;      // the writer waits for work
    std::condition_variable committed; // open() and flush() wait for the writer
    std::deque<BrokerEventList> batches;
    ContractViolationList violations; // bounded by MaxQueuedViolations
    // Appended and not yet committed (queued, or taken by the writer into its transaction).
    qsizetype queuedEvents = 0;
    qint64 queuedBytes = 0;
    qsizetype batchedEvents = 0; // of the above, what `batches` holds (not yet taken)
    qint64 batchedBytes = 0;
    std::optional<CaptureBudget> budget; // a change for the writer to apply
    quint64 unwritten = 0;               // counts for the writer to add to the file
    quint64 unrecorded = 0;
    bool stop = false;

    // Set by the writer.
    bool opened = false; // open() finished (successfully or not)
    bool running = false;
    bool failed = false;
    QString error;
    quint64 nextId = 1; // where the capture continues, after open
    quint64 committedId = 0;

    QString path;
    CaptureBudget openBudget;
    bool fresh = false;
};

namespace {

qint64 bytesOf(const BrokerEventList &events) {
    // The frames' bytes and a rough share for the rest of each event.
    qint64 bytes = 0;
    for (const BrokerEvent &e : events)
        bytes += e.data.size() + 160;
    return bytes;
}

} // namespace

CaptureRecorder::CaptureRecorder(QObject *parent)
    : QObject(parent) {}

CaptureRecorder::~CaptureRecorder() {
    close();
}

bool CaptureRecorder::open(const QString &path, const CaptureBudget &budget, QString *error,
                           bool fresh) {
    close();
    auto shared = std::make_shared<Shared>();
    shared->path = path;
    shared->openBudget = budget;
    shared->fresh = fresh;
    const int generation = ++m_generation;
    m_thread.reset(QThread::create([this, shared, generation] { runWriter(shared, generation); }));
    m_thread->setObjectName(QStringLiteral("capture writer"));
    m_thread->start();
    std::unique_lock lock(shared->mutex);
    shared->committed.wait(lock, [&] { return shared->opened; });
    if (!shared->running) {
        *error = shared->error;
        lock.unlock();
        m_thread->wait();
        m_thread.reset();
        return false;
    }
    m_shared = shared;
    m_path = path;
    m_nextId = shared->nextId;
    m_unwritten = 0;
    m_failureReported = false;
    return true;
}

void CaptureRecorder::close() {
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stop = true;
    }
    m_shared->wake.notify_one();
    m_thread->wait();
    m_thread.reset();
    const std::shared_ptr<Shared> shared = std::exchange(m_shared, nullptr);
    m_path.clear();
    // A failure of the last commit is said now; what the thread posted before still arrives
    // (until the next open()).
    if (shared->failed && !std::exchange(m_failureReported, true))
        emit failed(shared->error);
}

bool CaptureRecorder::isOpen() const {
    return m_shared != nullptr;
}

QString CaptureRecorder::path() const {
    return m_path;
}

void CaptureRecorder::setBudget(const CaptureBudget &budget) {
    if (!m_shared)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->budget = budget;
    }
    m_shared->wake.notify_one();
}

quint64 CaptureRecorder::append(const BrokerEventList &events) {
    if (!m_shared || events.isEmpty())
        return 0;
    const qint64 bytes = bytesOf(events);
    bool queued = false;
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->failed)
            return 0;
        // One batch larger than the byte bound still goes when nothing waits.
        queued = m_shared->queuedEvents + events.size() <= MaxQueuedEvents &&
                 (m_shared->queuedBytes == 0 || m_shared->queuedBytes + bytes <= MaxQueuedBytes);
        if (queued) {
            m_shared->batches.push_back(events);
            m_shared->batchedEvents += events.size();
            m_shared->batchedBytes += bytes;
            m_shared->queuedEvents += events.size();
            m_shared->queuedBytes += bytes;
        } else {
            m_shared->unwritten += quint64(events.size());
        }
    }
    m_shared->wake.notify_one();
    if (!queued) {
        m_unwritten += quint64(events.size());
        emit overflowed(m_unwritten);
        return 0;
    }
    const quint64 first = m_nextId;
    m_nextId += quint64(events.size());
    return first;
}

void CaptureRecorder::addUnrecorded(quint64 count) {
    if (!m_shared || count == 0)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->unrecorded += count;
    }
    m_shared->wake.notify_one();
}

void CaptureRecorder::appendViolations(const ContractViolationList &violations) {
    if (!m_shared || violations.isEmpty())
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->failed ||
            m_shared->violations.size() + violations.size() > MaxQueuedViolations)
            return;
        m_shared->violations.append(violations);
    }
    m_shared->wake.notify_one();
}

bool CaptureRecorder::flush(QString *error) {
    if (!m_shared)
        return true;
    const quint64 target = m_nextId - 1;
    std::unique_lock lock(m_shared->mutex);
    m_shared->committed.wait(lock,
                             [&] { return m_shared->failed || m_shared->committedId >= target; });
    if (m_shared->failed) {
        if (error)
            *error = m_shared->error;
        return false;
    }
    return true;
}

bool CaptureRecorder::saveAs(const QString &path, QString *error) {
    if (!m_shared) {
        *error = tr("%1: no capture is open to save").arg(path);
        return false;
    }
    if (!flush(error))
        return false;
    return CaptureConverter::copyCapture(m_path, path, error);
}

void CaptureRecorder::runWriter(std::shared_ptr<Shared> shared, int generation) {
    using Clock = std::chrono::steady_clock;
    Shared &s = *shared;
    CaptureWriter writer;
    {
        QString error;
        const bool ok = writer.open(
            s.path, s.fresh ? CaptureWriter::OpenMode::Fresh : CaptureWriter::OpenMode::Continue,
            s.openBudget, &error);
        std::lock_guard lock(s.mutex);
        s.opened = true;
        s.running = ok;
        s.error = error;
        s.nextId = writer.nextId();
        s.committedId = writer.committedId();
        s.committed.notify_all();
        if (!ok)
            return;
    }
    // The signals are emitted in the recorder's thread, and only for the capture still open.
    const auto post = [this, generation](auto emitter) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, emitter] {
                if (generation == m_generation)
                    emitter(this);
            },
            Qt::QueuedConnection);
    };
    const auto failWith = [&](const QString &error) {
        {
            std::lock_guard lock(s.mutex);
            s.failed = true;
            s.error = error;
            s.batches.clear();
            s.violations.clear();
            s.batchedEvents = 0;
            s.batchedBytes = 0;
            s.queuedEvents = 0;
            s.queuedBytes = 0;
        }
        s.committed.notify_all();
        post([error](CaptureRecorder *r) {
            if (!std::exchange(r->m_failureReported, true))
                emit r->failed(error);
        });
    };

    Clock::time_point transactionStart;
    // What the open transaction holds, released from the queue's bounds at its commit.
    qsizetype transactionEvents = 0;
    qint64 transactionBytes = 0;
    bool stop = false;
    while (!stop) {
        std::deque<BrokerEventList> work;
        ContractViolationList violations;
        std::optional<CaptureBudget> budget;
        quint64 unwritten = 0;
        quint64 unrecorded = 0;
        {
            std::unique_lock lock(s.mutex);
            // With a transaction open, what was written is committed below without waiting.
            if (!writer.inTransaction()) {
                s.wake.wait(lock, [&] {
                    return s.stop || !s.batches.empty() || !s.violations.isEmpty() || s.budget ||
                           s.unwritten > 0 || s.unrecorded > 0;
                });
            }
            work.swap(s.batches);
            violations.swap(s.violations);
            transactionEvents += std::exchange(s.batchedEvents, 0);
            transactionBytes += std::exchange(s.batchedBytes, 0);
            std::swap(budget, s.budget);
            std::swap(unwritten, s.unwritten);
            std::swap(unrecorded, s.unrecorded);
            stop = s.stop;
        }
        if (budget)
            writer.setBudget(*budget);
        writer.addUnwritten(unwritten);
        writer.addUnrecorded(unrecorded);
        QString error;
        if (!writer.inTransaction())
            transactionStart = Clock::now();
        bool written = true;
        for (const BrokerEventList &batch : work) {
            if (!writer.write(batch, &error)) {
                written = false;
                break;
            }
        }
        // After the frames they name, in the same transaction.
        if (written && !writer.writeViolations(violations, &error))
            written = false;
        if (!written) {
            failWith(error);
            return;
        }
        work.clear(); // the frames' memory goes back now, not after the commit
        if (!stop) {
            std::lock_guard lock(s.mutex);
            // More is waiting: keep the transaction open, up to the commit interval.
            if (!s.batches.empty() &&
                Clock::now() - transactionStart < std::chrono::milliseconds(CommitIntervalMs))
                continue;
        }
        std::optional<CaptureWriter::Eviction> eviction;
        if (!writer.commit(&error, &eviction)) {
            failWith(error);
            return;
        }
        const quint64 committedId = writer.committedId();
        {
            std::lock_guard lock(s.mutex);
            s.committedId = committedId;
            s.queuedEvents -= std::exchange(transactionEvents, 0);
            s.queuedBytes -= std::exchange(transactionBytes, 0);
        }
        s.committed.notify_all();
        if (eviction) {
            post([e = *eviction](CaptureRecorder *r) {
                emit r->evicted(e.firstRemainingId, e.discardedTotal);
            });
        }
        post([committedId](CaptureRecorder *r) { emit r->written(committedId); });
    }
    QString error;
    if (!writer.close(&error))
        failWith(error);
}

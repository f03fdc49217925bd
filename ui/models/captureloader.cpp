#include "captureloader.h"

#include "captureconverter.h"
#include "capturereader.h"
#include "framelogmodel.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace {

// Rows added per pass: ~10 ms of work, so the event loop answers between chunks.
constexpr int ChunkRows = 20000;
constexpr int ProgressIntervalMs = 100;

} // namespace

CaptureLoader::CaptureLoader(FrameLogModel *log, const QString &workDir, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_workDir(workDir) {
    m_chunkTimer.setInterval(0);
    connect(&m_chunkTimer, &QTimer::timeout, this, &CaptureLoader::loadChunk);
    m_convertProgress.setInterval(ProgressIntervalMs);
    connect(&m_convertProgress, &QTimer::timeout, this,
            [this] { Q_EMIT progress(m_convertDone.load(), m_convertTotal.load(), true); });
}

CaptureLoader::~CaptureLoader() {
    cancel();
}

bool CaptureLoader::start(const QString &path, QString *error) {
    cancel();
    m_sourcePath = path;
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = tr("%1: cannot read the file").arg(path);
        return false;
    }
    m_loading = true;
    if (CaptureReader::isCapture(path)) {
        m_capturePath = path;
        m_converted = false;
        // Opened from the event loop, so that a caller connects to finished() first.
        QTimer::singleShot(0, this, &CaptureLoader::openCapture);
        return true;
    }
    // A JSON Lines log or a HAR: converted into a capture in the work dir, then browsed.
    QDir().mkpath(m_workDir);
    m_capturePath = QDir(m_workDir).filePath(
        info.completeBaseName() +
        QStringLiteral(".%1.wscap").arg(QDateTime::currentMSecsSinceEpoch()));
    m_converted = true;
    m_cancelConversion = false;
    m_convertDone = 0;
    m_convertTotal = info.size();
    m_convertError.clear();
    m_converter = QThread::create([this, path] {
        QString convertError;
        const bool ok = CaptureConverter::convert(path, m_capturePath, &convertError,
                                                  [this](qint64 done, qint64 total) {
                                                      m_convertDone = done;
                                                      m_convertTotal = total;
                                                      return !m_cancelConversion.load();
                                                  });
        if (!ok)
            m_convertError = convertError.isEmpty() ? tr("cancelled") : convertError;
    });
    connect(m_converter, &QThread::finished, this, [this] {
        m_convertProgress.stop();
        m_converter->deleteLater();
        m_converter = nullptr;
        if (!m_loading)
            return; // cancelled
        if (!m_convertError.isEmpty())
            fail(m_convertError);
        else
            openCapture();
    });
    m_converter->start();
    m_convertProgress.start();
    return true;
}

void CaptureLoader::cancel() {
    m_chunkTimer.stop();
    m_convertProgress.stop();
    const bool wasLoading = m_loading;
    m_loading = false;
    if (m_converter) {
        m_cancelConversion = true;
        m_converter->wait();
        delete m_converter;
        m_converter = nullptr;
    }
    if (wasLoading)
        Q_EMIT finished(false, tr("cancelled"));
}

void CaptureLoader::fail(const QString &error) {
    m_chunkTimer.stop();
    m_loading = false;
    Q_EMIT finished(false, error);
}

void CaptureLoader::openCapture() {
    if (!m_loading)
        return;
    m_reader = std::make_unique<CaptureReader>();
    QString error;
    if (!m_reader->open(m_capturePath, &error)) {
        m_reader.reset();
        fail(error);
        return;
    }
    m_log->clear();
    CaptureReader *reader = m_reader.get();
    m_log->setFrameReader(
        [reader](quint64 id, BrokerEvent *event) { return reader->read(id, event); });
    // Every row is on disk already: none needs to stay in memory.
    m_log->setWrittenUpTo(~quint64(0));
    m_log->setPaused(false); // a file is shown at once
    m_nextId = reader->firstId();
    m_lastId = reader->lastId();
    m_total = qint64(reader->count());
    m_loaded = 0;
    m_log->setCapacity(int(std::clamp<qint64>(m_total, m_log->capacity(), INT_MAX)));
    Q_EMIT progress(0, m_total, false);
    if (m_nextId == 0 || m_total == 0) {
        m_loading = false;
        Q_EMIT finished(true, QString());
        return;
    }
    m_chunkTimer.start();
}

void CaptureLoader::loadChunk() {
    QList<quint64> ids;
    const BrokerEventList events = m_reader->readIndex(m_nextId, ChunkRows, &ids);
    // Ids may have gaps (frames the budget removed): each run of consecutive ids goes in as one
    // batch, so that every row knows its id.
    qsizetype start = 0;
    for (qsizetype i = 1; i <= events.size(); ++i) {
        if (i < events.size() && ids.at(i) == ids.at(i - 1) + 1)
            continue;
        m_log->appendIndexed(events.mid(start, i - start), ids.at(start));
        start = i;
    }
    m_loaded += events.size();
    Q_EMIT progress(m_loaded, m_total, false);
    if (events.isEmpty() || ids.last() >= m_lastId) {
        m_chunkTimer.stop();
        m_loading = false;
        Q_EMIT finished(true, QString());
        return;
    }
    m_nextId = ids.last() + 1;
}

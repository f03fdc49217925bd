#include "captureconverter.h"

#include "capturebudget.h"
#include "captureconnection.h"
#include "capturereader.h"
#include "capturewriter.h"
#include "framelogreader.h"
#include "harwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <climits>
#include <cstdio>

namespace {

constexpr int ChunkEvents = 5000;

// A sibling of path to write into before it is renamed over path.
QString temporarySibling(const QString &path) {
    return QStringLiteral("%1.part-%2").arg(path).arg(QCoreApplication::applicationPid());
}

void removeCapture(const QString &path) {
    for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
        QFile::remove(file);
}

// Puts a finished capture at its place: an old capture's -wal beside the new file would be
// taken for its journal.
bool replaceCapture(const QString &from, const QString &to, QString *error) {
    QFile::remove(to + QStringLiteral("-wal"));
    QFile::remove(to + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = CaptureConverter::tr("%1: cannot write: %2")
                     .arg(to, QString::fromLocal8Bit(std::strerror(errno)));
        removeCapture(from);
        return false;
    }
    return true;
}

// Progress of a step that is one part of a larger whole (log -> HAR goes through a capture).
CaptureConverter::Progress part(const CaptureConverter::Progress &progress, int index, int parts) {
    if (!progress)
        return {};
    return [=](qint64 done, qint64 total) {
        constexpr qint64 Scale = 1000;
        const qint64 within = total > 0 ? done * Scale / total : 0;
        return progress(index * Scale + within, parts * Scale);
    };
}

bool cancelled(const CaptureConverter::Progress &progress, qint64 done, qint64 total) {
    return progress && !progress(done, total);
}

// What a conversion of a damaged input says: how much it skipped and why.
QString skippedWarning(const QString &in, qint64 skipped, const QString &why) {
    return CaptureConverter::tr("%1: damaged; %n frame(s) could not be read and were skipped (%2)",
                                nullptr, int(std::min<qint64>(skipped, INT_MAX)))
        .arg(in, why);
}

bool exportJsonLines(const CaptureReader &reader, QIODevice *device, QString *error,
                     const CaptureConverter::Progress &progress, qint64 *skipped) {
    const quint64 first = reader.firstId();
    const quint64 last = reader.lastId();
    const qint64 total = qint64(reader.count());
    QList<quint64> ids;
    quint64 next = first;
    while (first != 0 && next <= last) {
        const BrokerEventList events = reader.readRange(next, ChunkEvents, &ids);
        if (events.isEmpty())
            break;
        QByteArray out;
        for (const BrokerEvent &e : events)
            out += FrameLogFile::toJsonLine(e) + '\n';
        if (device->write(out) != out.size()) {
            *error = CaptureConverter::tr("cannot write: %1").arg(device->errorString());
            return false;
        }
        // The ids a damaged row took are the frames not read.
        *skipped += qint64(ids.constLast() + 1 - next) - events.size();
        next = ids.constLast() + 1;
        if (cancelled(progress, qint64(next - first), total)) {
            *error = CaptureConverter::tr("cancelled");
            return false;
        }
    }
    if (first != 0)
        *skipped += qint64(last + 1 - next); // an unreadable end
    return true;
}

bool exportHar(const CaptureReader &reader, QIODevice *device, const QUrl &brokerUrl,
               QString *error, const CaptureConverter::Progress &progress, qint64 *skipped) {
    // One entry per connection, its frames together: a first pass over the index (no frame
    // bytes) groups the ids, a second reads the frames of one connection after the other.
    struct Connection {
        BrokerEvent first;
        QByteArray clientId;
        QList<quint64> frames;
    };
    using Key = std::pair<quint64, quint64>;
    QHash<Key, qsizetype> byKey;
    QList<Connection> connections;
    const quint64 firstId = reader.firstId();
    const quint64 lastId = reader.lastId();
    const qint64 total = 2 * qint64(reader.count());
    QList<quint64> ids;
    quint64 next = firstId;
    while (firstId != 0 && next <= lastId) {
        const BrokerEventList events = reader.readIndex(next, 50'000, &ids);
        if (events.isEmpty())
            break;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const BrokerEvent &e = events.at(i);
            const Key key{e.session, e.connectionId};
            auto it = byKey.find(key);
            if (it == byKey.end()) {
                it = byKey.insert(key, connections.size());
                connections.append(Connection{e, {}, {}});
            }
            Connection &c = connections[*it];
            if (!e.clientId.isEmpty())
                c.clientId = e.clientId;
            if (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut)
                c.frames.append(ids.at(i));
        }
        *skipped += qint64(ids.constLast() + 1 - next) - events.size();
        next = ids.constLast() + 1;
        if (cancelled(progress, qint64(next - firstId), total)) {
            *error = CaptureConverter::tr("cancelled");
            return false;
        }
    }
    if (firstId != 0)
        *skipped += qint64(lastId + 1 - next);
    HarWriter har(device, brokerUrl);
    bool ok = har.begin();
    qint64 done = total / 2;
    for (const Connection &c : std::as_const(connections)) {
        if (!ok || c.frames.isEmpty())
            continue;
        ok = har.beginEntry(c.first, c.clientId);
        for (quint64 id : c.frames) {
            BrokerEvent e;
            if (!reader.read(id, &e)) {
                ++*skipped; // damaged: reader.warning() says so
                continue;
            }
            ok = ok && har.message(e);
            if (++done % ChunkEvents == 0 && cancelled(progress, done, total)) {
                *error = CaptureConverter::tr("cancelled");
                return false;
            }
        }
        ok = ok && har.endEntry();
    }
    if (!(ok && har.finish())) {
        *error = CaptureConverter::tr("cannot write: %1").arg(device->errorString());
        return false;
    }
    return true;
}

// Converts `in` (a capture) into a log file at out.
bool captureToLog(const QString &in, const QString &out, FrameLogFile::Format format,
                  QString *error, const CaptureConverter::Progress &progress, QString *warning) {
    CaptureReader reader;
    if (!reader.open(in, error))
        return false;
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = CaptureConverter::tr("%1: cannot write: %2").arg(out, file.errorString());
        return false;
    }
    QString why;
    qint64 skipped = 0;
    if (!CaptureConverter::exportCapture(reader, &file, format, QUrl(), &why, progress, &skipped)) {
        file.cancelWriting();
        *error = QStringLiteral("%1: %2").arg(out, why);
        return false;
    }
    if (!file.commit()) {
        *error = CaptureConverter::tr("%1: cannot write: %2").arg(out, file.errorString());
        return false;
    }
    if (warning && (skipped > 0 || !reader.warning().isEmpty()))
        *warning = skippedWarning(in, skipped, reader.warning());
    return true;
}

bool logToCapture(const QString &in, const QString &out, QString *error,
                  const CaptureConverter::Progress &progress, QString *warning) {
    QFile file(in);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CaptureConverter::tr("%1: cannot read: %2").arg(in, file.errorString());
        return false;
    }
    const QString temporary = temporarySibling(out);
    removeCapture(temporary);
    CaptureWriter writer;
    if (!writer.open(temporary, CaptureWriter::OpenMode::Fresh, CaptureBudget::unlimited(), error))
        return false;
    QString why;
    const bool imported = CaptureConverter::importLog(&file, &writer, &why, progress, warning);
    if (warning && !warning->isEmpty())
        *warning = QStringLiteral("%1: %2").arg(in, *warning);
    if (!imported) {
        writer.close();
        removeCapture(temporary);
        *error = QStringLiteral("%1: %2").arg(in, why);
        return false;
    }
    if (!writer.close(error)) {
        removeCapture(temporary);
        return false;
    }
    return replaceCapture(temporary, out, error);
}

bool logToLog(const QString &in, const QString &out, FrameLogFile::Format format, QString *error,
              const CaptureConverter::Progress &progress, QString *warning) {
    if (format == FrameLogFile::Format::Har) {
        // A HAR groups frames by connection: through a capture, so that no list of all events
        // is ever in memory.
        QTemporaryDir dir;
        if (!dir.isValid()) {
            *error = CaptureConverter::tr("cannot make a temporary directory: %1")
                         .arg(dir.errorString());
            return false;
        }
        const QString capture = dir.filePath(QStringLiteral("convert.wscap"));
        return logToCapture(in, capture, error, part(progress, 0, 2), warning) &&
               captureToLog(capture, out, format, error, part(progress, 1, 2), nullptr);
    }
    QFile file(in);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CaptureConverter::tr("%1: cannot read: %2").arg(in, file.errorString());
        return false;
    }
    QSaveFile output(out);
    if (!output.open(QIODevice::WriteOnly)) {
        *error = CaptureConverter::tr("%1: cannot write: %2").arg(out, output.errorString());
        return false;
    }
    FrameLogReader reader(&file);
    reader.setSkipDamagedLines(warning != nullptr);
    while (!reader.atEnd()) {
        BrokerEventList events;
        if (!reader.read(&events, ChunkEvents)) {
            output.cancelWriting();
            *error = QStringLiteral("%1: %2").arg(in, reader.error());
            return false;
        }
        QByteArray bytes;
        for (const BrokerEvent &e : events)
            bytes += FrameLogFile::toJsonLine(e) + '\n';
        if (output.write(bytes) != bytes.size()) {
            output.cancelWriting();
            *error = CaptureConverter::tr("%1: cannot write: %2").arg(out, output.errorString());
            return false;
        }
        if (cancelled(progress, reader.done(), reader.total())) {
            output.cancelWriting();
            *error = CaptureConverter::tr("%1: cancelled").arg(out);
            return false;
        }
    }
    if (!output.commit()) {
        *error = CaptureConverter::tr("%1: cannot write: %2").arg(out, output.errorString());
        return false;
    }
    if (warning && reader.skippedLines() > 0)
        *warning = skippedWarning(in, reader.skippedLines(), reader.firstSkipped());
    return true;
}

} // namespace

std::optional<CaptureConverter::Format> CaptureConverter::formatOfPath(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("wscap") || suffix == QLatin1String("sqlite") ||
        suffix == QLatin1String("sqlite3") || suffix == QLatin1String("db"))
        return Format::Capture;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Format::JsonLines;
    if (suffix == QLatin1String("har"))
        return Format::Har;
    return std::nullopt;
}

bool CaptureConverter::convert(const QString &in, const QString &out, QString *error,
                               Progress progress, QString *warning) {
    const std::optional<Format> outFormat = formatOfPath(out);
    if (!outFormat) {
        *error = tr("%1: unknown output format; name it .wscap (capture), .jsonl (JSON Lines) or "
                    ".har (HAR)")
                     .arg(out);
        return false;
    }
    if (!QFileInfo(in).isFile()) {
        *error = tr("%1: no such file").arg(in);
        return false;
    }
    if (QFileInfo(in) == QFileInfo(out)) {
        *error = tr("%1: input and output are the same file").arg(out);
        return false;
    }
    const bool fromCapture = CaptureReader::isCapture(in);
    const FrameLogFile::Format logFormat =
        *outFormat == Format::Har ? FrameLogFile::Format::Har : FrameLogFile::Format::JsonLines;
    if (fromCapture && *outFormat == Format::Capture) {
        CaptureReader reader; // for its clear message when in is not a capture
        return reader.open(in, error) && copyCapture(in, out, error);
    }
    if (fromCapture)
        return captureToLog(in, out, logFormat, error, progress, warning);
    if (*outFormat == Format::Capture)
        return logToCapture(in, out, error, progress, warning);
    return logToLog(in, out, logFormat, error, progress, warning);
}

bool CaptureConverter::copyCapture(const QString &from, const QString &to, QString *error) {
    CaptureConnection connection;
    if (!connection.open(from, CaptureConnection::Mode::ReadOnly, error))
        return false;
    const QString temporary = temporarySibling(to);
    removeCapture(temporary);
    {
        QSqlQuery q(connection.database());
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.bindValue(0, temporary);
        if (!q.exec()) {
            *error = tr("%1: cannot write: %2").arg(to, q.lastError().text());
            removeCapture(temporary);
            return false;
        }
    }
    connection.close();
    return replaceCapture(temporary, to, error);
}

bool CaptureConverter::exportCapture(const CaptureReader &reader, QIODevice *device,
                                     FrameLogFile::Format format, const QUrl &brokerUrl,
                                     QString *error, const Progress &progress, qint64 *skipped) {
    qint64 ignored = 0;
    if (!skipped)
        skipped = &ignored;
    return format == FrameLogFile::Format::Har
               ? exportHar(reader, device, brokerUrl, error, progress, skipped)
               : exportJsonLines(reader, device, error, progress, skipped);
}

bool CaptureConverter::importLog(QIODevice *device, CaptureWriter *writer, QString *error,
                                 const Progress &progress, QString *warning) {
    FrameLogReader reader(device);
    reader.setSkipDamagedLines(warning != nullptr);
    while (!reader.atEnd()) {
        BrokerEventList events;
        if (!reader.read(&events, ChunkEvents)) {
            *error = reader.error();
            return false;
        }
        if (!writer->write(events, error) || !writer->commit(error))
            return false;
        if (cancelled(progress, reader.done(), reader.total())) {
            *error = tr("cancelled");
            return false;
        }
    }
    if (warning && reader.skippedLines() > 0)
        *warning = tr("damaged; %n frame(s) could not be read and were skipped (%1)", nullptr,
                      int(std::min<qint64>(reader.skippedLines(), INT_MAX)))
                       .arg(reader.firstSkipped());
    return true;
}

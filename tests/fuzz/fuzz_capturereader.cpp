// libFuzzer target over CaptureReader, the reader of the capture files (SQLite) a user opens,
// and CaptureConverter, which turns one into JSON Lines. The bytes are written to a file and
// opened as the window and `wsmsgbroker --convert` open one. Beyond "no crash, no hang, no
// sanitizer report" it checks what the window relies on:
// - isCapture() and open() agree: a file without the SQLite magic is never opened;
// - a refused file gets one line of error that names the file;
// - an opened file's ids are consistent (count() is lastId - firstId + 1, or 0), readIndex()
//   and readRange() list ascending ids, the same ones unless a warning says the file is damaged,
//   and the same events but for data, and read() of an id they list gives that event or (a
//   damaged index) nothing;
// - converting it to JSON Lines either fails with one line naming the file, or writes a file
//   that FrameLogFile reads back (so a saved export opens again).

#include "captureconverter.h"
#include "capturereader.h"
#include "framelogfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <tuple>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail) {
    std::fprintf(stderr, "invariant broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

void checkOneLine(const char *what, const QString &error, const QString &path) {
    if (error.isEmpty() || error.contains(u'\n') || !error.contains(path))
        fail(what, error);
}

// What readIndex() keeps of an event (it leaves the data out, the size in).
auto indexFields(const BrokerEvent &e) {
    return std::tie(e.timeMs, e.kind, e.room, e.connectionId, e.size, e.clientId, e.session,
                    e.action, e.outcome, e.closeReason, e.ack, e.detail, e.binary);
}

void removeFiles(const QString &path) {
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

void checkReader(const QString &path) {
    CaptureReader reader;
    QString error;
    const bool magic = CaptureReader::isCapture(path);
    if (!reader.open(path, &error)) {
        checkOneLine("a refused capture's error is one line naming the file", error, path);
        return;
    }
    if (!magic)
        fail("opened a file without the SQLite magic", path);
    const quint64 first = reader.firstId();
    const quint64 last = reader.lastId();
    const quint64 count = reader.count();
    if ((first == 0) != (last == 0) || last < first || count != (first == 0 ? 0 : last - first + 1))
        fail("inconsistent ids",
             QStringLiteral("first %1 last %2 count %3").arg(first).arg(last).arg(count));
    constexpr int Window = 64;
    QList<quint64> rangeIds;
    QList<quint64> indexIds;
    const BrokerEventList range = reader.readRange(first, Window, &rangeIds);
    const BrokerEventList index = reader.readIndex(first, Window, &indexIds);
    if (range.size() != rangeIds.size() || index.size() != indexIds.size())
        fail("ids do not match events", path);
    // Whole frames read more of the file than the index does: where it is damaged, one can skip
    // rows the other reads, but only with a warning.
    if (rangeIds != indexIds && reader.warning().isEmpty())
        fail("readRange and readIndex list different ids without a warning", path);
    for (qsizetype i = 0; i < range.size(); ++i) {
        const qsizetype at = indexIds.indexOf(rangeIds.at(i));
        if (at >= 0 && indexFields(range.at(i)) != indexFields(index.at(at)))
            fail("readRange and readIndex differ", QString::number(rangeIds.at(i)));
        if (rangeIds.at(i) < first || (i > 0 && rangeIds.at(i) <= rangeIds.at(i - 1)))
            fail("readRange() lists ids out of order", QString::number(rangeIds.at(i)));
        // A damaged index can make a lookup miss a row a scan found: then it is a miss, never
        // another event.
        BrokerEvent one;
        if (reader.read(rangeIds.at(i), &one) &&
            (indexFields(one) != indexFields(range.at(i)) || one.data != range.at(i).data))
            fail("read() and readRange() differ", QString::number(rangeIds.at(i)));
    }
    // Past the end and far past it: nothing, and no crash.
    BrokerEvent none;
    reader.read(last + 1, &none);
    reader.readRange(last + 1000000, Window);
    if (!reader.warning().isEmpty() && reader.warning().contains(u'\n'))
        fail("a damaged capture's warning is more than one line", reader.warning());
    // The meta counters are asked of the file on each call.
    std::ignore =
        std::make_tuple(reader.discardedCount(), reader.unwrittenCount(), reader.unrecordedCount(),
                        reader.createdMs(), reader.appVersion());
}

void checkConversion(const QString &path, const QString &out) {
    QString error;
    QFile::remove(out);
    if (!CaptureConverter::convert(path, out, &error)) {
        if (error.isEmpty() || error.contains(u'\n'))
            fail("a failed conversion's error is not one line", error);
        return;
    }
    QFile file(out);
    if (!file.open(QIODevice::ReadOnly))
        fail("a conversion that succeeded left no file", out);
    BrokerEventList events;
    if (!FrameLogFile::read(&file, &events, &error))
        fail("the JSON Lines written from a capture do not read back", error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_capturereader";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // Qt SQL needs an application for its plugins
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.wscap"));
    const QString out = dir.filePath(QStringLiteral("output.jsonl"));
    removeFiles(path);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            fail("cannot write the input file", path);
    }
    checkReader(path);
    checkConversion(path, out);
    removeFiles(path);
    return 0;
}

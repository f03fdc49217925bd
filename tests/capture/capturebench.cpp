// wsmsgbroker-capturebench: how fast the capture writes, reads its index and searches.
//
//   wsmsgbroker-capturebench [--frames N] [--dir DIR] [--pattern REGEX]
//
// Writes N frames of ~150 bytes (default 1,000,000) with CaptureWriter as fast as it goes (the
// writer thread's rate), then with CaptureRecorder at the broker's recording limit (200,000
// frames/s) to check that it keeps up; prints the file's bytes per frame, the time to read the
// whole index, and a regular-expression search over every frame (time to the first results and
// to the end). Speed is measured here, never asserted in tests.

#include "captureevents.h"
#include "capturereader.h"
#include "capturerecorder.h"
#include "capturesearch.h"
#include "capturewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

namespace {

// ~150-byte frames of a chat: a send in, its message out.
BrokerEventList frames(quint64 first, int count) {
    BrokerEventList list;
    list.reserve(count);
    for (quint64 n = first; n < first + quint64(count); ++n) {
        BrokerEvent e;
        e.timeMs = CaptureEvents::BaseTimeMs + qint64(n / 200);
        e.session = 0x0123456789abcdefULL;
        e.sessionUrl = QStringLiteral("ws://127.0.0.1:9042/");
        e.connectionId = 1 + n % 100;
        e.room = QStringLiteral("/bench");
        e.clientId = QByteArray("client") + QByteArray::number(n % 100);
        e.kind = n % 2 ? BrokerEvent::Kind::FrameOut : BrokerEvent::Kind::FrameIn;
        e.action = n % 2 ? FrameAction::Message : FrameAction::Send;
        e.outcome = BrokerEvent::Outcome::Done;
        e.data = R"({"action":"send","dest":"client)" + QByteArray::number((n + 1) % 100) +
                 R"(","message":{"seq":)" + QByteArray::number(n) +
                 R"(,"text":"The quick brown fox jumps over the lazy dog, twice: the quick"}})";
        e.size = e.data.size();
        list.append(std::move(e));
    }
    return list;
}

double seconds(const QElapsedTimer &t) {
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("frames"), QStringLiteral("Frames to write (default 1000000)."),
         QStringLiteral("count"), QStringLiteral("1000000")},
        {QStringLiteral("dir"), QStringLiteral("Where to write (default: a temporary directory)."),
         QStringLiteral("dir")},
        {QStringLiteral("pattern"),
         QStringLiteral("The regular expression searched (default \"seq\":\\d*777\\b)."),
         QStringLiteral("regex"), QStringLiteral("\"seq\":\\d*777\\b")},
    });
    parser.process(app);
    const int total = parser.value(QStringLiteral("frames")).toInt();
    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                            : temporary.path();
    constexpr int Batch = 10'000;
    QString error;

    // 1. The writer alone, as fast as it goes.
    const QString writerPath = dir + QStringLiteral("/bench-writer.wscap");
    {
        CaptureWriter writer;
        if (!writer.open(writerPath, CaptureWriter::OpenMode::Fresh, CaptureBudget::unlimited(),
                         &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::vector<BrokerEventList> batches;
        for (int n = 0; n < total; n += Batch)
            batches.push_back(frames(quint64(n) + 1, std::min(Batch, total - n)));
        QElapsedTimer t;
        t.start();
        for (const BrokerEventList &b : batches) {
            if (!writer.write(b, &error) || !writer.commit(&error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
        }
        writer.close();
        std::printf("writer: %d frames in %.2f s: %.0f frames/s\n", total, seconds(t),
                    total / seconds(t));
    }
    const qint64 bytes = QFileInfo(writerPath).size();
    std::printf("file: %lld bytes, %.1f bytes per frame (frames of %lld bytes)\n", qlonglong(bytes),
                double(bytes) / total, qlonglong(frames(1, 1).at(0).size));

    // 2. The recorder at the broker's recording limit: 10,000 frames every 50 ms.
    const QString recorderPath = dir + QStringLiteral("/bench-recorder.wscap");
    {
        CaptureRecorder recorder;
        if (!recorder.open(recorderPath, CaptureBudget(), &error, true)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer t;
        t.start();
        qint64 behindMs = 0;
        for (int n = 0; n < total; n += Batch) {
            const qint64 due = qint64(n / Batch) * 50;
            if (t.elapsed() < due)
                QThread::msleep(ulong(due - t.elapsed()));
            else
                behindMs = std::max(behindMs, t.elapsed() - due);
            recorder.append(frames(quint64(n) + 1, std::min(Batch, total - n)));
        }
        recorder.flush();
        std::printf("recorder at 200000 frames/s: %d frames in %.2f s, %llu not written "
                    "(writer behind), caller at most %lld ms late\n",
                    total, seconds(t), qulonglong(recorder.unwrittenCount()), qlonglong(behindMs));
    }

    // 3. The index, as the window builds it.
    {
        CaptureReader reader;
        if (!reader.open(writerPath, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer t;
        t.start();
        qint64 rows = 0;
        QList<quint64> ids;
        for (quint64 next = reader.firstId(); next != 0 && next <= reader.lastId();) {
            const BrokerEventList index = reader.readIndex(next, 50'000, &ids);
            if (index.isEmpty())
                break;
            rows += index.size();
            next = ids.constLast() + 1;
        }
        std::printf("readIndex: %lld rows in %.2f s: %.0f rows/s\n", qlonglong(rows), seconds(t),
                    rows / seconds(t));
    }

    // 4. A regular expression over every frame.
    {
        CaptureSearch search;
        QElapsedTimer t;
        qint64 firstMs = -1;
        quint64 matches = 0;
        QObject::connect(&search, &CaptureSearch::found, [&](const QList<quint64> &) {
            if (firstMs < 0)
                firstMs = t.elapsed();
        });
        QObject::connect(&search, &CaptureSearch::finished, [&](quint64 n, bool) {
            matches = n;
            app.quit();
        });
        t.start();
        search.start(writerPath, QRegularExpression(parser.value(QStringLiteral("pattern"))), 0, 0);
        app.exec();
        std::printf("search /%s/: %llu matches, first results after %lld ms, finished after "
                    "%.2f s\n",
                    qPrintable(parser.value(QStringLiteral("pattern"))), qulonglong(matches),
                    qlonglong(firstMs), seconds(t));
    }
    return 0;
}

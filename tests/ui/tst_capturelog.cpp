// The frame log over a capture (issue 12): rows keep their index in memory and read their
// bytes back from the capture on disk; text filters search the whole capture; the capture's
// budget removes rows; a saved log opens by streaming into a capture. A real capture file
// (SQLite, its own writer thread) in a temporary folder, under QAbstractItemModelTester.
#include "brokerevents.h"
#include "capturebudget.h"
#include "captureloader.h"
#include "capturerecorder.h"
#include "framefilterproxymodel.h"
#include "framelogfile.h"
#include "framelogmodel.h"
#include "inspector.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace BrokerEvents;

namespace {

// n sends of ~150 bytes in two rooms; every 1000th mentions "needle".
BrokerEventList traffic(int n, int first = 0) {
    BrokerEventList events;
    events.reserve(n);
    for (int i = first; i < first + n; ++i) {
        const QByteArray text = i % 1000 == 0 ? "needle" : "hay";
        events.append(send(quint64(1 + i % 4), i % 2 ? QStringLiteral("/a") : QStringLiteral("/b"),
                           "c" + QByteArray::number(i % 4), {"peer"},
                           "{\"seq\":" + QByteArray::number(i) + ",\"text\":\"" + text +
                               "\",\"pad\":\"0123456789012345678901234567890123456789\"}",
                           {}, BaseTimeMs + i));
    }
    return events;
}

} // namespace

class TestCaptureLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        m_inspector = std::make_unique<Inspector>();
        m_logTester = std::make_unique<QAbstractItemModelTester>(
            m_inspector->log(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_inspector->logProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup() {
        m_proxyTester.reset();
        m_logTester.reset();
        m_inspector.reset();
    }

    void olderRowsAreReadBackWhole() {
        QString error;
        QVERIFY2(m_inspector->startRecording(path("live.wscap"), CaptureBudget(), &error),
                 qPrintable(error));
        FrameLogModel *log = m_inspector->log();
        // A 1 MiB frame first, then enough traffic that it leaves memory.
        const QByteArray big = "{\"action\":\"send\",\"dest\":\"b\",\"message\":\"" +
                               QByteArray(1024 * 1024, 'x') + "\"}";
        BrokerEvent bigSend = frame(BrokerEvent::Kind::FrameIn, 9, QStringLiteral("/big"), "a",
                                    FrameAction::Send, big);
        m_inspector->addEvents({bigSend});
        for (int i = 0; i < 4; ++i)
            m_inspector->addEvents(traffic(5000, i * 5000));
        QVERIFY(m_inspector->recorder()->flush(&error));
        QTRY_VERIFY(!log->isInMemory(0));
        QCOMPARE(log->rowCount(), 20001);

        const BrokerEvent whole = log->eventAt(0);
        QCOMPARE(whole.data.size(), big.size());
        QCOMPARE(whole.data, big);
        QCOMPARE(whole.room, QStringLiteral("/big"));
        QCOMPARE(log->index(0, FrameLogModel::SizeColumn).data().toLongLong(), big.size());
        // A row in the middle, also from disk, also whole.
        QVERIFY(!log->isInMemory(100));
        QVERIFY(log->eventAt(100).data.contains("\"seq\":99,"));
        QCOMPARE(log->index(100, FrameLogModel::ClientColumn).data().toString(),
                 QStringLiteral("c3"));
        // The newest rows stay in memory.
        QVERIFY(log->isInMemory(log->rowCount() - 1));
    }

    void textFilterSearchesTheCapture() {
        QString error;
        QVERIFY2(m_inspector->startRecording(path("search.wscap"), CaptureBudget(), &error),
                 qPrintable(error));
        for (int i = 0; i < 10; ++i)
            m_inspector->addEvents(traffic(3000, i * 3000));
        QVERIFY(m_inspector->recorder()->flush(&error));
        FrameLogModel *log = m_inspector->log();
        QTRY_VERIFY(!log->isInMemory(0));
        FrameFilterProxyModel *proxy = m_inspector->logProxy();
        proxy->setFilterText(QStringLiteral("NEEDLE")); // case-insensitive by default
        QVERIFY(proxy->isSearchingCapture());
        QTRY_VERIFY_WITH_TIMEOUT(!proxy->isSearchingCapture(), 20000);
        QCOMPARE(proxy->rowCount(), 30); // seq 0, 1000, ..., 29000
        for (int r = 0; r < proxy->rowCount(); ++r)
            QVERIFY(proxy->index(r, FrameLogModel::SummaryColumn)
                        .data()
                        .toString()
                        .contains(QLatin1String("needle")));
        proxy->setRegularExpression(true);
        proxy->setFilterText(QStringLiteral("\"seq\":2[0-9]000,"));
        QTRY_VERIFY_WITH_TIMEOUT(!proxy->isSearchingCapture(), 20000);
        QCOMPARE(proxy->rowCount(), 10);
        // Structured filters read the index only.
        proxy->setFilterText(QString());
        proxy->setRoomFilter(QStringLiteral("/a"));
        QCOMPARE(proxy->rowCount(), 15000);
    }

    // A JSON condition needs each frame parsed: rows only in the capture are read back by the
    // re-filtering, in slices, and no search of the capture is asked for.
    void conditionReadsOlderRowsBack() {
        QString error;
        QVERIFY2(m_inspector->startRecording(path("condition.wscap"), CaptureBudget(), &error),
                 qPrintable(error));
        for (int i = 0; i < 10; ++i)
            m_inspector->addEvents(traffic(3000, i * 3000));
        QVERIFY(m_inspector->recorder()->flush(&error));
        FrameLogModel *log = m_inspector->log();
        QTRY_VERIFY(!log->isInMemory(0));
        FrameFilterProxyModel *proxy = m_inspector->logProxy();
        QSignalSpy searches(proxy, &FrameFilterProxyModel::captureSearchRequested);
        proxy->setConditionMode(true);
        proxy->setFilterText(QStringLiteral(R"(message.text == "needle" && message.seq >= 2000)"));
        QVERIFY(!proxy->isSearchingCapture());
        for (const QList<QVariant> &search : std::as_const(searches))
            QVERIFY(search.at(0).value<QRegularExpression>().pattern().isEmpty());
        // Rows read back from disk end the first slice at its time, not at 5,000 rows.
        QVERIFY(proxy->isRefiltering());
        QTRY_VERIFY_WITH_TIMEOUT(!proxy->isRefiltering(), 60000);
        QCOMPARE(proxy->rowCount(), 28); // seq 2000, 3000, ..., 29000
        for (int r = 0; r < proxy->rowCount(); ++r)
            QVERIFY(proxy->index(r, FrameLogModel::SummaryColumn)
                        .data()
                        .toString()
                        .contains(QLatin1String("needle")));
        // New rows, in memory, are judged as they come.
        m_inspector->addEvents(traffic(1, 31000));
        QCOMPARE(proxy->rowCount(), 29);
    }

    // Rows a loaded capture streams in come without their bytes: a condition set before the
    // file opens judges them in slices, not in the handler of each chunk.
    void conditionOverALoadedCapture() {
        const QString jsonl = path("loaded.jsonl");
        {
            QFile file(jsonl);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY(FrameLogFile::write(&file, FrameLogFile::Format::JsonLines, traffic(30000),
                                        QUrl(), &error));
        }
        FrameFilterProxyModel *proxy = m_inspector->logProxy();
        proxy->setConditionMode(true);
        proxy->setFilterText(QStringLiteral(R"(message.text == "needle")"));
        QString error;
        QVERIFY2(m_inspector->openFile(jsonl, path("work"), &error), qPrintable(error));
        QSignalSpy finished(m_inspector->loader(), &CaptureLoader::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(m_inspector->log()->rowCount(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!proxy->isRefiltering(), 60000);
        QCOMPARE(proxy->rowCount(), 30);
        QVERIFY(proxy->index(29, FrameLogModel::SummaryColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("29000")));
    }

    void budgetRemovesTheOldestRows() {
        QString error;
        CaptureBudget budget;
        budget.maxFrames = 20000;
        QVERIFY2(m_inspector->startRecording(path("budget.wscap"), budget, &error),
                 qPrintable(error));
        QSignalSpy discarded(m_inspector.get(), &Inspector::discardedFramesChanged);
        for (int i = 0; i < 10; ++i) {
            m_inspector->addEvents(traffic(5000, i * 5000));
            QVERIFY(m_inspector->recorder()->flush(&error));
        }
        QTRY_VERIFY(!discarded.isEmpty());
        FrameLogModel *log = m_inspector->log();
        QVERIFY(m_inspector->discardedFrames() >= 30000);
        QVERIFY(log->rowCount() <= 20000);
        QCOMPARE(quint64(log->rowCount()) + m_inspector->discardedFrames(), 50000u);
        // What is left is the newest, and readable.
        QVERIFY(log->eventAt(0).data.contains(QByteArray("\"seq\":") +
                                              QByteArray::number(50000 - log->rowCount()) + ','));
    }

    // When the capture's writer is too far behind, the recorder refuses a batch: its rows are
    // in the log (counted, said by the inspector), their bytes are not kept in memory once
    // they are not the newest, and reading them gives the index's header instead of failing.
    void rowsTheWriterRefusedKeepNoBytes() {
        QString error;
        QVERIFY2(m_inspector->startRecording(path("behind.wscap"), CaptureBudget(), &error),
                 qPrintable(error));
        FrameLogModel *log = m_inspector->log();
        log->setCapacity(400000);
        QSignalSpy unwritten(m_inspector.get(), &Inspector::unwrittenFramesChanged);
        m_inspector->addEvents(traffic(100));
        // More than may wait for the writer at all: refused whatever the writer's pace.
        const BrokerEvent refused = traffic(1, 100).constFirst();
        const int refusedCount = int(CaptureRecorder::MaxQueuedEvents) + 1;
        m_inspector->addEvents(BrokerEventList(refusedCount, refused));
        QCOMPARE(unwritten.size(), 1);
        QCOMPARE(m_inspector->unwrittenFrames(), quint64(refusedCount));
        m_inspector->addEvents(traffic(6000, 200));
        QVERIFY(m_inspector->recorder()->flush(&error));
        const int firstRefused = 100;
        const int lastRefused = firstRefused + refusedCount - 1;
        QCOMPARE(log->rowCount(), 100 + refusedCount + 6000);
        // The newest rows stay whole; the refused ones go from memory with the written ones.
        QTRY_VERIFY(!log->isInMemory(lastRefused));
        QVERIFY(log->isInMemory(log->rowCount() - 1));
        for (const int row : {firstRefused, firstRefused + 1234, lastRefused}) {
            QVERIFY(log->isUnrecorded(row));
            const BrokerEvent e = log->eventAt(row);
            QVERIFY(e.data.isEmpty());
            QCOMPARE(e.size, refused.size);
            QCOMPARE(e.room, refused.room);
            QVERIFY(log->index(row, FrameLogModel::SummaryColumn).data().isValid());
        }
        // Rows before and after were written, and are read back whole.
        QVERIFY(!log->isUnrecorded(50));
        QVERIFY(log->eventAt(50).data.contains("\"seq\":50,"));
        QVERIFY(!log->isUnrecorded(lastRefused + 1));
        QVERIFY(log->eventAt(lastRefused + 1).data.contains("\"seq\":200,"));
        // Filters over the index still see every row.
        // Past the first rows the refilter runs in slices on the event loop (on a busy CI
        // machine that takes a while), so wait for it to reach the end.
        FrameFilterProxyModel *proxy = m_inspector->logProxy();
        proxy->setRoomFilter(refused.room);
        QTRY_VERIFY_WITH_TIMEOUT(!proxy->isRefiltering(), 60000);
        QVERIFY(proxy->rowCount() > refusedCount);
    }

    void savedLogOpensByStreaming() {
        // A JSON Lines log of 30,000 frames, written as an export would.
        const QString jsonl = path("saved.jsonl");
        {
            QFile file(jsonl);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY(FrameLogFile::write(&file, FrameLogFile::Format::JsonLines, traffic(30000),
                                        QUrl(), &error));
        }
        QString error;
        QVERIFY2(m_inspector->openFile(jsonl, path("work"), &error), qPrintable(error));
        QSignalSpy finished(m_inspector->loader(), &CaptureLoader::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        FrameLogModel *log = m_inspector->log();
        QCOMPARE(log->rowCount(), 30000);
        QVERIFY(log->hasFrameReader());
        QVERIFY(log->eventAt(12345).data.contains("\"seq\":12345,"));
        QCOMPARE(log->timeMsAt(29999), BaseTimeMs + 29999);
        // A file that is none of the formats: a message naming it, nothing shown.
        const QString junk = path("junk.har");
        {
            QFile file(junk);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("this is not a log\n");
        }
        Inspector other;
        QVERIFY(other.openFile(junk, path("work"), &error));
        QSignalSpy failed(other.loader(), &CaptureLoader::finished);
        QVERIFY(failed.wait(30000));
        QVERIFY(!failed.first().at(0).toBool());
        QVERIFY2(failed.first().at(1).toString().contains(QLatin1String("junk.har")),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(other.log()->rowCount(), 0);
    }

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
    std::unique_ptr<Inspector> m_inspector;
    std::unique_ptr<QAbstractItemModelTester> m_logTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_GUILESS_MAIN(TestCaptureLog)
#include "tst_capturelog.moc"

// The capture store: CaptureRecorder writing in its thread, CaptureReader reading, the ids, the
// budget, and the failures that stop a recording (file removed, disk full), each said once.

#include "captureevents.h"
#include "capturereader.h"
#include "capturerecorder.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace CaptureEvents;

class TestCaptureStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void writeAndReopen();
    void idsAreConsecutiveAcrossBatchesAndReopens();
    void freshStartsAnEmptyCapture();
    void readerFollowsAWriter();
    void evictionByFrames();
    void evictionByBytes();
    void idsAreNotReusedAfterEverythingWasEvicted();
    void tooFarBehindIsCountedNotSilent();
    void committedFramesFreeTheQueue();
    void unrecordedFramesAreCounted();
    void removedFileStopsTheRecordingOnce();
    void fullDiskStopsTheRecordingOnce();
    void notACaptureIsNeverOverwritten_data();
    void notACaptureIsNeverOverwritten();
    void saveAsCopiesTheCommittedState();

private:
    QString path(const char *name) const { return m_dir->filePath(QLatin1StringView(name)); }
    // Checks that the capture at path holds exactly events first..last of the numbered stream.
    void verifyNumbered(const QString &file, quint64 first, quint64 last);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCaptureStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCaptureStore::verifyNumbered(const QString &file, quint64 first, quint64 last) {
    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(file, &error), qPrintable(error));
    QCOMPARE(reader.firstId(), first);
    QCOMPARE(reader.lastId(), last);
    QCOMPARE(reader.count(), last - first + 1);
    QList<quint64> ids;
    quint64 expected = first;
    while (expected <= last) {
        const BrokerEventList events = reader.readRange(expected, 7000, &ids);
        QVERIFY(!events.isEmpty());
        QCOMPARE(ids.size(), events.size());
        for (qsizetype i = 0; i < events.size(); ++i, ++expected) {
            QCOMPARE(ids.at(i), expected);
            const QString diff = difference(events.at(i), numbered(expected));
            QVERIFY2(diff.isEmpty(),
                     qPrintable(QStringLiteral("id %1: %2").arg(expected).arg(diff)));
        }
    }
    QVERIFY(reader.warning().isEmpty());
}

// Every field of every event comes back as written, the index without the bytes.
void TestCaptureStore::writeAndReopen() {
    CaptureRecorder recorder;
    QSignalSpy written(&recorder, &CaptureRecorder::written);
    QString error;
    QVERIFY2(recorder.open(path("a.wscap"), CaptureBudget(), &error), qPrintable(error));
    QCOMPARE(recorder.nextId(), quint64(1));
    QCOMPARE(recorder.append(numberedBatch(1, 1000)), quint64(1));
    QCOMPARE(recorder.append(numberedBatch(1001, 1)), quint64(1001));
    QCOMPARE(recorder.append(numberedBatch(1002, 2999)), quint64(1002));
    QVERIFY(recorder.flush(&error));
    QTRY_VERIFY(!written.isEmpty() && written.constLast().at(0).toULongLong() == 4000);
    recorder.close();
    verifyNumbered(path("a.wscap"), 1, 4000);

    CaptureReader reader;
    QVERIFY(reader.open(path("a.wscap"), &error));
    QList<quint64> ids;
    const BrokerEventList index = reader.readIndex(31, 100, &ids);
    QCOMPARE(index.size(), 100);
    QCOMPARE(ids.constFirst(), quint64(31));
    for (qsizetype i = 0; i < index.size(); ++i) {
        QVERIFY(index.at(i).data.isEmpty());
        QCOMPARE(index.at(i).size, numbered(31 + i).size);
        QVERIFY(difference(index.at(i), numbered(31 + i), false).isEmpty());
    }
    BrokerEvent one;
    QVERIFY(reader.read(62, &one));
    QVERIFY(difference(one, numbered(62)).isEmpty());
    QVERIFY(!reader.read(4001, &one));
    QCOMPARE(reader.discardedCount(), quint64(0));
    QVERIFY(reader.createdMs() > 0);
    QCOMPARE(reader.appVersion(), QStringLiteral(WSMSGBROKER_VERSION));
}

void TestCaptureStore::idsAreConsecutiveAcrossBatchesAndReopens() {
    quint64 next = 1;
    for (int run = 0; run < 3; ++run) {
        CaptureRecorder recorder;
        QString error;
        QVERIFY2(recorder.open(path("b.wscap"), CaptureBudget(), &error), qPrintable(error));
        QCOMPARE(recorder.nextId(), next);
        for (int size : {1, 17, 500}) {
            QCOMPARE(recorder.append(numberedBatch(next, size)), next);
            next += quint64(size);
            QCOMPARE(recorder.nextId(), next);
        }
        // Closing without an explicit flush still commits everything.
    }
    verifyNumbered(path("b.wscap"), 1, next - 1);
}

void TestCaptureStore::freshStartsAnEmptyCapture() {
    QString error;
    {
        CaptureRecorder recorder;
        QVERIFY(recorder.open(path("c.wscap"), CaptureBudget(), &error));
        recorder.append(numberedBatch(1, 100));
    }
    CaptureRecorder recorder;
    QVERIFY2(recorder.open(path("c.wscap"), CaptureBudget(), &error, true), qPrintable(error));
    QCOMPARE(recorder.nextId(), quint64(1));
    QCOMPARE(recorder.append(numberedBatch(1, 10)), quint64(1));
    QVERIFY(recorder.flush());
    verifyNumbered(path("c.wscap"), 1, 10);
}

// A reader opened before the frames sees them once committed: nothing is cached.
void TestCaptureStore::readerFollowsAWriter() {
    CaptureRecorder recorder;
    QString error;
    QVERIFY(recorder.open(path("d.wscap"), CaptureBudget(), &error));
    CaptureReader reader;
    QVERIFY2(reader.open(path("d.wscap"), &error), qPrintable(error));
    QCOMPARE(reader.firstId(), quint64(0));
    QCOMPARE(reader.lastId(), quint64(0));
    QCOMPARE(reader.count(), quint64(0));
    recorder.append(numberedBatch(1, 300));
    QVERIFY(recorder.flush());
    QCOMPARE(reader.firstId(), quint64(1));
    QCOMPARE(reader.lastId(), quint64(300));
    recorder.append(numberedBatch(301, 300));
    QVERIFY(recorder.flush());
    QCOMPARE(reader.lastId(), quint64(600));
    BrokerEvent e;
    QVERIFY(reader.read(600, &e));
    QVERIFY(difference(e, numbered(600)).isEmpty());
}

void TestCaptureStore::evictionByFrames() {
    CaptureRecorder recorder;
    QSignalSpy evicted(&recorder, &CaptureRecorder::evicted);
    QString error;
    CaptureBudget budget;
    budget.maxFrames = 50'000;
    QVERIFY(recorder.open(path("e.wscap"), budget, &error));
    for (quint64 n = 1; n <= 120'000; n += 10'000) {
        recorder.append(numberedBatch(n, 10'000));
        QVERIFY(recorder.flush());
    }
    recorder.close();
    QTRY_VERIFY(!evicted.isEmpty());
    QTest::qWait(50);
    // Whole chunks: 5,000 frames each here (a tenth of 50,000 is less than 10,000).
    for (const QList<QVariant> &signal : std::as_const(evicted)) {
        const quint64 firstRemaining = signal.at(0).toULongLong();
        QCOMPARE(signal.at(1).toULongLong(), firstRemaining - 1);
        QCOMPARE((firstRemaining - 1) % 5000, quint64(0));
    }
    CaptureReader reader;
    QVERIFY(reader.open(path("e.wscap"), &error));
    QVERIFY(reader.count() <= 50'000);
    QVERIFY(reader.count() > 40'000);
    QCOMPARE(reader.lastId(), quint64(120'000));
    QCOMPARE(reader.discardedCount(), reader.firstId() - 1);
    const quint64 first = reader.firstId();
    QCOMPARE(evicted.constLast().at(0).toULongLong(), first);
    reader.close();
    verifyNumbered(path("e.wscap"), first, 120'000);
}

void TestCaptureStore::evictionByBytes() {
    CaptureRecorder recorder;
    QSignalSpy evicted(&recorder, &CaptureRecorder::evicted);
    QString error;
    CaptureBudget budget;
    budget.maxBytes = 4 << 20;
    QVERIFY(recorder.open(path("f.wscap"), budget, &error));
    const QByteArray kilobyte(1024, 'k');
    quint64 id = 1;
    for (int batch = 0; batch < 20; ++batch) {
        BrokerEventList events = numberedBatch(id, 1000);
        for (BrokerEvent &e : events) {
            e.data = kilobyte;
            e.size = kilobyte.size();
        }
        QCOMPARE(recorder.append(events), id);
        id += 1000;
        QVERIFY(recorder.flush());
    }
    recorder.close();
    QTRY_VERIFY(!evicted.isEmpty());
    CaptureReader reader;
    QVERIFY(reader.open(path("f.wscap"), &error));
    QCOMPARE(reader.lastId(), quint64(20'000));
    QVERIFY2(reader.count() < 4500, qPrintable(QString::number(reader.count())));
    QVERIFY(reader.count() > 2500);
    QCOMPARE(reader.discardedCount(), reader.firstId() - 1);
    // Freed pages are reused: the file stays near its budget, plus what one commit brings
    // before the budget is applied (a batch of 1,000 frames here, 1.1 MB).
    QVERIFY2(QFileInfo(path("f.wscap")).size() < (6 << 20),
             qPrintable(QString::number(QFileInfo(path("f.wscap")).size())));
    BrokerEvent e;
    QVERIFY(reader.read(reader.firstId(), &e));
    QCOMPARE(e.data, kilobyte);
}

void TestCaptureStore::idsAreNotReusedAfterEverythingWasEvicted() {
    QString error;
    CaptureBudget budget;
    budget.maxBytes = 1; // less than the tables take: every frame goes
    {
        CaptureRecorder recorder;
        QVERIFY(recorder.open(path("g.wscap"), budget, &error));
        recorder.append(numberedBatch(1, 50));
        QVERIFY(recorder.flush());
    }
    CaptureRecorder recorder;
    QVERIFY(recorder.open(path("g.wscap"), CaptureBudget(), &error));
    QCOMPARE(recorder.nextId(), quint64(51));
    QCOMPARE(recorder.append(numberedBatch(51, 5)), quint64(51));
    recorder.close();
    CaptureReader reader;
    QVERIFY(reader.open(path("g.wscap"), &error));
    QCOMPARE(reader.discardedCount(), quint64(50));
    QCOMPARE(reader.firstId(), quint64(51));
    QCOMPARE(reader.lastId(), quint64(55));
}

// A batch the queue cannot take is not written, takes no ids, and is counted.
void TestCaptureStore::tooFarBehindIsCountedNotSilent() {
    CaptureRecorder recorder;
    QSignalSpy overflowed(&recorder, &CaptureRecorder::overflowed);
    QString error;
    QVERIFY(recorder.open(path("h.wscap"), CaptureBudget(), &error));
    QCOMPARE(recorder.append(numberedBatch(1, 10)), quint64(1));
    const BrokerEventList tooMany(CaptureRecorder::MaxQueuedEvents + 1, numbered(11));
    QCOMPARE(recorder.append(tooMany), quint64(0));
    QCOMPARE(overflowed.size(), 1);
    QCOMPARE(overflowed.at(0).at(0).toULongLong(), quint64(tooMany.size()));
    QCOMPARE(recorder.unwrittenCount(), quint64(tooMany.size()));
    QCOMPARE(recorder.append(numberedBatch(11, 10)), quint64(11));
    recorder.close();
    CaptureReader reader;
    QVERIFY(reader.open(path("h.wscap"), &error));
    QCOMPARE(reader.lastId(), quint64(20));
    QCOMPARE(reader.unwrittenCount(), quint64(tooMany.size()));
}

// What waits for the writer is counted until committed, and released then: after a flush the
// whole bound is free again.
void TestCaptureStore::committedFramesFreeTheQueue() {
    CaptureRecorder recorder;
    QSignalSpy overflowed(&recorder, &CaptureRecorder::overflowed);
    QString error;
    QVERIFY(recorder.open(path("q.wscap"), CaptureBudget(), &error));
    const BrokerEventList full(CaptureRecorder::MaxQueuedEvents, numbered(1));
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(recorder.append(full),
                 quint64(1) + quint64(round) * quint64(CaptureRecorder::MaxQueuedEvents));
        QVERIFY(recorder.flush(&error));
    }
    QCOMPARE(overflowed.size(), 0);
    QCOMPARE(recorder.unwrittenCount(), quint64(0));
}

void TestCaptureStore::unrecordedFramesAreCounted() {
    QString error;
    {
        CaptureRecorder recorder;
        QVERIFY(recorder.open(path("i.wscap"), CaptureBudget(), &error));
        recorder.addUnrecorded(1234);
        recorder.addUnrecorded(6);
    }
    CaptureReader reader;
    QVERIFY(reader.open(path("i.wscap"), &error));
    QCOMPARE(reader.unrecordedCount(), quint64(1240));
}

void TestCaptureStore::removedFileStopsTheRecordingOnce() {
    CaptureRecorder recorder;
    QSignalSpy failed(&recorder, &CaptureRecorder::failed);
    QString error;
    const QString file = path("j.wscap");
    QVERIFY(recorder.open(file, CaptureBudget(), &error));
    recorder.append(numberedBatch(1, 100));
    QVERIFY(recorder.flush());
    QVERIFY(QFile::remove(file));
    recorder.append(numberedBatch(101, 100));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(file),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!recorder.flush(&error));
    QVERIFY(error.contains(file));
    QCOMPARE(recorder.append(numberedBatch(201, 100)), quint64(0));
    recorder.close();
    QTest::qWait(100);
    QCOMPARE(failed.size(), 1);
}

// A file size limit stands in for a full disk: the writes fail, the recording stops with one
// message, and what was committed before is intact.
void TestCaptureStore::fullDiskStopsTheRecordingOnce() {
    CaptureRecorder recorder;
    QSignalSpy failed(&recorder, &CaptureRecorder::failed);
    QString error;
    const QString file = path("k.wscap");
    QVERIFY(recorder.open(file, CaptureBudget(), &error));
    recorder.append(numberedBatch(1, 1000));
    QVERIFY(recorder.flush());
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved;
    limit.rlim_cur = rlim_t(8 << 20);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);
    quint64 next = 1001;
    for (int i = 0; i < 100 && failed.isEmpty(); ++i) {
        if (recorder.append(numberedBatch(next, 5000)) != 0)
            next += 5000;
        recorder.flush();
        QCoreApplication::processEvents();
    }
    QTRY_COMPARE(failed.size(), 1);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY2(failed.at(0).at(0).toString().contains(file),
             qPrintable(failed.at(0).at(0).toString()));
    recorder.close();
    QCOMPARE(failed.size(), 1);

    CaptureReader reader;
    QVERIFY2(reader.open(file, &error), qPrintable(error));
    QCOMPARE(reader.firstId(), quint64(1));
    QVERIFY(reader.lastId() >= 1000);
    const quint64 last = reader.lastId();
    reader.close();
    verifyNumbered(file, 1, last);
}

void TestCaptureStore::notACaptureIsNeverOverwritten_data() {
    QTest::addColumn<bool>("fresh");
    QTest::newRow("continue") << false;
    QTest::newRow("fresh") << true;
}

void TestCaptureStore::notACaptureIsNeverOverwritten() {
    QFETCH(bool, fresh);
    const QString file = path("notes.txt");
    QFile text(file);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("my notes, not a capture\n");
    text.close();
    CaptureRecorder recorder;
    QString error;
    QVERIFY(!recorder.open(file, CaptureBudget(), &error, fresh));
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY(!recorder.isOpen());
    QCOMPARE(recorder.append(numberedBatch(1, 3)), quint64(0));
    QVERIFY(text.open(QIODevice::ReadOnly));
    QCOMPARE(text.readAll(), QByteArray("my notes, not a capture\n"));
}

void TestCaptureStore::saveAsCopiesTheCommittedState() {
    CaptureRecorder recorder;
    QString error;
    QVERIFY(recorder.open(path("l.wscap"), CaptureBudget(), &error));
    recorder.append(numberedBatch(1, 2000));
    // A previous copy at the target, with a journal of its own, is replaced as a whole.
    QFile stale(path("copy.wscap-wal"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write(QByteArray(4096, 'x'));
    stale.close();
    QVERIFY2(recorder.saveAs(path("copy.wscap"), &error), qPrintable(error));
    recorder.append(numberedBatch(2001, 10));
    QVERIFY(recorder.flush());
    verifyNumbered(path("copy.wscap"), 1, 2000);
    verifyNumbered(path("l.wscap"), 1, 2010);
}

QTEST_GUILESS_MAIN(TestCaptureStore)
#include "tst_capturestore.moc"

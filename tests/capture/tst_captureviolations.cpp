// Contract violations in the capture (issue 15): what CaptureRecorder is given is read back by
// CaptureReader with its frame's id, the budget takes the violations of the frames it discards,
// and a capture made before the table existed reads as having none and takes them once
// continued.

#include "captureevents.h"
#include "capturereader.h"
#include "capturerecorder.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CaptureEvents;

namespace {

ContractViolation violationOf(quint64 captureId, const QString &path) {
    const BrokerEvent frame = numbered(captureId);
    ContractViolation v;
    v.session = frame.session; // 64-bit: stored as SQLite's signed integer, read back the same
    v.connectionId = frame.connectionId;
    v.timeMs = frame.timeMs;
    v.frameIndex = captureId / 7;
    v.captureId = captureId;
    v.room = frame.room;
    v.sender = QString::fromUtf8(frame.clientId);
    v.action = QStringLiteral("send");
    v.path = path;
    v.keyword = QStringLiteral("type");
    v.description = QStringLiteral("Value type not permitted by 'type' constraint. «ü»");
    return v;
}

void compareViolations(const ContractViolationList &actual, const ContractViolationList &wanted) {
    QCOMPARE(actual.size(), wanted.size());
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const ContractViolation &a = actual.at(i);
        const ContractViolation &w = wanted.at(i);
        QCOMPARE(a.captureId, w.captureId);
        QCOMPARE(a.session, w.session);
        QCOMPARE(a.connectionId, w.connectionId);
        QCOMPARE(a.timeMs, w.timeMs);
        QCOMPARE(a.frameIndex, w.frameIndex);
        QCOMPARE(a.room, w.room);
        QCOMPARE(a.sender, w.sender);
        QCOMPARE(a.action, w.action);
        QCOMPARE(a.path, w.path);
        QCOMPARE(a.keyword, w.keyword);
        QCOMPARE(a.description, w.description);
    }
}

} // namespace

class TestCaptureViolations : public QObject {
    Q_OBJECT

private slots:
    void init();
    void violationsAreKeptWithTheirFrames();
    void theBudgetTakesViolationsAlong();
    void anOlderCaptureHasNoneAndTakesThemWhenContinued();

private:
    QString path(const char *name) const { return m_dir->filePath(QLatin1StringView(name)); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCaptureViolations::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCaptureViolations::violationsAreKeptWithTheirFrames() {
    CaptureRecorder recorder;
    QString error;
    QVERIFY2(recorder.open(path("v.wscap"), {}, &error), qPrintable(error));
    QCOMPARE(recorder.append(numberedBatch(1, 100)), quint64(1));
    ContractViolationList violations{violationOf(3, QStringLiteral("/qty")),
                                     violationOf(97, QString())};
    ContractViolation unrecorded = violationOf(50, QStringLiteral("/a/0"));
    unrecorded.captureId = 0; // a frame the capture did not take: kept, without a frame
    violations.append(unrecorded);
    recorder.appendViolations(violations);
    QVERIFY2(recorder.flush(&error), qPrintable(error));
    recorder.close();

    CaptureReader reader;
    QVERIFY2(reader.open(path("v.wscap"), &error), qPrintable(error));
    compareViolations(reader.readViolations(&error), violations);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Each id is the frame's.
    BrokerEvent frame;
    QVERIFY(reader.read(97, &frame));
    QCOMPARE(frame.session, violations.at(1).session);
    QCOMPARE(frame.connectionId, violations.at(1).connectionId);
}

void TestCaptureViolations::theBudgetTakesViolationsAlong() {
    CaptureRecorder recorder;
    QString error;
    CaptureBudget budget;
    budget.maxFrames = 50'000;
    QVERIFY(recorder.open(path("b.wscap"), budget, &error));
    recorder.append(numberedBatch(1, 10'000));
    recorder.appendViolations({violationOf(5, QStringLiteral("/old"))});
    QVERIFY(recorder.flush());
    for (quint64 n = 10'001; n <= 70'000; n += 10'000) {
        recorder.append(numberedBatch(n, 10'000));
        QVERIFY(recorder.flush());
    }
    recorder.appendViolations({violationOf(69'999, QStringLiteral("/new"))});
    recorder.close();

    CaptureReader reader;
    QVERIFY(reader.open(path("b.wscap"), &error));
    QVERIFY(reader.firstId() > 5);
    compareViolations(reader.readViolations(&error), {violationOf(69'999, QStringLiteral("/new"))});
}

void TestCaptureViolations::anOlderCaptureHasNoneAndTakesThemWhenContinued() {
    QString error;
    {
        CaptureRecorder recorder;
        QVERIFY(recorder.open(path("old.wscap"), {}, &error));
        recorder.append(numberedBatch(1, 10));
        recorder.close();
    }
    // As a capture of the version before the table.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path("old.wscap"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE violations")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    {
        CaptureReader reader;
        QVERIFY(reader.open(path("old.wscap"), &error));
        QVERIFY(reader.readViolations(&error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(reader.lastId(), quint64(10));
    }
    CaptureRecorder recorder;
    QVERIFY2(recorder.open(path("old.wscap"), {}, &error), qPrintable(error));
    QCOMPARE(recorder.append(numberedBatch(11, 5)), quint64(11));
    recorder.appendViolations({violationOf(12, QStringLiteral("/x"))});
    recorder.close();
    CaptureReader reader;
    QVERIFY(reader.open(path("old.wscap"), &error));
    compareViolations(reader.readViolations(&error), {violationOf(12, QStringLiteral("/x"))});
}

QTEST_MAIN(TestCaptureViolations)
#include "tst_captureviolations.moc"

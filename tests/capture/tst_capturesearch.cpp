// CaptureSearch over a capture on disk: plain text and regular expressions over the frames and
// the summary's text, results in id order and in batches, cancel, and a file that cannot be read.

#include "captureevents.h"
#include "capturerecorder.h"
#include "capturesearch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CaptureEvents;

class TestCaptureSearch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void plainTextIgnoresCase();
    void asciiAndUnicodeText();
    void regularExpression();
    void summaryTextMatches();
    void rangeLimitsTheSearch();
    void resultsComeInBatchesInOrder();
    void cancelStopsAndSaysSo();
    void restartDropsTheOldResults();
    void unreadableFileFails();

private:
    // Runs a finished search and returns every id found, in the order received.
    QList<quint64> collect(CaptureSearch &search, int *batches = nullptr);

    QTemporaryDir m_dir;
    QString m_path;
    static constexpr quint64 Frames = 60'000;
};

// Every 1000th frame carries "NeEdLe"; one room and one client are named for the summary test;
// one frame is text with non-ASCII characters.
void TestCaptureSearch::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("search.wscap"));
    CaptureRecorder recorder;
    QString error;
    QVERIFY2(recorder.open(m_path, CaptureBudget(), &error), qPrintable(error));
    for (quint64 n = 1; n <= Frames; n += 10'000) {
        BrokerEventList batch = numberedBatch(n, 10'000);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            BrokerEvent &e = batch[i];
            const quint64 id = n + quint64(i);
            if (id % 1000 == 0 && e.kind <= BrokerEvent::Kind::FrameOut && !e.binary)
                e.data = R"({"action":"send","message":"a NeEdLe in it )" + QByteArray::number(id) +
                         "\"}";
            if (id == 777)
                e.room = QStringLiteral("/haystack-room");
            if (id == 778)
                e.clientId = "haystack-client";
            if (id == 779) {
                e.kind = BrokerEvent::Kind::FrameIn;
                e.binary = false;
                e.data = "{\"message\":\"Grüße aus Köln\"}";
            }
        }
        QVERIFY(recorder.append(batch) != 0);
    }
    QVERIFY(recorder.flush(&error));
}

QList<quint64> TestCaptureSearch::collect(CaptureSearch &search, int *batches) {
    QList<quint64> ids;
    int count = 0;
    connect(&search, &CaptureSearch::found, this, [&](const QList<quint64> &batch) {
        ids += batch;
        ++count;
    });
    QSignalSpy finished(&search, &CaptureSearch::finished);
    if (!finished.wait(30'000))
        qWarning("the search did not finish");
    search.disconnect(this);
    if (batches)
        *batches = count;
    return ids;
}

void TestCaptureSearch::plainTextIgnoresCase() {
    CaptureSearch search;
    QSignalSpy finished(&search, &CaptureSearch::finished);
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("needle")), 0, 0);
    QVERIFY(search.isRunning());
    const QList<quint64> ids = collect(search);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QVERIFY(!search.isRunning());
    QList<quint64> expected;
    for (quint64 id = 1000; id <= Frames; id += 1000) {
        if (!numbered(id).binary && numbered(id).kind <= BrokerEvent::Kind::FrameOut)
            expected.append(id);
    }
    QCOMPARE(ids, expected);
    QCOMPARE(finished.at(0).at(0).toULongLong(), quint64(expected.size()));
}

void TestCaptureSearch::asciiAndUnicodeText() {
    CaptureSearch search;
    search.startText(m_path, QStringLiteral("NEEDLE in it 2000\""), Qt::CaseInsensitive, 0, 0);
    QCOMPARE(collect(search), QList<quint64>{2000});
    search.startText(m_path, QStringLiteral("needle in it 2000"), Qt::CaseSensitive, 0, 0);
    QCOMPARE(collect(search), QList<quint64>{});
    // Not ASCII: searched as text, case folded by QString.
    search.startText(m_path, QStringLiteral("GRÜßE AUS KÖLN"), Qt::CaseInsensitive, 0, 0);
    QCOMPARE(collect(search), QList<quint64>{779});
    search.startText(m_path, QStringLiteral("GRÜßE AUS KÖLN"), Qt::CaseSensitive, 0, 0);
    QCOMPARE(collect(search), QList<quint64>{});
}

void TestCaptureSearch::regularExpression() {
    CaptureSearch search;
    // Frames whose n ends in 4321 (the numbered frames' text), not the ack or other numbers.
    search.start(m_path, QRegularExpression(QStringLiteral(R"re("n":\d*4321\b)re")), 0, 0);
    QList<quint64> expected;
    for (quint64 id = 4321; id <= Frames; id += 10'000) {
        const BrokerEvent e = numbered(id);
        if (!e.binary && e.kind <= BrokerEvent::Kind::FrameOut && id % 1000 != 0)
            expected.append(id);
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(collect(search), expected);
}

// Room, client and detail count, as in the log's filter; the action name too.
void TestCaptureSearch::summaryTextMatches() {
    CaptureSearch search;
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("haystack")), 0, 0);
    QCOMPARE(collect(search), (QList<quint64>{777, 778}));
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("slow consumer 1020")), 0, 0);
    QCOMPARE(collect(search), QList<quint64>{1020});
    search.start(m_path, QRegularExpression(QStringLiteral("^unregister$")), 0, 0);
    QCOMPARE(collect(search), QList<quint64>{}); // no frame has that action
}

void TestCaptureSearch::rangeLimitsTheSearch() {
    CaptureSearch search;
    QSignalSpy progress(&search, &CaptureSearch::progress);
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("needle")), 10'500, 12'000);
    QCOMPARE(collect(search), (QList<quint64>{11'000, 12'000}));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toULongLong(), quint64(1501));
    QCOMPARE(progress.constLast().at(1).toULongLong(), quint64(1501));
}

// The first results come at once, the rest in batches: more than one here, since matches lie in
// more than one chunk of rows; every batch ascending and after the one before.
void TestCaptureSearch::resultsComeInBatchesInOrder() {
    CaptureSearch search;
    QList<QList<quint64>> batches;
    connect(&search, &CaptureSearch::found, this,
            [&](const QList<quint64> &batch) { batches.append(batch); });
    QSignalSpy finished(&search, &CaptureSearch::finished);
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("needle")), 0, 0);
    QVERIFY(finished.wait(30'000));
    QVERIFY2(batches.size() > 1, qPrintable(QString::number(batches.size())));
    quint64 previous = 0;
    for (const QList<quint64> &batch : std::as_const(batches)) {
        QVERIFY(!batch.isEmpty());
        for (quint64 id : batch) {
            QVERIFY(id > previous);
            previous = id;
        }
    }
}

void TestCaptureSearch::cancelStopsAndSaysSo() {
    CaptureSearch search;
    QSignalSpy found(&search, &CaptureSearch::found);
    QSignalSpy finished(&search, &CaptureSearch::finished);
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("e")), 0, 0); // every frame
    QTest::qWait(5);                                                           // let it find some
    search.cancel();
    const qsizetype foundBefore = found.size();
    QVERIFY(!search.isRunning());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    // Nothing of the cancelled search arrives later.
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(found.size(), foundBefore);
}

void TestCaptureSearch::restartDropsTheOldResults() {
    CaptureSearch search;
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("needle")), 0, 0);
    search.start(m_path, CaptureSearch::plainText(QStringLiteral("haystack")), 0, 0);
    QCOMPARE(collect(search), (QList<quint64>{777, 778}));
}

void TestCaptureSearch::unreadableFileFails() {
    CaptureSearch search;
    QSignalSpy failed(&search, &CaptureSearch::failed);
    QSignalSpy finished(&search, &CaptureSearch::finished);
    const QString missing = m_dir.filePath(QStringLiteral("missing.wscap"));
    search.start(missing, CaptureSearch::plainText(QStringLiteral("x")), 0, 0);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(missing),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(finished.at(0).at(0).toULongLong(), quint64(0));
}

QTEST_GUILESS_MAIN(TestCaptureSearch)
#include "tst_capturesearch.moc"

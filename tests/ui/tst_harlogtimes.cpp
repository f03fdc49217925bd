#include "framelogfile.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QTest>

#include <algorithm>

// The times of WebSocket frames in HAR files: Chrome DevTools writes `_webSocketMessages[].time`
// in seconds since the epoch, Playwright (recordHar) in milliseconds. playwright.har was recorded
// by Debian's Chromium through playwright-core (fixtures/record-playwright-har.js) against the
// broker; devtools.har is the same session with the times in seconds, as DevTools writes them.
namespace {

bool readFile(const QString &path, BrokerEventList *events, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    return FrameLogFile::read(&file, events, error);
}

bool readBytes(const QByteArray &bytes, BrokerEventList *events, QString *error) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return FrameLogFile::read(&buffer, events, error);
}

qint64 msOf(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QList<qint64> timesOf(const BrokerEventList &events) {
    QList<qint64> times;
    for (const BrokerEvent &e : events)
        times.append(e.timeMs);
    return times;
}

} // namespace

class TestHarLogTimes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordedFramesKeepTheirMilliseconds_data();
    void recordedFramesKeepTheirMilliseconds();
    void devToolsAndPlaywrightGiveTheSameTimes();
    void withoutCreatorTheEntryStartTells();
    void withoutCreatorOrStartTheMagnitudeTells();
    void omittedTimesTakeTheEntryStart();
    void ownHarKeepsTimesFarFromTheConnectionStart();
};

void TestHarLogTimes::recordedFramesKeepTheirMilliseconds_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("playwright") << QFINDTESTDATA("fixtures/playwright.har");
    QTest::newRow("devtools") << QFINDTESTDATA("fixtures/devtools.har");
}

void TestHarLogTimes::recordedFramesKeepTheirMilliseconds() {
    QFETCH(QString, file);
    BrokerEventList events;
    QString error;
    QVERIFY2(readFile(file, &events, &error), qPrintable(error));
    // Two sockets (alice and bob) with 8 frames each; the HTTP entry of the page is no frame.
    QCOMPARE(events.size(), 16);
    // alice's register went out at 1796173318452.6118 ms, her last answer came 203 ms later.
    QCOMPARE(events.first().timeMs, msOf("2026-12-02T01:01:58.453Z"));
    QCOMPARE(events.first().data, QByteArray(R"({"action":"register","id":"alice"})"));
    QCOMPARE(events.last().timeMs, msOf("2026-12-02T01:01:58.656Z"));
    QCOMPARE(events.last().data,
             QByteArray(R"({"action":"answer","ack":"q3","from":"bob","message":{"ok":3}})"));
    // Every frame lies within the sockets' lifetime: after alice's socket opened, before 1 s.
    for (const BrokerEvent &e : events) {
        QVERIFY2(e.timeMs >= msOf("2026-12-02T01:01:58.436Z"),
                 qPrintable(QString::number(e.timeMs)));
        QVERIFY2(e.timeMs < msOf("2026-12-02T01:01:59.436Z"),
                 qPrintable(QString::number(e.timeMs)));
    }
    // bob answered alice's first ask 14 ms after it reached him (the page waited 13 ms).
    const auto at = [&](const char *text) {
        return std::find_if(events.cbegin(), events.cend(),
                            [&](const BrokerEvent &e) { return e.data == QByteArray(text); })
            ->timeMs;
    };
    QCOMPARE(at(R"({"action":"answer","ack":"q1","message":{"ok":1}})") -
                 at(R"({"action":"message","message":{"n":1},"ack":"q1","from":"alice"})"),
             14);
}

void TestHarLogTimes::devToolsAndPlaywrightGiveTheSameTimes() {
    BrokerEventList playwright;
    BrokerEventList devtools;
    QString error;
    QVERIFY2(readFile(QFINDTESTDATA("fixtures/playwright.har"), &playwright, &error),
             qPrintable(error));
    QVERIFY2(readFile(QFINDTESTDATA("fixtures/devtools.har"), &devtools, &error),
             qPrintable(error));
    QCOMPARE(timesOf(devtools), timesOf(playwright));
}

// A HAR from another tool: whichever reading of the number lands nearer the entry's start.
void TestHarLogTimes::withoutCreatorTheEntryStartTells() {
    const QByteArray har = R"({"log":{"entries":[
        {"startedDateTime":"2026-12-02T01:01:58.436Z","request":{"url":"ws://h/a"},
         "_webSocketMessages":[{"type":"send","time":1796173318452.6,"opcode":1,"data":"ms"}]},
        {"startedDateTime":"2026-12-02T01:01:58.436Z","request":{"url":"ws://h/b"},
         "_webSocketMessages":[{"type":"send","time":1796173318.4526,"opcode":1,"data":"s"}]},
        {"startedDateTime":"1970-01-01T00:00:10.000Z","request":{"url":"ws://h/c"},
         "_webSocketMessages":[{"type":"send","time":10.5,"opcode":1,"data":"early s"}]},
        {"startedDateTime":"1970-01-01T00:00:10.000Z","request":{"url":"ws://h/d"},
         "_webSocketMessages":[{"type":"send","time":10500,"opcode":1,"data":"early ms"}]}]}})";
    BrokerEventList events;
    QString error;
    QVERIFY2(readBytes(har, &events, &error), qPrintable(error));
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(0).timeMs, 10500);
    QCOMPARE(events.at(1).timeMs, 10500);
    QCOMPARE(events.at(2).timeMs, msOf("2026-12-02T01:01:58.453Z"));
    QCOMPARE(events.at(3).timeMs, msOf("2026-12-02T01:01:58.453Z"));
}

void TestHarLogTimes::withoutCreatorOrStartTheMagnitudeTells() {
    const QByteArray har = R"({"log":{"entries":[{"request":{"url":"ws://h/"},
        "_webSocketMessages":[{"type":"send","time":1796173318452,"opcode":1,"data":"ms"},
                              {"type":"send","time":1796173318.453,"opcode":1,"data":"s"}]}]}})";
    BrokerEventList events;
    QString error;
    QVERIFY2(readBytes(har, &events, &error), qPrintable(error));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).timeMs, msOf("2026-12-02T01:01:58.452Z"));
    QCOMPARE(events.at(1).timeMs, msOf("2026-12-02T01:01:58.453Z"));
}

// recordHar with omitTiming writes -1.
void TestHarLogTimes::omittedTimesTakeTheEntryStart() {
    const QByteArray har = R"({"log":{"creator":{"name":"Playwright"},"entries":[
        {"startedDateTime":"2026-12-02T01:01:58.436Z","request":{"url":"ws://h/"},
         "_webSocketMessages":[{"type":"send","time":-1,"opcode":1,"data":"x"}]}]}})";
    BrokerEventList events;
    QString error;
    QVERIFY2(readBytes(har, &events, &error), qPrintable(error));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).timeMs, msOf("2026-12-02T01:01:58.436Z"));
}

// Our own HAR says it is ours, so its seconds are read as seconds even when a connection's
// first event (its entry's start) is far from its frames.
void TestHarLogTimes::ownHarKeepsTimesFarFromTheConnectionStart() {
    BrokerEventList events;
    BrokerEvent opened;
    opened.kind = BrokerEvent::Kind::ConnectionOpened;
    opened.connectionId = 1;
    opened.timeMs = 0;
    events.append(opened);
    for (const qint64 ms : {qint64(1), qint64(999), msOf("2026-12-02T01:01:58.453Z")}) {
        BrokerEvent frame;
        frame.kind = BrokerEvent::Kind::FrameIn;
        frame.connectionId = 1;
        frame.timeMs = ms;
        frame.data = "{}";
        events.append(frame);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    QVERIFY2(FrameLogFile::write(&buffer, FrameLogFile::Format::Har, events, QUrl(), &error),
             qPrintable(error));
    BrokerEventList read;
    QVERIFY2(readBytes(buffer.data(), &read, &error), qPrintable(error));
    QCOMPARE(timesOf(read), (QList<qint64>{1, 999, msOf("2026-12-02T01:01:58.453Z")}));
}

QTEST_MAIN(TestHarLogTimes)
#include "tst_harlogtimes.moc"

// Conversions between a capture, JSON Lines and HAR: a 1 MiB frame whole through each, cut
// frames marked as such, HAR messages merged in time order, progress and cancel, bad input
// named; and FrameLogFile's list API, which the window uses.

#include "captureconverter.h"
#include "captureevents.h"
#include "capturereader.h"
#include "capturerecorder.h"
#include "framelogfile.h"
#include "framelogreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CaptureEvents;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

BrokerEventList readCapture(const QString &path, QString *error) {
    CaptureReader reader;
    BrokerEventList all;
    if (!reader.open(path, error))
        return all;
    QList<quint64> ids;
    for (quint64 next = reader.firstId(); next != 0 && next <= reader.lastId();) {
        const BrokerEventList events = reader.readRange(next, 1000, &ids);
        if (events.isEmpty())
            break;
        all += events;
        next = ids.constLast() + 1;
    }
    return all;
}

} // namespace

class TestCaptureConvert : public QObject {
    Q_OBJECT

private slots:
    void init();
    void megabyteFrameThroughJsonLines();
    void megabyteFrameThroughHar();
    void truncatedFramesSayTheyAre();
    void harMessagesMergeInTimeOrder();
    void jsonLinesToHarAndBack();
    void progressAndCancel();
    void badInputIsNamed_data();
    void badInputIsNamed();
    void listApiStillWorks();

private:
    QString path(const char *name) const { return m_dir->filePath(QLatin1StringView(name)); }
    // A capture with a 1 MiB text frame, a binary frame and a few small ones.
    QString makeCapture(const char *name, BrokerEventList *events);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCaptureConvert::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCaptureConvert::makeCapture(const char *name, BrokerEventList *events) {
    BrokerEventList list = numberedBatch(1, 40);
    BrokerEvent big = numbered(2); // a FrameIn send
    QByteArray text(1024 * 1024, 'x');
    for (qsizetype i = 0; i < text.size(); i += 1000)
        text[i] = char('a' + (i / 1000) % 26); // not one repeated byte
    big.data = R"({"action":"send","dest":"b","message":")" + text + "\"}";
    big.size = big.data.size();
    list.insert(10, big);
    *events = list;
    CaptureRecorder recorder;
    QString error;
    if (!recorder.open(path(name), CaptureBudget(), &error))
        qWarning("%s", qPrintable(error));
    recorder.append(list);
    recorder.close();
    return path(name);
}

void TestCaptureConvert::megabyteFrameThroughJsonLines() {
    BrokerEventList written;
    const QString capture = makeCapture("a.wscap", &written);
    QString error;
    QVERIFY2(CaptureConverter::convert(capture, path("a.jsonl"), &error), qPrintable(error));
    QVERIFY2(CaptureConverter::convert(path("a.jsonl"), path("b.wscap"), &error),
             qPrintable(error));
    const BrokerEventList back = readCapture(path("b.wscap"), &error);
    QCOMPARE(back.size(), written.size());
    for (qsizetype i = 0; i < back.size(); ++i) {
        const QString diff = difference(back.at(i), written.at(i));
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("event %1: %2").arg(i).arg(diff)));
    }
    QCOMPARE(back.at(10).data.size(), written.at(10).data.size());
    QVERIFY(back.at(10).data.size() > 1024 * 1024);
}

// A HAR keeps the frames (not the system events) and what a HAR can say of them.
void TestCaptureConvert::megabyteFrameThroughHar() {
    BrokerEventList written;
    const QString capture = makeCapture("a.wscap", &written);
    QString error;
    QVERIFY2(CaptureConverter::convert(capture, path("a.har"), &error), qPrintable(error));
    QVERIFY2(CaptureConverter::convert(path("a.har"), path("b.wscap"), &error), qPrintable(error));
    BrokerEventList frames;
    for (const BrokerEvent &e : std::as_const(written)) {
        if (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut)
            frames.append(e);
    }
    BrokerEventList back = readCapture(path("b.wscap"), &error);
    QCOMPARE(back.size(), frames.size());
    // Equal times keep the file's order: one connection's frames after the other's.
    std::stable_sort(frames.begin(), frames.end(), [](const BrokerEvent &a, const BrokerEvent &b) {
        return a.timeMs < b.timeMs;
    });
    for (const BrokerEvent &e : std::as_const(frames)) {
        const auto it = std::find_if(back.cbegin(), back.cend(), [&](const BrokerEvent &b) {
            return b.timeMs == e.timeMs && b.data == e.data;
        });
        QVERIFY2(it != back.cend(),
                 qPrintable(QStringLiteral("frame at %1 missing").arg(e.timeMs)));
        QCOMPARE(it->binary, e.binary);
        QCOMPARE(it->size, e.size);
        QCOMPARE(it->kind, e.kind);
        // (A HAR has one URL, so one room, per connection: these test connections hop rooms.)
    }
    const auto big = std::find_if(back.cbegin(), back.cend(),
                                  [](const BrokerEvent &b) { return b.size > 1024 * 1024; });
    QVERIFY(big != back.cend());
    QCOMPARE(big->data.size(), big->size);
}

void TestCaptureConvert::truncatedFramesSayTheyAre() {
    BrokerEvent cut = numbered(31);
    QVERIFY(cut.data.size() < cut.size);
    BrokerEvent whole = numbered(32);
    const QJsonObject line = QJsonDocument::fromJson(FrameLogFile::toJsonLine(cut)).object();
    QCOMPARE(line.value(QStringLiteral("truncated")).toBool(), true);
    QCOMPARE(line.value(QStringLiteral("size")).toInteger(), cut.size);
    QVERIFY(!QJsonDocument::fromJson(FrameLogFile::toJsonLine(whole))
                 .object()
                 .contains(QStringLiteral("truncated")));

    QBuffer har;
    QVERIFY(har.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(FrameLogFile::write(&har, FrameLogFile::Format::Har, {cut, whole}, QUrl(), &error));
    const QJsonArray entries = QJsonDocument::fromJson(har.data())
                                   .object()
                                   .value(QStringLiteral("log"))
                                   .toObject()
                                   .value(QStringLiteral("entries"))
                                   .toArray();
    QVERIFY(!entries.isEmpty());
    int marked = 0;
    for (const QJsonValue &entry : entries) {
        for (const QJsonValue &m :
             entry.toObject().value(QStringLiteral("_webSocketMessages")).toArray()) {
            if (m.toObject().value(QStringLiteral("_wsmsgbrokerTruncated")).toBool()) {
                ++marked;
                QCOMPARE(m.toObject().value(QStringLiteral("_wsmsgbrokerSize")).toInteger(),
                         cut.size);
            }
        }
    }
    QCOMPARE(marked, 1);
    // Read back, the cut frame keeps its whole size.
    har.close();
    QVERIFY(har.open(QIODevice::ReadOnly));
    BrokerEventList back;
    QVERIFY2(FrameLogFile::read(&har, &back, &error), qPrintable(error));
    const auto it = std::find_if(back.cbegin(), back.cend(),
                                 [&](const BrokerEvent &e) { return e.data == cut.data; });
    QVERIFY(it != back.cend());
    QCOMPARE(it->size, cut.size);
}

// A DevTools-style HAR (pretty printed, an HTTP entry among them): messages of two
// connections come out merged in time order, each connection's client learnt from its register.
void TestCaptureConvert::harMessagesMergeInTimeOrder() {
    const QByteArray har = R"({
  "log": {
    "version": "1.2",
    "creator": {"name": "WebInspector", "version": "537.36"},
    "entries": [
      {"request": {"method": "GET", "url": "https://example.com/"}, "response": {"status": 200}},
      {"request": {"method": "GET", "url": "ws://127.0.0.1:9042/chat"},
       "_resourceType": "websocket",
       "_webSocketMessages": [
         {"type": "send", "time": 1700000000.100, "opcode": 1, "data": "{\"action\":\"register\",\"id\":\"alice\"}"},
         {"type": "receive", "time": 1700000000.300, "opcode": 1, "data": "{\"action\":\"registered\",\"id\":\"alice\"}"},
         {"type": "send", "time": 1700000000.500, "opcode": 1, "data": "{\"action\":\"send\",\"dest\":\"bob\",\"message\":1}"}
       ]},
      {"request": {"method": "GET", "url": "ws://127.0.0.1:9042/chat"},
       "_webSocketMessages": [
         {"type": "send", "time": 1700000000.200, "opcode": 1, "data": "{\"action\":\"register\",\"id\":\"bob\"}"},
         {"type": "receive", "time": 1700000000.600, "opcode": 2, "data": "AAEC"}
       ]}
    ]
  }
}
)";
    QVERIFY(writeFile(path("devtools.har"), har));
    QString error;
    QVERIFY2(CaptureConverter::convert(path("devtools.har"), path("devtools.wscap"), &error),
             qPrintable(error));
    const BrokerEventList events = readCapture(path("devtools.wscap"), &error);
    QCOMPARE(events.size(), 5);
    const qint64 times[] = {100, 200, 300, 500, 600};
    const char *clients[] = {"alice", "bob", "alice", "alice", "bob"};
    const quint64 connections[] = {1, 2, 1, 1, 2};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(events.at(i).timeMs, 1700000000000 + times[i]);
        QCOMPARE(events.at(i).clientId, QByteArray(clients[i]));
        QCOMPARE(events.at(i).connectionId, connections[i]);
        QCOMPARE(events.at(i).room, QStringLiteral("/chat"));
    }
    QCOMPARE(events.at(0).action, FrameAction::Register);
    QCOMPARE(events.at(3).action, FrameAction::Send);
    QVERIFY(events.at(4).binary);
    QCOMPARE(events.at(4).data, QByteArray("\x00\x01\x02", 3));
}

void TestCaptureConvert::jsonLinesToHarAndBack() {
    QByteArray lines;
    for (const BrokerEvent &e : numberedBatch(1, 500))
        lines += FrameLogFile::toJsonLine(e) + '\n';
    QVERIFY(writeFile(path("in.jsonl"), lines));
    QString error;
    QVERIFY2(CaptureConverter::convert(path("in.jsonl"), path("out.har"), &error),
             qPrintable(error));
    QVERIFY2(CaptureConverter::convert(path("out.har"), path("out.jsonl"), &error),
             qPrintable(error));
    QFile out(path("out.jsonl"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    BrokerEventList back;
    QVERIFY2(FrameLogFile::read(&out, &back, &error), qPrintable(error));
    int frames = 0;
    for (const BrokerEvent &e : numberedBatch(1, 500))
        frames += e.kind <= BrokerEvent::Kind::FrameOut ? 1 : 0;
    QCOMPARE(back.size(), frames);
    for (qsizetype i = 1; i < back.size(); ++i)
        QVERIFY(back.at(i - 1).timeMs <= back.at(i).timeMs);
}

void TestCaptureConvert::progressAndCancel() {
    QByteArray lines;
    for (const BrokerEvent &e : numberedBatch(1, 20'000))
        lines += FrameLogFile::toJsonLine(e) + '\n';
    QVERIFY(writeFile(path("big.jsonl"), lines));
    QString error;
    qint64 lastDone = -1;
    qint64 lastTotal = 0;
    int calls = 0;
    QVERIFY(CaptureConverter::convert(path("big.jsonl"), path("big.wscap"), &error,
                                      [&](qint64 done, qint64 total) {
                                          ++calls;
                                          [&] { QVERIFY(done >= lastDone); }();
                                          lastDone = done;
                                          lastTotal = total;
                                          return true;
                                      }));
    QVERIFY(calls > 1);
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(!CaptureConverter::convert(path("big.jsonl"), path("cancelled.wscap"), &error,
                                       [](qint64, qint64) { return false; }));
    QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    QVERIFY(!QFile::exists(path("cancelled.wscap")));
    const QStringList left = QDir(m_dir->path()).entryList({QStringLiteral("cancelled*")});
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
    QVERIFY(!CaptureConverter::convert(path("big.wscap"), path("cancelled.har"), &error,
                                       [](qint64, qint64) { return false; }));
    QVERIFY(!QFile::exists(path("cancelled.har")));
}

void TestCaptureConvert::badInputIsNamed_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("names");
    QTest::newRow("bad line") << QByteArray("{\"kind\":\"in\"}\nnot json\n")
                              << QStringLiteral("o.wscap") << QStringLiteral("line 2");
    QTest::newRow("bad HAR") << QByteArray(
                                    "{\n  \"log\": {\"entries\": [ {\"_webSocketMessages\": [")
                             << QStringLiteral("o.wscap") << QStringLiteral("HAR");
    QTest::newRow("bad message type")
        << QByteArray("{\"log\":{\"entries\":[{\"_webSocketMessages\":[{\"type\":\"x\"}]}]}}")
        << QStringLiteral("o.jsonl") << QStringLiteral("HAR entry 1");
    QTest::newRow("unknown output")
        << QByteArray("{\"kind\":\"in\"}\n") << QStringLiteral("o.txt") << QStringLiteral("o.txt");
}

void TestCaptureConvert::badInputIsNamed() {
    QFETCH(QByteArray, content);
    QFETCH(QString, out);
    QFETCH(QString, names);
    QVERIFY(writeFile(path("in.log"), content));
    QString error;
    QVERIFY(!CaptureConverter::convert(path("in.log"), m_dir->filePath(out), &error));
    QVERIFY2(error.contains(names), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("in.log")) || error.contains(out), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir->filePath(out)));
    QVERIFY(!CaptureConverter::convert(path("missing.jsonl"), path("x.wscap"), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.jsonl")), qPrintable(error));
}

void TestCaptureConvert::listApiStillWorks() {
    const BrokerEventList events = numberedBatch(1, 300);
    for (FrameLogFile::Format format :
         {FrameLogFile::Format::JsonLines, FrameLogFile::Format::Har}) {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY(FrameLogFile::write(&buffer, format, events, QUrl(QStringLiteral("ws://h:1/")),
                                    &error));
        buffer.close();
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        BrokerEventList back;
        QVERIFY2(FrameLogFile::read(&buffer, &back, &error), qPrintable(error));
        if (format == FrameLogFile::Format::JsonLines) {
            QCOMPARE(back.size(), events.size());
            for (qsizetype i = 0; i < back.size(); ++i)
                QVERIFY(difference(back.at(i), events.at(i)).isEmpty());
        } else {
            QVERIFY(!back.isEmpty());
        }
    }
    QBuffer empty;
    QVERIFY(empty.open(QIODevice::ReadOnly));
    BrokerEventList none;
    QString error;
    QVERIFY(FrameLogFile::read(&empty, &none, &error));
    QVERIFY(none.isEmpty());
}

QTEST_GUILESS_MAIN(TestCaptureConvert)
#include "tst_captureconvert.moc"

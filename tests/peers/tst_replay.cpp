#include "broker.h"
#include "brokersettings.h"
#include "framelogfile.h"
#include "recordedsession.h"
#include "recordingclient.h"
#include "replayer.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {

constexpr int Timeout = 10000;

std::unique_ptr<Broker> startBroker() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    auto broker = std::make_unique<Broker>(settings);
    if (!broker->start())
        return nullptr;
    return broker;
}

// A real client of the test: registers id in room and, when answering, answers every ask it
// gets with {"by": id, "n": <the message's n>} (after delayMs).
struct TestPeer {
    RecordingClient client;
    QString id;
    int answered = 0;

    TestPeer(Broker *broker, const QString &room, const QString &peerId, bool answering,
             int delayMs = 0)
        : id(peerId) {
        QUrl url = broker->url();
        url.setPath(room);
        client.socket.open(url);
        if (!answering)
            return;
        QObject::connect(&client.socket, &QWebSocket::textMessageReceived, &client.socket,
                         [this, delayMs](const QString &text) {
                             const QJsonObject frame =
                                 QJsonDocument::fromJson(text.toUtf8()).object();
                             const QString ack = frame.value(QStringLiteral("ack")).toString();
                             if (ack.isEmpty())
                                 return;
                             const int n = frame.value(QStringLiteral("message"))
                                               .toObject()
                                               .value(QStringLiteral("n"))
                                               .toInt();
                             QTimer::singleShot(delayMs, &client.socket, [this, ack, n] {
                                 ++answered;
                                 client.send(QStringLiteral(R"({"action":"answer","ack":"%1",)"
                                                            R"("message":{"by":"%2","n":%3}})")
                                                 .arg(ack, id)
                                                 .arg(n)
                                                 .toUtf8());
                             });
                         });
    }
    bool registerNow() {
        if (!QTest::qWaitFor(
                [&] { return client.socket.state() == QAbstractSocket::ConnectedState; }, Timeout))
            return false;
        client.send(R"({"action":"register","id":")" + id.toUtf8() + R"("})");
        return QTest::qWaitFor([&] { return client.registered(); }, Timeout);
    }
};

} // namespace

// Replays of recordings made here by real clients through a real broker, into a fresh broker:
// every timing mode matches, an edited recording names its difference, a HAR replays, a live
// client takes its part (or never comes), ack mapping keeps "fastest wins" (issue 14).
class TestReplay : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyTimingModeMatches_data();
    void everyTimingModeMatches();
    void harReplays();
    void oneSidedHarReplaysWithImpliedPeers();
    void editedRecordingNamesTheDifference();
    void ignoredPathIsNotCompared();
    void reformattedFramesMatchAsValues();
    void liveClientTakesItsPart();
    void liveClientThatAnswersDifferentlyFails();
    void liveClientThatNeverComes();
    void twoAnswerersFastestWinsAsRecorded();

private:
    // shop asks warehouse three orders (warehouse answers each), warehouse says hello once.
    BrokerEventList recordOrders();
    // shop asks w1 and w2 at once; w2 answers 150 ms later, so w1's answer wins.
    BrokerEventList recordTwoAnswerers();
    // Replays into a fresh broker (with a live peer made by makeLive, if any) until finished.
    std::unique_ptr<Replayer> replay(const RecordedSession &recording, ReplayOptions options,
                                     const std::function<void(Broker *)> &withLive = {});
    QString writeLog(const BrokerEventList &events, FrameLogFile::Format format,
                     const QString &name);

    BrokerEventList m_orders;
    QTemporaryDir m_dir;
};

void TestReplay::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_orders = recordOrders();
    QVERIFY(!m_orders.isEmpty());
}

BrokerEventList TestReplay::recordOrders() {
    auto broker = startBroker();
    if (!broker)
        return {};
    BrokerEventList events;
    connect(broker.get(), &Broker::eventsReady, this,
            [&events](const BrokerEventList &batch) { events += batch; });
    TestPeer warehouse(broker.get(), QStringLiteral("/orders"), QStringLiteral("warehouse"), true);
    TestPeer shop(broker.get(), QStringLiteral("/orders"), QStringLiteral("shop"), false);
    if (!warehouse.registerNow() || !shop.registerNow())
        return {};
    for (int n = 1; n <= 3; ++n) {
        shop.client.send(QStringLiteral(R"({"action":"send","dest":"warehouse","ack":"o%1",)"
                                        R"("message":{"n":%1,"item":"widget"}})")
                             .arg(n)
                             .toUtf8());
        if (!QTest::qWaitFor(
                [&] {
                    return std::count_if(shop.client.received.begin(), shop.client.received.end(),
                                         [](const QJsonObject &o) {
                                             return o.value(QStringLiteral("action")) ==
                                                    QStringLiteral("answer");
                                         }) == n;
                },
                Timeout))
            return {};
        if (n == 1)
            warehouse.client.send(
                R"({"action":"send","dest":["shop"],"message":{"hello":true,"at":17}})");
        QTest::qWait(30);
    }
    if (!QTest::qWaitFor([&] { return shop.client.received.size() >= 5; }, Timeout))
        return {};
    QTest::qWait(300); // the last observation batch
    return events;
}

BrokerEventList TestReplay::recordTwoAnswerers() {
    auto broker = startBroker();
    if (!broker)
        return {};
    BrokerEventList events;
    connect(broker.get(), &Broker::eventsReady, this,
            [&events](const BrokerEventList &batch) { events += batch; });
    TestPeer w1(broker.get(), QStringLiteral("/q"), QStringLiteral("w1"), true);
    TestPeer w2(broker.get(), QStringLiteral("/q"), QStringLiteral("w2"), true, 150);
    TestPeer shop(broker.get(), QStringLiteral("/q"), QStringLiteral("shop"), false);
    if (!w1.registerNow() || !w2.registerNow() || !shop.registerNow())
        return {};
    shop.client.send(R"({"action":"send","dest":["w1","w2"],"ack":"both","message":{"n":1}})");
    if (!QTest::qWaitFor([&] { return w2.answered == 1; }, Timeout))
        return {};
    QTest::qWait(300);
    return events;
}

QString TestReplay::writeLog(const BrokerEventList &events, FrameLogFile::Format format,
                             const QString &name) {
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) ||
        !FrameLogFile::write(&file, format, events, QUrl(QStringLiteral("ws://127.0.0.1:1/")),
                             nullptr))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

std::unique_ptr<Replayer> TestReplay::replay(const RecordedSession &recording,
                                             ReplayOptions options,
                                             const std::function<void(Broker *)> &withLive) {
    auto broker = startBroker();
    if (!broker)
        return nullptr;
    options.timeoutS = std::min(options.timeoutS, 10);
    options.settleMs = 300;
    auto replayer = std::make_unique<Replayer>(recording, options, broker->url());
    connect(broker.get(), &Broker::eventsReady, replayer.get(), &Replayer::observe);
    QSignalSpy finished(replayer.get(), &Replayer::finished);
    replayer->start();
    if (withLive)
        withLive(broker.get());
    if (!finished.wait(20000) && finished.isEmpty())
        qWarning("the replay did not finish");
    // The broker goes before the replayer: its clients are closed by then.
    replayer->disconnect(broker.get());
    broker.reset();
    return replayer;
}

void TestReplay::everyTimingModeMatches_data() {
    QTest::addColumn<int>("timing");
    QTest::addColumn<double>("speed");
    QTest::newRow("as recorded") << int(ReplayOptions::Timing::AsRecorded) << 1.0;
    QTest::newRow("as recorded, 5x") << int(ReplayOptions::Timing::AsRecorded) << 5.0;
    QTest::newRow("as fast as possible") << int(ReplayOptions::Timing::AsFastAsPossible) << 1.0;
    QTest::newRow("wait for input") << int(ReplayOptions::Timing::WaitForInput) << 1.0;
}

void TestReplay::everyTimingModeMatches() {
    QFETCH(int, timing);
    QFETCH(double, speed);
    RecordedSession recording;
    recording.setEvents(m_orders);
    // shop: 3 sends; warehouse: 3 answers and a send.
    QCOMPARE(recording.clients().size(), qsizetype(2));
    QCOMPARE(recording.client(QStringLiteral("shop"))->sent, 3);
    QCOMPARE(recording.client(QStringLiteral("shop"))->received, 4);
    QCOMPARE(recording.client(QStringLiteral("warehouse"))->received, 3);
    ReplayOptions options;
    options.timing = ReplayOptions::Timing(timing);
    options.speed = speed;
    const auto replayer = replay(recording, options);
    QVERIFY(replayer);
    QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
    QCOMPARE(replayer->comparer().summary().matched, 7);
    QCOMPARE(replayer->framesSent(), 7);
}

void TestReplay::harReplays() {
    RecordedSession recording;
    QString error;
    QVERIFY2(
        recording.load(writeLog(m_orders, FrameLogFile::Format::Har, QStringLiteral("orders.har")),
                       &error),
        qPrintable(error));
    ReplayOptions options;
    options.timing = ReplayOptions::Timing::WaitForInput;
    const auto replayer = replay(recording, options);
    QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
    QCOMPARE(replayer->comparer().summary().matched, 7);
}

void TestReplay::oneSidedHarReplaysWithImpliedPeers() {
    // What a browser records: the shop's own connection only.
    BrokerEventList shopSide;
    for (const BrokerEvent &e : std::as_const(m_orders)) {
        if (e.clientId == "shop" || (e.kind == BrokerEvent::Kind::FrameIn &&
                                     e.action == FrameAction::Register && e.data.contains("shop")))
            shopSide.append(e);
    }
    RecordedSession recording;
    QString error;
    QVERIFY2(
        recording.load(writeLog(shopSide, FrameLogFile::Format::Har, QStringLiteral("browser.har")),
                       &error),
        qPrintable(error));
    // The warehouse is named by the shop's frames only; its part is implied.
    const RecordedSession::Client *warehouse = recording.client(QStringLiteral("warehouse"));
    QVERIFY(warehouse);
    QCOMPARE(warehouse->sent, 4);
    QCOMPARE(warehouse->received, 3);
    for (const auto timing :
         {ReplayOptions::Timing::WaitForInput, ReplayOptions::Timing::AsRecorded}) {
        ReplayOptions options;
        options.timing = timing;
        const auto replayer = replay(recording, options);
        QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
        QCOMPARE(replayer->comparer().summary().matched, 7);
    }
}

void TestReplay::editedRecordingNamesTheDifference() {
    // What the shop received as the second answer, edited in the JSON Lines file.
    const QString path =
        writeLog(m_orders, FrameLogFile::Format::JsonLines, QStringLiteral("orders.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const QByteArray original = R"(\"message\":{\"by\":\"warehouse\",\"n\":2})";
    QVERIFY2(text.count(original) == 2, text.constData()); // the answer in and out
    text.replace(text.lastIndexOf(original), original.size(),
                 R"(\"message\":{\"by\":\"warehouse\",\"n\":20})");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();

    RecordedSession recording;
    QString error;
    QVERIFY2(recording.load(path, &error), qPrintable(error));
    const auto replayer = replay(recording, {});
    QVERIFY(!replayer->passed());
    const ReplayComparer::Summary summary = replayer->comparer().summary();
    QCOMPARE(summary.differing, 1);
    QCOMPARE(summary.matched, 6);
    const QString report = replayer->report();
    QVERIFY2(report.contains(QStringLiteral("shop received #3 (answer)")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("message.n: expected 20, got 2")), qPrintable(report));
}

void TestReplay::ignoredPathIsNotCompared() {
    RecordedSession recording;
    BrokerEventList edited = m_orders;
    for (BrokerEvent &e : edited) {
        if (e.kind == BrokerEvent::Kind::FrameOut && e.data.contains("\"hello\""))
            e.data.replace("\"at\":17", "\"at\":18");
    }
    recording.setEvents(edited);
    ReplayOptions options;
    options.timing = ReplayOptions::Timing::AsFastAsPossible;
    {
        const auto replayer = replay(recording, options);
        QCOMPARE(replayer->comparer().summary().differing, 1);
        QVERIFY(replayer->report().contains(QStringLiteral("message.at: expected 18, got 17")));
    }
    options.ignoredPaths = {QStringLiteral("message.at")};
    const auto replayer = replay(recording, options);
    QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
}

void TestReplay::reformattedFramesMatchAsValues() {
    // Every received frame recorded with its members sorted and indented: not one replayed
    // frame is byte for byte as recorded, yet each is the same JSON value, so all match.
    BrokerEventList edited = m_orders;
    int reformatted = 0;
    for (BrokerEvent &e : edited) {
        if (e.kind != BrokerEvent::Kind::FrameOut ||
            (e.action != FrameAction::Message && e.action != FrameAction::Answer))
            continue;
        const QByteArray text = QJsonDocument::fromJson(e.data).toJson(QJsonDocument::Indented);
        QVERIFY(text != e.data);
        e.data = text;
        ++reformatted;
    }
    QCOMPARE(reformatted, 7);
    RecordedSession recording;
    recording.setEvents(edited);
    ReplayOptions options;
    options.timing = ReplayOptions::Timing::AsFastAsPossible;
    const auto replayer = replay(recording, options);
    QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
    QCOMPARE(replayer->comparer().summary().matched, 7);
}

void TestReplay::liveClientTakesItsPart() {
    RecordedSession recording;
    recording.setEvents(m_orders);
    ReplayOptions options;
    options.liveIds = {QStringLiteral("warehouse")};
    options.timing = ReplayOptions::Timing::WaitForInput;
    std::unique_ptr<TestPeer> live;
    const auto replayer = replay(recording, options, [&](Broker *broker) {
        // The real warehouse: answers as recorded, and says hello after the first order.
        live = std::make_unique<TestPeer>(broker, QStringLiteral("/orders"),
                                          QStringLiteral("warehouse"), true);
        QVERIFY(live->registerNow());
        QVERIFY(QTest::qWaitFor([&] { return live->answered == 1; }, Timeout));
        live->client.send(R"({"action":"send","dest":["shop"],"message":{"hello":true,"at":17}})");
    });
    QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
    // Its 4 sent frames and 3 received ones, and the shop's 4 received ones.
    QCOMPARE(replayer->comparer().summary().matched, 11);
    QCOMPARE(replayer->framesSent(), 3);
}

void TestReplay::liveClientThatAnswersDifferentlyFails() {
    RecordedSession recording;
    recording.setEvents(m_orders);
    ReplayOptions options;
    options.liveIds = {QStringLiteral("warehouse")};
    options.timing = ReplayOptions::Timing::WaitForInput;
    std::unique_ptr<TestPeer> live;
    const auto replayer = replay(recording, options, [&](Broker *broker) {
        // Registers as the warehouse but answers as "store", and never says hello.
        live = std::make_unique<TestPeer>(broker, QStringLiteral("/orders"),
                                          QStringLiteral("store"), true);
        QVERIFY(QTest::qWaitFor(
            [&] { return live->client.socket.state() == QAbstractSocket::ConnectedState; },
            Timeout));
        live->client.send(R"({"action":"register","id":"warehouse"})");
    });
    QVERIFY(!replayer->passed());
    const QString report = replayer->report();
    QVERIFY2(report.contains(QStringLiteral("warehouse sent #1 (answer) at ")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("message.by: expected \"warehouse\", got \"store\"")),
             qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("missing")), qPrintable(report)); // the hello
}

void TestReplay::liveClientThatNeverComes() {
    RecordedSession recording;
    recording.setEvents(m_orders);
    ReplayOptions options;
    options.liveIds = {QStringLiteral("warehouse")};
    options.timeoutS = 1;
    const auto replayer = replay(recording, options);
    QVERIFY(!replayer->passed());
    QCOMPARE(replayer->failure(),
             QStringLiteral("live client(s) warehouse did not register within 1 s"));
    QCOMPARE(replayer->framesSent(), 0);
}

void TestReplay::twoAnswerersFastestWinsAsRecorded() {
    RecordedSession recording;
    recording.setEvents(recordTwoAnswerers());
    QCOMPARE(recording.clients().size(), qsizetype(3));
    // Both answered; the shop got w1's answer only.
    QCOMPARE(recording.client(QStringLiteral("w2"))->sent, 1);
    QCOMPARE(recording.client(QStringLiteral("shop"))->received, 1);
    const auto replayer = replay(recording, {});
    QVERIFY2(replayer->passed(), qPrintable(replayer->report()));
    // w1 and w2 each got the ask, the shop the first answer: w1's, with w1's ack mapped.
    QCOMPARE(replayer->comparer().summary().matched, 3);
    QCOMPARE(replayer->framesSent(), 3);
}

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"

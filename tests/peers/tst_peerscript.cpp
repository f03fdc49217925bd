#include "broker.h"
#include "brokersettings.h"
#include "peerscriptrunner.h"
#include "recordingclient.h"
#include "testfiles.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int Timeout = 5000;

} // namespace

// Peer scripts run by the real QJSEngine in their own thread, against a real broker, talking to
// real WebSocket clients: a responder, timers, an ask, and the three ways a script goes wrong
// (a syntax error, a runtime error, an endless loop), each stopping that script only.
class TestPeerScript : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void responderAnswersAsks();
    void timersSendAndStop();
    void scriptAsksAndGetsTheAnswer();
    void syntaxErrorNamesFileAndLine();
    void runtimeErrorStopsThatScriptOnly();
    void endlessLoopIsInterrupted();
    void badApiUseIsTheScriptsLine();
    void missingFileIsReported();
    void stopClosesTheClients();

private:
    QString writeScript(const QString &name, const QString &text);
    std::unique_ptr<PeerScriptRunner> run(const QString &file, QStringList *output = nullptr);
    // A client registered as id in room.
    std::unique_ptr<RecordingClient> connectClient(const QString &room, const QString &id);

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPeerScript::init() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPeerScript::cleanup() {
    m_dir.reset();
    m_broker.reset();
}

QString TestPeerScript::writeScript(const QString &name, const QString &text) {
    return writeTestFile(*m_dir, name, text.toUtf8());
}

std::unique_ptr<PeerScriptRunner> TestPeerScript::run(const QString &file, QStringList *output) {
    auto runner = std::make_unique<PeerScriptRunner>(file, m_broker->url());
    if (output)
        connect(runner.get(), &PeerScriptRunner::output, this,
                [output](const QString &line) { output->append(line); });
    runner->start();
    return runner;
}

std::unique_ptr<RecordingClient> TestPeerScript::connectClient(const QString &room,
                                                               const QString &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = m_broker->url();
    url.setPath(room);
    client->socket.open(url);
    if (!QTest::qWaitFor([&] { return client->socket.state() == QAbstractSocket::ConnectedState; },
                         Timeout))
        return nullptr;
    client->send(R"({"action":"register","id":")" + id.toUtf8() + R"("})");
    if (!QTest::qWaitFor([&] { return client->registered(); }, Timeout))
        return nullptr;
    return client;
}

namespace {

// The JSON of a frame's member, for compact comparisons.
QByteArray member(const QJsonObject &frame, const char *name) {
    const QJsonValue value = frame.value(QLatin1String(name));
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return value.toVariant().toString().toUtf8();
}

QList<QJsonObject> framesOf(const RecordingClient &client, const QString &action) {
    QList<QJsonObject> frames;
    for (const QJsonObject &frame : client.received) {
        if (frame.value(QStringLiteral("action")).toString() == action)
            frames.append(frame);
    }
    return frames;
}

} // namespace

void TestPeerScript::responderAnswersAsks() {
    QStringList output;
    const auto runner = run(writeScript(QStringLiteral("responder.js"), QStringLiteral(R"(
client("pricing", "/market")
    .on("registered", id => console.log("ready", id))
    .on("message", (msg, from, answer) => answer({price: 42, symbol: msg.symbol, to: from}));
)")),
                            &output);
    QTRY_VERIFY_WITH_TIMEOUT(output.contains(QStringLiteral("ready pricing")), Timeout);
    QCOMPARE(runner->state(), PeerScriptRunner::State::Running);
    QCOMPARE(runner->clientCount(), 1);

    const auto trader = connectClient(QStringLiteral("/market"), QStringLiteral("trader"));
    QVERIFY(trader);
    trader->send(R"({"action":"send","dest":"pricing","message":{"symbol":"ACME"},"ack":"a1"})");
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*trader, QStringLiteral("answer")).size(), 1, Timeout);
    const QJsonObject answer = framesOf(*trader, QStringLiteral("answer")).first();
    QCOMPARE(member(answer, "ack"), QByteArray("a1"));
    QCOMPARE(member(answer, "from"), QByteArray("pricing"));
    QCOMPARE(member(answer, "message"),
             QByteArray(R"({"price":42,"symbol":"ACME","to":"trader"})"));

    // A message without an ack: answer() does nothing, and nothing comes back.
    trader->send(R"({"action":"send","dest":"pricing","message":{"symbol":"X"}})");
    trader->send(R"({"action":"send","dest":"pricing","message":{"symbol":"Y"},"ack":"a2"})");
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*trader, QStringLiteral("answer")).size(), 2, Timeout);
    QCOMPARE(member(framesOf(*trader, QStringLiteral("answer")).last(), "ack"), QByteArray("a2"));
    QVERIFY(runner->error().isEmpty());
}

void TestPeerScript::timersSendAndStop() {
    const auto watcher = connectClient(QStringLiteral("/clock"), QStringLiteral("watcher"));
    QVERIFY(watcher);
    QStringList output;
    const auto runner = run(writeScript(QStringLiteral("ticker.js"), QStringLiteral(R"(
const ticker = client("ticker", "clock");
let n = 0;
const every = setInterval(() => {
    ticker.send({tick: ++n}, "watcher");
    if (n === 3) {
        clearInterval(every);
        setTimeout(() => { ticker.send({done: true}, ["watcher"]); console.log("done"); }, 50);
    }
}, 20);
const never = setTimeout(() => ticker.send({never: true}, "watcher"), 10);
clearTimeout(never);
)")),
                            &output);
    QTRY_VERIFY_WITH_TIMEOUT(output.contains(QStringLiteral("done")), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*watcher, QStringLiteral("message")).size(), 4, Timeout);
    // The interval stopped at three and the cleared timeout never fired.
    QTest::qWait(200);
    const QList<QJsonObject> messages = framesOf(*watcher, QStringLiteral("message"));
    QCOMPARE(messages.size(), 4);
    QCOMPARE(member(messages[0], "message"), QByteArray(R"({"tick":1})"));
    QCOMPARE(member(messages[2], "message"), QByteArray(R"({"tick":3})"));
    QCOMPARE(member(messages[3], "message"), QByteArray(R"({"done":true})"));
    QCOMPARE(member(messages[0], "from"), QByteArray("ticker"));
    QCOMPARE(runner->state(), PeerScriptRunner::State::Running);
}

void TestPeerScript::scriptAsksAndGetsTheAnswer() {
    const auto oracle = connectClient(QStringLiteral("/q"), QStringLiteral("oracle"));
    QVERIFY(oracle);
    // The oracle answers every ask it gets with 7.
    connect(&oracle->socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        if (frame.value(QStringLiteral("ack")).isString())
            oracle->send(R"({"action":"answer","ack":")" +
                         frame.value(QStringLiteral("ack")).toString().toUtf8() +
                         R"(","message":7})");
    });
    QStringList output;
    const auto runner = run(writeScript(QStringLiteral("asker.js"), QStringLiteral(R"(
const me = client("asker", "/q");
me.send({question: "?"}, "oracle", (answer, from) => console.log("answer", answer, "from", from));
)")),
                            &output);
    QTRY_VERIFY_WITH_TIMEOUT(output.contains(QStringLiteral("answer 7 from oracle")), Timeout);
    const QJsonObject ask = framesOf(*oracle, QStringLiteral("message")).first();
    QCOMPARE(member(ask, "ack").size(), 20);
}

void TestPeerScript::syntaxErrorNamesFileAndLine() {
    const QString file = writeScript(QStringLiteral("broken.js"), QStringLiteral(R"(const a = 1;

client("x", "/r"
  .on("message", () => {);
)"));
    const auto runner = run(file);
    QSignalSpy failed(runner.get(), &PeerScriptRunner::failed);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), PeerScriptRunner::State::Failed, Timeout);
    QCOMPARE(failed.size(), 1);
    const QString error = runner->error();
    QVERIFY2(error.startsWith(file + QStringLiteral(":4: SyntaxError")), qPrintable(error));
    QCOMPARE(runner->clientCount(), 0);
}

void TestPeerScript::runtimeErrorStopsThatScriptOnly() {
    QStringList output;
    const auto good = run(writeScript(QStringLiteral("good.js"), QStringLiteral(R"(
client("echo", "/r").on("registered", () => console.log("ready"))
    .on("message", (msg, from, answer) => answer(msg));
)")),
                          &output);
    const QString badFile = writeScript(QStringLiteral("bad.js"), QStringLiteral(R"(
client("bad", "/r").on("registered", () => console.log("ready"))
    .on("message", (msg) => {
        const order = null;
        return order.qty; // line 5
    });
)"));
    const auto bad = run(badFile, &output);
    QTRY_COMPARE_WITH_TIMEOUT(output.count(QStringLiteral("ready")), 2, Timeout);

    const auto user = connectClient(QStringLiteral("/r"), QStringLiteral("user"));
    QVERIFY(user);
    user->send(R"({"action":"send","dest":"bad","message":1})");
    QTRY_COMPARE_WITH_TIMEOUT(bad->state(), PeerScriptRunner::State::Failed, Timeout);
    QVERIFY2(bad->error().startsWith(badFile + QStringLiteral(":5: TypeError")),
             qPrintable(bad->error()));
    // Its client left; the other script still answers.
    QTRY_COMPARE_WITH_TIMEOUT(bad->clientCount(), 0, Timeout);
    user->send(R"({"action":"send","dest":"echo","message":{"still":"here"},"ack":"k"})");
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*user, QStringLiteral("answer")).size(), 1, Timeout);
    QCOMPARE(good->state(), PeerScriptRunner::State::Running);
}

void TestPeerScript::endlessLoopIsInterrupted() {
    QStringList output;
    const auto good = run(writeScript(QStringLiteral("good.js"), QStringLiteral(R"(
client("echo", "/r").on("registered", () => console.log("ready"))
    .on("message", (msg, from, answer) => answer(msg));
)")),
                          &output);
    const QString loopFile = writeScript(QStringLiteral("loop.js"), QStringLiteral(R"(
client("spinner", "/r").on("registered", () => console.log("ready"))
    .on("message", () => { for (;;) {} });
)"));
    auto loop = std::make_unique<PeerScriptRunner>(loopFile, m_broker->url());
    loop->setTimeLimitMs(300);
    connect(loop.get(), &PeerScriptRunner::output, this,
            [&output](const QString &line) { output.append(line); });
    loop->start();
    QTRY_COMPARE_WITH_TIMEOUT(output.count(QStringLiteral("ready")), 2, Timeout);

    const auto user = connectClient(QStringLiteral("/r"), QStringLiteral("user"));
    QVERIFY(user);
    user->send(R"({"action":"send","dest":"spinner","message":1})");
    // While it spins, this thread and the other script go on.
    user->send(R"({"action":"send","dest":"echo","message":2,"ack":"k"})");
    QTRY_COMPARE_WITH_TIMEOUT(framesOf(*user, QStringLiteral("answer")).size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(loop->state(), PeerScriptRunner::State::Failed, Timeout);
    QVERIFY2(loop->error().contains(QStringLiteral("interrupted")), qPrintable(loop->error()));
    QTRY_COMPARE_WITH_TIMEOUT(loop->clientCount(), 0, Timeout);
    QCOMPARE(good->state(), PeerScriptRunner::State::Running);
}

void TestPeerScript::badApiUseIsTheScriptsLine() {
    const QString file =
        writeScript(QStringLiteral("misuse.js"), QStringLiteral(R"(const c = client("c", "/r");
c.on("mesage", () => {});
)"));
    const auto runner = run(file);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), PeerScriptRunner::State::Failed, Timeout);
    QVERIFY2(runner->error().startsWith(file + QStringLiteral(":2: TypeError: unknown event")),
             qPrintable(runner->error()));
}

void TestPeerScript::missingFileIsReported() {
    const QString file = m_dir->filePath(QStringLiteral("absent.js"));
    const auto runner = run(file);
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), PeerScriptRunner::State::Failed, Timeout);
    QVERIFY2(runner->error().startsWith(file + QStringLiteral(": cannot read the script")),
             qPrintable(runner->error()));
}

void TestPeerScript::stopClosesTheClients() {
    QStringList output;
    const auto runner = run(writeScript(QStringLiteral("two.js"), QStringLiteral(R"(
client("one", "/s").on("registered", () => console.log("ready"));
client("two", "/s").on("registered", () => console.log("ready"));
setInterval(() => {}, 10);
)")),
                            &output);
    QTRY_COMPARE_WITH_TIMEOUT(output.count(QStringLiteral("ready")), 2, Timeout);
    QCOMPARE(runner->clientCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_broker->snapshot().connections.size(), qsizetype(2), Timeout);
    runner->stop();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), PeerScriptRunner::State::Stopped, Timeout);
    QCOMPARE(runner->clientCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_broker->snapshot().connections.size(), qsizetype(0), Timeout);
    QVERIFY(runner->error().isEmpty());
}

QTEST_GUILESS_MAIN(TestPeerScript)
#include "tst_peerscript.moc"

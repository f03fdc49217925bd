#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

constexpr int TimeoutMs = 10000;

} // namespace

// wsmsgbroker --headless --script FILE: the real binary runs peer scripts against its own
// broker; a script's output goes to stdout, its error to stderr, and a broken script stops
// alone while the broker and the other scripts go on (issue 14).
class TestHeadlessScripts : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void scriptAnswersAndPrints();
    void brokenScriptStopsAlone();
    void missingScriptIsAUsageError();

private:
    // Starts the broker with these scripts and waits for its listening line.
    bool start(const QStringList &scripts);
    // A client of room that asks `to` and returns the answer's message (null when none came).
    QJsonValue ask(const QString &room, const QString &to, const QByteArray &messageJson);

    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    int m_port = 0;
};

void TestHeadlessScripts::cleanup() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
    m_process.reset();
    m_out.clear();
    m_err.clear();
}

bool TestHeadlessScripts::start(const QStringList &scripts) {
    QStringList arguments{QStringLiteral("--lang"), QStringLiteral("en"),
                          QStringLiteral("--headless"), QStringLiteral("--port"),
                          QStringLiteral("0")};
    for (const QString &script : scripts)
        arguments << QStringLiteral("--script") << script;
    m_process = std::make_unique<QProcess>();
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError(); });
    m_process->start(QStringLiteral(WSMSGBROKER_BINARY), arguments);
    static const QRegularExpression listening(QStringLiteral("listening on ws://[^:]+:(\\d+)/"));
    QRegularExpressionMatch match;
    (void)QTest::qWaitFor(
        [&] {
            match = listening.match(QString::fromUtf8(m_out));
            return match.hasMatch() || m_process->state() == QProcess::NotRunning;
        },
        TimeoutMs);
    m_port = match.captured(1).toInt();
    return m_port > 0;
}

QJsonValue TestHeadlessScripts::ask(const QString &room, const QString &to,
                                    const QByteArray &messageJson) {
    QWebSocket client;
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(room)));
    if (!QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; },
                         TimeoutMs))
        return {};
    client.sendTextMessage(QStringLiteral(R"({"action":"register","id":"tester"})"));
    client.sendTextMessage(QString::fromUtf8(R"({"action":"send","dest":")" + to.toUtf8() +
                                             R"(","ack":"q1","message":)" + messageJson + "}"));
    QJsonValue answer(QJsonValue::Undefined);
    (void)QTest::qWaitFor(
        [&] {
            while (!received.isEmpty()) {
                const QJsonObject frame =
                    QJsonDocument::fromJson(received.takeFirst().first().toString().toUtf8())
                        .object();
                if (frame.value(QStringLiteral("action")).toString() == QLatin1String("answer"))
                    answer = frame.value(QStringLiteral("message"));
            }
            return !answer.isUndefined();
        },
        TimeoutMs);
    return answer.isUndefined() ? QJsonValue() : answer;
}

void TestHeadlessScripts::scriptAnswersAndPrints() {
    QTemporaryDir dir;
    const QString script = writeTestFile(dir, QStringLiteral("pricing.js"), R"(
client("pricing", "/market")
    .on("registered", id => console.log("ready as", id))
    .on("message", (msg, from, answer) => answer({price: 42, symbol: msg.symbol}));
)");
    QVERIFY2(start({script}), m_err.constData());
    QTRY_VERIFY2_WITH_TIMEOUT(m_out.contains("script pricing.js: ready as pricing\n"),
                              m_out.constData(), TimeoutMs);
    const QJsonValue answer =
        ask(QStringLiteral("/market"), QStringLiteral("pricing"), R"({"symbol":"ACME"})");
    QCOMPARE(answer.toObject().value(QStringLiteral("price")).toInt(), 42);
    QCOMPARE(answer.toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("ACME"));
    QVERIFY2(m_err.isEmpty(), m_err.constData());
}

void TestHeadlessScripts::brokenScriptStopsAlone() {
    QTemporaryDir dir;
    const QString broken = writeTestFile(dir, QStringLiteral("broken.js"),
                                         "client(\"b\", \"/r\");\nnotDefined.call();\n");
    const QString good = writeTestFile(dir, QStringLiteral("echo.js"), R"(
client("echo", "/r").on("message", (msg, from, answer) => answer(msg));
)");
    QVERIFY2(start({broken, good}), m_err.constData());
    const QByteArray expected = "wsmsgbroker: script stopped: " + broken.toUtf8() +
                                ":2: ReferenceError: notDefined is not defined\n";
    QTRY_VERIFY2_WITH_TIMEOUT(m_err.contains(expected), m_err.constData(), TimeoutMs);
    QCOMPARE(ask(QStringLiteral("/r"), QStringLiteral("echo"), "[1,2]").toVariant(),
             QVariant(QVariantList{1, 2}));
    QCOMPARE(m_process->state(), QProcess::Running);
}

void TestHeadlessScripts::missingScriptIsAUsageError() {
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("absent.js"));
    QVERIFY(!start({missing}));
    QTRY_COMPARE_WITH_TIMEOUT(m_process->state(), QProcess::NotRunning, TimeoutMs);
    QCOMPARE(m_process->exitCode(), 2);
    QVERIFY2(m_err.contains("--script: cannot read \"" + missing.toUtf8() + '"'),
             m_err.constData());
}

QTEST_GUILESS_MAIN(TestHeadlessScripts)
#include "tst_headlessscripts.moc"

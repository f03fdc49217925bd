// The real wsmsgbroker binary headless with --schemas, real clients on real sockets: each
// violation is one stdout line (room, sender, path, keyword), valid messages give none, a bad
// schema file is named on stderr while the good ones keep working, nothing usable exits 2;
// with --record the capture keeps each violation with the id of its frame.

#include "capturereader.h"

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

#include <signal.h>

namespace {

constexpr int TimeoutMs = 10000;

QString fixture(const QString &name) {
    return QStringLiteral(FIXTURES_DIR "/") + name;
}

} // namespace

class TestHeadlessContracts : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void violationsArePrinted_data();
    void violationsArePrinted();
    void badFileIsNamedAndOthersWork();
    void nothingUsableExits2();
    void violationsGoIntoTheRecording();

private:
    void startListening(const QStringList &extra);
    std::unique_ptr<QWebSocket> openClient(const QString &path, const QString &id);
    void send(QWebSocket *from, QWebSocket *to, const QString &toId, const QJsonValue &message);
    QStringList violationLines() const;

    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

void TestHeadlessContracts::cleanup() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    m_process.reset();
    m_out.clear();
    m_err.clear();
}

void TestHeadlessContracts::startListening(const QStringList &extra) {
    m_process = std::make_unique<QProcess>();
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError(); });
    m_process->start(
        QStringLiteral(WSMSGBROKER_BINARY),
        QStringList{QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0")} +
            extra);
    QVERIFY(m_process->waitForStarted(TimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(m_out.contains('\n') || m_process->state() == QProcess::NotRunning,
                             TimeoutMs);
    static const QRegularExpression listening(
        QStringLiteral("^listening on ws://127\\.0\\.0\\.1:(\\d+)/\\n"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
    QVERIFY2(match.hasMatch(), m_err.constData());
    m_port = quint16(match.captured(1).toInt());
}

std::unique_ptr<QWebSocket> TestHeadlessContracts::openClient(const QString &path,
                                                              const QString &id) {
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy received(socket.get(), &QWebSocket::textMessageReceived);
    socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path)));
    if (!QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; },
                         TimeoutMs))
        return nullptr;
    socket->sendTextMessage(QStringLiteral("{\"action\":\"register\",\"id\":\"%1\"}").arg(id));
    if (!QTest::qWaitFor([&] { return received.size() == 1; }, TimeoutMs))
        return nullptr;
    return socket;
}

void TestHeadlessContracts::send(QWebSocket *from, QWebSocket *to, const QString &toId,
                                 const QJsonValue &message) {
    QSignalSpy received(to, &QWebSocket::textMessageReceived);
    from->sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("action"), QStringLiteral("send")},
                                  {QStringLiteral("dest"), toId},
                                  {QStringLiteral("message"), message}})
            .toJson(QJsonDocument::Compact)));
    // Checking never holds a message back: it arrives, valid or not.
    QVERIFY(received.wait(TimeoutMs));
}

QStringList TestHeadlessContracts::violationLines() const {
    QStringList lines;
    for (const QString &line : QString::fromUtf8(m_out).split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("violation ")))
            lines.append(line);
    }
    return lines;
}

void TestHeadlessContracts::violationsArePrinted_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("2.6 json") << QStringLiteral("shop-2.6.json");
    QTest::newRow("3.0 yaml") << QStringLiteral("shop-3.0.yaml");
}

void TestHeadlessContracts::violationsArePrinted() {
    QFETCH(QString, file);
    startListening({QStringLiteral("--schemas"), fixture(file)});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(m_err.isEmpty(), m_err.constData());
    auto alice = openClient(QStringLiteral("/orders"), QStringLiteral("alice"));
    auto bob = openClient(QStringLiteral("/orders"), QStringLiteral("bob"));
    auto carol = openClient(QStringLiteral("/events"), QStringLiteral("carol"));
    auto dave = openClient(QStringLiteral("/events"), QStringLiteral("dave"));
    QVERIFY(alice && bob && carol && dave);
    send(alice.get(), bob.get(), QStringLiteral("bob"), QJsonObject{{QStringLiteral("qty"), 2}});
    send(alice.get(), bob.get(), QStringLiteral("bob"),
         QJsonObject{{QStringLiteral("qty"), QStringLiteral("two")}});
    send(bob.get(), alice.get(), QStringLiteral("alice"), QJsonObject{});
    send(carol.get(), dave.get(), QStringLiteral("dave"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("cancelled")},
                     {QStringLiteral("reason"), 4}});
    // The last line comes with the batch after the stop: SIGTERM must not lose it.
    ::kill(pid_t(m_process->processId()), SIGTERM);
    QVERIFY(m_process->waitForFinished(TimeoutMs));
    m_out += m_process->readAllStandardOutput();
    QCOMPARE(m_process->exitCode(), 0);
    QCOMPARE(violationLines(),
             (QStringList{QStringLiteral("violation /orders alice message/qty type"),
                          QStringLiteral("violation /orders bob message required"),
                          QStringLiteral("violation /events carol message/reason "
                                         "type")}));
}

void TestHeadlessContracts::badFileIsNamedAndOthersWork() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("orders")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("chat")));
    const QString good = dir.filePath(QStringLiteral("orders/send.schema.json"));
    const QString bad = dir.filePath(QStringLiteral("chat/send.schema.yaml"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(R"({"type": "object", "required": ["qty"]})");
    g.close();
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("type: [string\n");
    b.close();
    startListening({QStringLiteral("--schemas"), dir.path()});
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_err.contains('\n'), TimeoutMs);
    QVERIFY2(m_err.startsWith(QStringLiteral("wsmsgbroker: %1: not YAML: line ").arg(bad).toUtf8()),
             m_err.constData());
    auto alice = openClient(QStringLiteral("/orders"), QStringLiteral("alice"));
    auto bob = openClient(QStringLiteral("/orders"), QStringLiteral("bob"));
    QVERIFY(alice && bob);
    send(alice.get(), bob.get(), QStringLiteral("bob"), QJsonObject{});
    QTRY_COMPARE_WITH_TIMEOUT(
        violationLines(), QStringList{QStringLiteral("violation /orders alice message required")},
        TimeoutMs);
    // An id holding a line break and a bidi override stays on its line, escaped.
    auto evil = openClient(QStringLiteral("/orders"), QStringLiteral("ev\\nil\\u202e"));
    QVERIFY(evil);
    send(evil.get(), bob.get(), QStringLiteral("bob"), QJsonObject{});
    QTRY_COMPARE_WITH_TIMEOUT(violationLines().size(), 2, TimeoutMs);
    QCOMPARE(violationLines().at(1),
             QStringLiteral("violation /orders ev\\nil\\u202e message required"));
}

void TestHeadlessContracts::nothingUsableExits2() {
    m_process = std::make_unique<QProcess>();
    m_process->start(QStringLiteral(WSMSGBROKER_BINARY),
                     {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--schemas"),
                      fixture(QStringLiteral("folder/orders/answer.json"))});
    QVERIFY(m_process->waitForFinished(TimeoutMs));
    QCOMPARE(m_process->exitCode(), 2);
    const QByteArray err = m_process->readAllStandardError();
    QVERIFY2(err.contains("answer.json: not an AsyncAPI"), err.constData());
    QVERIFY(!m_process->readAllStandardOutput().contains("listening"));
}

void TestHeadlessContracts::violationsGoIntoTheRecording() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString capture = dir.filePath(QStringLiteral("run.wscap"));
    startListening({QStringLiteral("--schemas"), fixture(QStringLiteral("shop-2.6.json")),
                    QStringLiteral("--record"), capture});
    if (QTest::currentTestFailed())
        return;
    auto alice = openClient(QStringLiteral("/orders"), QStringLiteral("alice"));
    auto bob = openClient(QStringLiteral("/orders"), QStringLiteral("bob"));
    QVERIFY(alice && bob);
    send(alice.get(), bob.get(), QStringLiteral("bob"), QJsonObject{{QStringLiteral("qty"), 2}});
    send(alice.get(), bob.get(), QStringLiteral("bob"),
         QJsonObject{{QStringLiteral("qty"), QStringLiteral("two")}});
    // The last batch is checked and its violation written before the capture closes.
    send(bob.get(), alice.get(), QStringLiteral("alice"), QJsonObject{});
    ::kill(pid_t(m_process->processId()), SIGTERM);
    QVERIFY(m_process->waitForFinished(TimeoutMs));
    QCOMPARE(m_process->exitCode(), 0);

    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(capture, &error), qPrintable(error));
    const ContractViolationList violations = reader.readViolations(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(violations.size(), 2);
    const struct {
        const char *sender;
        const char *path;
        const char *keyword;
        const char *message;
    } expected[] = {{"alice", "/qty", "type", R"("message":{"qty":"two"})"},
                    {"bob", "", "required", R"("message":{})"}};
    for (int i = 0; i < 2; ++i) {
        const ContractViolation &v = violations.at(i);
        QCOMPARE(v.room, QStringLiteral("/orders"));
        QCOMPARE(v.sender, QLatin1String(expected[i].sender));
        QCOMPARE(v.action, QStringLiteral("send"));
        QCOMPARE(v.path, QLatin1String(expected[i].path));
        QCOMPARE(v.keyword, QLatin1String(expected[i].keyword));
        QVERIFY(!v.description.isEmpty());
        // The id names the very frame that failed.
        BrokerEvent frame;
        QVERIFY(v.captureId != 0);
        QVERIFY(reader.read(v.captureId, &frame));
        QCOMPARE(frame.kind, BrokerEvent::Kind::FrameIn);
        QCOMPARE(QString::fromUtf8(frame.clientId), QLatin1String(expected[i].sender));
        QVERIFY2(frame.data.contains(expected[i].message), frame.data.constData());
        QCOMPARE(frame.connectionId, v.connectionId);
    }
}

QTEST_MAIN(TestHeadlessContracts)
#include "tst_headlesscontracts.moc"

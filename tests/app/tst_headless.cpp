// Runs the real wsmsgbroker binary headless as a separate process and checks what a user sees:
// the listening line, clients served, a clean stop on SIGTERM/SIGINT (close code 1001, exit 0),
// the exit codes and one-line errors, the --log-frames lines, --version and --help.

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

#include <signal.h>
#include <sys/types.h>

namespace {

constexpr int TimeoutMs = 10000;

QString binaryPath() {
    return QStringLiteral(WSMSGBROKER_BINARY);
}

QString frame(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseFrame(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void listeningLineAndClient();
    void terminationSignal_data();
    void terminationSignal();
    void portInUse();
    void badOption_data();
    void badOption();
    void logFrames();
    void rulesFileWithAnErrorExits2();
    void rulesFileIsAppliedAndReloaded();
    void logFramesShowWhatRulesDid();
    void version();
    void help();

private:
    // Starts the binary with arguments; stdout and stderr are gathered in m_out and m_err.
    void start(const QStringList &arguments);
    // Starts "--headless --port 0" plus extra arguments and waits for the listening line.
    void startListening(const QStringList &extra = {});
    bool waitForExit(int timeoutMs = TimeoutMs);
    QStringList outLines() const;
    // Opens a client to path and, unless id is empty, registers it and waits for "registered".
    std::unique_ptr<QWebSocket> openClient(const QString &path, const QString &id);

    // Sends message from `from` to `to` and then a probe; returns the messages `to` got up to
    // the probe (the probe itself left out).
    QStringList deliveredBeforeProbe(QWebSocket *from, QWebSocket *to, const QString &toId,
                                     const QString &message);

    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

void TestHeadless::initTestCase() {
    QVERIFY2(QFileInfo(binaryPath()).isExecutable(), qPrintable(binaryPath()));
}

void TestHeadless::cleanup() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    m_process.reset();
    m_out.clear();
    m_err.clear();
    m_port = 0;
}

void TestHeadless::start(const QStringList &arguments) {
    m_process = std::make_unique<QProcess>();
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError(); });
    m_process->start(binaryPath(), arguments);
    QVERIFY2(m_process->waitForStarted(TimeoutMs), qPrintable(m_process->errorString()));
}

void TestHeadless::startListening(const QStringList &extra) {
    start(QStringList{QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0")} +
          extra);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY2_WITH_TIMEOUT(m_out.contains('\n') || m_process->state() == QProcess::NotRunning,
                              "no listening line", TimeoutMs);
    const QString first = QString::fromUtf8(m_out.left(m_out.indexOf('\n') + 1));
    static const QRegularExpression listening(
        QStringLiteral("^listening on ws://127\\.0\\.0\\.1:(\\d+)/\\n$"));
    const QRegularExpressionMatch match = listening.match(first);
    QVERIFY2(match.hasMatch(),
             qPrintable(QStringLiteral("stdout: \"%1\", stderr: \"%2\"")
                            .arg(QString::fromUtf8(m_out), QString::fromUtf8(m_err))));
    const int port = match.captured(1).toInt();
    QVERIFY2(port > 0 && port <= 65535, qPrintable(first));
    m_port = quint16(port);
}

bool TestHeadless::waitForExit(int timeoutMs) {
    return QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; },
                           timeoutMs);
}

QStringList TestHeadless::outLines() const {
    return QString::fromUtf8(m_out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

std::unique_ptr<QWebSocket> TestHeadless::openClient(const QString &path, const QString &id) {
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy received(socket.get(), &QWebSocket::textMessageReceived);
    socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path)));
    if (!QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; },
                         TimeoutMs)) {
        qWarning("client %s did not connect: %s", qPrintable(id),
                 qPrintable(socket->errorString()));
        return nullptr;
    }
    if (id.isEmpty())
        return socket;
    socket->sendTextMessage(frame(
        {{QStringLiteral("action"), QStringLiteral("register")}, {QStringLiteral("id"), id}}));
    if (!received.wait(TimeoutMs) && received.isEmpty()) {
        qWarning("client %s got no answer to register", qPrintable(id));
        return nullptr;
    }
    const QJsonObject answer = parseFrame(received.first().first().toString());
    if (answer != QJsonObject{{QStringLiteral("action"), QStringLiteral("registered")},
                              {QStringLiteral("id"), id}}) {
        qWarning("client %s got %s instead of registered", qPrintable(id),
                 qPrintable(received.first().first().toString()));
        return nullptr;
    }
    return socket;
}

QStringList TestHeadless::deliveredBeforeProbe(QWebSocket *from, QWebSocket *to,
                                               const QString &toId, const QString &message) {
    QSignalSpy received(to, &QWebSocket::textMessageReceived);
    for (const QString &text : {message, QStringLiteral("probe")})
        from->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                     {QStringLiteral("dest"), toId},
                                     {QStringLiteral("message"), text}}));
    QStringList out;
    const bool probed = QTest::qWaitFor(
        [&] {
            while (!received.isEmpty()) {
                const QString text = parseFrame(received.takeFirst().first().toString())
                                         .value(QStringLiteral("message"))
                                         .toString();
                if (text == QLatin1String("probe"))
                    return true;
                out.append(text);
            }
            return false;
        },
        TimeoutMs);
    if (!probed)
        out.append(QStringLiteral("<no probe>"));
    return out;
}

void TestHeadless::listeningLineAndClient() {
    startListening();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_port != 0);

    std::unique_ptr<QWebSocket> client = openClient(QStringLiteral("/"), QStringLiteral("client0"));
    QVERIFY(client);
    // A message to itself makes a round trip through routing.
    QSignalSpy received(client.get(), &QWebSocket::textMessageReceived);
    client->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                   {QStringLiteral("dest"), QStringLiteral("client0")},
                                   {QStringLiteral("message"), QStringLiteral("ping")}}));
    QVERIFY(received.wait(TimeoutMs));
    QCOMPARE(parseFrame(received.first().first().toString()),
             QJsonObject({{QStringLiteral("action"), QStringLiteral("message")},
                          {QStringLiteral("message"), QStringLiteral("ping")},
                          {QStringLiteral("from"), QStringLiteral("client0")}}));

    ::kill(pid_t(m_process->processId()), SIGTERM);
    QVERIFY2(waitForExit(), "still running after SIGTERM");
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    // Without --log-frames the listening line is all that stdout ever gets.
    m_out += m_process->readAllStandardOutput();
    QCOMPARE(QString::fromUtf8(m_out),
             QStringLiteral("listening on ws://127.0.0.1:%1/\n").arg(m_port));
}

void TestHeadless::terminationSignal_data() {
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestHeadless::terminationSignal() {
    QFETCH(int, signalNumber);
    startListening();
    if (QTest::currentTestFailed())
        return;

    std::vector<std::unique_ptr<QWebSocket>> clients;
    clients.push_back(openClient(QStringLiteral("/a"), QStringLiteral("one")));
    clients.push_back(openClient(QStringLiteral("/a"), QStringLiteral("two")));
    clients.push_back(openClient(QStringLiteral("/b"), QStringLiteral("one")));
    clients.push_back(openClient(QStringLiteral("/b"), QString())); // connected, not registered
    for (const auto &client : clients)
        QVERIFY(client);

    ::kill(pid_t(m_process->processId()), signalNumber);
    for (const auto &client : clients) {
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, TimeoutMs);
        QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    QVERIFY2(waitForExit(), "still running after the signal");
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
}

void TestHeadless::portInUse() {
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(holder.serverPort());

    start({QStringLiteral("--headless"), QStringLiteral("--port"), port});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(waitForExit(), "still running although its port is taken");
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 1);
    m_err += m_process->readAllStandardError();
    m_out += m_process->readAllStandardOutput();
    const QString error = QString::fromUtf8(m_err).trimmed();
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("127.0.0.1:") + port), qPrintable(error));
    QVERIFY2(m_out.isEmpty(), m_out.constData());
}

void TestHeadless::badOption_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port 70000") << QStringList{QStringLiteral("--headless"),
                                               QStringLiteral("--port"), QStringLiteral("70000")}
                                << QStringLiteral("70000");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--headless"),
                                                 QStringLiteral("--no-such-option")}
                                  << QStringLiteral("no-such-option");
    QTest::newRow("duplicate-ids")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--duplicate-ids=maybe")}
        << QStringLiteral("maybe");
    QTest::newRow("host") << QStringList{QStringLiteral("--headless"), QStringLiteral("--host"),
                                         QStringLiteral("nowhere")}
                          << QStringLiteral("nowhere");
}

void TestHeadless::badOption() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    start(arguments);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(waitForExit(), "still running after a bad option");
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 2);
    m_err += m_process->readAllStandardError();
    m_out += m_process->readAllStandardOutput();
    const QString error = QString::fromUtf8(m_err).trimmed();
    QVERIFY2(!error.isEmpty(), "nothing on stderr");
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(m_out.isEmpty(), m_out.constData());
}

void TestHeadless::logFrames() {
    startListening({QStringLiteral("--log-frames")});
    if (QTest::currentTestFailed())
        return;

    QWebSocket client;
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(m_port)));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, TimeoutMs);

    // A raw newline between members: the log must still give this frame a single line.
    const QString registerFrame = QStringLiteral("{\"action\":\"register\",\n\"id\":\"alice\"}");
    client.sendTextMessage(registerFrame);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, TimeoutMs);
    const QString registeredFrame = received.at(0).first().toString();

    // 600 characters, each position distinguishable, so a cut at 200 is seen exactly.
    QString longText;
    for (int i = 0; longText.size() < 600; ++i)
        longText += QStringLiteral("%1,").arg(i);
    const QString sendFrame = frame({{QStringLiteral("action"), QStringLiteral("send")},
                                     {QStringLiteral("dest"), QStringLiteral("alice")},
                                     {QStringLiteral("message"), longText}});
    client.sendTextMessage(sendFrame);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, TimeoutMs);
    const QString messageFrame = received.at(1).first().toString();
    QCOMPARE(parseFrame(messageFrame).value(QStringLiteral("message")).toString(), longText);

    // The listening line, then one line per frame: register in, registered out, send in,
    // message out. Lines come in batches; wait for all, then a little longer for extras.
    QTRY_VERIFY_WITH_TIMEOUT(outLines().size() >= 5, TimeoutMs);
    QTest::qWait(300);
    const QStringList lines = outLines();
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("listening on ")));

    struct Expected {
        const char *direction;
        QString frameText;
    };
    const Expected expected[] = {
        {"in", registerFrame},
        {"out", registeredFrame},
        {"in", sendFrame},
        {"out", messageFrame},
    };
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S*) (\\S+) (\\S+) "
                       "(in|out) (\\d+) (.*)$"));
    for (int i = 0; i < 4; ++i) {
        const QString &line = lines.at(i + 1);
        const QRegularExpressionMatch m = shape.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QVERIFY2(QDateTime::fromString(m.captured(1), Qt::ISODateWithMs).isValid(),
                 qPrintable(line));
        QCOMPARE(m.captured(2), QStringLiteral("/chat"));
        if (i > 0) // the register frame arrives before the connection has an id
            QCOMPARE(m.captured(3), QStringLiteral("alice"));
        QCOMPARE(m.captured(4), QLatin1StringView(expected[i].direction));
        const QString &text = expected[i].frameText;
        QCOMPARE(m.captured(5).toLongLong(), qint64(text.toUtf8().size()));
        const QString shown = m.captured(6);
        if (text.size() <= 200) {
            QString oneLine = text;
            QVERIFY2(shown.startsWith(oneLine.replace(QLatin1Char('\n'), QStringLiteral("\\n"))),
                     qPrintable(line));
        } else {
            // Exactly the first 200 characters of the frame, then nothing more of it.
            QVERIFY2(shown.startsWith(text.left(200)), qPrintable(line));
            QVERIFY2(!shown.startsWith(text.left(201)), qPrintable(line));
            QVERIFY2(shown.size() < 220, qPrintable(line));
        }
    }

    ::kill(pid_t(m_process->processId()), SIGTERM);
    QVERIFY(waitForExit());
    QCOMPARE(m_process->exitCode(), 0);
}

void TestHeadless::rulesFileWithAnErrorExits2() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"name": "ok", "effect": "hold"},
                   {"name": "flaky", "effect": "drop", "probability": 2}])");
    file.close();
    start({QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
           QStringLiteral("--rules"), path});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(waitForExit(), "still running after a bad rules file");
    QCOMPARE(m_process->exitCode(), 2);
    m_err += m_process->readAllStandardError();
    m_out += m_process->readAllStandardOutput();
    const QString error = QString::fromUtf8(m_err).trimmed();
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QCOMPARE(error, QStringLiteral("wsmsgbroker: %1: rule \"flaky\": \"probability\" must be a "
                                   "number from 0 to 1")
                        .arg(path));
    QVERIFY(!m_out.contains("listening"));
}

void TestHeadless::rulesFileIsAppliedAndReloaded() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    const auto writeRules = [&](const QByteArray &json, bool byRename) {
        // As editors save: in place, or a new file renamed over the old one.
        const QString target = byRename ? dir.filePath(QStringLiteral("rules.json.new")) : path;
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(json);
        file.close();
        return !byRename || ::rename(qPrintable(target), qPrintable(path)) == 0;
    };
    QVERIFY(writeRules(R"([{"name": "lose", "match": {"to": "b", "regex": "lost"},
                             "effect": "drop"}])",
                       false));
    startListening({QStringLiteral("--rules"), path});
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/r"), QStringLiteral("a"));
    std::unique_ptr<QWebSocket> b = openClient(QStringLiteral("/r"), QStringLiteral("b"));
    QVERIFY(a && b);
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("lost")),
             QStringList());

    // A bad edit: one line on stderr, and the previous rules stay.
    m_err.clear();
    QVERIFY(
        writeRules(R"([{"name": "lose", "effect": "drop", "match": {"action": "nope"}}])", false));
    QTRY_VERIFY_WITH_TIMEOUT(m_err.contains('\n'), TimeoutMs);
    const QString error = QString::fromUtf8(m_err).trimmed();
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY2(error.startsWith(QStringLiteral("wsmsgbroker: %1: rule \"lose\": unknown action "
                                             "\"nope\"")
                                  .arg(path)),
             qPrintable(error));
    QVERIFY(error.endsWith(QStringLiteral("(the previous rules stay)")));
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("lost")),
             QStringList());

    // A good edit saved by rename: applied.
    m_err.clear();
    QVERIFY(writeRules(R"([{"name": "lose-other", "match": {"to": "b", "regex": "other"},
                             "effect": "drop"}])",
                       true));
    QTRY_VERIFY_WITH_TIMEOUT(m_err.contains("1 rules applied"), TimeoutMs);
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("lost")),
             QStringList{QStringLiteral("lost")});
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("other")),
             QStringList());
    // And once more in place after the rename (the watch followed the new file).
    m_err.clear();
    QVERIFY(writeRules("[]", false));
    QTRY_VERIFY_WITH_TIMEOUT(m_err.contains("0 rules applied"), TimeoutMs);
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("other")),
             QStringList{QStringLiteral("other")});
}

void TestHeadless::logFramesShowWhatRulesDid() {
    // Nothing lost without a trace: --log-frames says which frame a rule dropped or delayed.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"name": "lose", "match": {"to": "b", "regex": "lost"}, "effect": "drop"},
                  {"name": "slow", "match": {"to": "b", "regex": "late"}, "effect": "delay",
                   "ms": 50}])");
    file.close();
    startListening({QStringLiteral("--rules"), path, QStringLiteral("--log-frames")});
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/r"), QStringLiteral("a"));
    std::unique_ptr<QWebSocket> b = openClient(QStringLiteral("/r"), QStringLiteral("b"));
    QVERIFY(a && b);
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("lost")),
             QStringList());
    QCOMPARE(deliveredBeforeProbe(a.get(), b.get(), QStringLiteral("b"), QStringLiteral("late")),
             QStringList{QStringLiteral("late")});
    const auto lineWith = [&](const QByteArray &needle) {
        for (const QByteArray &line : m_out.split('\n')) {
            if (line.contains(needle) && line.contains(" b out "))
                return QString::fromUtf8(line);
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!lineWith("late").isEmpty(), TimeoutMs);
    QVERIFY2(lineWith("lost").endsWith(QStringLiteral("  [not delivered: dropped by rule lose]")),
             qPrintable(lineWith("lost")));
    QVERIFY2(lineWith("late").contains(QStringLiteral("  [delayed ")) &&
                 lineWith("late").endsWith(QStringLiteral(" by rule slow]")),
             qPrintable(lineWith("late")));
}

void TestHeadless::version() {
    start({QStringLiteral("--version")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(waitForExit());
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    m_out += m_process->readAllStandardOutput();
    QCOMPARE(QString::fromUtf8(m_out), QStringLiteral("wsmsgbroker " WSMSGBROKER_VERSION "\n"));
}

void TestHeadless::help() {
    start({QStringLiteral("--help")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(waitForExit());
    QCOMPARE(m_process->exitCode(), 0);
    m_out += m_process->readAllStandardOutput();
    for (const char *option : {"--headless", "--host", "--port", "--log-frames", "--version"})
        QVERIFY2(m_out.contains(option), m_out.constData());
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"

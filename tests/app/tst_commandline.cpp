// Unit tests of CommandLine::parse: defaults, every option, one-line errors that name the option
// (or settings key) and the bad value, settings files overridden by options, --help, --version.

#include "commandline.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

CommandLine parse(QStringList arguments) {
    arguments.prepend(QStringLiteral("wsmsgbroker"));
    return CommandLine::parse(arguments);
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void everyOption();
    void hostForms_data();
    void hostForms();
    void duplicateIdPolicies();
    void tokenFileIsTrimmed();
    void metricsToken();
    void badValues_data();
    void badValues();
    void badSettingsFile_data();
    void badSettingsFile();
    void settingsFileValues();
    void optionsOverrideSettingsFile();
    void help_data();
    void help();
    void version_data();
    void version();
    void filesToOpen();
    void recordAndBudgets();
    void convertFiles();
    void monitorOptions();
    void monitorBadValues_data();
    void monitorBadValues() { badValues(); }

private:
    // Writes text to a file in the temporary directory and returns its path.
    QString writeFile(const QString &name, const QByteArray &text);

    QTemporaryDir m_dir;
};

void TestCommandLine::initTestCase() {
    QVERIFY(m_dir.isValid());
    QCoreApplication::setApplicationName(QStringLiteral("wsmsgbroker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSMSGBROKER_VERSION));
}

QString TestCommandLine::writeFile(const QString &name, const QByteArray &text) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(text);
    return path;
}

void TestCommandLine::defaults() {
    const CommandLine c = parse({});
    QCOMPARE(c.outcome, CommandLine::Outcome::Run);
    QVERIFY(c.output.isEmpty());
    QCOMPARE(c.broker.host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c.broker.host.toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(c.broker.port, quint16(9042));
    QVERIFY(!c.headless);
    QVERIFY(!c.logFrames);
    QVERIFY(c.settingsFile.isEmpty());
    QVERIFY(c.language.isEmpty());
    const BrokerSettings defaults;
    QCOMPARE(c.broker.duplicateIds, BrokerSettings::DuplicateIdPolicy::TakeOver);
    QCOMPARE(c.broker.ackTtlMs, 3600 * 1000);
    QCOMPARE(c.broker.maxMessageBytes, defaults.maxMessageBytes);
    QCOMPARE(c.broker.maxQueuedBytes, defaults.maxQueuedBytes);
    QCOMPARE(c.broker.maxConnections, defaults.maxConnections);
    QCOMPARE(c.broker.maxIdLength, defaults.maxIdLength);
    QCOMPARE(c.broker.maxDestinations, defaults.maxDestinations);
    QCOMPARE(c.broker.maxPendingAcksPerConnection, defaults.maxPendingAcksPerConnection);
    QCOMPARE(c.broker.pingIntervalMs, defaults.pingIntervalMs);
    QCOMPARE(c.broker.rateLimitPerSecond, 0);
    QCOMPARE(c.broker.maxHeldFrames, 1000);
    QVERIFY(c.rulesFile.isEmpty());
    QVERIFY(c.broker.token.isEmpty());
    QVERIFY(c.broker.allowedOrigins.isEmpty());
}

void TestCommandLine::everyOption() {
    const QString tokenFile = writeFile(QStringLiteral("token.txt"), "from-file\n");
    QVERIFY(!tokenFile.isEmpty());
    const QString settingsFile = writeFile(QStringLiteral("empty.ini"), "");
    QVERIFY(!settingsFile.isEmpty());
    const QString rulesFile = writeFile(QStringLiteral("rules.json"), "[]");
    QVERIFY(!rulesFile.isEmpty());

    // --token-file is read after --token, so it wins; --token alone is checked below.
    const CommandLine c = parse({
        QStringLiteral("--headless"),
        QStringLiteral("--host"),
        QStringLiteral("0.0.0.0"),
        QStringLiteral("--port=0"),
        QStringLiteral("--log-frames"),
        QStringLiteral("--duplicate-ids"),
        QStringLiteral("reject"),
        QStringLiteral("--settings"),
        settingsFile,
        QStringLiteral("--lang"),
        QStringLiteral("fr"),
        QStringLiteral("--ack-ttl"),
        QStringLiteral("90"),
        QStringLiteral("--max-message-size"),
        QStringLiteral("2048"),
        QStringLiteral("--max-queued-bytes"),
        QStringLiteral("65536"),
        QStringLiteral("--max-connections"),
        QStringLiteral("12"),
        QStringLiteral("--max-id-length"),
        QStringLiteral("32"),
        QStringLiteral("--max-destinations"),
        QStringLiteral("7"),
        QStringLiteral("--max-pending-acks"),
        QStringLiteral("99"),
        QStringLiteral("--ping-interval"),
        QStringLiteral("0"),
        QStringLiteral("--rate-limit"),
        QStringLiteral("500"),
        QStringLiteral("--max-held-frames"),
        QStringLiteral("50"),
        QStringLiteral("--rules"),
        rulesFile,
        QStringLiteral("--token-file"),
        tokenFile,
        QStringLiteral("--allow-origin"),
        QStringLiteral("http://a.example"),
        QStringLiteral("--allow-origin"),
        QStringLiteral("http://b.example"),
    });
    QVERIFY2(c.outcome == CommandLine::Outcome::Run, qPrintable(c.output));
    QVERIFY(c.headless);
    QVERIFY(c.logFrames);
    QCOMPARE(c.broker.host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(c.broker.port, quint16(0));
    QCOMPARE(c.broker.duplicateIds, BrokerSettings::DuplicateIdPolicy::Reject);
    QCOMPARE(c.settingsFile, settingsFile);
    QCOMPARE(c.language, QStringLiteral("fr"));
    QCOMPARE(c.broker.ackTtlMs, 90 * 1000);
    QCOMPARE(c.broker.maxMessageBytes, qint64(2048));
    QCOMPARE(c.broker.maxQueuedBytes, qint64(65536));
    QCOMPARE(c.broker.maxConnections, 12);
    QCOMPARE(c.broker.maxIdLength, 32);
    QCOMPARE(c.broker.maxDestinations, 7);
    QCOMPARE(c.broker.maxPendingAcksPerConnection, 99);
    QCOMPARE(c.broker.pingIntervalMs, 0);
    QCOMPARE(c.broker.rateLimitPerSecond, 500);
    QCOMPARE(c.broker.maxHeldFrames, 50);
    QCOMPARE(c.rulesFile, rulesFile);
    QCOMPARE(c.broker.token, QStringLiteral("from-file"));
    QCOMPARE(c.broker.allowedOrigins,
             QStringList({QStringLiteral("http://a.example"), QStringLiteral("http://b.example")}));

    const CommandLine withToken =
        parse({QStringLiteral("--token"), QStringLiteral("s3cret"), QStringLiteral("--port"),
               QStringLiteral("65535"), QStringLiteral("--ping-interval"), QStringLiteral("15")});
    QVERIFY2(withToken.outcome == CommandLine::Outcome::Run, qPrintable(withToken.output));
    QCOMPARE(withToken.broker.token, QStringLiteral("s3cret"));
    QCOMPARE(withToken.broker.port, quint16(65535));
    QCOMPARE(withToken.broker.pingIntervalMs, 15 * 1000);
    QVERIFY(!withToken.headless);
}

void TestCommandLine::hostForms_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("expected");
    QTest::newRow("loopback") << QStringLiteral("127.0.0.1")
                              << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("localhost") << QStringLiteral("localhost")
                               << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("any IPv4") << QStringLiteral("0.0.0.0") << QHostAddress(QHostAddress::AnyIPv4);
    QTest::newRow("IPv6 loopback")
        << QStringLiteral("::1") << QHostAddress(QHostAddress::LocalHostIPv6);
}

void TestCommandLine::hostForms() {
    QFETCH(QString, text);
    QFETCH(QHostAddress, expected);
    const CommandLine c = parse({QStringLiteral("--host"), text});
    QVERIFY2(c.outcome == CommandLine::Outcome::Run, qPrintable(c.output));
    QCOMPARE(c.broker.host, expected);
}

void TestCommandLine::duplicateIdPolicies() {
    QCOMPARE(parse({QStringLiteral("--duplicate-ids=takeover")}).broker.duplicateIds,
             BrokerSettings::DuplicateIdPolicy::TakeOver);
    QCOMPARE(parse({QStringLiteral("--duplicate-ids=reject")}).broker.duplicateIds,
             BrokerSettings::DuplicateIdPolicy::Reject);
}

void TestCommandLine::tokenFileIsTrimmed() {
    const QString path = writeFile(QStringLiteral("spaced-token.txt"), "  abc def \r\n\n");
    const CommandLine c = parse({QStringLiteral("--token-file"), path});
    QVERIFY2(c.outcome == CommandLine::Outcome::Run, qPrintable(c.output));
    QCOMPARE(c.broker.token, QStringLiteral("abc def"));
}

void TestCommandLine::metricsToken() {
    const CommandLine none = parse({QStringLiteral("--token"), QStringLiteral("clients")});
    QVERIFY(none.broker.metricsToken.isEmpty()); // GET /metrics then uses --token
    const CommandLine given = parse({QStringLiteral("--metrics-token"), QStringLiteral("scrape")});
    QVERIFY2(given.outcome == CommandLine::Outcome::Run, qPrintable(given.output));
    QCOMPARE(given.broker.metricsToken, QStringLiteral("scrape"));
    QVERIFY(given.broker.token.isEmpty());
    // The first line only, trimmed: a mounted secret often ends in a newline.
    const QString path = writeFile(QStringLiteral("metrics-token.txt"), " m3trics \nnot this\n");
    const CommandLine file = parse({QStringLiteral("--metrics-token-file"), path});
    QVERIFY2(file.outcome == CommandLine::Outcome::Run, qPrintable(file.output));
    QCOMPARE(file.broker.metricsToken, QStringLiteral("m3trics"));
}

void TestCommandLine::badValues_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mustName"); // what the one-line error has to mention

    const auto row = [](const char *name, const QStringList &arguments,
                        const QStringList &mustName) {
        QTest::newRow(name) << arguments << mustName;
    };
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    row("port too big", {s("--port"), s("70000")}, {s("--port"), s("70000")});
    row("port negative", {s("--port"), s("-1")}, {s("--port"), s("-1")});
    row("port not a number", {s("--port"), s("abc")}, {s("--port"), s("abc")});
    row("port with =", {s("--port=9x")}, {s("--port"), s("9x")});
    row("port without value", {s("--port")}, {s("port")});
    row("unknown flag", {s("--bogus")}, {s("bogus")});
    row("unknown short flag", {s("-z")}, {s("z")});
    row("unexpected argument", {s("--headless"), s("extra")}, {s("extra")});
    row("duplicate-ids bogus", {s("--duplicate-ids"), s("bogus")},
        {s("--duplicate-ids"), s("bogus")});
    row("host not an ip", {s("--host"), s("not-an-ip")}, {s("--host"), s("not-an-ip")});
    row("host out of range", {s("--host"), s("300.1.1.1")}, {s("--host"), s("300.1.1.1")});
    row("settings missing file", {s("--settings"), s("/nonexistent/wsmsgbroker.ini")},
        {s("--settings"), s("/nonexistent/wsmsgbroker.ini")});
    row("ack-ttl zero", {s("--ack-ttl"), s("0")}, {s("--ack-ttl"), s("0")});
    row("max-message-size tiny", {s("--max-message-size"), s("10")},
        {s("--max-message-size"), s("10")});
    row("max-queued-bytes tiny", {s("--max-queued-bytes"), s("5")},
        {s("--max-queued-bytes"), s("5")});
    row("max-connections zero", {s("--max-connections"), s("0")}, {s("--max-connections"), s("0")});
    row("max-id-length zero", {s("--max-id-length"), s("0")}, {s("--max-id-length"), s("0")});
    row("max-destinations zero", {s("--max-destinations"), s("0")},
        {s("--max-destinations"), s("0")});
    row("max-pending-acks zero", {s("--max-pending-acks"), s("0")},
        {s("--max-pending-acks"), s("0")});
    row("ping-interval negative", {s("--ping-interval"), s("-5")}, {s("--ping-interval"), s("-5")});
    row("rate-limit word", {s("--rate-limit"), s("lots")}, {s("--rate-limit"), s("lots")});
    row("max-held-frames zero", {s("--max-held-frames"), s("0")}, {s("--max-held-frames"), s("0")});
    row("rules missing file", {s("--headless"), s("--rules"), s("/nonexistent/rules.json")},
        {s("--rules"), s("/nonexistent/rules.json")});
    row("rules without headless", {s("--rules"), s("/nonexistent/rules.json")},
        {s("--rules"), s("--headless")});
    row("token-file missing", {s("--token-file"), s("/nonexistent/token")},
        {s("--token-file"), s("/nonexistent/token")});
    row("metrics-token-file missing", {s("--metrics-token-file"), s("/nonexistent/mtoken")},
        {s("--metrics-token-file"), s("/nonexistent/mtoken")});
    row("metrics-token empty", {s("--metrics-token="), s("--headless")}, {s("--metrics-token")});
    row("metrics-token twice over",
        {s("--metrics-token"), s("a"), s("--metrics-token-file"), s("/nonexistent/mtoken")},
        {s("--metrics-token"), s("--metrics-token-file")});
    row("capture-max-mib zero",
        {s("--headless"), s("--record"), s("x.wscap"), s("--capture-max-mib"), s("0")},
        {s("--capture-max-mib"), s("0")});
    row("capture-max-frames word",
        {s("--headless"), s("--record"), s("x.wscap"), s("--capture-max-frames"), s("many")},
        {s("--capture-max-frames"), s("many")});
    row("record without headless", {s("--record"), s("x.wscap")}, {s("--record")});
    row("budget without record", {s("--headless"), s("--capture-max-frames"), s("5")},
        {s("--capture-max-frames"), s("--record")});
    row("convert without output", {s("--convert"), s("in.wscap")}, {s("--convert")});
}

void TestCommandLine::badValues() {
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mustName);
    const CommandLine c = parse(arguments);
    QCOMPARE(c.outcome, CommandLine::Outcome::ExitUsageError);
    const QString error = c.output.trimmed();
    QVERIFY2(!error.isEmpty(), "no error text");
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    for (const QString &part : mustName)
        QVERIFY2(error.contains(part),
                 qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"").arg(error, part)));
}

void TestCommandLine::badSettingsFile_data() {
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("port not a number")
        << QByteArray("[broker]\nport=abc\n") << QStringLiteral("port") << QStringLiteral("abc");
    QTest::newRow("port too big") << QByteArray("[broker]\nport=70000\n") << QStringLiteral("port")
                                  << QStringLiteral("70000");
    QTest::newRow("host") << QByteArray("[broker]\nhost=nowhere\n") << QStringLiteral("host")
                          << QStringLiteral("nowhere");
    QTest::newRow("duplicateIds") << QByteArray("[broker]\nduplicateIds=sometimes\n")
                                  << QStringLiteral("duplicateIds") << QStringLiteral("sometimes");
    QTest::newRow("negative number") << QByteArray("[broker]\nackTtlMs=-5\n")
                                     << QStringLiteral("ackTtlMs") << QStringLiteral("-5");
    QTest::newRow("out of range") << QByteArray("[broker]\nmaxConnections=0\n")
                                  << QStringLiteral("maxConnections") << QStringLiteral("0");
}

void TestCommandLine::badSettingsFile() {
    QFETCH(QByteArray, contents);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString path = writeFile(QStringLiteral("bad-%1.ini")
                                       .arg(QString::fromUtf8(QTest::currentDataTag()))
                                       .replace(u' ', u'-'),
                                   contents);
    QVERIFY(!path.isEmpty());
    const CommandLine c = parse({QStringLiteral("--settings"), path});
    QCOMPARE(c.outcome, CommandLine::Outcome::ExitUsageError);
    const QString error = c.output.trimmed();
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
    QVERIFY2(error.contains(key), qPrintable(error));
    QVERIFY2(error.contains(value), qPrintable(error));
}

void TestCommandLine::settingsFileValues() {
    const QString path = writeFile(QStringLiteral("values.ini"), "[broker]\n"
                                                                 "host=0.0.0.0\n"
                                                                 "port=1234\n"
                                                                 "duplicateIds=reject\n"
                                                                 "ackTtlMs=5000\n"
                                                                 "maxConnections=77\n"
                                                                 "maxIdLength=40\n"
                                                                 "pingIntervalMs=0\n"
                                                                 "token=from-settings\n");
    const CommandLine c = parse({QStringLiteral("--settings"), path});
    QVERIFY2(c.outcome == CommandLine::Outcome::Run, qPrintable(c.output));
    QCOMPARE(c.settingsFile, path);
    QCOMPARE(c.broker.host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(c.broker.port, quint16(1234));
    QCOMPARE(c.broker.duplicateIds, BrokerSettings::DuplicateIdPolicy::Reject);
    QCOMPARE(c.broker.ackTtlMs, 5000);
    QCOMPARE(c.broker.maxConnections, 77);
    QCOMPARE(c.broker.maxIdLength, 40);
    QCOMPARE(c.broker.pingIntervalMs, 0);
    QCOMPARE(c.broker.token, QStringLiteral("from-settings"));
}

void TestCommandLine::optionsOverrideSettingsFile() {
    const QString path = writeFile(QStringLiteral("override.ini"), "[broker]\n"
                                                                   "host=0.0.0.0\n"
                                                                   "port=1234\n"
                                                                   "duplicateIds=reject\n"
                                                                   "ackTtlMs=5000\n"
                                                                   "maxConnections=77\n"
                                                                   "token=from-settings\n");
    // The options come before --settings on purpose: the file is still read first.
    const CommandLine c =
        parse({QStringLiteral("--port"), QStringLiteral("4321"), QStringLiteral("--duplicate-ids"),
               QStringLiteral("takeover"), QStringLiteral("--ack-ttl"), QStringLiteral("9"),
               QStringLiteral("--token"), QStringLiteral("from-cli"), QStringLiteral("--settings"),
               path});
    QVERIFY2(c.outcome == CommandLine::Outcome::Run, qPrintable(c.output));
    QCOMPARE(c.broker.port, quint16(4321));
    QCOMPARE(c.broker.duplicateIds, BrokerSettings::DuplicateIdPolicy::TakeOver);
    QCOMPARE(c.broker.ackTtlMs, 9000);
    QCOMPARE(c.broker.token, QStringLiteral("from-cli"));
    // What no option overrides keeps the file's value.
    QCOMPARE(c.broker.host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(c.broker.maxConnections, 77);

    // An option that is itself bad still fails, even when the file is fine.
    const CommandLine bad =
        parse({QStringLiteral("--settings"), path, QStringLiteral("--port"), QStringLiteral("x")});
    QCOMPARE(bad.outcome, CommandLine::Outcome::ExitUsageError);
    QVERIFY(bad.output.contains(QStringLiteral("--port")));
}

void TestCommandLine::help_data() {
    QTest::addColumn<QString>("flag");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-h") << QStringLiteral("-h");
}

void TestCommandLine::help() {
    QFETCH(QString, flag);
    const CommandLine c = parse({flag});
    QCOMPARE(c.outcome, CommandLine::Outcome::ExitOk);
    for (const char *option : {"--headless", "--host", "--port", "--log-frames", "--duplicate-ids",
                               "--settings", "--version", "--help"}) {
        QVERIFY2(
            c.output.contains(QLatin1StringView(option)),
            qPrintable(QStringLiteral("help does not list %1").arg(QLatin1StringView(option))));
    }
}

void TestCommandLine::version_data() {
    QTest::addColumn<QString>("flag");
    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("-v") << QStringLiteral("-v");
}

void TestCommandLine::version() {
    QFETCH(QString, flag);
    const CommandLine c = parse({flag, QStringLiteral("--headless")});
    QCOMPARE(c.outcome, CommandLine::Outcome::ExitOk);
    QCOMPARE(c.output, QStringLiteral("wsmsgbroker " WSMSGBROKER_VERSION "\n"));
}

// `wsmsgbroker FILE...` opens captures and logs beside the live log (issue 12).
void TestCommandLine::filesToOpen() {
    const QString capture = writeFile(QStringLiteral("a.wscap"), "x");
    const QString log = writeFile(QStringLiteral("b.jsonl"), "{}\n");
    CommandLine line = parse({capture, QStringLiteral("--port"), QStringLiteral("0"), log});
    QCOMPARE(line.outcome, CommandLine::Outcome::Run);
    QCOMPARE(line.files, (QStringList{capture, log}));

    const QString missing = m_dir.filePath(QStringLiteral("missing.har"));
    line = parse({missing});
    QCOMPARE(line.outcome, CommandLine::Outcome::ExitUsageError);
    QVERIFY2(line.output.contains(missing), qPrintable(line.output));

    line = parse({QStringLiteral("--headless"), capture});
    QCOMPARE(line.outcome, CommandLine::Outcome::ExitUsageError);
    QVERIFY2(line.output.contains(capture), qPrintable(line.output));
}

// --record FILE and its budgets (issue 12); defaults are the window's.
void TestCommandLine::recordAndBudgets() {
    CommandLine line = parse(
        {QStringLiteral("--headless"), QStringLiteral("--record"), QStringLiteral("run.wscap")});
    QCOMPARE(line.outcome, CommandLine::Outcome::Run);
    QCOMPARE(line.recordFile, QStringLiteral("run.wscap"));
    QCOMPARE(line.captureBudget.maxBytes, 2048LL << 20);
    QCOMPARE(line.captureBudget.maxFrames, 10'000'000LL);

    line = parse({QStringLiteral("--headless"), QStringLiteral("--record=run.wscap"),
                  QStringLiteral("--capture-max-mib"), QStringLiteral("64"),
                  QStringLiteral("--capture-max-frames=1000")});
    QCOMPARE(line.outcome, CommandLine::Outcome::Run);
    QCOMPARE(line.captureBudget.maxBytes, 64LL << 20);
    QCOMPARE(line.captureBudget.maxFrames, 1000LL);

    QVERIFY(parse({QStringLiteral("--headless")}).recordFile.isEmpty());
}

// --convert IN OUT: the output need not exist; nothing else is read.
void TestCommandLine::convertFiles() {
    const CommandLine line =
        parse({QStringLiteral("--convert"), QStringLiteral("in.wscap"), QStringLiteral("out.har")});
    QCOMPARE(line.outcome, CommandLine::Outcome::Run);
    QCOMPARE(line.convertInput, QStringLiteral("in.wscap"));
    QCOMPARE(line.convertOutput, QStringLiteral("out.har"));
    QVERIFY(line.files.isEmpty());
}

// The monitor endpoint (headless) and --attach (the window).
void TestCommandLine::monitorOptions() {
    CommandLine line = parse({QStringLiteral("--headless")});
    QVERIFY(!line.broker.monitorEnabled());
    QCOMPARE(line.broker.monitorBacklog, 1000);

    line = parse({QStringLiteral("--headless"), QStringLiteral("--monitor-token"),
                  QStringLiteral("r"), QStringLiteral("--monitor-control-token=c"),
                  QStringLiteral("--monitor-backlog"), QStringLiteral("0")});
    QVERIFY2(line.outcome == CommandLine::Outcome::Run, qPrintable(line.output));
    QVERIFY(line.broker.monitorEnabled());
    QCOMPARE(line.broker.monitorToken, QStringLiteral("r"));
    QCOMPARE(line.broker.monitorControlToken, QStringLiteral("c"));
    QCOMPARE(line.broker.monitorBacklog, 0);

    const QString path = writeFile(QStringLiteral("monitor-token.txt"), " secret \n");
    line = parse({QStringLiteral("--headless"), QStringLiteral("--monitor-token-file"), path});
    QVERIFY2(line.outcome == CommandLine::Outcome::Run, qPrintable(line.output));
    QCOMPARE(line.broker.monitorToken, QStringLiteral("secret"));
    QVERIFY(line.broker.monitorControlToken.isEmpty());

    // The control token alone enables the endpoint too.
    line = parse({QStringLiteral("--headless"), QStringLiteral("--monitor-control-token"),
                  QStringLiteral("c")});
    QVERIFY(line.broker.monitorEnabled());

    // --attach: the window shows that broker, presenting --monitor-token; its own broker has
    // no monitor endpoint then.
    line = parse({QStringLiteral("--attach"), QStringLiteral("ws://10.0.0.5:9042"),
                  QStringLiteral("--monitor-token"), QStringLiteral("t")});
    QVERIFY2(line.outcome == CommandLine::Outcome::Run, qPrintable(line.output));
    QCOMPARE(line.attachUrl, QUrl(QStringLiteral("ws://10.0.0.5:9042/.wsmsgbroker/monitor")));
    QCOMPARE(line.attachToken, QStringLiteral("t"));
    QVERIFY(!line.broker.monitorEnabled());
    line = parse({QStringLiteral("--attach=wss://broker.example/.wsmsgbroker/monitor")});
    QCOMPARE(line.outcome, CommandLine::Outcome::Run);
    QCOMPARE(line.attachUrl.toString(),
             QStringLiteral("wss://broker.example/.wsmsgbroker/monitor"));
    QVERIFY(!parse({}).attachUrl.isValid());
}

void TestCommandLine::monitorBadValues_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mustName");
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("monitor-token without headless")
        << QStringList{s("--monitor-token"), s("t")} << QStringList{s("--headless"), s("--attach")};
    QTest::newRow("monitor-token empty")
        << QStringList{s("--headless"), s("--monitor-token=")} << QStringList{s("--monitor-token")};
    QTest::newRow("monitor-token-file missing")
        << QStringList{s("--headless"), s("--monitor-token-file"), s("/nonexistent/t")}
        << QStringList{s("--monitor-token-file"), s("/nonexistent/t")};
    QTest::newRow("same tokens") << QStringList{s("--headless"), s("--monitor-token"), s("x"),
                                                s("--monitor-control-token"), s("x")}
                                 << QStringList{s("--monitor-control-token"), s("--monitor-token")};
    QTest::newRow("backlog word") << QStringList{s("--headless"), s("--monitor-token"), s("x"),
                                                 s("--monitor-backlog"), s("many")}
                                  << QStringList{s("--monitor-backlog"), s("many")};
    QTest::newRow("backlog without token")
        << QStringList{s("--headless"), s("--monitor-backlog"), s("5")}
        << QStringList{s("--monitor-backlog"), s("--monitor-token")};
    QTest::newRow("attach not ws")
        << QStringList{s("--attach"), s("ftp://x")} << QStringList{s("--attach"), s("ftp://x")};
    QTest::newRow("attach headless") << QStringList{s("--headless"), s("--attach"), s("ws://x")}
                                     << QStringList{s("--attach"), s("--headless")};
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"

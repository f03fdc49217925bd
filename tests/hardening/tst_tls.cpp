// wss:// with --tls-cert and --tls-key: clients that trust the test certificate talk to the
// broker over TLS, clients that do not are refused by their own TLS layer, plain ws:// on the
// TLS port gets nowhere, limits still hold, and bad files are one-line errors at start.

#include "broker.h"
#include "brokertestsupport.h"
#include "commandline.h"
#include "dispatchertestmain.h"
#include "protocolclient.h"
#include "rawwebsocket.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace BrokerTestSupport;

namespace {

const QString CertificatePath = QStringLiteral(HARDENING_DATA_DIR "/tls/localhost.crt");
const QString KeyPath = QStringLiteral(HARDENING_DATA_DIR "/tls/localhost.key");

BrokerSettings tlsSettings() {
    BrokerSettings settings;
    settings.tlsCertificatePath = CertificatePath;
    settings.tlsKeyPath = KeyPath;
    settings.pingIntervalMs = 0;
    return settings;
}

// A client configuration that trusts the test certificate and nothing else.
QSslConfiguration trustingTestCertificate() {
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(CertificatePath));
    return config;
}

} // namespace

class TestTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void wssRoundTrip();
    void untrustedCertificateIsRefusedByTheClient();
    void expectedErrorsCanBeIgnored();
    void plainClientOnTheTlsPort();
    void tlsHandshakeTimeout();
    void slowConsumerOverTls();
    void badFiles_data();
    void badFiles();
    void commandLine();
    void headlessExitsOnBadCertificate();
};

void TestTls::initTestCase() {
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QVERIFY(QFile::exists(CertificatePath));
    QVERIFY(QFile::exists(KeyPath));
}

// Two clients that trust the test certificate exchange a message over wss://.
void TestTls::wssRoundTrip() {
    const auto broker = startBroker(tlsSettings());
    QVERIFY2(broker, qPrintable(broker ? QString() : QStringLiteral("did not start")));
    QCOMPARE(broker->url().scheme(), QStringLiteral("wss"));

    ProtocolClient alice, bob;
    for (ProtocolClient *c : {&alice, &bob}) {
        c->socket().setSslConfiguration(trustingTestCertificate());
        QSignalSpy errors(&c->socket(), &QWebSocket::sslErrors);
        QVERIFY(c->open(broker->url()));
        QCOMPARE(errors.size(), 0);
        QVERIFY(!c->socket().sslConfiguration().sessionCipher().isNull());
    }
    QVERIFY(alice.registerAs(QStringLiteral("alice")));
    QVERIFY(bob.registerAs(QStringLiteral("bob")));
    const QJsonObject message{{QStringLiteral("text"), QStringLiteral("over TLS \u00e9\u4e16")}};
    alice.sendTo(QStringLiteral("bob"), message, QStringLiteral("k1"));
    QTRY_COMPARE(bob.framesWithAction(QStringLiteral("message")).size(), 1);
    const QJsonObject received = bob.framesWithAction(QStringLiteral("message")).constFirst();
    QCOMPARE(received.value(QLatin1String("message")).toObject(), message);
    QCOMPARE(received.value(QLatin1String("from")).toString(), QStringLiteral("alice"));
    bob.sendJson({{QStringLiteral("action"), QStringLiteral("answer")},
                  {QStringLiteral("ack"), QStringLiteral("k1")},
                  {QStringLiteral("message"), 42}});
    QTRY_COMPARE(alice.framesWithAction(QStringLiteral("answer")).size(), 1);
}

// Without the certificate among its CAs, a client's TLS layer refuses the broker.
void TestTls::untrustedCertificateIsRefusedByTheClient() {
    const auto broker = startBroker(tlsSettings());
    QVERIFY(broker);
    QWebSocket client;
    QSignalSpy errors(&client, &QWebSocket::sslErrors);
    client.open(broker->url());
    QTRY_VERIFY(errors.size() > 0);
    const auto sslErrors = errors.constFirst().constFirst().value<QList<QSslError>>();
    bool selfSigned = false;
    for (const QSslError &e : sslErrors)
        selfSigned = selfSigned || e.error() == QSslError::SelfSignedCertificate ||
                     e.error() == QSslError::SelfSignedCertificateInChain;
    QVERIFY(selfSigned);
    QTest::qWait(100);
    QVERIFY(client.state() != QAbstractSocket::ConnectedState);
    QCOMPARE(broker->connectionCount(), 0);
}

// A client may accept exactly the errors it expects from this self-signed certificate.
void TestTls::expectedErrorsCanBeIgnored() {
    const auto broker = startBroker(tlsSettings());
    QVERIFY(broker);
    const QList<QSslCertificate> certificate = QSslCertificate::fromPath(CertificatePath);
    QVERIFY(!certificate.isEmpty());
    ProtocolClient client;
    client.socket().ignoreSslErrors(
        {QSslError(QSslError::SelfSignedCertificate, certificate.constFirst())});
    QVERIFY(client.open(broker->url()));
    QVERIFY(client.registerAs(QStringLiteral("ignoring")));
}

// ws:// on the TLS port gets no WebSocket; the broker keeps serving wss://.
void TestTls::plainClientOnTheTlsPort() {
    const auto broker = startBroker(tlsSettings());
    QVERIFY(broker);
    QUrl plainUrl = broker->url();
    plainUrl.setScheme(QStringLiteral("ws"));
    RawWebSocket plain;
    QCOMPARE(plain.open(plainUrl, {}, 3000), -1);
    QVERIFY(plain.waitForDisconnected());
    QCOMPARE(broker->connectionCount(), 0);

    ProtocolClient client;
    client.socket().setSslConfiguration(trustingTestCertificate());
    QVERIFY(client.open(broker->url()));
    QVERIFY(client.registerAs(QStringLiteral("after-plain")));
}

// A connection that never starts its TLS handshake is dropped after the handshake time-out.
void TestTls::tlsHandshakeTimeout() {
    BrokerSettings settings = tlsSettings();
    settings.handshakeTimeoutMs = 300;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    QUrl plainUrl = broker->url();
    plainUrl.setScheme(QStringLiteral("ws"));
    RawWebSocket silent;
    QVERIFY(silent.connectTcp(plainUrl));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent.waitForDisconnected(5000));
    QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));

    // Encrypted, but silent after that: the WebSocket handshake has its time-out too.
    RawWebSocket encryptedSilent;
    encryptedSilent.setSslConfiguration(trustingTestCertificate());
    QVERIFY(encryptedSilent.connectTcp(broker->url()));
    QVERIFY(encryptedSilent.waitForDisconnected(5000));
}

// Over TLS the broker's unsent data sits in the encrypted buffer; the slow-consumer bound
// still sees it.
void TestTls::slowConsumerOverTls() {
    BrokerSettings settings = tlsSettings();
    settings.maxQueuedBytes = 512 * 1024;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    RawWebSocket slow;
    slow.setSslConfiguration(trustingTestCertificate());
    QCOMPARE(slow.open(broker->url()), 101);
    const quint16 slowPort = slow.socket()->localPort();
    slow.sendText(R"({"action":"register","id":"slow"})");
    QVERIFY(slow.waitForTexts(1));
    slow.pauseReading();
    ProtocolClient flooder;
    flooder.socket().setSslConfiguration(trustingTestCertificate());
    QVERIFY(flooder.open(broker->url()));
    QVERIFY(flooder.registerAs(QStringLiteral("flooder")));
    const QString chunk(16 * 1024, QLatin1Char('t'));
    int sent = 0;
    while (!isClosingFor(*broker, slowPort, CloseReason::SlowConsumer) && sent < 4000) {
        flooder.sendTo(QStringLiteral("slow"), chunk);
        if (++sent % 20 == 0)
            QTest::qWait(1);
    }
    QVERIFY2(sent < 4000, "never cut off");
    QVERIFY(flooder.isOpen());
}

void TestTls::badFiles_data() {
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error");
    const QString missing = QStringLiteral(HARDENING_DATA_DIR "/tls/no-such-file.pem");
    const QString notPem = QStringLiteral(HARDENING_DATA_DIR "/hostile-inputs.json");
    QTest::newRow("missing certificate")
        << missing << KeyPath
        << QStringLiteral("cannot read the TLS certificate \"%1\"").arg(missing);
    QTest::newRow("missing key") << CertificatePath << missing
                                 << QStringLiteral("cannot read the TLS key \"%1\"").arg(missing);
    QTest::newRow("certificate is a directory")
        << QStringLiteral(HARDENING_DATA_DIR "/tls") << KeyPath
        << QStringLiteral("cannot read the TLS certificate");
    QTest::newRow("certificate is not PEM")
        << notPem << KeyPath << QStringLiteral("no PEM certificate in \"%1\"").arg(notPem);
    QTest::newRow("key is not PEM")
        << CertificatePath << notPem
        << QStringLiteral("no unencrypted PEM private key in \"%1\"").arg(notPem);
    QTest::newRow("key given as the certificate")
        << KeyPath << KeyPath << QStringLiteral("no PEM certificate");
    QTest::newRow("certificate given as the key")
        << CertificatePath << CertificatePath << QStringLiteral("no unencrypted PEM private key");
}

// A missing or unreadable file is a one-line error at start, and nothing listens.
void TestTls::badFiles() {
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, error);
    BrokerSettings settings = tlsSettings();
    settings.tlsCertificatePath = certificate;
    settings.tlsKeyPath = key;
    settings.port = 0;
    Broker broker(settings);
    QSignalSpy failed(&broker, &Broker::startFailed);
    QSignalSpy started(&broker, &Broker::started);
    QVERIFY(!broker.start());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(started.size(), 0);
    const QString message = failed.constFirst().constFirst().toString();
    QVERIFY2(message.startsWith(error), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
    QVERIFY(!broker.isListening());
}

// --tls-cert and --tls-key, and the other limits that were missing from the command line.
void TestTls::commandLine() {
    const QString program = QStringLiteral("wsmsgbroker");
    CommandLine ok = CommandLine::parse(
        {program, QStringLiteral("--tls-cert"), CertificatePath, QStringLiteral("--tls-key"),
         KeyPath, QStringLiteral("--handshake-timeout"), QStringLiteral("3"),
         QStringLiteral("--max-nesting-depth"), QStringLiteral("64"),
         QStringLiteral("--max-pending-acks-total"), QStringLiteral("5")});
    QCOMPARE(ok.outcome, CommandLine::Outcome::Run);
    QCOMPARE(ok.broker.tlsCertificatePath, CertificatePath);
    QCOMPARE(ok.broker.tlsKeyPath, KeyPath);
    QVERIFY(ok.broker.usesTls());
    QCOMPARE(ok.broker.handshakeTimeoutMs, 3000);
    QCOMPARE(ok.broker.maxNestingDepth, 64);
    QCOMPARE(ok.broker.maxPendingAcks, 5);

    const CommandLine alone =
        CommandLine::parse({program, QStringLiteral("--tls-cert"), CertificatePath});
    QCOMPARE(alone.outcome, CommandLine::Outcome::ExitUsageError);
    QVERIFY2(alone.output.contains(QStringLiteral("tls-key")), qPrintable(alone.output));

    const QString missing = QStringLiteral("/nonexistent/cert.pem");
    const CommandLine unreadable = CommandLine::parse(
        {program, QStringLiteral("--tls-cert"), missing, QStringLiteral("--tls-key"), KeyPath});
    QCOMPARE(unreadable.outcome, CommandLine::Outcome::ExitUsageError);
    QCOMPARE(unreadable.output, QStringLiteral("--tls-cert: cannot read \"%1\"").arg(missing));

    const CommandLine badTimeout =
        CommandLine::parse({program, QStringLiteral("--handshake-timeout"), QStringLiteral("0")});
    QCOMPARE(badTimeout.outcome, CommandLine::Outcome::ExitUsageError);
    QVERIFY(CommandLine::parse({program, QStringLiteral("--help")})
                .output.contains(QStringLiteral("--tls-cert")));
}

// The headless broker: exit 2 for an unreadable file named on the command line, exit 1 with
// one line on stderr when the file holds no certificate; started with good files it serves
// wss://.
void TestTls::headlessExitsOnBadCertificate() {
    const QString binary = QStringLiteral(WSMSGBROKER_BINARY);
    const QString notPem = QStringLiteral(HARDENING_DATA_DIR "/hostile-inputs.json");
    struct Run {
        QStringList arguments;
        int exitCode;
        QString stderrStart;
    };
    const Run runs[] = {
        {{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem"),
          QStringLiteral("--tls-key"), KeyPath},
         2,
         QStringLiteral("wsmsgbroker: --tls-cert: cannot read")},
        {{QStringLiteral("--tls-cert"), notPem, QStringLiteral("--tls-key"), KeyPath},
         1,
         QStringLiteral("wsmsgbroker: no PEM certificate in")},
    };
    for (const Run &run : runs) {
        QProcess process;
        process.start(binary, QStringList{QStringLiteral("--headless"), QStringLiteral("--port"),
                                          QStringLiteral("0")} +
                                  run.arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), run.exitCode);
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        QVERIFY2(err.startsWith(run.stderrStart), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 0);
    }

    QProcess good;
    good.start(binary, {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                        QStringLiteral("--tls-cert"), CertificatePath, QStringLiteral("--tls-key"),
                        KeyPath});
    QVERIFY(good.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return good.canReadLine(); }, 10000));
    const QString line = QString::fromUtf8(good.readLine()).trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("listening on wss://127.0.0.1:")), qPrintable(line));
    ProtocolClient client;
    client.socket().setSslConfiguration(trustingTestCertificate());
    QVERIFY(client.open(QUrl(line.mid(QStringLiteral("listening on ").size()))));
    QVERIFY(client.registerAs(QStringLiteral("headless-tls")));
    good.terminate();
    QVERIFY(good.waitForFinished(10000));
    QCOMPARE(good.exitCode(), 0);
}

WSMSGBROKER_TEST_MAIN(TestTls)
#include "tst_tls.moc"

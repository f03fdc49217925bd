// Raw-socket abuse of the real headless broker, in its own process so that its resident memory
// (VmRSS from /proc/<pid>/status) is the broker's alone: garbage handshakes, half-open
// handshakes, frame headers that claim 100 MB and then go silent, and clients that stop
// reading while others flood them. Memory must stay bounded and everyone else keep working.

#include "brokerprocess.h"
#include "brokertestsupport.h"
#include "bystanderpair.h"
#include "protocolclient.h"
#include "rawwebsocket.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

// Under AddressSanitizer the broker's resident memory is mostly the sanitizer's (freed blocks held
// in quarantine, shadow memory, redzones), and under ThreadSanitizer its shadow memory and
// history grow with every access, so the bounds on its growth say nothing there; the rest of
// each test still runs. The normal build checks the bounds.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool residentMemoryIsMeaningful = false;
#else
constexpr bool residentMemoryIsMeaningful = true;
#endif

namespace {

constexpr qint64 MiB = 1024; // in KiB, as VmRSS counts

QByteArray registerFrame(const QByteArray &id) {
    return R"({"action":"register","id":")" + id + "\"}";
}

// The broker serves a fresh client: it is not wedged.
bool serves(const QUrl &url, const QString &id) {
    ProtocolClient client;
    return client.open(url) && client.registerAs(id);
}

} // namespace

class TestRawSocket : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void badHandshakes_data();
    void badHandshakes();
    void halfOpenHandshakesTimeOut();
    void frameHeaderClaiming100MBThenSilence();
    void partialFramesUnderTheLimit();
    void readersThatStopReadingAreCutOff();
};

void TestRawSocket::initTestCase() {
    BrokerProcess broker;
    QVERIFY2(broker.start(), "the headless broker did not start");
    if (broker.residentKiB() < 0)
        QSKIP("no /proc/<pid>/status here");
}

void TestRawSocket::badHandshakes_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello\r\n"
                                           "\r\n");
    QTest::newRow("not HTTP") << QByteArray("HELLO BROKER\r\n\r\n");
    QTest::newRow("plain GET") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("POST") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                        "Connection: Upgrade\r\n"
                                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                        "Sec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\nUpgrade: websocket\r\n"
                                            "Connection: Upgrade\r\n"
                                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                            "Sec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("no key") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                          "Connection: Upgrade\r\n"
                                          "Sec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("version 8") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                             "Connection: Upgrade\r\n"
                                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                             "Sec-WebSocket-Version: 8\r\n\r\n");
    QTest::newRow("64 KiB request line")
        << "GET /" + QByteArray(64 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
    QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 2000; ++i)
        manyHeaders += "X-Header-" + QByteArray::number(i) + ": value\r\n";
    QTest::newRow("2000 headers") << manyHeaders + "\r\n";
    QTest::newRow("binary zeros") << QByteArray(4096, '\0');
}

// Each is closed without an upgrade; the broker keeps serving and its memory does not grow
// with 200 of them.
void TestRawSocket::badHandshakes() {
    QFETCH(QByteArray, request);
    BrokerProcess broker;
    QVERIFY(broker.start({QStringLiteral("--handshake-timeout"), QStringLiteral("1")}));
    QVERIFY(serves(broker.url(), QStringLiteral("warm-up")));
    const qint64 before = broker.residentKiB();
    std::vector<std::unique_ptr<RawWebSocket>> clients;
    for (int i = 0; i < 200; ++i) {
        auto client = std::make_unique<RawWebSocket>();
        QVERIFY(client->connectTcp(broker.url()));
        client->sendRaw(request);
        clients.push_back(std::move(client));
    }
    // Refused at once, or dropped when the handshake time-out ends.
    for (const auto &client : clients) {
        QVERIFY2(client->waitForDisconnected(5000), "a bad handshake was not closed");
        QVERIFY2(!client->handshakeResponse().startsWith("HTTP/1.1 101"),
                 client->handshakeResponse().constData());
    }
    QVERIFY(serves(broker.url(), QStringLiteral("after")));
    const qint64 growth = broker.residentKiB() - before;
    if (residentMemoryIsMeaningful)
        QVERIFY2(growth < 8 * MiB, qPrintable(QStringLiteral("grew by %1 KiB").arg(growth)));
    QVERIFY(broker.isRunning());
}

// Connections that never finish their handshake are dropped after --handshake-timeout.
void TestRawSocket::halfOpenHandshakesTimeOut() {
    BrokerProcess broker;
    QVERIFY(broker.start({QStringLiteral("--handshake-timeout"), QStringLiteral("1")}));
    std::vector<std::unique_ptr<RawWebSocket>> clients;
    for (int i = 0; i < 100; ++i) {
        auto client = std::make_unique<RawWebSocket>();
        QVERIFY(client->connectTcp(broker.url()));
        if (i % 2)
            client->sendRaw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: webso");
        clients.push_back(std::move(client));
    }
    QElapsedTimer timer;
    timer.start();
    for (const auto &client : clients)
        QVERIFY2(client->waitForDisconnected(5000), "a half-open handshake was kept");
    QVERIFY2(timer.elapsed() >= 700, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(serves(broker.url(), QStringLiteral("after")));
}

// A frame header claiming 100 MB is refused with 1009 at once: nothing is allocated for it.
void TestRawSocket::frameHeaderClaiming100MBThenSilence() {
    BrokerProcess broker;
    QVERIFY(broker.start());
    QVERIFY(serves(broker.url(), QStringLiteral("warm-up")));
    const qint64 before = broker.residentKiB();
    std::vector<std::unique_ptr<RawWebSocket>> clients;
    for (int i = 0; i < 50; ++i) {
        auto client = std::make_unique<RawWebSocket>();
        QCOMPARE(client->open(broker.url()), 101);
        client->sendRaw(RawWebSocket::frameHeader(RawWebSocket::Text, 100'000'000));
        clients.push_back(std::move(client));
    }
    for (const auto &client : clients) {
        QVERIFY(client->waitForDisconnected());
        QCOMPARE(client->closeCode(), 1009);
    }
    const qint64 growth = broker.residentKiB() - before;
    if (residentMemoryIsMeaningful)
        QVERIFY2(growth < 8 * MiB, qPrintable(QStringLiteral("grew by %1 KiB").arg(growth)));
    QVERIFY(serves(broker.url(), QStringLiteral("after")));
}

// Frames under the limit that stop half-way hold at most what arrived, and are dropped when
// the peer stops answering pings.
void TestRawSocket::partialFramesUnderTheLimit() {
    BrokerProcess broker;
    QVERIFY(broker.start({QStringLiteral("--ping-interval"), QStringLiteral("1")}));
    QVERIFY(serves(broker.url(), QStringLiteral("warm-up")));
    const qint64 before = broker.residentKiB();
    std::vector<std::unique_ptr<RawWebSocket>> clients;
    const qint64 claimed = 1024 * 1024 - 16;
    for (int i = 0; i < 20; ++i) {
        auto client = std::make_unique<RawWebSocket>();
        client->setAnswerPings(false);
        QCOMPARE(client->open(broker.url()), 101);
        client->sendRaw(RawWebSocket::frameHeader(RawWebSocket::Text, quint64(claimed)) +
                        QByteArray(claimed / 2, 'x'));
        clients.push_back(std::move(client));
    }
    QTest::qWait(300);
    // At most what was sent: 20 half-megabytes.
    const qint64 growth = broker.residentKiB() - before;
    if (residentMemoryIsMeaningful)
        QVERIFY2(growth < 20 * MiB, qPrintable(QStringLiteral("grew by %1 KiB").arg(growth)));
    for (const auto &client : clients)
        QVERIFY2(client->waitForDisconnected(8000), "a silent partial frame was kept forever");
    QVERIFY(serves(broker.url(), QStringLiteral("after")));
}

// Four clients stop reading while a flooder sends each of them 24 MB. They are cut off; the
// broker's memory stays far below what it was sent; the flooder and a bystander pair keep
// working and lose nothing.
void TestRawSocket::readersThatStopReadingAreCutOff() {
    BrokerProcess broker;
    QVERIFY(broker.start({QStringLiteral("--max-queued-bytes"), QStringLiteral("1048576")}));
    BystanderPair bystanders;
    QVERIFY(bystanders.start(broker.url()));
    const qint64 before = broker.residentKiB();

    constexpr int Readers = 4;
    std::vector<std::unique_ptr<RawWebSocket>> readers;
    for (int i = 0; i < Readers; ++i) {
        auto reader = std::make_unique<RawWebSocket>();
        QCOMPARE(reader->open(broker.url()), 101);
        reader->sendText(registerFrame("stuck-" + QByteArray::number(i)));
        QVERIFY(reader->waitForTexts(1));
        reader->pauseReading();
        readers.push_back(std::move(reader));
    }
    ProtocolClient flooder;
    QVERIFY(flooder.open(broker.url()));
    QVERIFY(flooder.registerAs(QStringLiteral("flooder")));

    const QString chunk(64 * 1024, QLatin1Char('z'));
    constexpr int PerReader = 384; // 24 MB each, 96 MB in all
    qint64 peak = before;
    for (int n = 0; n < PerReader; ++n) {
        for (int i = 0; i < Readers; ++i)
            flooder.sendTo(QStringLiteral("stuck-%1").arg(i), chunk);
        // Keep the flooder's own buffer small, so that the broker is what holds data.
        QVERIFY(BrokerTestSupport::spinUntil(
            [&] { return flooder.socket().bytesToWrite() < 1024 * 1024; }));
        if (n % 16 == 0)
            peak = std::max(peak, broker.residentKiB());
    }
    QTest::qWait(200);
    peak = std::max(peak, broker.residentKiB());
    const qint64 growth = peak - before;
    qInfo("broker resident memory: %lld KiB before, peak %lld KiB (sent 96 MB to stuck readers)",
          before, peak);
    // Each stuck reader costs the bound plus a frame or two; without the cut-off the broker
    // would hold the whole 96 MB.
    if (residentMemoryIsMeaningful)
        QVERIFY2(growth < 32 * MiB, qPrintable(QStringLiteral("grew by %1 KiB").arg(growth)));

    // Reading again shows what happened: far less than 24 MB each, then the connection ends.
    for (const auto &reader : readers) {
        reader->resumeReading();
        QVERIFY(reader->waitForDisconnected(10000));
        QVERIFY2(reader->bytesReceived() < 16 * 1024 * 1024,
                 qPrintable(QString::number(reader->bytesReceived())));
        QVERIFY2(reader->closeCode() == 1008 || reader->closeCode() == -1,
                 qPrintable(QString::number(reader->closeCode())));
    }
    QVERIFY(flooder.isOpen());
    QVERIFY(flooder.framesWithAction(QStringLiteral("error")).isEmpty());
    QVERIFY2(bystanders.stopAndDrain(), qPrintable(bystanders.problem()));
    QVERIFY(bystanders.received() > 0);
    QVERIFY(serves(broker.url(), QStringLiteral("after")));
    QCOMPARE(broker.stop(), 0);
}

QTEST_GUILESS_MAIN(TestRawSocket)
#include "tst_rawsocket.moc"

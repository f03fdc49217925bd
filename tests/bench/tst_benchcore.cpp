// Unit tests of the bench's own building blocks: the pieces whose mistakes would make the bench
// report wrong numbers (histogram, JSON scanning, sequence bookkeeping) and its WebSocket client
// transports, exercised against Qt's real WebSocket server.

#include "benchpayload.h"
#include "epollpoller.h"
#include "epollwebsocketclient.h"
#include "incomingframe.h"
#include "jsonscanner.h"
#include "latencyhistogram.h"
#include "receivestream.h"
#include "tcpwebsocketclient.h"
#include "transportlistener.h"
#include "websocketsession.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

namespace {
// Records what a transport reports.
class RecordingListener final : public TransportListener {
public:
    void transportOpened() override { ++opened; }
    void transportTextReceived(QByteArrayView utf8) override { texts.append(utf8.toByteArray()); }
    void transportFailed(const QString &reason) override { failures.append(reason); }
    void transportClosed() override { ++closed; }

    int opened = 0;
    int closed = 0;
    QList<QByteArray> texts;
    QStringList failures;
};
} // namespace

class TestBenchCore : public QObject {
    Q_OBJECT

private slots:
    void histogramPercentiles();
    void histogramBucketsAreTight();
    void histogramMerge();
    void scannerWalksMembers();
    void scannerRejectsMalformed_data();
    void scannerRejectsMalformed();
    void scannerDecodesEscapes();
    void frameParsesAnyMemberOrder();
    void payloadHasRequestedSizeAndRoundTrips();
    void receiveStreamCountsDuplicatesAndLateArrivals();
    void maskedFrameEncoding_data();
    void maskedFrameEncoding();
    void acceptKeyMatchesRfc6455Example();
    void transportTalksToQWebSocketServer_data();
    void transportTalksToQWebSocketServer();
    void transportReportsRefusedHandshake();
    void transportReportsConnectionRefused();
};

void TestBenchCore::histogramPercentiles() {
    LatencyHistogram histogram;
    for (int i = 1; i <= 1000; ++i)
        histogram.record(i * 1000); // 1 µs .. 1 ms
    QCOMPARE(histogram.count(), 1000);
    QCOMPARE(histogram.min(), 1000);
    QCOMPARE(histogram.max(), 1'000'000);
    const auto near = [](qint64 value, qint64 expected) {
        return qAbs(value - expected) <= expected / 100; // within 1%
    };
    QVERIFY2(near(histogram.percentile(50), 500'000),
             qPrintable(QString::number(histogram.percentile(50))));
    QVERIFY2(near(histogram.percentile(99), 990'000),
             qPrintable(QString::number(histogram.percentile(99))));
    QCOMPARE(histogram.percentile(100), 1'000'000);
    QVERIFY(qAbs(histogram.mean() - 500'500.0) < 1.0);
}

void TestBenchCore::histogramBucketsAreTight() {
    // Every value falls in a bucket whose upper bound is at most 1/128 above it.
    for (quint64 value : {0ULL, 1ULL, 127ULL, 128ULL, 129ULL, 255ULL, 256ULL, 1000ULL, 123456ULL,
                          999'999'999ULL, 1ULL << 40}) {
        const int bucket = LatencyHistogram::bucketOf(value);
        const quint64 upper = LatencyHistogram::bucketUpperBound(bucket);
        QVERIFY2(upper >= value, qPrintable(QString::number(value)));
        QVERIFY2(double(upper - value) <= double(value) / 128.0 + 0.5,
                 qPrintable(QString::number(value)));
        if (bucket > 0)
            QVERIFY(LatencyHistogram::bucketUpperBound(bucket - 1) < value);
    }
}

void TestBenchCore::histogramMerge() {
    LatencyHistogram a;
    LatencyHistogram b;
    a.record(10);
    b.record(5);
    b.record(1'000'000);
    a.merge(b);
    QCOMPARE(a.count(), 3);
    QCOMPARE(a.min(), 5);
    QCOMPARE(a.max(), 1'000'000);
    QCOMPARE(a.percentile(50), 10);
}

void TestBenchCore::scannerWalksMembers() {
    QList<QPair<QByteArray, QByteArray>> members;
    const bool ok = JsonScanner::forEachMember(
        R"( { "a" : 1, "b":{"x":[1,2,{"y":"}"}]}, "c":"q\"uote", "d":true, "e":null, "f":-1.5e3 } )",
        [&](QByteArrayView key, QByteArrayView value) {
            members.append({key.toByteArray(), value.toByteArray()});
        });
    QVERIFY(ok);
    QCOMPARE(members.size(), 6);
    QCOMPARE(members.at(0), qMakePair(QByteArray("a"), QByteArray("1")));
    QCOMPARE(members.at(1).second, QByteArray(R"({"x":[1,2,{"y":"}"}]})"));
    QCOMPARE(members.at(2).second, QByteArray(R"("q\"uote")"));
    QCOMPARE(members.at(3).second, QByteArray("true"));
    QCOMPARE(members.at(4).second, QByteArray("null"));
    QCOMPARE(members.at(5).second, QByteArray("-1.5e3"));
    QVERIFY(JsonScanner::forEachMember("{}", [](QByteArrayView, QByteArrayView) {}));
}

void TestBenchCore::scannerRejectsMalformed_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[1]");
    QTest::newRow("unterminated") << QByteArray(R"({"a":1)");
    QTest::newRow("unterminated string") << QByteArray(R"({"a":"x})");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"a":1} x)");
    QTest::newRow("bad literal") << QByteArray(R"({"a":tru})");
    QTest::newRow("control character") << QByteArray("{\"a\":\"x\ny\"}");
    QTest::newRow("unclosed nesting") << QByteArray(R"({"a":[1,{"b":2]})");
}

void TestBenchCore::scannerRejectsMalformed() {
    QFETCH(QByteArray, text);
    QVERIFY(!JsonScanner::forEachMember(text, [](QByteArrayView, QByteArrayView) {}));
}

void TestBenchCore::scannerDecodesEscapes() {
    QByteArray scratch;
    QByteArrayView out;
    QVERIFY(JsonScanner::decodeString(R"("plain")", scratch, out));
    QCOMPARE(out, "plain");
    QVERIFY(JsonScanner::decodeString(R"("a\"b\\c\/d\n\u00e9\ud83d\ude00")", scratch, out));
    QCOMPARE(QString::fromUtf8(out), QStringLiteral("a\"b\\c/d\n\u00e9\U0001F600"));
    QVERIFY(!JsonScanner::decodeString(R"("\ud83d")", scratch, out)); // lone surrogate
    QVERIFY(!JsonScanner::decodeString(R"("\x")", scratch, out));
    qint64 value = 0;
    QVERIFY(JsonScanner::toInteger("-42", value));
    QCOMPARE(value, -42);
    QVERIFY(!JsonScanner::toInteger("4.2", value));
}

void TestBenchCore::frameParsesAnyMemberOrder() {
    IncomingFrame frame;
    QVERIFY(frame.parse(R"({"from":"b\u0041","message":{"s":1},"action":"message","ack":"k"})"));
    QCOMPARE(frame.action(), IncomingFrame::Action::Message);
    QCOMPARE(frame.from(), "bA");
    QCOMPARE(frame.message(), R"({"s":1})");
    QVERIFY(frame.hasAck());
    QCOMPARE(frame.ack(), "k");

    QVERIFY(frame.parse(R"({"action":"registered","id":"x"})"));
    QCOMPARE(frame.action(), IncomingFrame::Action::Registered);
    QCOMPARE(frame.id(), "x");
    QVERIFY(!frame.hasAck());

    QVERIFY(frame.parse(R"({"action":"error","code":"invalid-json","reason":"r"})"));
    QCOMPARE(frame.action(), IncomingFrame::Action::Error);
    QCOMPARE(frame.code(), "invalid-json");

    QVERIFY(frame.parse(R"({"action":"surprise"})"));
    QCOMPARE(frame.action(), IncomingFrame::Action::Other);
    QVERIFY(!frame.parse(R"({"message":1})"));
    QVERIFY(!frame.parse(R"({"action":1})"));
}

void TestBenchCore::payloadHasRequestedSizeAndRoundTrips() {
    BenchPayload payload;
    payload.sender = 12;
    payload.seq = 345678;
    payload.dest = -1;
    payload.sentNs = 9'876'543'210;
    for (int size : {64, 100, 1000}) {
        QByteArray json;
        payload.appendJson(json, size);
        QCOMPARE(json.size(), size);
        QVERIFY(QJsonDocument::fromJson(json).isObject());
        BenchPayload parsed;
        QVERIFY(parsed.parse(json));
        QCOMPARE(parsed.sender, 12);
        QCOMPARE(parsed.seq, 345678);
        QCOMPARE(parsed.dest, -1);
        QCOMPARE(parsed.sentNs, 9'876'543'210);
    }
    QByteArray small;
    payload.appendJson(small, 1);
    QCOMPARE(small.size(), payload.minimumSize());
    // What the original does to it: JSON.parse + JSON.stringify, i.e. any valid re-serialisation.
    const QByteArray reserialised =
        QJsonDocument(QJsonDocument::fromJson(small).object()).toJson(QJsonDocument::Indented);
    BenchPayload parsed;
    QVERIFY(parsed.parse(reserialised));
    QCOMPARE(parsed.seq, 345678);
}

void TestBenchCore::receiveStreamCountsDuplicatesAndLateArrivals() {
    ReceiveStream stream;
    QCOMPARE(stream.record(0), ReceiveStream::Result::InOrder);
    QCOMPARE(stream.record(1), ReceiveStream::Result::InOrder);
    QCOMPARE(stream.record(1), ReceiveStream::Result::Duplicate);
    QCOMPARE(stream.record(3), ReceiveStream::Result::InOrder); // a gap, not yet a fault
    QCOMPARE(stream.record(2), ReceiveStream::Result::Late);
    QCOMPARE(stream.record(2), ReceiveStream::Result::Duplicate);
    QCOMPARE(stream.record(-1), ReceiveStream::Result::Invalid);
    QCOMPARE(stream.record(10'000), ReceiveStream::Result::InOrder);
    QCOMPARE(stream.unique(), 5);
    QCOMPARE(stream.highest(), 10'000);
}

void TestBenchCore::maskedFrameEncoding_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("headerSize");
    QTest::newRow("empty") << 0 << 6;
    QTest::newRow("125") << 125 << 6;
    QTest::newRow("126") << 126 << 8;
    QTest::newRow("65535") << 65535 << 8;
    QTest::newRow("65536") << 65536 << 14;
}

void TestBenchCore::maskedFrameEncoding() {
    QFETCH(int, size);
    QFETCH(int, headerSize);
    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = char('a' + i % 26);
    QByteArray frame;
    const quint32 key = 0x12345678;
    WebSocketSession::appendMaskedFrame(frame, 0x1, payload, key);
    QCOMPARE(frame.size(), headerSize + size);
    QCOMPARE(uchar(frame[0]), 0x81); // FIN + text
    QVERIFY(uchar(frame[1]) & 0x80); // masked, as RFC 6455 requires of clients
    const auto *mask = reinterpret_cast<const uchar *>(frame.constData() + headerSize - 4);
    for (int i = 0; i < size; ++i)
        QCOMPARE(char(uchar(frame[headerSize + i]) ^ mask[i % 4]), payload[i]);
}

void TestBenchCore::acceptKeyMatchesRfc6455Example() {
    QCOMPARE(WebSocketSession::acceptKeyFor("dGhlIHNhbXBsZSBub25jZQ=="),
             QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

void TestBenchCore::transportTalksToQWebSocketServer_data() {
    QTest::addColumn<bool>("useEpoll");
    QTest::newRow("epoll") << true;
    QTest::newRow("tcp") << false;
}

void TestBenchCore::transportTalksToQWebSocketServer() {
    QFETCH(bool, useEpoll);
    // A real WebSocket server: echoes text, and closes with 4000 when told "bye".
    QWebSocketServer server(QStringLiteral("echo"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QString requestedPath;
    std::unique_ptr<QWebSocket> peer;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        peer.reset(server.nextPendingConnection());
        requestedPath = peer->requestUrl().path();
        connect(peer.get(), &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            if (text == QLatin1StringView("bye"))
                peer->close(QWebSocketProtocol::CloseCode(4000), QStringLiteral("done"));
            else
                peer->sendTextMessage(text);
        });
    });

    EpollPoller poller;
    std::unique_ptr<ClientTransport> client;
    if (useEpoll)
        client = std::make_unique<EpollWebSocketClient>(poller, 42);
    else
        client = std::make_unique<TcpWebSocketClient>(42);
    RecordingListener listener;
    client->setListener(&listener);
    client->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/room?token=x").arg(server.serverPort())));
    QTRY_COMPARE(listener.opened, 1);
    QCOMPARE(requestedPath, QStringLiteral("/room"));

    const QByteArray small = R"({"action":"register","id":"é"})";
    const QByteArray large(70'000, 'z'); // 64-bit length both ways
    client->sendText(small);
    client->sendText(large);
    QTRY_COMPARE(listener.texts.size(), 2);
    QCOMPARE(listener.texts.at(0), small);
    QCOMPARE(listener.texts.at(1), large);
    QVERIFY(listener.failures.isEmpty());

    // The broker ending a connection on its own is a failure for the bench, with the code.
    client->sendText("bye");
    QTRY_COMPARE(listener.failures.size(), 1);
    QVERIFY2(listener.failures.constFirst().contains(QStringLiteral("4000")),
             qPrintable(listener.failures.constFirst()));
    QCOMPARE(listener.closed, 0);
}

void TestBenchCore::transportReportsRefusedHandshake() {
    // Not a WebSocket server: an HTTP 400, as the original sends for a path it does not serve.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    EpollPoller poller;
    EpollWebSocketClient client(poller, 7);
    RecordingListener listener;
    client.setListener(&listener);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/other").arg(server.serverPort())));
    QTRY_COMPARE(listener.failures.size(), 1);
    QVERIFY2(listener.failures.constFirst().contains(QStringLiteral("400")),
             qPrintable(listener.failures.constFirst()));
    QCOMPARE(listener.opened, 0);
}

void TestBenchCore::transportReportsConnectionRefused() {
    // Find a port nobody listens on.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    EpollPoller poller;
    EpollWebSocketClient client(poller, 9);
    RecordingListener listener;
    client.setListener(&listener);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
    QTRY_COMPARE(listener.failures.size(), 1);
    QVERIFY2(listener.failures.constFirst().contains(QStringLiteral("refused")),
             qPrintable(listener.failures.constFirst()));
}

QTEST_GUILESS_MAIN(TestBenchCore)
#include "tst_benchcore.moc"

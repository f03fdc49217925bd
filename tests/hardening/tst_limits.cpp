// The broker's limits against an in-process broker: slow consumers, connection count,
// liveness, access token, Origin allow-list, handshake time-out, rate limit and pending-ack
// bounds. Each test starts its own broker with the limit turned low.

#include "broker.h"
#include "brokereventdispatcher.h"
#include "brokertestsupport.h"
#include "bystanderpair.h"
#include "dispatchertestmain.h"
#include "protocolclient.h"
#include "rawwebsocket.h"

#include <QAbstractEventDispatcher>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace BrokerTestSupport;

namespace {

QUrl withQuery(QUrl url, const QString &query) {
    url.setQuery(query);
    return url;
}

QByteArray registerFrame(const QByteArray &id) {
    return R"({"action":"register","id":")" + id + "\"}";
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT
private slots:
    void slowConsumerIsCutOff();
    void slowConsumerQueueIsCounted();
    void maxConnections();
    void pingTimeout();
    void token_data();
    void token();
    void tokenRefusedBeforeAnyFrame();
    void origin();
    void handshakeTimeout();
    void handshakeTimeoutInItsOwnThread();
    void malformedHandshakeIsCountedAndShown();
    void rateLimit();
    void pendingAcksPerConnection();
    void pendingAcksPerBroker();
};

// A client that stops reading while another floods it is cut off with 1008 "slow consumer";
// the broker never holds much more than the bound for it, and the flooder and a bystander pair
// keep working. A consumer that catches up within the grace period still gets what was queued,
// then the close frame.
void TestLimits::slowConsumerIsCutOff() {
    BrokerSettings settings;
    settings.maxQueuedBytes = 1024 * 1024;
    settings.pingIntervalMs = 0;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    BystanderPair bystanders;
    QVERIFY(bystanders.start(broker->url()));

    RawWebSocket slow;
    QCOMPARE(slow.open(broker->url()), 101);
    const quint16 slowPort = slow.socket()->localPort();
    slow.sendText(registerFrame("slow"));
    QVERIFY(slow.waitForTexts(1));
    slow.pauseReading();

    ProtocolClient flooder;
    QVERIFY(flooder.open(broker->url()));
    QVERIFY(flooder.registerAs(QStringLiteral("flooder")));
    const QString chunk(16 * 1024, QLatin1Char('f'));
    int sent = 0;
    // Far more than kernel buffers and the 1 MiB bound hold together.
    while (!isClosingFor(*broker, slowPort, CloseReason::SlowConsumer) && sent < 4000) {
        flooder.sendTo(QStringLiteral("slow"), chunk);
        if (++sent % 20 == 0)
            QTest::qWait(1);
        for (const ConnectionInfo &c : broker->snapshot().connections)
            QVERIFY2(c.queuedBytes <= settings.maxQueuedBytes + 64 * 1024,
                     qPrintable(QString::number(c.queuedBytes)));
    }
    QVERIFY2(sent < 4000, "never cut off");
    // Sends to it from now on are counted as undelivered (while it closes) or skipped (once it
    // is gone); every one is accounted for.
    for (int i = 0; i < 5; ++i)
        flooder.sendTo(QStringLiteral("slow"), chunk);
    sent += 5;
    QTRY_COMPARE(framesTo(*broker, slowPort) - 1 + broker->counters().undelivered +
                     broker->counters().skippedUnknownId,
                 quint64(sent));
    QVERIFY(broker->counters().undelivered + broker->counters().skippedUnknownId >= 5);

    slow.resumeReading();
    QVERIFY(slow.waitForDisconnected(10000));
    QCOMPARE(slow.closeCode(), 1008);
    QVERIFY2(slow.closeReason().startsWith(QStringLiteral("slow consumer")),
             qPrintable(slow.closeReason()));
    const auto closed = waitForClosed(*broker, slowPort);
    QVERIFY(closed);
    QCOMPARE(closed->closeReason, CloseReason::SlowConsumer);
    QCOMPARE(closed->clientId, QByteArray("slow"));
    // It caught up within the grace period: it got every frame the broker sent it.
    QCOMPARE(quint64(slow.texts().size()), closed->framesOut);

    // The flooder was not hurt and still reaches others.
    QVERIFY(flooder.isOpen());
    ProtocolClient witness;
    QVERIFY(witness.open(broker->url()));
    QVERIFY(witness.registerAs(QStringLiteral("witness")));
    flooder.sendTo(QStringLiteral("witness"), QStringLiteral("after the flood"));
    QTRY_COMPARE(witness.framesWithAction(QStringLiteral("message")).size(), 1);
    QVERIFY2(bystanders.stopAndDrain(), qPrintable(bystanders.problem()));
    QVERIFY(bystanders.received() > 0);
}

// A consumer that never catches up loses what was queued for it when the grace period ends;
// each of those frames is counted as undelivered: what it received plus what was counted
// undelivered is exactly what the broker handed to its socket.
void TestLimits::slowConsumerQueueIsCounted() {
    // The queue must outgrow what the kernel can still take when the broker closes (its send
    // buffer grows up to tcp_wmem's maximum), or nothing would be left in it to lose.
    QFile wmem(QStringLiteral("/proc/sys/net/ipv4/tcp_wmem"));
    qint64 kernelSendBuffer = 4 * 1024 * 1024;
    if (wmem.open(QIODevice::ReadOnly))
        kernelSendBuffer = wmem.readAll().simplified().split(' ').value(2).toLongLong();
    BrokerSettings settings;
    settings.maxQueuedBytes = kernelSendBuffer + 2 * 1024 * 1024;
    settings.pingIntervalMs = 0;
    const auto broker = startBroker(settings);
    QVERIFY(broker);

    RawWebSocket slow;
    QCOMPARE(slow.open(broker->url()), 101);
    const quint16 slowPort = slow.socket()->localPort();
    slow.sendText(registerFrame("slow"));
    QVERIFY(slow.waitForTexts(1));
    slow.takeText();
    slow.pauseReading();

    ProtocolClient flooder;
    QVERIFY(flooder.open(broker->url()));
    QVERIFY(flooder.registerAs(QStringLiteral("flooder")));
    const QString chunk(32 * 1024, QLatin1Char('q'));
    int sent = 0;
    while (!isClosingFor(*broker, slowPort, CloseReason::SlowConsumer) && sent < 20000) {
        // The flooder too must not run ahead of the broker by more than a little.
        if (flooder.socket().bytesToWrite() > 512 * 1024) {
            QTest::qWait(1);
            continue;
        }
        flooder.sendTo(QStringLiteral("slow"), chunk);
        if (++sent % 20 == 0)
            QTest::qWait(1);
    }
    QVERIFY2(sent < 20000, "never cut off");
    // Until the grace period ends it is only closing: nothing of its queue is counted yet.
    QTRY_COMPARE(framesTo(*broker, slowPort) - 1 + broker->counters().undelivered +
                     broker->counters().skippedUnknownId,
                 quint64(sent));
    const quint64 undeliveredWhileClosing = broker->counters().undelivered;

    // Past the grace period the broker drops the connection with its queue, more than the
    // kernel could take.
    QTRY_COMPARE_WITH_TIMEOUT(closesBy(*broker, CloseReason::SlowConsumer), quint64(1), 5000);
    const BrokerCounters c = broker->counters();
    const quint64 lostFromQueue = c.undelivered - undeliveredWhileClosing;
    const quint64 frameBytes = quint64(chunk.size()) + 64;
    QVERIFY2(lostFromQueue >= quint64(settings.maxQueuedBytes - kernelSendBuffer) / frameBytes,
             qPrintable(QString::number(lostFromQueue)));
    slow.resumeReading();
    QVERIFY(slow.waitForDisconnected(10000));
    QCOMPARE(slow.closeCode(), -1); // the close frame was queued behind the dropped data
    // Nothing vanished unnoticed: what it got and what was counted lost is what it was sent.
    const quint64 handedToSocket = framesTo(*broker, slowPort) - 1; // without "registered"
    QCOMPARE(quint64(slow.texts().size()) + lostFromQueue, handedToSocket);
    QCOMPARE(c.delivered, handedToSocket);
}

// maxConnections = 3: the 4th is refused with 1008, and so is the 5th; after one leaves, a new
// one is accepted.
void TestLimits::maxConnections() {
    BrokerSettings settings;
    settings.maxConnections = 3;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    ProtocolClient clients[3];
    for (ProtocolClient &c : clients)
        QVERIFY(c.open(broker->url()));
    for (int attempt = 0; attempt < 2; ++attempt) {
        ProtocolClient extra;
        extra.open(broker->url());
        QVERIFY(extra.waitForDisconnected());
        QCOMPARE(extra.closeCode(), 1008);
        QVERIFY2(extra.socket().closeReason().contains(QStringLiteral("too many connections")),
                 qPrintable(extra.socket().closeReason()));
        QVERIFY(extra.frames().isEmpty());
    }
    QTRY_COMPARE(closesBy(*broker, CloseReason::TooManyConnections), quint64(2));
    for (ProtocolClient &c : clients)
        QVERIFY(c.isOpen());

    clients[0].socket().close();
    QTRY_COMPARE(broker->connectionCount(), 2);
    ProtocolClient late;
    QVERIFY(late.open(broker->url()));
    QVERIFY(late.registerAs(QStringLiteral("late")));
}

// A peer that never answers pings is closed after two intervals with the reason recorded;
// peers that answer stay.
void TestLimits::pingTimeout() {
    BrokerSettings settings;
    settings.pingIntervalMs = 200;
    const auto broker = startBroker(settings);
    QVERIFY(broker);

    // Started before the deaf client connects: the broker cannot have counted its silence
    // from any earlier.
    QElapsedTimer timer;
    timer.start();
    RawWebSocket deaf;
    deaf.setAnswerPings(false);
    QCOMPARE(deaf.open(broker->url()), 101);
    const quint16 deafPort = deaf.socket()->localPort();
    RawWebSocket answering;
    QCOMPARE(answering.open(broker->url()), 101);
    ProtocolClient qtClient;
    QVERIFY(qtClient.open(broker->url()));

    QVERIFY(deaf.waitForDisconnected(3000));
    const qint64 elapsed = timer.elapsed();
    // Silent for more than two intervals, and closed at the next ping round after that.
    QVERIFY2(elapsed >= 390 && elapsed < 1500, qPrintable(QString::number(elapsed)));
    QVERIFY(deaf.pingsReceived() >= 1);
    QCOMPARE(deaf.closeCode(), 1001);
    const auto closed = waitForClosed(*broker, deafPort);
    QVERIFY(closed);
    QCOMPARE(closed->closeReason, CloseReason::PingTimeout);

    QTest::qWait(1000); // five more intervals
    QVERIFY(answering.isConnected());
    QVERIFY(answering.pingsReceived() >= 5);
    QVERIFY(qtClient.isOpen());
    QCOMPARE(closesBy(*broker, CloseReason::PingTimeout), quint64(1));
}

void TestLimits::token_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("right token") << QStringLiteral("token=s3cr%C3%A9t") << true;
    QTest::newRow("right token among others") << QStringLiteral("a=1&token=s3cr%C3%A9t") << true;
    QTest::newRow("no query") << QString() << false;
    QTest::newRow("empty token") << QStringLiteral("token=") << false;
    QTest::newRow("wrong token") << QStringLiteral("token=guess") << false;
    QTest::newRow("prefix of the token") << QStringLiteral("token=s3cr") << false;
    QTest::newRow("token with more after it") << QStringLiteral("token=s3cr%C3%A9tX") << false;
    QTest::newRow("other parameter") << QStringLiteral("tok=s3cr%C3%A9t") << false;
}

// A missing or wrong token closes with 1008; the right one works, in any room.
void TestLimits::token() {
    QFETCH(QString, query);
    QFETCH(bool, accepted);
    BrokerSettings settings;
    settings.token = QString::fromUtf8("s3cr\xc3\xa9t"); // "s3crét": decoded before comparing
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    QUrl url = withQuery(broker->url(), query);
    url.setPath(QStringLiteral("/room"));
    ProtocolClient client;
    client.open(url);
    if (accepted) {
        QVERIFY(client.registerAs(QStringLiteral("holder")));
        QVERIFY(client.isOpen());
        QCOMPARE(closesBy(*broker, CloseReason::TokenRefused), quint64(0));
    } else {
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), 1008);
        QVERIFY(client.frames().isEmpty());
        QTRY_COMPARE(closesBy(*broker, CloseReason::TokenRefused), quint64(1));
    }
}

// Frames that arrive together with the handshake are not routed for a refused token.
void TestLimits::tokenRefusedBeforeAnyFrame() {
    BrokerSettings settings;
    settings.token = QStringLiteral("right");
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    ProtocolClient holder;
    QVERIFY(holder.open(withQuery(broker->url(), QStringLiteral("token=right"))));
    QVERIFY(holder.registerAs(QStringLiteral("victim")));

    RawWebSocket intruder;
    QVERIFY(intruder.connectTcp(broker->url()));
    const QByteArray request = "GET /?token=wrong HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                               "Sec-WebSocket-Version: 13\r\n\r\n";
    // Handshake, a register taking the victim's id and a send, all in one write.
    intruder.sendRaw(
        request + RawWebSocket::maskedFrame(RawWebSocket::Text, registerFrame("victim")) +
        RawWebSocket::maskedFrame(RawWebSocket::Text,
                                  R"({"action":"send","dest":"victim","message":"boo"})"));
    QVERIFY(intruder.waitForDisconnected());
    QCOMPARE(broker->counters().framesIn, quint64(1)); // the holder's register only
    QVERIFY(holder.waitForProbeFrom(holder));
    QCOMPARE(holder.framesWithAction(QStringLiteral("unregistered")).size(), 0);
    QCOMPARE(holder.framesWithAction(QStringLiteral("message")).size(), 0);
    QCOMPARE(closesBy(*broker, CloseReason::TokenRefused), quint64(1));
}

// With an allow-list, the handshake of a wrong Origin is refused; listed ones work, and so do
// programs that send no Origin at all (the list is about browsers).
void TestLimits::origin() {
    BrokerSettings settings;
    settings.allowedOrigins = {QStringLiteral("http://good.example"),
                               QStringLiteral("https://also.example:8443")};
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    {
        RawWebSocket evil;
        const int status = evil.open(broker->url(), {{"Origin", "http://evil.example"}});
        QVERIFY2(status != 101, qPrintable(QString::number(status)));
        QVERIFY(evil.waitForDisconnected());
    }
    {
        RawWebSocket lookalike;
        QVERIFY(lookalike.open(broker->url(), {{"Origin", "http://good.example.evil.example"}}) !=
                101);
    }
    QTRY_COMPARE(closesBy(*broker, CloseReason::OriginRefused), quint64(2));
    QCOMPARE(broker->connectionCount(), 0);

    RawWebSocket good;
    QCOMPARE(good.open(broker->url(), {{"Origin", "http://good.example"}}), 101);
    good.sendText(registerFrame("good"));
    QVERIFY(good.waitForTexts(1));
    RawWebSocket alsoGood;
    QCOMPARE(alsoGood.open(broker->url(), {{"Origin", "https://also.example:8443"}}), 101);

    QWebSocket browserLike(QStringLiteral("http://good.example"));
    browserLike.open(broker->url());
    QTRY_COMPARE(browserLike.state(), QAbstractSocket::ConnectedState);

    // A program without an Origin header is not a browser: the list does not apply to it.
    RawWebSocket program;
    QCOMPARE(program.open(broker->url()), 101);
    program.sendText(registerFrame("program"));
    QVERIFY(program.waitForTexts(1));
    QCOMPARE(closesBy(*broker, CloseReason::OriginRefused), quint64(2));
}

// A connection that never completes its handshake is dropped after the handshake time-out.
void TestLimits::handshakeTimeout() {
    BrokerSettings settings;
    settings.handshakeTimeoutMs = 300;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    RawWebSocket silent;
    QVERIFY(silent.connectTcp(broker->url()));
    RawWebSocket halfway;
    QVERIFY(halfway.connectTcp(broker->url()));
    halfway.sendRaw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websock");
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent.waitForDisconnected(5000));
    QVERIFY(halfway.waitForDisconnected(5000));
    QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(closesBy(*broker, CloseReason::HandshakeTimeout), quint64(2));
    // A normal client is still served.
    ProtocolClient client;
    QVERIFY(client.open(broker->url()));
    QVERIFY(client.registerAs(QStringLiteral("after")));
}

// As under the window: the broker made in one thread, moved to a thread of its own and started
// there. Its timers must have moved with it (a timer that is a member without a parent stays
// behind, cannot be started, and the silent client would never be dropped).
void TestLimits::handshakeTimeoutInItsOwnThread() {
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Timers cannot")));
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    settings.handshakeTimeoutMs = 300;
    QThread thread;
    if (QAbstractEventDispatcher *dispatcher = createBrokerEventDispatcher())
        thread.setEventDispatcher(dispatcher);
    auto *broker = new Broker(settings);
    broker->moveToThread(&thread);
    QSignalSpy started(broker, &Broker::started);
    thread.start();
    const auto stop = qScopeGuard([&] {
        QMetaObject::invokeMethod(
            broker, [broker] { delete broker; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    });
    QMetaObject::invokeMethod(broker, [broker] { broker->start(); });
    QTRY_COMPARE(started.count(), 1);
    const QUrl url = started.first().first().toUrl();

    RawWebSocket silent;
    QVERIFY(silent.connectTcp(url));
    QVERIFY(silent.waitForDisconnected(5000));
}

// A request that is not a WebSocket upgrade is answered with an HTTP error, counted, and shown
// to observers with the peer's address, although it never became a connection.
void TestLimits::malformedHandshakeIsCountedAndShown() {
    const auto broker = startBroker(BrokerSettings{});
    QVERIFY(broker);
    QList<BrokerEvent> closes;
    connect(broker.get(), &Broker::eventsReady, this, [&](const BrokerEventList &events) {
        for (const BrokerEvent &e : events) {
            if (e.kind == BrokerEvent::Kind::ConnectionClosed)
                closes.append(e);
        }
    });
    RawWebSocket plainHttp;
    QVERIFY(plainHttp.connectTcp(broker->url()));
    plainHttp.sendRaw("GET /room HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(plainHttp.waitForDisconnected(5000));
    QTRY_COMPARE(closesBy(*broker, CloseReason::HandshakeRefused), quint64(1));
    QTRY_COMPARE(closes.size(), 1);
    QCOMPARE(closes.first().closeReason, CloseReason::HandshakeRefused);
    // 426 Upgrade Required: a plain HTTP request is told that this endpoint wants an upgrade.
    QVERIFY2(closes.first().detail.contains(QStringLiteral("HTTP 426")) &&
                 closes.first().detail.contains(QStringLiteral("127.0.0.1")),
             qPrintable(closes.first().detail));
    QCOMPARE(broker->connectionCount(), 0);
}

// Past the rate limit every frame is answered with rate-limited; nothing is dropped silently.
void TestLimits::rateLimit() {
    BrokerSettings settings;
    settings.rateLimitPerSecond = 10;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    RawWebSocket client;
    QCOMPARE(client.open(broker->url()), 101);
    for (int i = 0; i < 15; ++i)
        client.sendText(registerFrame("r" + QByteArray::number(i)));
    QVERIFY(client.waitForTexts(15));
    QTest::qWait(50);
    QCOMPARE(client.texts().size(), 15);
    int registered = 0;
    int limited = 0;
    for (const QByteArray &text : client.texts()) {
        const QJsonObject reply = QJsonDocument::fromJson(text).object();
        if (reply.value(QLatin1String("action")).toString() == QLatin1String("registered"))
            ++registered;
        else if (reply.value(QLatin1String("code")).toString() == QLatin1String("rate-limited"))
            ++limited;
    }
    QCOMPARE(registered, 10);
    QCOMPARE(limited, 5);
    QVERIFY(client.isConnected());
    // The next second has a fresh allowance.
    QTest::qWait(1050);
    client.sendText(registerFrame("again"));
    QVERIFY(client.waitForTexts(16));
    QCOMPARE(QJsonDocument::fromJson(client.texts().constLast())
                 .object()
                 .value(QLatin1String("action"))
                 .toString(),
             QStringLiteral("registered"));
}

// Per connection: the oldest pending ack is pushed out first, counted in acksEvicted, and an
// answer to it is dropped.
void TestLimits::pendingAcksPerConnection() {
    BrokerSettings settings;
    settings.maxPendingAcksPerConnection = 3;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    ProtocolClient asker, answerer;
    QVERIFY(asker.open(broker->url()) && asker.registerAs(QStringLiteral("asker")));
    QVERIFY(answerer.open(broker->url()) && answerer.registerAs(QStringLiteral("answerer")));
    for (int i = 1; i <= 5; ++i)
        asker.sendTo(QStringLiteral("answerer"), i, QStringLiteral("a%1").arg(i));
    QVERIFY(answerer.waitForFrames(6)); // registered + 5 messages
    QCOMPARE(broker->counters().acksEvicted, quint64(2));
    QCOMPARE(broker->pendingAckCount(), 3);
    for (int i = 1; i <= 5; ++i)
        answerer.sendJson({{QStringLiteral("action"), QStringLiteral("answer")},
                           {QStringLiteral("ack"), QStringLiteral("a%1").arg(i)},
                           {QStringLiteral("message"), i * 10}});
    QTRY_COMPARE(asker.framesWithAction(QStringLiteral("answer")).size(), 3);
    QVERIFY(asker.waitForProbeFrom(answerer));
    const QList<QJsonObject> answers = asker.framesWithAction(QStringLiteral("answer"));
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers.at(0).value(QLatin1String("ack")).toString(), QStringLiteral("a3"));
    QCOMPARE(answers.at(2).value(QLatin1String("ack")).toString(), QStringLiteral("a5"));
    QCOMPARE(broker->counters().droppedAnswers, quint64(2));
    QCOMPARE(broker->pendingAckCount(), 0);
}

// Per broker: the oldest of all askers goes first.
void TestLimits::pendingAcksPerBroker() {
    BrokerSettings settings;
    settings.maxPendingAcks = 4;
    const auto broker = startBroker(settings);
    QVERIFY(broker);
    ProtocolClient first, second, answerer;
    QVERIFY(first.open(broker->url()) && first.registerAs(QStringLiteral("first")));
    QVERIFY(second.open(broker->url()) && second.registerAs(QStringLiteral("second")));
    QVERIFY(answerer.open(broker->url()) && answerer.registerAs(QStringLiteral("answerer")));
    for (int i = 1; i <= 3; ++i) {
        first.sendTo(QStringLiteral("answerer"), i, QStringLiteral("f%1").arg(i));
        QVERIFY(answerer.waitForFrames(i + 1));
    }
    for (int i = 1; i <= 3; ++i) {
        second.sendTo(QStringLiteral("answerer"), i, QStringLiteral("s%1").arg(i));
        QVERIFY(answerer.waitForFrames(i + 4));
    }
    QCOMPARE(broker->pendingAckCount(), 4);
    QCOMPARE(broker->counters().acksEvicted, quint64(2));
    for (const QString &ack : {QStringLiteral("f1"), QStringLiteral("f2"), QStringLiteral("f3"),
                               QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3")})
        answerer.sendJson({{QStringLiteral("action"), QStringLiteral("answer")},
                           {QStringLiteral("ack"), ack},
                           {QStringLiteral("message"), ack}});
    QTRY_COMPARE(second.framesWithAction(QStringLiteral("answer")).size(), 3);
    QTRY_COMPARE(first.framesWithAction(QStringLiteral("answer")).size(), 1);
    QCOMPARE(first.framesWithAction(QStringLiteral("answer"))
                 .constFirst()
                 .value(QLatin1String("ack"))
                 .toString(),
             QStringLiteral("f3"));
    QCOMPARE(broker->counters().droppedAnswers, quint64(2));
}

WSMSGBROKER_TEST_MAIN(TestLimits)
#include "tst_limits.moc"

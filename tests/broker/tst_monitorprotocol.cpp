// The monitor protocol's messages (docs/monitor-protocol.md) as pure functions: events (the
// JSON Lines log's objects) and snapshots come back with every field, and a message of another
// version is not taken for this one.

#include "monitorprotocol.h"

#include <QJsonObject>
#include <QTest>

#include <cstring>

class TestMonitorProtocol : public QObject {
    Q_OBJECT

private slots:
    void keepsEveryField();
};

// The protocol's encoding of events (the JSON Lines log's) and snapshots loses nothing.
void TestMonitorProtocol::keepsEveryField() {
    BrokerEvent text;
    text.timeMs = 1718000000123;
    text.session = 0xfedcba9876543211ULL;
    text.sessionUrl = QStringLiteral("ws://127.0.0.1:9042/");
    text.connectionId = 42;
    text.kind = BrokerEvent::Kind::FrameOut;
    text.action = FrameAction::Message;
    text.outcome = BrokerEvent::Outcome::PartlyDelivered;
    text.closeReason = CloseReason::SlowConsumer;
    text.size = 100;
    text.room = QStringLiteral("/r\u00e4um");
    text.clientId = "b\xc3\xb6"
                    "b";
    text.ack = "k-1";
    text.data = R"({"message":"caf\u00e9 \u202e"})";
    text.detail = QStringLiteral("not delivered to: x");
    text.intervention = QStringLiteral("held 1200 ms by hold-b");
    text.dropped = true;
    BrokerEvent binary;
    binary.kind = BrokerEvent::Kind::FrameIn;
    binary.binary = true;
    binary.data = QByteArray("\x00\xff\x80 binary", 10);
    binary.size = binary.data.size();
    const BrokerEventList sent{text, binary};

    QString type;
    QJsonObject message;
    QString error;
    QVERIFY2(MonitorProtocol::read(MonitorProtocol::events(sent, 0x1234567890ULL), &type, &message,
                                   &error),
             qPrintable(error));
    QCOMPARE(type, QStringLiteral("events"));
    quint64 first = 0;
    const BrokerEventList got = MonitorProtocol::eventsFrom(message, &first);
    QCOMPARE(first, 0x1234567890ULL);
    QCOMPARE(got.size(), 2);
    for (qsizetype i = 0; i < 2; ++i) {
        const BrokerEvent &a = sent.at(i);
        const BrokerEvent &b = got.at(i);
        QCOMPARE(b.timeMs, a.timeMs);
        QCOMPARE(b.session, a.session);
        QCOMPARE(b.sessionUrl, a.sessionUrl);
        QCOMPARE(b.connectionId, a.connectionId);
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.action, a.action);
        QCOMPARE(b.outcome, a.outcome);
        QCOMPARE(b.closeReason, a.closeReason);
        QCOMPARE(b.binary, a.binary);
        QCOMPARE(b.size, a.size);
        QCOMPARE(b.room, a.room);
        QCOMPARE(b.clientId, a.clientId);
        QCOMPARE(b.ack, a.ack);
        QCOMPARE(b.data, a.data);
        QCOMPARE(b.detail, a.detail);
        QCOMPARE(b.intervention, a.intervention);
        QCOMPARE(b.dropped, a.dropped);
    }

    BrokerSnapshot snapshot;
    snapshot.timeMs = 1718000000999;
    snapshot.session = 0x8000000000000001ULL;
    snapshot.startedAtMs = 1717999999000;
    snapshot.url = QUrl(QStringLiteral("wss://[::1]:9443/"));
    snapshot.pendingAcks = 7;
    quint64 n = 1;
    for (quint64 *c :
         {&snapshot.counters.connectionsOpened, &snapshot.counters.connectionsClosed,
          &snapshot.counters.framesIn, &snapshot.counters.framesOut, &snapshot.counters.bytesIn,
          &snapshot.counters.bytesOut, &snapshot.counters.delivered,
          &snapshot.counters.skippedUnknownId, &snapshot.counters.answersForwarded,
          &snapshot.counters.droppedAnswers, &snapshot.counters.errorsSent,
          &snapshot.counters.acksExpired, &snapshot.counters.acksEvicted,
          &snapshot.counters.undelivered, &snapshot.counters.unrecordedFrames})
        *c = n++ * 1000003;
    for (int r = 0; r < CloseReasonCount; ++r)
        snapshot.counters.closesByReason[size_t(r)] = r == 0 ? 0 : quint64(r * 11);
    ConnectionInfo open;
    open.session = snapshot.session;
    open.connectionId = 3;
    open.room = QStringLiteral("/chat");
    open.clientId = "alice";
    open.remoteAddress = QStringLiteral("::1");
    open.remotePort = 50123;
    open.connectedAtMs = 1717999999500;
    open.framesIn = 5;
    open.framesOut = 6;
    open.bytesIn = 700;
    open.bytesOut = 800;
    open.pendingAcks = 2;
    open.queuedBytes = 4096;
    ConnectionInfo closed = open;
    closed.connectionId = 2;
    closed.clientId.clear();
    closed.closedAtMs = 1718000000000;
    closed.closeReason = CloseReason::PingTimeout;
    closed.closeDetail = QStringLiteral("no pong");
    snapshot.connections = {open};
    snapshot.recentlyClosed = {closed};

    QVERIFY(MonitorProtocol::read(MonitorProtocol::snapshot(snapshot), &type, &message, &error));
    QCOMPARE(type, QStringLiteral("snapshot"));
    const BrokerSnapshot back = MonitorProtocol::snapshotFrom(message);
    QCOMPARE(back.timeMs, snapshot.timeMs);
    QCOMPARE(back.session, snapshot.session);
    QCOMPARE(back.startedAtMs, snapshot.startedAtMs);
    QCOMPARE(back.url, snapshot.url);
    QCOMPARE(back.pendingAcks, snapshot.pendingAcks);
    QCOMPARE(std::memcmp(&back.counters, &snapshot.counters, sizeof(BrokerCounters)), 0);
    QCOMPARE(back.connections.size(), 1);
    QCOMPARE(back.recentlyClosed.size(), 1);
    for (const auto &[a, b] : {std::pair{open, back.connections.constFirst()},
                               std::pair{closed, back.recentlyClosed.constFirst()}}) {
        QCOMPARE(b.session, a.session);
        QCOMPARE(b.connectionId, a.connectionId);
        QCOMPARE(b.room, a.room);
        QCOMPARE(b.clientId, a.clientId);
        QCOMPARE(b.remoteAddress, a.remoteAddress);
        QCOMPARE(b.remotePort, a.remotePort);
        QCOMPARE(b.connectedAtMs, a.connectedAtMs);
        QCOMPARE(b.closedAtMs, a.closedAtMs);
        QCOMPARE(b.closeReason, a.closeReason);
        QCOMPARE(b.closeDetail, a.closeDetail);
        QCOMPARE(b.framesIn, a.framesIn);
        QCOMPARE(b.framesOut, a.framesOut);
        QCOMPARE(b.bytesIn, a.bytesIn);
        QCOMPARE(b.bytesOut, a.bytesOut);
        QCOMPARE(b.pendingAcks, a.pendingAcks);
        QCOMPARE(b.queuedBytes, a.queuedBytes);
    }

    // Another version is not read as this one.
    QVERIFY(!MonitorProtocol::read(R"({"v":2,"type":"hello"})", &type, &message, &error));
    QVERIFY2(error.contains(QLatin1String("2")), qPrintable(error));
    QVERIFY(!MonitorProtocol::read("[]", &type, &message, &error));
}

QTEST_GUILESS_MAIN(TestMonitorProtocol)
#include "tst_monitorprotocol.moc"

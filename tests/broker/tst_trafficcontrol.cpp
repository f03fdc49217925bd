// Traffic control (issue 13) with real clients: a Broker on a loopback port, QWebSocket test
// clients, and rules set through Broker::setTrafficRules as the window and --rules do. Each
// effect, order behind a held frame, edits, the bounds, and what happens to held frames when
// a receiver leaves, a rule goes or the broker stops. Frames that must not arrive are proven
// with a probe sent to another receiver afterwards, or with a timed wait where time is the
// point (delay, throttle, pings).

#include "broker.h"
#include "dispatchertestmain.h"
#include "testclient.h"
#include "trafficrulesparser.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

bool isMessage(const QJsonObject &f) {
    return f.value("action"_L1).toString() == "message"_L1;
}

QJsonValue messageOf(const QJsonObject &f) {
    return f.value("message"_L1);
}

TrafficRuleList rulesOf(const QByteArray &json) {
    QString error;
    TrafficRuleList rules = TrafficRulesParser::parse(json, &error);
    if (!error.isEmpty())
        qFatal("bad rules in the test: %s", qPrintable(error));
    return rules;
}

} // namespace

class TestTrafficControl : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void noRulesLeavesThePipelineEmpty();
    void holdKeepsOrderBehindTheHeldFrame();
    void framesNoRuleTouchesWaitBehindAHeldOne();
    void editIntoInvalidJsonIsRefusedAndStaysHeld();
    void editedFrameIsDeliveredAndRecorded();
    void droppedByTheUserIsRecorded();
    void receiverLeavingDropsItsHeldFrames();
    void disablingAHoldRuleReleases();
    void releaseAllHeld();
    void stopDropsHeldFramesAndCountsThem();
    void maxHeldFrames();
    void heldBytesCountAgainstQueuedBytes();
    void answerLater();
    void delay();
    void delayKeepsOrderWithJitter();
    void removingADelayRuleReleases();
    void dropByRule();
    void dropWithProbability();
    void matchByPathAndRegex();
    void duplicate();
    void closeAfterN();
    void throttleSlowsTheReceiver();
    void ignorePings();
    void acrossThreads();

private:
    bool startBroker(BrokerSettings settings = BrokerSettings());
    TestClient *client(const QString &id, const QString &room = u"/r"_s);
    BrokerEventList events() const;
    bool anyEvent(const std::function<bool(const BrokerEvent &)> &matches) const;
    // FrameOut message events to the client with this id, oldest first.
    BrokerEventList messagesOutTo(const QByteArray &id) const;
    // Sends a probe from `from` to `to` and waits for it: everything sent earlier to `to`
    // through the same path has arrived by then.
    bool probe(TestClient *from, TestClient *to);
    // frameHeld() reports, from the event loop, as the window gets them.
    QList<HeldFrame> heldFrames() const;

    std::unique_ptr<Broker> m_broker;
    std::vector<std::unique_ptr<TestClient>> m_clients;
    QList<BrokerEventList> m_batches;
    QList<HeldFrame> m_held;
    struct Ended {
        quint64 ticket;
        HeldFrame::End end;
        QString intervention;
    };
    QList<Ended> m_ended;
    int m_probes = 0;
};

void TestTrafficControl::init() {
    QVERIFY(startBroker());
}

void TestTrafficControl::cleanup() {
    m_clients.clear();
    m_broker.reset();
    m_batches.clear();
    m_held.clear();
    m_ended.clear();
}

bool TestTrafficControl::startBroker(BrokerSettings settings) {
    m_clients.clear();
    m_broker.reset();
    m_batches.clear();
    m_held.clear();
    m_ended.clear();
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    connect(m_broker.get(), &Broker::eventsReady, this,
            [this](const BrokerEventList &batch) { m_batches.append(batch); });
    connect(m_broker.get(), &Broker::frameHeld, this,
            [this](const HeldFrame &f) { m_held.append(f); });
    connect(m_broker.get(), &Broker::heldFrameEnded, this,
            [this](quint64 ticket, HeldFrame::End end, const QString &intervention) {
                m_ended.append({ticket, end, intervention});
            });
    return m_broker->start();
}

TestClient *TestTrafficControl::client(const QString &id, const QString &room) {
    auto c = std::make_unique<TestClient>();
    QUrl url = m_broker->url();
    url.setPath(room);
    if (!c->open(url) || !c->registerAs(id))
        return nullptr;
    m_clients.push_back(std::move(c));
    return m_clients.back().get();
}

BrokerEventList TestTrafficControl::events() const {
    BrokerEventList all;
    for (const BrokerEventList &batch : m_batches)
        all += batch;
    return all;
}

bool TestTrafficControl::anyEvent(const std::function<bool(const BrokerEvent &)> &matches) const {
    const BrokerEventList all = events();
    return std::any_of(all.begin(), all.end(), matches);
}

BrokerEventList TestTrafficControl::messagesOutTo(const QByteArray &id) const {
    BrokerEventList out;
    for (const BrokerEvent &e : events()) {
        if (e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Message &&
            e.clientId == id)
            out.append(e);
    }
    return out;
}

bool TestTrafficControl::probe(TestClient *from, TestClient *to) {
    const int n = ++m_probes;
    from->send(to->id(), QJsonObject{{u"probe"_s, n}});
    return to->waitForFrame([n](const QJsonObject &f) {
        return isMessage(f) && messageOf(f).toObject().value("probe"_L1) == n;
    }) >= 0;
}

QList<HeldFrame> TestTrafficControl::heldFrames() const {
    return m_held;
}

void TestTrafficControl::noRulesLeavesThePipelineEmpty() {
    QVERIFY(m_broker->deliveryPipeline().passesStraight());
    QSignalSpy changed(m_broker.get(), &Broker::trafficRulesChanged);
    m_broker->setTrafficRules(rulesOf(R"([{"name": "h", "effect": "hold"}])"));
    QCOMPARE(m_broker->deliveryPipeline().stageCount(), 1);
    QCOMPARE(changed.size(), 1);
    // Only disabled rules: as good as none.
    m_broker->setTrafficRules(rulesOf(R"([{"name": "h", "effect": "hold", "enabled": false}])"));
    QCOMPARE(m_broker->deliveryPipeline().stageCount(), 0);
    QVERIFY(m_broker->deliveryPipeline().passesStraight());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<TrafficRuleList>().size(), 1);
}

void TestTrafficControl::holdKeepsOrderBehindTheHeldFrame() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    TestClient *c = client(u"c"_s);
    QVERIFY(a && b && c);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "hold-b", "match": {"room": "/r", "to": "b", "action": "message"},
             "effect": "hold"}])"));
    const qsizetype bBefore = b->frameCount();
    for (int i = 1; i <= 3; ++i) {
        a->send(u"b"_s, i);
        a->send(u"c"_s, i);
    }
    // c is not held up by b's held frames.
    QVERIFY(c->waitForFrames(c->frameCount() + 0) &&
            c->waitUntil([c] { return c->framesWithAction(u"message"_s).size() == 3; }));
    QTRY_COMPARE(heldFrames().size(), 1);
    const HeldFrame first = heldFrames().at(0);
    QCOMPARE(first.rule, u"hold-b"_s);
    QCOMPARE(first.room, u"/r"_s);
    QCOMPARE(first.receiverId, "b"_ba);
    QCOMPARE(first.senderId, "a"_ba);
    QCOMPARE(first.action, FrameAction::Message);
    QCOMPARE(QJsonDocument::fromJson(first.frame).object().value("message"_L1), QJsonValue(1));
    QCOMPARE(m_broker->deliveryPipeline().heldCount(), 1);
    QCOMPARE(m_broker->deliveryPipeline().waitingCount(), 2);
    QCOMPARE(b->frameCount(), bBefore);

    // Each release lets one go; the next is held in its turn, in the order sent.
    for (int i = 1; i <= 3; ++i) {
        QTRY_COMPARE(heldFrames().size(), i);
        m_broker->releaseHeld(heldFrames().at(i - 1).ticket);
        QVERIFY(b->waitUntil([b, i] { return b->framesWithAction(u"message"_s).size() == i; }));
        QCOMPARE(messageOf(b->framesWithAction(u"message"_s).at(i - 1)), QJsonValue(i));
    }
    QTRY_COMPARE(m_ended.size(), 3);
    QCOMPARE(m_ended.at(0).end, HeldFrame::End::Released);
    QVERIFY2(m_ended.at(0).intervention.startsWith(u"held "_s),
             qPrintable(m_ended.at(0).intervention));
    QVERIFY(m_ended.at(0).intervention.endsWith(u" by rule hold-b"_s));
    QTRY_COMPARE(messagesOutTo("b").size(), 3);
    QVERIFY(messagesOutTo("b").at(0).intervention.contains(u"by rule hold-b"_s));
    QVERIFY(messagesOutTo("c").at(0).intervention.isEmpty());
}

// Frames of an action no rule matches skip the pipeline, but not past a held frame.
void TestTrafficControl::framesNoRuleTouchesWaitBehindAHeldOne() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "hold-b", "match": {"to": "b", "action": "message"}, "effect": "hold"}])"));
    a->send(u"b"_s, 1);
    QTRY_COMPARE(heldFrames().size(), 1);
    const qsizetype before = b->frameCount();
    b->sendRegister(u"b"_s); // its "registered" waits behind the held message
    QTRY_COMPARE(m_broker->deliveryPipeline().waitingCount(), 1);
    QCOMPARE(b->frameCount(), before);
    m_broker->releaseHeld(heldFrames().at(0).ticket);
    QVERIFY(b->waitForFrames(before + 2));
    QCOMPARE(b->frame(before).value("action"_L1).toString(), u"message"_s);
    QCOMPARE(b->frame(before + 1).value("action"_L1).toString(), u"registered"_s);
    // Nothing held: such frames go straight again.
    b->sendRegister(u"b"_s);
    QVERIFY(b->waitForFrames(before + 3));
    QVERIFY(m_broker->deliveryPipeline().pendingCount() == 0);
}

void TestTrafficControl::editIntoInvalidJsonIsRefusedAndStaysHeld() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])"));
    a->send(u"b"_s, u"original"_s);
    QTRY_COMPARE(heldFrames().size(), 1);
    const quint64 ticket = heldFrames().at(0).ticket;
    QSignalSpy refused(m_broker.get(), &Broker::heldFrameRefused);
    m_broker->releaseHeld(ticket, "{\"action\":\"message\",");
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toULongLong(), ticket);
    QVERIFY(refused.at(0).at(1).toString().startsWith(u"not JSON"_s));
    m_broker->releaseHeld(ticket, "[1, 2]");
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.at(1).at(1).toString(), u"a frame must be a JSON object"_s);
    QCOMPARE(m_broker->deliveryPipeline().heldCount(), 1);
    QVERIFY(m_ended.isEmpty());
    // Still held: a later release delivers the original.
    QTest::qWait(100);
    QVERIFY(b->framesWithAction(u"message"_s).isEmpty());
    m_broker->releaseHeld(ticket);
    QVERIFY(b->waitUntil([b] { return !b->framesWithAction(u"message"_s).isEmpty(); }));
    QCOMPARE(messageOf(b->framesWithAction(u"message"_s).at(0)), QJsonValue(u"original"_s));
}

void TestTrafficControl::editedFrameIsDeliveredAndRecorded() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])"));
    a->send(u"b"_s, u"original"_s);
    QTRY_COMPARE(heldFrames().size(), 1);
    QTest::qWait(20);
    m_broker->releaseHeld(heldFrames().at(0).ticket,
                          R"({"action":"message","from":"a","message":"edited"})");
    QVERIFY(b->waitUntil([b] { return !b->framesWithAction(u"message"_s).isEmpty(); }));
    QCOMPARE(messageOf(b->framesWithAction(u"message"_s).at(0)), QJsonValue(u"edited"_s));
    QTRY_COMPARE(m_ended.size(), 1);
    QCOMPARE(m_ended.at(0).end, HeldFrame::End::Edited);
    QTRY_COMPARE(messagesOutTo("b").size(), 1);
    const BrokerEvent out = messagesOutTo("b").at(0);
    QVERIFY2(out.intervention.startsWith(u"held "_s) &&
                 out.intervention.endsWith(u" ms by rule hold-b; edited"_s),
             qPrintable(out.intervention));
    QVERIFY(!out.dropped);
    QVERIFY(out.data.contains("edited"));
}

void TestTrafficControl::droppedByTheUserIsRecorded() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    TestClient *c = client(u"c"_s);
    QVERIFY(a && b && c);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])"));
    a->send(u"b"_s, u"gone"_s);
    a->send(u"b"_s, u"kept"_s);
    QTRY_COMPARE(heldFrames().size(), 1);
    m_broker->dropHeld(heldFrames().at(0).ticket);
    // The next one is held in its turn; the dropped one never arrives.
    QTRY_COMPARE(heldFrames().size(), 2);
    QCOMPARE(QJsonDocument::fromJson(heldFrames().at(1).frame).object().value("message"_L1),
             QJsonValue(u"kept"_s));
    QCOMPARE(m_ended.at(0).end, HeldFrame::End::Dropped);
    QVERIFY(m_ended.at(0).intervention.endsWith(u"dropped by the user"_s));
    m_broker->releaseHeld(heldFrames().at(1).ticket);
    QVERIFY(b->waitUntil([b] { return !b->framesWithAction(u"message"_s).isEmpty(); }));
    QCOMPARE(b->framesWithAction(u"message"_s).size(), 1);
    QCOMPARE(messageOf(b->framesWithAction(u"message"_s).at(0)), QJsonValue(u"kept"_s));
    QTRY_COMPARE(messagesOutTo("b").size(), 2);
    QVERIFY(messagesOutTo("b").at(0).dropped);
    QVERIFY(messagesOutTo("b").at(0).intervention.contains(u"dropped by the user"_s));
    QCOMPARE(m_broker->counters().undelivered, 1u);
}

void TestTrafficControl::receiverLeavingDropsItsHeldFrames() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])"));
    for (int i = 0; i < 3; ++i)
        a->send(u"b"_s, i);
    QTRY_COMPARE(m_broker->deliveryPipeline().pendingCount(), 3);
    QTRY_COMPARE(heldFrames().size(), 1);
    b->close();
    QVERIFY(b->waitForDisconnected());
    QTRY_COMPARE(m_broker->connectionCount(), 1);
    QCOMPARE(m_broker->deliveryPipeline().pendingCount(), 0);
    QCOMPARE(m_broker->deliveryPipeline().heldCount(), 0);
    QCOMPARE(m_broker->deliveryPipeline().pendingBytes(2), 0);
    QCOMPARE(m_ended.size(), 1);
    QCOMPARE(m_ended.at(0).end, HeldFrame::End::Dropped);
    QCOMPARE(m_ended.at(0).intervention, u"dropped: the receiver left"_s);
    QTRY_COMPARE(messagesOutTo("b").size(), 3);
    for (const BrokerEvent &e : messagesOutTo("b")) {
        QVERIFY(e.dropped);
        QVERIFY(e.intervention.contains(u"the receiver left"_s));
    }
    QCOMPARE(m_broker->counters().undelivered, 3u);
    // The pipeline forgot the receiver: a new one with the same id is held afresh (its
    // "registered" too: the rule matches any frame to b).
    TestClient again;
    QUrl url = m_broker->url();
    url.setPath(u"/r"_s);
    QVERIFY(again.open(url));
    again.sendRegister(u"b"_s);
    QTRY_COMPARE(heldFrames().size(), 2);
    QCOMPARE(heldFrames().at(1).action, FrameAction::Registered);
}

void TestTrafficControl::disablingAHoldRuleReleases() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    TrafficRuleList rules =
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])");
    m_broker->setTrafficRules(rules);
    for (int i = 1; i <= 3; ++i)
        a->send(u"b"_s, i);
    QTRY_COMPARE(m_broker->deliveryPipeline().pendingCount(), 3);
    rules[0].enabled = false;
    m_broker->setTrafficRules(rules);
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == 3; }));
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(messageOf(b->framesWithAction(u"message"_s).at(i - 1)), QJsonValue(i));
    QVERIFY(m_broker->deliveryPipeline().passesStraight());
    QTRY_COMPARE(m_ended.size(), 1);
    QCOMPARE(m_ended.at(0).end, HeldFrame::End::Released);
}

void TestTrafficControl::releaseAllHeld() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    TestClient *c = client(u"c"_s);
    QVERIFY(a && b && c);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "all", "match": {"action": "message"}, "effect": "hold"}])"));
    a->send(u"b"_s, 1);
    a->send(u"c"_s, 2);
    QTRY_COMPARE(heldFrames().size(), 2);
    m_broker->releaseAllHeld();
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == 1; }));
    QVERIFY(c->waitUntil([c] { return c->framesWithAction(u"message"_s).size() == 1; }));
    QCOMPARE(m_ended.size(), 2);
}

void TestTrafficControl::stopDropsHeldFramesAndCountsThem() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])"));
    for (int i = 0; i < 4; ++i)
        a->send(u"b"_s, i);
    QTRY_COMPARE(m_broker->deliveryPipeline().pendingCount(), 4);
    QSignalSpy stopped(m_broker.get(), &Broker::stopped);
    m_broker->stop();
    QTRY_COMPARE(stopped.size(), 1);
    QCOMPARE(m_broker->deliveryPipeline().pendingCount(), 0);
    QCOMPARE(m_broker->counters().undelivered, 4u);
    QTRY_COMPARE(m_ended.size(), 1);
    QCOMPARE(m_ended.at(0).intervention, u"dropped: the broker stopped"_s);
    QTRY_COMPARE(messagesOutTo("b").size(), 4);
    for (const BrokerEvent &e : messagesOutTo("b")) {
        QVERIFY(e.dropped);
        QCOMPARE(e.intervention, u"dropped: the broker stopped"_s);
    }
}

void TestTrafficControl::maxHeldFrames() {
    BrokerSettings settings;
    settings.maxHeldFrames = 3;
    QVERIFY(startBroker(settings));
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    TestClient *c = client(u"c"_s);
    QVERIFY(a && b && c);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-bc", "match": {"action": "message"}, "effect": "hold"}])"));
    for (int i = 0; i < 4; ++i)
        a->send(u"b"_s, i);
    a->send(u"c"_s, 0); // a new hold past the bound: dropped too, saying which rule
    QTRY_COMPARE(messagesOutTo("b").size() + messagesOutTo("c").size(), 2);
    QCOMPARE(m_broker->deliveryPipeline().pendingCount(), 3);
    const BrokerEvent overB = messagesOutTo("b").at(0);
    QVERIFY(overB.dropped);
    QCOMPARE(overB.intervention, u"dropped: 3 frames held or waiting (limit 3)"_s);
    const BrokerEvent overC = messagesOutTo("c").at(0);
    QVERIFY(overC.dropped);
    QCOMPARE(overC.intervention,
             u"not held by rule hold-bc: dropped: 3 frames held or waiting (limit 3)"_s);
    QCOMPARE(m_broker->counters().undelivered, 2u);
}

void TestTrafficControl::heldBytesCountAgainstQueuedBytes() {
    BrokerSettings settings;
    settings.maxQueuedBytes = 2048;
    QVERIFY(startBroker(settings));
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "hold-b", "match": {"to": "b"}, "effect": "hold"}])"));
    const QString big(600, QLatin1Char('x'));
    for (int i = 0; i < 4; ++i)
        a->send(u"b"_s, big);
    QTRY_COMPARE(messagesOutTo("b").size(), 1);
    QCOMPARE(m_broker->deliveryPipeline().pendingCount(), 3);
    QVERIFY(messagesOutTo("b").at(0).dropped);
    QVERIFY2(messagesOutTo("b").at(0).intervention.contains(
                 u"bytes held or waiting for the receiver (limit 2048)"_s),
             qPrintable(messagesOutTo("b").at(0).intervention));
    QVERIFY(b->isConnected()); // dropped frames, not a cut-off receiver
}

void TestTrafficControl::answerLater() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "later", "match": {"action": "answer", "ack": "k1"}, "effect": "hold"},
            {"name": "never", "match": {"action": "answer", "ack": "k2"}, "effect": "drop"}])"));
    a->sendWithAck(u"b"_s, u"q1"_s, u"k1"_s);
    a->sendWithAck(u"b"_s, u"q2"_s, u"k2"_s);
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == 2; }));
    // k2 first: the held answer to k1 would keep the one to k2 waiting behind it.
    b->answer(u"k2"_s, u"a2"_s);
    b->answer(u"k1"_s, u"a1"_s);
    QTRY_COMPARE(heldFrames().size(), 1);
    QCOMPARE(heldFrames().at(0).ack, "k1"_ba);
    QCOMPARE(heldFrames().at(0).action, FrameAction::Answer);
    // The dropped answer is recorded; the held one waits until released.
    QTRY_VERIFY(anyEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Answer &&
               e.dropped && e.intervention == u"dropped by rule never"_s;
    }));

    QVERIFY(a->framesWithAction(u"answer"_s).isEmpty());
    m_broker->releaseHeld(heldFrames().at(0).ticket);
    QVERIFY(a->waitUntil([a] { return a->framesWithAction(u"answer"_s).size() == 1; }));
    QCOMPARE(messageOf(a->framesWithAction(u"answer"_s).at(0)), QJsonValue(u"a1"_s));
    QVERIFY(probe(b, a));
    QCOMPARE(a->framesWithAction(u"answer"_s).size(), 1);
}

void TestTrafficControl::delay() {
    TestClient *a = client(u"a"_s, u"/s"_s);
    TestClient *b = client(u"b"_s, u"/s"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "slow", "match": {"room": "/s", "from": "a"}, "effect": "delay", "ms": 300}])"));
    QElapsedTimer timer;
    timer.start();
    a->send(u"b"_s, 1);
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == 1; }));
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(messagesOutTo("b").size(), 1);
    const QString note = messagesOutTo("b").at(0).intervention;
    QVERIFY2(note.startsWith(u"delayed "_s) && note.endsWith(u" ms by rule slow"_s),
             qPrintable(note));
    // Frames from others are not delayed.
    timer.restart();
    QVERIFY(probe(b, a));
    QVERIFY(timer.elapsed() < 250);
}

void TestTrafficControl::delayKeepsOrderWithJitter() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "jitter", "match": {"to": "b"}, "effect": "delay", "ms": 100, "jitterMs": 100}])"));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i)
        a->send(u"b"_s, i);
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == 20; }));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(messageOf(b->framesWithAction(u"message"_s).at(i)), QJsonValue(i));
    // Each frame's delay counts from its arrival: a burst is not delayed 20 times over.
    QVERIFY2(timer.elapsed() >= 95 && timer.elapsed() < 1500,
             qPrintable(QString::number(timer.elapsed())));
}

void TestTrafficControl::removingADelayRuleReleases() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "long", "match": {"to": "b"}, "effect": "delay", "ms": 60000}])"));
    a->send(u"b"_s, 1);
    a->send(u"b"_s, 2);
    QTRY_COMPARE(m_broker->deliveryPipeline().pendingCount(), 2);
    QElapsedTimer timer;
    timer.start();
    m_broker->setTrafficRules({});
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == 2; }, 2000));
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(m_broker->deliveryPipeline().passesStraight());
    QVERIFY(m_ended.isEmpty()); // delays are not in the Held list
}

void TestTrafficControl::dropByRule() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "lose-b", "match": {"room": "/r", "to": "b", "action": "message"}, "effect": "drop"}])"));
    a->send(u"b"_s, 1);
    QVERIFY(probe(b, a)); // b -> a still passes
    QTRY_COMPARE(messagesOutTo("b").size(), 1);
    QVERIFY(messagesOutTo("b").at(0).dropped);
    QCOMPARE(messagesOutTo("b").at(0).intervention, u"dropped by rule lose-b"_s);
    QVERIFY(b->framesWithAction(u"message"_s).isEmpty());
    // Registered frames to b are not messages: they pass.
    b->sendRegister(u"b"_s);
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"registered"_s).size() == 2; }));
}

void TestTrafficControl::dropWithProbability() {
    TestClient *a = client(u"a"_s, u"/f"_s);
    TestClient *b = client(u"b"_s, u"/f"_s);
    TestClient *c = client(u"c"_s, u"/f"_s);
    QVERIFY(a && b && c);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "never", "match": {"room": "/f", "to": "c"}, "effect": "drop", "probability": 0},
            {"name": "flaky", "match": {"room": "/f", "to": "b"}, "effect": "drop", "probability": 0.5}])"));
    constexpr int N = 400;
    for (int i = 0; i < N; ++i) {
        a->send(u"b"_s, i);
        a->send(u"c"_s, i);
    }
    QVERIFY(c->waitUntil([c] { return c->framesWithAction(u"message"_s).size() == N; }));
    QTRY_COMPARE(messagesOutTo("b").size(), N);
    const qsizetype got = b->framesWithAction(u"message"_s).size();
    QVERIFY2(got > N / 4 && got < 3 * N / 4, qPrintable(QString::number(got)));
    int dropped = 0;
    for (const BrokerEvent &e : messagesOutTo("b"))
        dropped += e.dropped && e.intervention == u"dropped by rule flaky"_s;
    QCOMPARE(dropped, N - got);
}

void TestTrafficControl::matchByPathAndRegex() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "by-path", "match": {"path": "message.items[1].kind", "equals": "x"}, "effect": "drop"},
            {"name": "by-regex", "match": {"regex": "secret-\\d+"}, "effect": "drop"}])"));
    a->send(u"b"_s, QJsonObject{{u"items"_s, QJsonArray{QJsonObject{{u"kind"_s, u"x"_s}},
                                                        QJsonObject{{u"kind"_s, u"y"_s}}}}});
    a->send(u"b"_s, QJsonObject{{u"items"_s, QJsonArray{QJsonObject{{u"kind"_s, u"y"_s}},
                                                        QJsonObject{{u"kind"_s, u"x"_s}}}}});
    a->send(u"b"_s, u"secret-42"_s);
    a->send(u"b"_s, u"secret-x"_s);
    QVERIFY(probe(a, b));
    const QList<QJsonObject> got = b->framesWithAction(u"message"_s);
    QCOMPARE(got.size(), 3); // the first, the fourth and the probe
    QCOMPARE(messageOf(got.at(1)), QJsonValue(u"secret-x"_s));
    QTRY_COMPARE(messagesOutTo("b").size(), 5);
    QCOMPARE(messagesOutTo("b").at(1).intervention, u"dropped by rule by-path"_s);
    QCOMPARE(messagesOutTo("b").at(2).intervention, u"dropped by rule by-regex"_s);
}

void TestTrafficControl::duplicate() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "dup", "match": {"to": "b", "regex": "twice"}, "effect": "duplicate", "copies": 3}])"));
    a->send(u"b"_s, u"twice"_s);
    QVERIFY(probe(a, b));
    const QList<QJsonObject> got = b->framesWithAction(u"message"_s);
    QCOMPARE(got.size(), 4);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(messageOf(got.at(i)), QJsonValue(u"twice"_s));
    QTRY_COMPARE(messagesOutTo("b").size(), 4);
    int original = 0;
    for (int i = 0; i < 3; ++i)
        original += messagesOutTo("b").at(i).intervention == u"duplicated ×3 by rule dup"_s;
    QCOMPARE(original, 1);
}

void TestTrafficControl::closeAfterN() {
    TestClient *a = client(u"a"_s, u"/c"_s);
    TestClient *b = client(u"b"_s, u"/c"_s);
    QVERIFY(a && b);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "cut", "match": {"room": "/c", "to": "b"}, "effect": "close", "closeCode": 4001, "after": 3}])"));
    for (int i = 1; i <= 5; ++i)
        a->send(u"b"_s, i);
    QVERIFY(b->waitForDisconnected());
    QCOMPARE(int(b->closeCode()), 4001);
    QCOMPARE(b->framesWithAction(u"message"_s).size(), 3);
    QTRY_COMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ClosedByRule)], 1u);
    const BrokerSnapshot s = m_broker->snapshot();
    QCOMPARE(s.recentlyClosed.last().closeReason, CloseReason::ClosedByRule);
    QVERIFY2(s.recentlyClosed.last().closeDetail.contains(u"rule cut"_s),
             qPrintable(s.recentlyClosed.last().closeDetail));
    QVERIFY(a->isConnected());
}

void TestTrafficControl::throttleSlowsTheReceiver() {
    TestClient *a = client(u"a"_s);
    TestClient *b = client(u"b"_s);
    TestClient *c = client(u"c"_s);
    QVERIFY(a && b && c);
    m_broker->setTrafficRules(rulesOf(
        R"([{"name": "reader", "match": {"to": "b"}, "effect": "throttle", "bytesPerSecond": 20000}])"));
    const QString payload(1000, QLatin1Char('p'));
    constexpr int N = 20; // about 21 kB at 20 kB/s: a second
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < N; ++i) {
        a->send(u"b"_s, payload);
        a->send(u"c"_s, payload);
    }
    QVERIFY(c->waitUntil([c] { return c->framesWithAction(u"message"_s).size() == N; }));
    const qint64 unthrottled = timer.elapsed();
    QVERIFY(b->waitUntil([b] { return b->framesWithAction(u"message"_s).size() == N; }, 10000));
    const qint64 throttled = timer.elapsed();
    QVERIFY2(throttled >= 850 && unthrottled < 500,
             qPrintable(u"%1 ms throttled, %2 ms not"_s.arg(throttled).arg(unthrottled)));
    QTRY_COMPARE(messagesOutTo("b").size(), N);
    QVERIFY(messagesOutTo("b").last().intervention.contains(u"by rule reader"_s));
}

void TestTrafficControl::ignorePings() {
    TestClient *a = client(u"a"_s);
    QVERIFY(a);
    m_broker->setTrafficRules(
        rulesOf(R"([{"name": "deaf", "match": {"to": "b"}, "effect": "ignorePings"}])"));
    QWebSocket b;
    QSignalSpy pongs(&b, &QWebSocket::pong);
    QSignalSpy frames(&b, &QWebSocket::textMessageReceived);
    QUrl url = m_broker->url();
    url.setPath(u"/r"_s);
    b.open(url);
    QTRY_COMPARE(b.state(), QAbstractSocket::ConnectedState);
    b.ping("before");
    QTRY_COMPARE(pongs.size(), 1); // not muted before it is b
    b.sendTextMessage(uR"({"action":"register","id":"b"})"_s);
    QTRY_COMPARE(frames.size(), 1); // "registered" to b: the rule takes effect
    b.ping("after");
    QTest::qWait(300);
    QCOMPARE(pongs.size(), 1);
    // Others are still answered.
    QWebSocket other;
    QSignalSpy otherPongs(&other, &QWebSocket::pong);
    other.open(url);
    QTRY_COMPARE(other.state(), QAbstractSocket::ConnectedState);
    other.ping("x");
    QTRY_COMPARE(otherPongs.size(), 1);
    QTRY_VERIFY(anyEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.clientId == "b" &&
               e.intervention == u"pings no longer answered by rule deaf"_s;
    }));
    // The rule gone, b is answered again.
    m_broker->setTrafficRules({});
    b.ping("again");
    QTRY_COMPARE(pongs.size(), 2);
}

// The window's way: the broker in its own thread, rules and answers through queued calls,
// held frames and their ends through queued signals.
void TestTrafficControl::acrossThreads() {
    m_broker.reset();
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    QThread thread;
    auto *broker = new Broker(settings);
    broker->moveToThread(&thread);
    connect(&thread, &QThread::finished, broker, &QObject::deleteLater);
    const auto stopThread = qScopeGuard([&] {
        thread.quit();
        thread.wait();
    });
    QUrl url;
    QList<HeldFrame> held;
    QList<HeldFrame::End> ends;
    QList<TrafficRuleList> applied;
    QStringList refusals;
    QObject receiver; // dies first, taking queued calls to the locals with it
    connect(broker, &Broker::started, &receiver, [&](const QUrl &u) { url = u; });
    connect(broker, &Broker::frameHeld, &receiver, [&](const HeldFrame &f) { held.append(f); });
    connect(broker, &Broker::heldFrameEnded, &receiver,
            [&](quint64, HeldFrame::End end, const QString &) { ends.append(end); });
    connect(broker, &Broker::trafficRulesChanged, &receiver,
            [&](const TrafficRuleList &rules) { applied.append(rules); });
    connect(broker, &Broker::heldFrameRefused, &receiver,
            [&](quint64, const QString &error) { refusals.append(error); });
    thread.start();
    QMetaObject::invokeMethod(broker, &Broker::start, Qt::QueuedConnection);
    QTRY_VERIFY(!url.isEmpty());
    const TrafficRuleList rules = rulesOf(
        R"([{"name": "hold-b", "match": {"to": "b", "action": "message"}, "effect": "hold"}])");
    QMetaObject::invokeMethod(broker, "setTrafficRules", Qt::QueuedConnection,
                              Q_ARG(TrafficRuleList, rules));
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).at(0).name, u"hold-b"_s);

    TestClient a, b;
    url.setPath(u"/r"_s);
    QVERIFY(a.open(url) && a.registerAs(u"a"_s));
    QVERIFY(b.open(url) && b.registerAs(u"b"_s));
    a.send(u"b"_s, u"x"_s);
    QTRY_COMPARE(held.size(), 1);
    QMetaObject::invokeMethod(broker, "releaseHeld", Qt::QueuedConnection,
                              Q_ARG(quint64, held.at(0).ticket), Q_ARG(QByteArray, "nope"));
    QTRY_COMPARE(refusals.size(), 1);
    QMetaObject::invokeMethod(broker, "releaseHeld", Qt::QueuedConnection,
                              Q_ARG(quint64, held.at(0).ticket),
                              Q_ARG(QByteArray, R"({"action":"message","message":"y"})"));
    QVERIFY(b.waitUntil([&b] { return !b.framesWithAction(u"message"_s).isEmpty(); }));
    QCOMPARE(messageOf(b.framesWithAction(u"message"_s).at(0)), QJsonValue(u"y"_s));
    QTRY_COMPARE(ends, QList<HeldFrame::End>{HeldFrame::End::Edited});
}

WSMSGBROKER_TEST_MAIN(TestTrafficControl)

#include "tst_trafficcontrol.moc"

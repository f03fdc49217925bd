// In-process integration tests of the broker: real QWebSocket clients against a Broker on an
// ephemeral loopback port. Silent cases (frames that must NOT arrive) are proven with a probe
// message sent afterwards: the broker handles one connection's frames in order and each
// receiver's frames arrive in order, so once the probe is in, nothing earlier is still coming.

#include "broker.h"
#include "brokertestformatting.h"
#include "dispatchertestmain.h"
#include "rawwebsocket.h"
#include "testclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <map>
#include <memory>
#include <set>
#include <vector>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(BrokerSettings::DuplicateIdPolicy)

namespace {

QString compact(const QJsonObject &frame) {
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

// A JSON text on its own as a QJsonValue; Undefined when it is not valid JSON.
QJsonValue jsonValueOf(const QByteArray &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().at(0);
}

// Whether a frame holds "name":value with exactly these bytes for the value.
bool holdsMemberBytes(const QByteArray &frame, const QByteArray &name, const QByteArray &value) {
    const QByteArray member = '"' + name + "\":" + value;
    for (qsizetype at = frame.indexOf(member); at >= 0; at = frame.indexOf(member, at + 1)) {
        const qsizetype end = at + member.size();
        if (end < frame.size() && (frame.at(end) == ',' || frame.at(end) == '}'))
            return true;
    }
    return false;
}

QStringList keysOf(const QJsonObject &frame) {
    QStringList keys = frame.keys();
    keys.sort();
    return keys;
}

bool isAction(const QJsonObject &frame, QStringView action) {
    return frame.value("action"_L1).toString() == action;
}

} // namespace

class TestBroker : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // Starting
    void startsOnAFreeLoopbackPort();
    void startFailsOnABusyPort();

    // register / unregister
    void registerIsAnswered();
    void registerAnyId_data();
    void registerAnyId();
    void registerSameIdAgain();
    void reRegisterRenames();
    void unregisterReleasesTheId();
    void unregisterWhenNotRegisteredIsIgnored();
    void unregisterIgnoresTheIdMember();

    // send
    void sendToAString();
    void sendToAnArray();
    void sendDeliversEachDistinctIdOnce();
    void sendToUnknownIdsIsSilentButCounted();
    void messageFramesHaveTheOriginalShape();
    void messageValuesArriveUnchanged_data();
    void messageValuesArriveUnchanged();

    // rooms
    void roomsAreIsolated();
    void emptyPathAndSlashAreOneRoom();
    void queryStringIsNotPartOfTheRoom();
    void roomsExistWhileConnectionsAreIn();
    void acksAreIsolatedByRoom();

    // acks
    void answerReachesTheAsker();
    void answerWithoutMessage();
    void firstAnswerWins();
    void simultaneousAnswersDeliverOne();
    void answersFromNonRecipientsAreIgnored();
    void answerToUnknownAckIsDropped();
    void answerAfterExpiryIsDropped();
    void pendingAcksBoundedPerConnection();
    void pendingAcksBoundedPerBroker();
    void askerLeavingForgetsItsAcks();
    void recipientLeavingLeavesTheOthers();
    void sendWithAckToNobodyRemembersNothing();
    void reusedAckReplacesTheOlderAsk();

    // ids
    void duplicateIdTakeover();
    void duplicateIdReject();
    void closeReleasesTheId_data();
    void closeReleasesTheId();

    // errors
    void malformedRequests_data();
    void malformedRequests();
    void binaryFramesAreRefused();
    void rateLimit();
    void messageTooBigCloses1009();
    void invalidUtf8Closes1007();
    void tooManyConnectionsCloses1008();
    void slowConsumerIsCutOffWith1008();
    void slowConsumerAloneInItsRoom();
    void accessToken();

    // delivery promise
    void orderPerSenderAndReceiver();
    void manyClientsManyMessages();

    // observation API
    void eventsArriveInBatches();
    void eventsDescribeFrames();
    void largeFramesAreRecordedWhole();
    void recordedFrameCapCutsLongerFrames();
    void unknownIdOutcomes();
    void droppedAnswerOutcome();
    void frameInComesBeforeTheFramesItCaused();
    void connectionAndRoomEvents();
    void snapshotsReportConnections();

    // threads and stopping
    void brokerInItsOwnThread();
    void disconnectClientFromTheInspector();
    void pingTimeoutClosesSilentPeers();
    void stopClosesEveryClientWith1001();
    void stopCutsPeersThatDoNotClose();
    void stopWithoutClients();

private:
    bool startBroker(BrokerSettings settings);
    QUrl roomUrl(const QString &path, const QString &query = {}) const;
    TestClient *connectClient(const QString &path = u"/"_s, const QString &query = {});
    TestClient *registeredClient(const QString &id, const QString &path = u"/"_s);
    QStringList receivedBeforeProbe(TestClient *from, TestClient *to, qsizetype since);
    void observeEvents();
    BrokerEventList events() const;
    qsizetype indexOfEvent(const std::function<bool(const BrokerEvent &)> &matches,
                           qsizetype from = 0) const;

    std::unique_ptr<Broker> m_broker;
    std::vector<std::unique_ptr<TestClient>> m_clients;
    QList<BrokerEventList> m_batches;
    int m_probes = 0;
};

// ---------------------------------------------------------------------------------------------
// Fixture

void TestBroker::init() {
    QVERIFY(startBroker(BrokerSettings()));
}

void TestBroker::cleanup() {
    m_clients.clear();
    m_broker.reset();
    m_batches.clear();
}

bool TestBroker::startBroker(BrokerSettings settings) {
    m_clients.clear();
    m_broker.reset();
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    return m_broker->start();
}

QUrl TestBroker::roomUrl(const QString &path, const QString &query) const {
    QUrl url = m_broker->url();
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

TestClient *TestBroker::connectClient(const QString &path, const QString &query) {
    auto client = std::make_unique<TestClient>();
    if (!client->open(roomUrl(path, query)))
        return nullptr;
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

TestClient *TestBroker::registeredClient(const QString &id, const QString &path) {
    TestClient *client = connectClient(path);
    return client && client->registerAs(id) ? client : nullptr;
}

// Sends a probe message from `from` to `to` and waits for it; returns, as compact JSON, what
// `to` received from index `since` up to the probe. `from`'s earlier frames were handled
// before the probe, so this is everything they caused at `to`.
QStringList TestBroker::receivedBeforeProbe(TestClient *from, TestClient *to, qsizetype since) {
    const int probe = ++m_probes;
    from->send(to->id(), QJsonObject{{u"probe"_s, probe}});
    const qsizetype at = to->waitForFrame(
        [probe](const QJsonObject &f) {
            return isAction(f, u"message") &&
                   f.value("message"_L1).toObject().value("probe"_L1) == probe;
        },
        since);
    if (at < 0)
        return {u"<the probe did not arrive>"_s};
    QStringList out;
    for (qsizetype i = since; i < at; ++i)
        out.append(compact(to->frame(i)));
    return out;
}

void TestBroker::observeEvents() {
    connect(m_broker.get(), &Broker::eventsReady, this,
            [this](const BrokerEventList &batch) { m_batches.append(batch); });
}

BrokerEventList TestBroker::events() const {
    BrokerEventList all;
    for (const BrokerEventList &batch : m_batches)
        all += batch;
    return all;
}

qsizetype TestBroker::indexOfEvent(const std::function<bool(const BrokerEvent &)> &matches,
                                   qsizetype from) const {
    const BrokerEventList all = events();
    for (qsizetype i = from; i < all.size(); ++i) {
        if (matches(all.at(i)))
            return i;
    }
    return -1;
}

// ---------------------------------------------------------------------------------------------
// Starting

void TestBroker::startsOnAFreeLoopbackPort() {
    QVERIFY(m_broker->isListening());
    const QUrl url = m_broker->url();
    QCOMPARE(url.scheme(), u"ws"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);
    QCOMPARE(url.path(), u"/"_s);
    QVERIFY(m_broker->errorString().isEmpty());
    TestClient *a = connectClient();
    QVERIFY(a);
    QTRY_COMPARE(m_broker->connectionCount(), 1);
}

void TestBroker::startFailsOnABusyPort() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = quint16(m_broker->url().port());
    Broker second(settings);
    QSignalSpy failed(&second, &Broker::startFailed);
    QSignalSpy started(&second, &Broker::started);
    QVERIFY(!second.start());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(started.size(), 0);
    QVERIFY(!second.isListening());
    QVERIFY2(second.errorString().contains(u"127.0.0.1:%1"_s.arg(settings.port)),
             qPrintable(second.errorString()));
    QCOMPARE(failed.at(0).at(0).toString(), second.errorString());
}

// ---------------------------------------------------------------------------------------------
// register / unregister

void TestBroker::registerIsAnswered() {
    TestClient *a = connectClient();
    QVERIFY(a);
    a->sendText(R"({"action":"register","id":"client1"})");
    QVERIFY(a->waitForFrames(1));
    QCOMPARE(a->rawFrames().at(0), QByteArray(R"({"action":"registered","id":"client1"})"));
    QCOMPARE(m_broker->counters().framesIn, 1u);
    QCOMPARE(m_broker->counters().framesOut, 1u);
}

void TestBroker::registerAnyId_data() {
    QTest::addColumn<QString>("id");
    QTest::newRow("ascii") << u"client1"_s;
    QTest::newRow("BMP") << u"é€中"_s;
    QTest::newRow("astral") << u"😀𝄞"_s;
    QTest::newRow("escaped NUL inside") << u"a"_s + QChar(0) + u"b"_s;
    QTest::newRow("control characters") << u"\t\n\x01"_s;
    QTest::newRow("quotes and backslashes") << u"\"'\\/"_s;
    QTest::newRow("spaces") << u"  "_s;
    QTest::newRow("longest allowed") << QString(256, u'x');
}

// Any non-empty string is an id; it comes back unchanged in "registered" and in "from".
void TestBroker::registerAnyId() {
    QFETCH(QString, id);
    TestClient *a = registeredClient(id);
    QVERIFY(a);
    QCOMPARE(a->lastFrame().value("id"_L1).toString(), id);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    b->send(id, u"hello"_s);
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1).value("message"_L1).toString(), u"hello"_s);
    a->send(u"b"_s, 1);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(b->frame(1).value("from"_L1).toString(), id);
    QCOMPARE(a->parseFailures(), 0);
    QCOMPARE(b->parseFailures(), 0);
}

void TestBroker::registerSameIdAgain() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    QVERIFY(a->registerAs(u"a"_s));
    QCOMPARE(a->frameCount(), 2);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    b->send(u"a"_s, 7);
    QVERIFY(a->waitForFrames(3));
    QCOMPARE(a->frame(2).value("message"_L1).toInt(), 7);
}

// A second register renames: the old id is free for others at once and the renamed
// connection gets no "unregistered" for it. Reject policy, so that nothing is taken over.
void TestBroker::reRegisterRenames() {
    BrokerSettings settings;
    settings.duplicateIds = BrokerSettings::DuplicateIdPolicy::Reject;
    QVERIFY(startBroker(settings));
    TestClient *a = registeredClient(u"x"_s);
    QVERIFY(a);
    QVERIFY(a->registerAs(u"y"_s));
    TestClient *b = registeredClient(u"x"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    c->send(u"x"_s, u"to x"_s);
    c->send(u"y"_s, u"to y"_s);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(b->frame(1).value("message"_L1).toString(), u"to x"_s);
    QVERIFY(a->waitForFrames(3));
    QCOMPARE(a->frame(2).value("message"_L1).toString(), u"to y"_s);
    QCOMPARE(a->framesWithAction(u"unregistered"_s).size(), 0);
    QCOMPARE(a->framesWithAction(u"registered"_s).size(), 2);
    QCOMPARE(b->framesWithAction(u"error"_s).size(), 0);
}

void TestBroker::unregisterReleasesTheId() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendUnregister();
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->rawFrames().at(1), QByteArray(R"({"action":"unregistered","id":"a"})"));
    QVERIFY(a->isConnected());

    // Nobody holds "a" now: a send to it is skipped, silently.
    const qsizetype mark = b->frameCount();
    b->send(u"a"_s, 1);
    QCOMPARE(receivedBeforeProbe(b, b, mark), QStringList());
    QCOMPARE(m_broker->counters().skippedUnknownId, 1u);
    QCOMPARE(a->frameCount(), 2);

    // Unregistered, a may not send, but may register again.
    a->send(u"b"_s, 1);
    QVERIFY(a->waitForFrames(3));
    QCOMPARE(a->frame(2).value("code"_L1).toString(), u"not-registered"_s);
    QVERIFY(a->registerAs(u"a"_s));
    b->send(u"a"_s, 2);
    QVERIFY(a->waitForFrames(5));
    QCOMPARE(a->frame(4).value("message"_L1).toInt(), 2);
}

void TestBroker::unregisterWhenNotRegisteredIsIgnored() {
    TestClient *a = connectClient();
    QVERIFY(a);
    a->sendUnregister();
    a->sendText(R"({"action":"unregister","id":"whatever"})");
    QVERIFY(a->registerAs(u"a"_s));
    QCOMPARE(a->frameCount(), 1); // nothing came before "registered"
    a->sendUnregister();
    a->sendUnregister(); // the second one finds it unregistered
    QVERIFY(a->registerAs(u"a"_s));
    QCOMPARE(a->frameCount(), 3);
    QCOMPARE(a->frame(1).value("action"_L1).toString(), u"unregistered"_s);
    QCOMPARE(m_broker->counters().errorsSent, 0u);
}

// The original client sends its own id with unregister; the broker releases the id of the
// connection, whatever the member says.
void TestBroker::unregisterIgnoresTheIdMember() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendText(R"({"action":"unregister","id":"b"})");
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1), (QJsonObject{{u"action"_s, u"unregistered"_s}, {u"id"_s, u"a"_s}}));
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    c->send(u"b"_s, u"still here"_s);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(b->frame(1).value("message"_L1).toString(), u"still here"_s);
    QCOMPARE(b->frameCount(), 2);
}

// ---------------------------------------------------------------------------------------------
// send

void TestBroker::sendToAString() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->send(u"b"_s, u"Hi there"_s);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(b->frame(1),
             (QJsonObject{
                 {u"action"_s, u"message"_s}, {u"message"_s, u"Hi there"_s}, {u"from"_s, u"a"_s}}));
    QCOMPARE(receivedBeforeProbe(a, a, 1), QStringList()); // no reply to the sender
    QCOMPARE(m_broker->counters().delivered, 2u);          // the message and the probe
}

void TestBroker::sendToAnArray() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->send(QJsonArray{u"b"_s, u"c"_s}, QJsonObject{{u"n"_s, 1}});
    for (TestClient *r : {b, c}) {
        QVERIFY(r->waitForFrames(2));
        QCOMPARE(r->frame(1).value("message"_L1), QJsonValue(QJsonObject{{u"n"_s, 1}}));
        QCOMPARE(r->frame(1).value("from"_L1).toString(), u"a"_s);
    }
    QCOMPARE(receivedBeforeProbe(a, a, 1), QStringList());
}

void TestBroker::sendDeliversEachDistinctIdOnce() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->send(QJsonArray{u"b"_s, u"c"_s, u"b"_s, u"b"_s, u"c"_s, u"a"_s, u"a"_s}, 1);
    for (TestClient *r : {b, c}) {
        const QStringList got = receivedBeforeProbe(a, r, 1);
        QCOMPARE(got.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(got.at(0).toUtf8()).object().value("message"_L1), 1);
    }
    QCOMPARE(receivedBeforeProbe(a, a, 1).size(), 1);
    QCOMPARE(m_broker->counters().delivered, 6u); // three messages and three probes

    // Many duplicates (the broker looks them up differently past 16 entries).
    QJsonArray many;
    for (int i = 0; i < 40; ++i)
        many.append(i % 2 ? u"b"_s : u"c"_s);
    const qsizetype bMark = b->frameCount();
    const qsizetype cMark = c->frameCount();
    a->send(many, 2);
    QCOMPARE(receivedBeforeProbe(a, b, bMark).size(), 1);
    QCOMPARE(receivedBeforeProbe(a, c, cMark).size(), 1);
}

void TestBroker::sendToUnknownIdsIsSilentButCounted() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->send(QJsonArray{u"b"_s, u"nobody"_s, u"ghost"_s, u"nobody"_s}, u"hi"_s);
    a->send(u"ghost"_s, u"hi"_s);
    a->send(QJsonArray{}, u"to no one"_s);
    QCOMPARE(receivedBeforeProbe(a, a, 1), QStringList());
    QCOMPARE(receivedBeforeProbe(a, b, 1).size(), 1);
    QCOMPARE(m_broker->counters().skippedUnknownId, 3u);
    QCOMPARE(m_broker->counters().errorsSent, 0u);
}

// The exact bytes of the original's frames (shared/protocol.md).
void TestBroker::messageFramesHaveTheOriginalShape() {
    TestClient *sender = registeredClient(u"client0"_s);
    QVERIFY(sender);
    TestClient *receiver = registeredClient(u"client1"_s);
    QVERIFY(receiver);
    sender->sendText(R"({"action":"send","dest":"client1","message":{"complex":"thing"}})");
    sender->sendText(R"({"action":"send","dest":"client1","message":"Hi there","ack":"x7Gq2"})");
    QVERIFY(receiver->waitForFrames(3));
    QCOMPARE(receiver->rawFrames().at(1),
             QByteArray(R"({"action":"message","message":{"complex":"thing"},"from":"client0"})"));
    QCOMPARE(
        receiver->rawFrames().at(2),
        QByteArray(R"({"action":"message","message":"Hi there","ack":"x7Gq2","from":"client0"})"));
    receiver->sendText(R"({"action":"answer","ack":"x7Gq2","message":"Hi to you too, sir."})");
    QVERIFY(sender->waitForFrames(2));
    QCOMPARE(
        sender->rawFrames().at(1),
        QByteArray(
            R"({"action":"answer","ack":"x7Gq2","from":"client1","message":"Hi to you too, sir."})"));
}

void TestBroker::messageValuesArriveUnchanged_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("object") << QByteArray(R"({"complex":"thing","n":1})");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("array") << QByteArray(R"([1,"two",[3],{"4":null}])");
    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("string") << QByteArray(R"("Hi there")");
    QTest::newRow("empty string") << QByteArray(R"("")");
    QTest::newRow("escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t\u0000\u001f")");
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")");
    QTest::newRow("escaped Unicode") << QByteArray(R"("\u00e9\u20AC\ud83d\ude00")");
    QTest::newRow("raw Unicode") << QByteArray(R"("é€中😀𝄞")");
    QTest::newRow("lone surrogate escape") << QByteArray(R"("\ud800")");
    QTest::newRow("integer") << QByteArray("42");
    QTest::newRow("negative zero") << QByteArray("-0");
    QTest::newRow("fraction") << QByteArray("3.14159");
    QTest::newRow("exponent") << QByteArray("-1.5E+300");
    QTest::newRow("big integer") << QByteArray("12345678901234567890");
    QTest::newRow("true") << QByteArray("true");
    QTest::newRow("false") << QByteArray("false");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("nested") << QByteArray(
        R"({"a":[{"b":[[{"c":{"d":[null,true,false,0,-1.25,"e",{}]}}]]}],"f":{"g":[[[]]]}})");
    QTest::newRow("whitespace inside") << QByteArray("{ \"a\" :\t[ 1 ,\n2 ] ,\r\n\"b\" : { } }");
    QTest::newRow("protocol words inside")
        << QByteArray(R"({"action":"register","id":"x","dest":"y","ack":"z","from":"w"})");
    QTest::newRow("large") << QByteArray("\"" + QByteArray(200000, 'x') + "\"");
}

// A message value arrives deep-equal and byte for byte as sent, in "message" and in "answer".
void TestBroker::messageValuesArriveUnchanged() {
    QFETCH(QByteArray, value);
    const QJsonValue expected = jsonValueOf(value);
    QVERIFY(!expected.isUndefined());
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendText(R"({"action":"send","dest":"b","message":)" + value + "}");
    a->sendText(R"({"action":"send","dest":["b"],"ack":"k","message":)" + value + "}");
    QVERIFY(b->waitForFrames(3));
    for (qsizetype i : {1, 2}) {
        QCOMPARE(b->frame(i).value("message"_L1), expected);
        QVERIFY(holdsMemberBytes(b->rawFrames().at(i), "message", value));
    }
    QCOMPARE(b->parseFailures(), 0);
    b->sendText(R"({"action":"answer","ack":"k","message":)" + value + "}");
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1).value("message"_L1), expected);
    QVERIFY(holdsMemberBytes(a->rawFrames().at(1), "message", value));
}

// ---------------------------------------------------------------------------------------------
// Rooms

// Same ids in two rooms, with the reject policy: no conflict, and no traffic across.
void TestBroker::roomsAreIsolated() {
    BrokerSettings settings;
    settings.duplicateIds = BrokerSettings::DuplicateIdPolicy::Reject;
    QVERIFY(startBroker(settings));
    TestClient *fooA = registeredClient(u"a"_s, u"/foo"_s);
    QVERIFY(fooA);
    TestClient *fooB = registeredClient(u"b"_s, u"/foo"_s);
    QVERIFY(fooB);
    TestClient *barA = registeredClient(u"a"_s, u"/bar"_s);
    QVERIFY(barA);
    TestClient *barC = registeredClient(u"c"_s, u"/bar"_s);
    QVERIFY(barC);
    QCOMPARE(m_broker->roomCount(), 2);

    fooB->send(u"a"_s, u"in foo"_s);
    barC->send(QJsonArray{u"a"_s, u"b"_s}, u"in bar"_s);
    QCOMPARE(receivedBeforeProbe(fooB, fooA, 1).size(), 1);
    QCOMPARE(fooA->frame(1).value("message"_L1).toString(), u"in foo"_s);
    QCOMPARE(receivedBeforeProbe(barC, barA, 1).size(), 1);
    QCOMPARE(barA->frame(1).value("message"_L1).toString(), u"in bar"_s);
    QCOMPARE(receivedBeforeProbe(fooA, fooB, 1), QStringList()); // "b" of /bar's send
    QCOMPARE(m_broker->counters().skippedUnknownId, 1u);
}

void TestBroker::emptyPathAndSlashAreOneRoom() {
    TestClient *a = connectClient(QString());
    QVERIFY(a);
    QVERIFY(a->registerAs(u"a"_s));
    TestClient *b = registeredClient(u"b"_s, u"/"_s);
    QVERIFY(b);
    QCOMPARE(m_broker->roomCount(), 1);
    a->send(u"b"_s, 1);
    b->send(u"a"_s, 2);
    QVERIFY(b->waitForFrames(2));
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(m_broker->snapshot().connections.at(0).room, u"/"_s);
}

void TestBroker::queryStringIsNotPartOfTheRoom() {
    TestClient *a = connectClient(u"/foo"_s, u"token=abc"_s);
    QVERIFY(a);
    QVERIFY(a->registerAs(u"a"_s));
    TestClient *b = connectClient(u"/foo"_s, u"x=1&y=2"_s);
    QVERIFY(b);
    QVERIFY(b->registerAs(u"b"_s));
    TestClient *c = registeredClient(u"c"_s, u"/foo"_s);
    QVERIFY(c);
    QCOMPARE(m_broker->roomCount(), 1);
    c->send(QJsonArray{u"a"_s, u"b"_s}, 1);
    QVERIFY(a->waitForFrames(2));
    QVERIFY(b->waitForFrames(2));
    for (const ConnectionInfo &info : m_broker->snapshot().connections)
        QCOMPARE(info.room, u"/foo"_s);
}

void TestBroker::roomsExistWhileConnectionsAreIn() {
    QCOMPARE(m_broker->roomCount(), 0);
    TestClient *a = connectClient(u"/one"_s);
    QVERIFY(a);
    TestClient *b = connectClient(u"/two"_s);
    QVERIFY(b);
    TestClient *c = connectClient(u"/two"_s);
    QVERIFY(c);
    QTRY_COMPARE(m_broker->roomCount(), 2);
    b->close();
    QVERIFY(b->waitForDisconnected());
    QTRY_COMPARE(m_broker->connectionCount(), 2);
    QCOMPARE(m_broker->roomCount(), 2); // c is still in /two, unregistered
    c->close();
    a->close();
    QTRY_COMPARE(m_broker->connectionCount(), 0);
    QCOMPARE(m_broker->roomCount(), 0);
}

// The same ack in two rooms: each answer reaches the asker of its own room.
void TestBroker::acksAreIsolatedByRoom() {
    TestClient *fooA = registeredClient(u"a"_s, u"/foo"_s);
    QVERIFY(fooA);
    TestClient *fooB = registeredClient(u"b"_s, u"/foo"_s);
    QVERIFY(fooB);
    TestClient *barA = registeredClient(u"a"_s, u"/bar"_s);
    QVERIFY(barA);
    TestClient *barB = registeredClient(u"b"_s, u"/bar"_s);
    QVERIFY(barB);
    fooA->sendWithAck(u"b"_s, u"foo?"_s, u"same"_s);
    barA->sendWithAck(u"b"_s, u"bar?"_s, u"same"_s);
    QVERIFY(fooB->waitForFrames(2));
    QVERIFY(barB->waitForFrames(2));
    QCOMPARE(m_broker->pendingAckCount(), 2);
    barB->answer(u"same"_s, u"bar!"_s);
    QVERIFY(barA->waitForFrames(2));
    QCOMPARE(barA->frame(1).value("message"_L1).toString(), u"bar!"_s);
    QCOMPARE(receivedBeforeProbe(fooB, fooA, 1), QStringList());
    fooB->answer(u"same"_s, u"foo!"_s);
    QVERIFY(fooA->waitForFrames(3));
    QCOMPARE(fooA->frame(2).value("message"_L1).toString(), u"foo!"_s);
    QCOMPARE(m_broker->pendingAckCount(), 0);
}

// ---------------------------------------------------------------------------------------------
// Acks

void TestBroker::answerReachesTheAsker() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendWithAck(u"b"_s, u"question"_s, u"k1"_s);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(b->frame(1), (QJsonObject{{u"action"_s, u"message"_s},
                                       {u"message"_s, u"question"_s},
                                       {u"ack"_s, u"k1"_s},
                                       {u"from"_s, u"a"_s}}));
    QCOMPARE(m_broker->pendingAckCount(), 1);
    b->answer(u"k1"_s, QJsonObject{{u"reply"_s, true}});
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1), (QJsonObject{{u"action"_s, u"answer"_s},
                                       {u"ack"_s, u"k1"_s},
                                       {u"from"_s, u"b"_s},
                                       {u"message"_s, QJsonObject{{u"reply"_s, true}}}}));
    QCOMPARE(m_broker->pendingAckCount(), 0);
    QCOMPARE(m_broker->counters().answersForwarded, 1u);
    QCOMPARE(m_broker->counters().droppedAnswers, 0u);
}

void TestBroker::answerWithoutMessage() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendWithAck(u"b"_s, 1, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    b->sendText(R"({"action":"answer","ack":"k"})");
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->rawFrames().at(1), QByteArray(R"({"action":"answer","ack":"k","from":"b"})"));
}

void TestBroker::firstAnswerWins() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->sendWithAck(QJsonArray{u"b"_s, u"c"_s}, u"who is fastest?"_s, u"race"_s);
    QVERIFY(b->waitForFrames(2));
    QVERIFY(c->waitForFrames(2));
    c->answer(u"race"_s, u"c was"_s);
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1).value("from"_L1).toString(), u"c"_s);
    b->answer(u"race"_s, u"b was"_s);
    c->answer(u"race"_s, u"c again"_s);
    QCOMPARE(receivedBeforeProbe(b, a, 2), QStringList());
    QCOMPARE(receivedBeforeProbe(c, a, a->frameCount()), QStringList());
    QCOMPARE(m_broker->counters().answersForwarded, 1u);
    QCOMPARE(m_broker->counters().droppedAnswers, 2u);
    // No error to the late answerers either.
    QCOMPARE(b->framesWithAction(u"error"_s).size(), 0);
    QCOMPARE(c->framesWithAction(u"error"_s).size(), 0);
}

// Both recipients answer without waiting: exactly one answer reaches the asker.
void TestBroker::simultaneousAnswersDeliverOne() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    QList<TestClient *> recipients;
    QJsonArray dest;
    for (int i = 0; i < 5; ++i) {
        TestClient *r = registeredClient(u"r%1"_s.arg(i));
        QVERIFY(r);
        recipients.append(r);
        dest.append(r->id());
    }
    for (int round = 0; round < 5; ++round) {
        const QString ack = u"round%1"_s.arg(round);
        const qsizetype mark = a->frameCount();
        a->sendWithAck(dest, round, ack);
        for (TestClient *r : std::as_const(recipients)) {
            QVERIFY(r->waitForFrames(2 + round));
            r->answer(ack, r->id());
        }
        // Once every recipient's probe is in, every answer that is coming has come.
        for (TestClient *r : std::as_const(recipients))
            QVERIFY(!receivedBeforeProbe(r, a, a->frameCount())
                         .contains(u"<the probe did not arrive>"_s));
        QStringList answers;
        for (qsizetype i = mark; i < a->frameCount(); ++i) {
            if (isAction(a->frame(i), u"answer"))
                answers.append(compact(a->frame(i)));
        }
        QCOMPARE(answers.size(), 1);
        QVERIFY(answers.at(0).contains(ack));
    }
    QCOMPARE(m_broker->counters().answersForwarded, 5u);
    QCOMPARE(m_broker->counters().droppedAnswers, 20u);
    QCOMPARE(m_broker->pendingAckCount(), 0);
}

void TestBroker::answersFromNonRecipientsAreIgnored() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->sendWithAck(u"b"_s, u"only b may answer"_s, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    c->answer(u"k"_s, u"c butts in"_s);
    a->answer(u"k"_s, u"a answers itself"_s);
    QCOMPARE(receivedBeforeProbe(c, a, 1), QStringList());
    QCOMPARE(receivedBeforeProbe(a, a, a->frameCount()), QStringList());
    QCOMPARE(m_broker->pendingAckCount(), 1);
    QCOMPARE(m_broker->counters().droppedAnswers, 2u);
    // The ack is still answerable by its recipient.
    b->answer(u"k"_s, u"b answers"_s);
    const qsizetype at =
        a->waitForFrame([](const QJsonObject &f) { return isAction(f, u"answer"); });
    QVERIFY(at >= 0);
    QCOMPARE(a->frame(at).value("from"_L1).toString(), u"b"_s);
    QCOMPARE(a->frame(at).value("message"_L1).toString(), u"b answers"_s);
    QCOMPARE(a->framesWithAction(u"answer"_s).size(), 1);
    QCOMPARE(c->framesWithAction(u"error"_s).size(), 0);
}

void TestBroker::answerToUnknownAckIsDropped() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    b->answer(u"never asked"_s, 1);
    QCOMPARE(receivedBeforeProbe(b, b, 1), QStringList()); // no error to the answerer
    QCOMPARE(receivedBeforeProbe(b, a, 1), QStringList());
    QCOMPARE(m_broker->counters().droppedAnswers, 1u);
}

void TestBroker::answerAfterExpiryIsDropped() {
    BrokerSettings settings;
    settings.ackTtlMs = 200;
    QVERIFY(startBroker(settings));
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendWithAck(u"b"_s, u"quick!"_s, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(m_broker->pendingAckCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_broker->counters().acksExpired, 1u, 3000);
    QCOMPARE(m_broker->pendingAckCount(), 0);
    b->answer(u"k"_s, u"too late"_s);
    QCOMPARE(receivedBeforeProbe(b, a, 1), QStringList());
    QCOMPARE(m_broker->counters().droppedAnswers, 1u);

    // A fresh ask answered in time still works.
    a->sendWithAck(u"b"_s, u"again"_s, u"k2"_s);
    QVERIFY(b->waitForFrames(3));
    b->answer(u"k2"_s, u"in time"_s);
    QVERIFY(a->waitForFrame([](const QJsonObject &f) { return isAction(f, u"answer"); }) >= 0);
}

void TestBroker::pendingAcksBoundedPerConnection() {
    BrokerSettings settings;
    settings.maxPendingAcksPerConnection = 3;
    QVERIFY(startBroker(settings));
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    c->sendWithAck(u"b"_s, 0, u"c1"_s); // another asker's ack is not affected
    for (int i = 1; i <= 4; ++i)
        a->sendWithAck(u"b"_s, i, u"k%1"_s.arg(i));
    QVERIFY(b->waitForFrames(6));
    QCOMPARE(m_broker->counters().acksEvicted, 1u);
    QCOMPARE(m_broker->pendingAckCount(), 4);

    b->answer(u"k1"_s, 1); // evicted: dropped
    QCOMPARE(receivedBeforeProbe(b, a, 1), QStringList());
    for (int i = 2; i <= 4; ++i)
        b->answer(u"k%1"_s.arg(i), i);
    b->answer(u"c1"_s, 0);
    QVERIFY(a->waitForFrames(2 + 3));
    for (int i = 2; i <= 4; ++i)
        QCOMPARE(a->frame(i).value("ack"_L1).toString(), u"k%1"_s.arg(i));
    QVERIFY(c->waitForFrames(2));
    QCOMPARE(c->frame(1).value("ack"_L1).toString(), u"c1"_s);
    QCOMPARE(m_broker->pendingAckCount(), 0);
}

void TestBroker::pendingAcksBoundedPerBroker() {
    BrokerSettings settings;
    settings.maxPendingAcks = 2;
    QVERIFY(startBroker(settings));
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->sendWithAck(u"b"_s, 1, u"first"_s);
    QVERIFY(b->waitForFrames(2));
    c->sendWithAck(u"b"_s, 2, u"second"_s);
    QVERIFY(b->waitForFrames(3));
    a->sendWithAck(u"b"_s, 3, u"third"_s);
    QVERIFY(b->waitForFrames(4));
    QCOMPARE(m_broker->pendingAckCount(), 2);
    QCOMPARE(m_broker->counters().acksEvicted, 1u);
    b->answer(u"first"_s, 1);
    QCOMPARE(receivedBeforeProbe(b, a, 1), QStringList());
    b->answer(u"second"_s, 2);
    QVERIFY(c->waitForFrames(2));
}

void TestBroker::askerLeavingForgetsItsAcks() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->sendWithAck(u"b"_s, 1, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(m_broker->pendingAckCount(), 1);
    a->close();
    QVERIFY(a->waitForDisconnected());
    QTRY_COMPARE(m_broker->pendingAckCount(), 0);

    // A newcomer under the asker's id does not get the answer meant for the one that left.
    TestClient *a2 = registeredClient(u"a"_s);
    QVERIFY(a2);
    b->answer(u"k"_s, u"late"_s);
    QCOMPARE(receivedBeforeProbe(b, a2, 1), QStringList());
    QCOMPARE(m_broker->counters().droppedAnswers, 1u);
}

void TestBroker::recipientLeavingLeavesTheOthers() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->sendWithAck(QJsonArray{u"b"_s, u"c"_s}, 1, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    QVERIFY(c->waitForFrames(2));
    b->close();
    QVERIFY(b->waitForDisconnected());
    QTRY_COMPARE(m_broker->connectionCount(), 2);
    QCOMPARE(m_broker->pendingAckCount(), 1);
    c->answer(u"k"_s, u"from c"_s);
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1).value("from"_L1).toString(), u"c"_s);
}

void TestBroker::sendWithAckToNobodyRemembersNothing() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    a->sendWithAck(u"ghost"_s, 1, u"k"_s);
    a->sendWithAck(QJsonArray{}, 1, u"k2"_s);
    QCOMPARE(receivedBeforeProbe(a, a, 1), QStringList());
    QCOMPARE(m_broker->pendingAckCount(), 0);
}

// As in the original, an ack is one key: asking again with the same ack replaces the older
// ask, whose recipients can then no longer answer.
void TestBroker::reusedAckReplacesTheOlderAsk() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->sendWithAck(u"b"_s, 1, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    a->sendWithAck(u"c"_s, 2, u"k"_s);
    QVERIFY(c->waitForFrames(2));
    QCOMPARE(m_broker->pendingAckCount(), 1);
    b->answer(u"k"_s, u"from b"_s);
    QCOMPARE(receivedBeforeProbe(b, a, 1), QStringList());
    c->answer(u"k"_s, u"from c"_s);
    QVERIFY(a->waitForFrames(3));
    QCOMPARE(a->frame(2).value("from"_L1).toString(), u"c"_s);
}

// ---------------------------------------------------------------------------------------------
// Ids

void TestBroker::duplicateIdTakeover() {
    TestClient *first = registeredClient(u"x"_s);
    QVERIFY(first);
    TestClient *second = registeredClient(u"x"_s);
    QVERIFY(second);
    QVERIFY(first->waitForFrames(2));
    QCOMPARE(first->rawFrames().at(1), QByteArray(R"({"action":"unregistered","id":"x"})"));
    QVERIFY(first->isConnected());
    QCOMPARE(second->frameCount(), 1);

    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    c->send(u"x"_s, u"for the new holder"_s);
    QVERIFY(second->waitForFrames(2));
    QCOMPARE(second->frame(1).value("message"_L1).toString(), u"for the new holder"_s);

    // The previous holder is unregistered but connected: it may register anew.
    first->send(u"c"_s, 1);
    QVERIFY(first->waitForFrames(3));
    QCOMPARE(first->frame(2).value("code"_L1).toString(), u"not-registered"_s);
    QVERIFY(first->registerAs(u"y"_s));
    QCOMPARE(receivedBeforeProbe(c, first, first->frameCount()), QStringList());
    QCOMPARE(first->framesWithAction(u"message"_s).size(), 1); // only the probe
}

void TestBroker::duplicateIdReject() {
    BrokerSettings settings;
    settings.duplicateIds = BrokerSettings::DuplicateIdPolicy::Reject;
    QVERIFY(startBroker(settings));
    TestClient *first = registeredClient(u"x"_s);
    QVERIFY(first);
    TestClient *second = connectClient();
    QVERIFY(second);
    second->sendRegister(u"x"_s);
    QVERIFY(second->waitForFrames(1));
    const QJsonObject error = second->frame(0);
    QCOMPARE(keysOf(error), (QStringList{u"action"_s, u"code"_s, u"reason"_s}));
    QCOMPARE(error.value("action"_L1).toString(), u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), u"id-taken"_s);
    QVERIFY(error.value("reason"_L1).toString().contains(u"x"_s));
    QVERIFY(second->isConnected());

    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    c->send(u"x"_s, u"for the holder"_s);
    QCOMPARE(receivedBeforeProbe(c, first, 1).size(), 1);
    QCOMPARE(first->frame(1).value("message"_L1).toString(), u"for the holder"_s);
    QCOMPARE(first->framesWithAction(u"unregistered"_s).size(), 0);

    // The refused connection is not registered, and may take another id.
    second->send(u"c"_s, 1);
    QVERIFY(second->waitForFrames(2));
    QCOMPARE(second->frame(1).value("code"_L1).toString(), u"not-registered"_s);
    QVERIFY(second->registerAs(u"z"_s));

    // A registered connection asking for a taken id keeps its own.
    c->sendRegister(u"x"_s);
    QVERIFY(c->waitForFrame([](const QJsonObject &f) { return isAction(f, u"error"); }) >= 0);
    second->send(u"c"_s, u"still c"_s);
    QVERIFY(c->waitForFrame([](const QJsonObject &f) {
        return f.value("message"_L1).toString() == u"still c"_s;
    }) >= 0);
}

void TestBroker::closeReleasesTheId_data() {
    QTest::addColumn<BrokerSettings::DuplicateIdPolicy>("policy");
    QTest::addColumn<bool>("abort");
    QTest::newRow("takeover, close") << BrokerSettings::DuplicateIdPolicy::TakeOver << false;
    QTest::newRow("reject, close") << BrokerSettings::DuplicateIdPolicy::Reject << false;
    QTest::newRow("reject, dropped connection")
        << BrokerSettings::DuplicateIdPolicy::Reject << true;
}

void TestBroker::closeReleasesTheId() {
    QFETCH(BrokerSettings::DuplicateIdPolicy, policy);
    QFETCH(bool, abort);
    BrokerSettings settings;
    settings.duplicateIds = policy;
    QVERIFY(startBroker(settings));
    TestClient *first = registeredClient(u"x"_s);
    QVERIFY(first);
    if (abort) {
        first->abort();
        QTRY_COMPARE(m_broker->connectionCount(), 0);
    } else {
        first->close();
        QVERIFY(first->waitForDisconnected());
    }
    TestClient *second = connectClient();
    QVERIFY(second);
    QVERIFY(second->registerAs(u"x"_s));
    QCOMPARE(second->frameCount(), 1);
    QCOMPARE(m_broker->counters().errorsSent, 0u);
}

// ---------------------------------------------------------------------------------------------
// Errors

void TestBroker::malformedRequests_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("registered");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<QString>("ack"); // echoed; null: no ack member

    const auto row = [](const char *name, const QByteArray &frame, bool registered,
                        const QString &code, const QString &reasonPart,
                        const QString &ack = QString()) {
        QTest::newRow(name) << frame << registered << code << reasonPart << ack;
    };
    const QString json = u"invalid-json"_s;
    const QString field = u"invalid-field"_s;
    row("unterminated string", R"({"action":"send)", true, json, u"offset 10"_s);
    row("empty frame", "", true, json, u"empty"_s);
    row("trailing garbage", R"({"action":"unregister"} x)", true, json, u"offset 24"_s);
    row("unregistered sender, invalid json", "{", false, json, u"offset 1"_s);
    row("not an object: array", "[1,2]", true, u"not-an-object"_s, u"object"_s);
    row("not an object: string", R"("send")", true, u"not-an-object"_s, u"object"_s);
    row("unknown action", R"({"action":"bogus"})", true, u"unknown-action"_s, u"bogus"_s);
    row("unknown action with ack", R"({"action":"bogus","ack":"k1"})", true, u"unknown-action"_s,
        u"bogus"_s, u"k1"_s);
    row("broker action sent by a client", R"({"action":"message","message":1})", true,
        u"unknown-action"_s, u"message"_s);
    row("action missing", R"({"id":"x"})", false, field, u"\"action\""_s);
    row("action not a string", R"({"action":1})", true, field, u"\"action\""_s);
    row("register without id", R"({"action":"register"})", false, field, u"\"id\""_s);
    row("register with a number id", R"({"action":"register","id":5})", false, field, u"\"id\""_s);
    row("register with an empty id", R"({"action":"register","id":""})", true, field, u"\"id\""_s);
    row("register with an id too long",
        R"({"action":"register","id":")" + QByteArray(257, 'x') + "\"}", true, field, u"\"id\""_s);
    row("send without dest", R"({"action":"send","message":1})", true, field, u"\"dest\""_s);
    row("send without dest, with ack", R"({"action":"send","message":1,"ack":"k2"})", true, field,
        u"\"dest\""_s, u"k2"_s);
    row("send with a number dest", R"({"action":"send","dest":1,"message":1})", true, field,
        u"\"dest\""_s);
    row("send with a number in dest", R"({"action":"send","dest":["b",1],"message":1})", true,
        field, u"\"dest\""_s);
    row("send without message", R"({"action":"send","dest":"b"})", true, field, u"\"message\""_s);
    row("send with a number ack", R"({"action":"send","dest":"b","message":1,"ack":1})", true,
        field, u"\"ack\""_s);
    row("answer without ack", R"({"action":"answer","message":1})", true, field, u"\"ack\""_s);
    QByteArray many = R"({"action":"send","message":1,"ack":"k3","dest":[)";
    for (int i = 0; i <= 1000; ++i)
        many += (i ? ",\"" : "\"") + QByteArray::number(i) + '"';
    row("too many destinations", many + "]}", true, u"too-many-destinations"_s, u"1000"_s, u"k3"_s);
    row("send before register", R"({"action":"send","dest":"b","message":1})", false,
        u"not-registered"_s, u"register"_s);
    row("send before register, with ack", R"({"action":"send","dest":"b","message":1,"ack":"k4"})",
        false, u"not-registered"_s, u"register"_s, u"k4"_s);
    row("answer before register", R"({"action":"answer","ack":"k5","message":1})", false,
        u"not-registered"_s, u"register"_s, u"k5"_s);
}

// A malformed request gets one error reply; the connection stays open and others see nothing.
void TestBroker::malformedRequests() {
    QFETCH(QByteArray, frame);
    QFETCH(bool, registered);
    QFETCH(QString, code);
    QFETCH(QString, reasonPart);
    QFETCH(QString, ack);

    TestClient *bystander = registeredClient(u"b"_s);
    QVERIFY(bystander);
    TestClient *a = connectClient();
    QVERIFY(a);
    if (registered)
        QVERIFY(a->registerAs(u"a"_s));
    const qsizetype mark = a->frameCount();
    a->sendText(frame);
    QVERIFY(a->waitForFrames(mark + 1));
    const QJsonObject error = a->frame(mark);
    QStringList keys{u"action"_s, u"code"_s, u"reason"_s};
    if (!ack.isNull())
        keys.append(u"ack"_s);
    keys.sort();
    QCOMPARE(keysOf(error), keys);
    QCOMPARE(error.value("action"_L1).toString(), u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), code);
    const QString reason = error.value("reason"_L1).toString();
    QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
    if (!ack.isNull())
        QCOMPARE(error.value("ack"_L1).toString(), ack);
    QCOMPARE(m_broker->counters().errorsSent, 1u);

    // Still open: the client can (still) register and talk; the bystander got nothing else.
    QVERIFY(a->isConnected());
    if (!registered)
        QVERIFY(a->registerAs(u"a"_s));
    QCOMPARE(receivedBeforeProbe(a, bystander, 1), QStringList());
    QCOMPARE(receivedBeforeProbe(a, a, a->frameCount()), QStringList());
    QCOMPARE(m_broker->counters().errorsSent, 1u);
}

void TestBroker::binaryFramesAreRefused() {
    TestClient *bystander = registeredClient(u"b"_s);
    QVERIFY(bystander);
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    a->sendBinary(R"({"action":"send","dest":"b","message":1})");
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1).value("action"_L1).toString(), u"error"_s);
    QCOMPARE(a->frame(1).value("code"_L1).toString(), u"binary-not-supported"_s);
    QVERIFY(a->isConnected());
    QCOMPARE(a->binaryFrames(), 0);
    QCOMPARE(receivedBeforeProbe(a, bystander, 1), QStringList());
}

void TestBroker::rateLimit() {
    BrokerSettings settings;
    settings.rateLimitPerSecond = 5;
    QVERIFY(startBroker(settings));
    TestClient *a = connectClient();
    QVERIFY(a);
    // Silent frames: whatever comes back is the limit at work.
    for (int i = 0; i < 10; ++i)
        a->sendUnregister();
    QVERIFY(a->waitForFrames(5));
    for (const QJsonObject &f : a->frames())
        QCOMPARE(f.value("code"_L1).toString(), u"rate-limited"_s);
    QVERIFY(a->isConnected());
    QCOMPARE(m_broker->counters().errorsSent, 5u);
}

void TestBroker::messageTooBigCloses1009() {
    BrokerSettings settings;
    settings.maxMessageBytes = 1024;
    QVERIFY(startBroker(settings));
    TestClient *bystander = registeredClient(u"b"_s);
    QVERIFY(bystander);
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    a->sendText(R"({"action":"send","dest":"b","message":")" + QByteArray(2000, 'x') + "\"}");
    QVERIFY(a->waitForDisconnected());
    QCOMPARE(a->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QTRY_COMPARE(m_broker->counters().closesByReason[size_t(CloseReason::MessageTooBig)], 1u);
    QCOMPARE(bystander->frameCount(), 1);
    QVERIFY(bystander->isConnected());
}

void TestBroker::invalidUtf8Closes1007() {
    RawWebSocket raw;
    QCOMPARE(raw.open(roomUrl(u"/raw"_s)), 101);
    raw.sendText("{\"action\":\"register\",\"id\":\"\xC3\x28\"}");
    QCOMPARE(raw.waitForCloseCode(), int(QWebSocketProtocol::CloseCodeWrongDatatype));
    raw.close();
    QTRY_COMPARE(m_broker->counters().closesByReason[size_t(CloseReason::InvalidUtf8)], 1u);
    QCOMPARE(m_broker->counters().framesIn, 0u);
}

void TestBroker::tooManyConnectionsCloses1008() {
    BrokerSettings settings;
    settings.maxConnections = 2;
    QVERIFY(startBroker(settings));
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient refused;
    refused.open(roomUrl(u"/"_s)); // the handshake may or may not finish before the close
    QVERIFY(refused.waitForDisconnected());
    QCOMPARE(refused.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QTRY_COMPARE(m_broker->counters().closesByReason[size_t(CloseReason::TooManyConnections)], 1u);
    QTRY_COMPARE(m_broker->connectionCount(), 2);
    a->send(u"b"_s, 1);
    QVERIFY(b->waitForFrames(2));
}

// A receiver that reads nothing while a sender keeps sending is cut off once the data queued
// for it passes the bound; what it did not get is counted, and the sender goes on.
void TestBroker::slowConsumerIsCutOffWith1008() {
    BrokerSettings settings;
    settings.maxQueuedBytes = 4 * 1024 * 1024;
    QVERIFY(startBroker(settings));
    RawWebSocket stuck;
    QCOMPARE(stuck.open(roomUrl(u"/"_s)), 101);
    stuck.sendText(R"({"action":"register","id":"stuck"})");
    stuck.pauseReading();
    TestClient *sender = registeredClient(u"sender"_s);
    QVERIFY(sender);
    TestClient *other = registeredClient(u"other"_s);
    QVERIFY(other);
    QTRY_COMPARE(m_broker->snapshot().connections.value(0).clientId, QByteArray("stuck"));
    const QString big(256 * 1024, u'x');
    for (int i = 0; i < 160; ++i) // 40 MB, far past kernel buffers and the bound
        sender->send(u"stuck"_s, big);
    sender->send(u"other"_s, u"after"_s);
    QVERIFY(other->waitForFrames(2, 20000));
    QCOMPARE(other->frame(1).value("message"_L1).toString(), u"after"_s);
    // Cut off at once (it goes for good when the grace period for the close frame ends).
    const ConnectionInfo cut = m_broker->snapshot().connections.value(0);
    QCOMPARE(cut.clientId, QByteArray("stuck"));
    QCOMPARE(cut.closeReason, CloseReason::SlowConsumer);
    const BrokerCounters counters = m_broker->counters();
    QVERIFY(counters.undelivered > 0);
    QVERIFY(counters.delivered < 160 + 1);
    QVERIFY(sender->isConnected());
    QCOMPARE(sender->frameCount(), 1); // no error for the sender
    // Behind what was queued before the cut comes the close frame.
    stuck.resumeReading();
    QCOMPARE(stuck.waitForCloseCode(), int(QWebSocketProtocol::CloseCodePolicyViolated));
}

// The bound applies to the sender itself too; when it is alone in its room, cutting it off
// removes the room while its own send is still being routed.
void TestBroker::slowConsumerAloneInItsRoom() {
    BrokerSettings settings;
    settings.maxQueuedBytes = 1024;
    QVERIFY(startBroker(settings));
    TestClient *solo = registeredClient(u"solo"_s, u"/solo"_s);
    QVERIFY(solo);
    solo->sendText(R"({"action":"send","dest":["solo","nobody","solo"],"ack":"k","message":")" +
                   QByteArray(4096, 'x') + "\"}");
    QVERIFY(solo->waitForDisconnected());
    QCOMPARE(solo->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QTRY_COMPARE(m_broker->connectionCount(), 0);
    QCOMPARE(m_broker->roomCount(), 0);
    QCOMPARE(m_broker->pendingAckCount(), 0);
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::SlowConsumer)], 1u);
    QVERIFY(m_broker->counters().undelivered >= 1); // "nobody", never looked up
    // The broker is fine: the room comes back.
    TestClient *again = registeredClient(u"solo"_s, u"/solo"_s);
    QVERIFY(again);
    QCOMPARE(m_broker->roomCount(), 1);
}

void TestBroker::accessToken() {
    BrokerSettings settings;
    settings.token = u"s3cret"_s;
    QVERIFY(startBroker(settings));
    for (const QString &query : {QString(), u"token=wrong"_s, u"other=s3cret"_s}) {
        auto refused = std::make_unique<TestClient>();
        refused->open(roomUrl(u"/room"_s, query));
        QVERIFY(refused->waitForDisconnected());
        QCOMPARE(refused->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }
    QTRY_COMPARE(m_broker->counters().closesByReason[size_t(CloseReason::TokenRefused)], 3u);
    TestClient *a = connectClient(u"/room"_s, u"token=s3cret"_s);
    QVERIFY(a);
    QVERIFY(a->registerAs(u"a"_s));
    TestClient *b = connectClient(u"/room"_s, u"token=s3cret&x=1"_s);
    QVERIFY(b);
    QVERIFY(b->registerAs(u"b"_s));
    a->send(u"b"_s, 1);
    QVERIFY(b->waitForFrames(2));
    QCOMPARE(m_broker->snapshot().connections.at(0).room, u"/room"_s);
}

// ---------------------------------------------------------------------------------------------
// Delivery promise

// Two senders, 1,000 messages each, to one receiver: each sender's messages arrive in order.
void TestBroker::orderPerSenderAndReceiver() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    constexpr int Count = 1000;
    for (int i = 0; i < Count; ++i) {
        a->send(u"b"_s, i);
        c->send(QJsonArray{u"b"_s}, i);
    }
    QTRY_COMPARE_WITH_TIMEOUT(b->frameCount(), qsizetype(1 + 2 * Count), 20000);
    std::map<QString, int> next;
    for (qsizetype i = 1; i < b->frameCount(); ++i) {
        const QJsonObject f = b->frame(i);
        const QString from = f.value("from"_L1).toString();
        QCOMPARE(f.value("message"_L1).toInt(-1), next[from]);
        ++next[from];
    }
    QCOMPARE(next[u"a"_s], Count);
    QCOMPARE(next[u"c"_s], Count);
}

// 50 clients send 200 messages each, spread over all the others: every message arrives
// exactly once, and in order per sender and receiver.
void TestBroker::manyClientsManyMessages() {
    constexpr int Clients = 50;
    constexpr int Messages = 200;
    QList<TestClient *> clients;
    for (int i = 0; i < Clients; ++i) {
        TestClient *c = connectClient();
        QVERIFY(c);
        c->sendRegister(u"c%1"_s.arg(i));
        clients.append(c);
    }
    for (TestClient *c : std::as_const(clients))
        QVERIFY(c->waitForFrames(1));
    const auto receiverOf = [](int sender, int seq) {
        return (sender + 1 + seq % (Clients - 1)) % Clients;
    };
    for (int seq = 0; seq < Messages; ++seq) {
        for (int s = 0; s < Clients; ++s) {
            clients[s]->send(u"c%1"_s.arg(receiverOf(s, seq)),
                             QJsonObject{{u"s"_s, s}, {u"seq"_s, seq}});
        }
    }
    const auto received = [&] {
        qsizetype n = 0;
        for (TestClient *c : std::as_const(clients))
            n += c->frameCount() - 1;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(received(), qsizetype(Clients * Messages), 30000);

    for (int r = 0; r < Clients; ++r) {
        TestClient *c = clients[r];
        QCOMPARE(c->parseFailures(), 0);
        std::set<std::pair<int, int>> seen;
        std::map<int, int> lastSeq;
        for (qsizetype i = 1; i < c->frameCount(); ++i) {
            const QJsonObject f = c->frame(i);
            QCOMPARE(f.value("action"_L1).toString(), u"message"_s);
            const QJsonObject m = f.value("message"_L1).toObject();
            const int s = m.value("s"_L1).toInt(-1);
            const int seq = m.value("seq"_L1).toInt(-1);
            QCOMPARE(f.value("from"_L1).toString(), u"c%1"_s.arg(s));
            QCOMPARE(receiverOf(s, seq), r);
            QVERIFY2(seen.insert({s, seq}).second, "a message arrived twice");
            auto last = lastSeq.find(s);
            QVERIFY2(last == lastSeq.end() || last->second < seq, "out of order");
            lastSeq[s] = seq;
        }
        // Each receiver gets exactly its share: every sender's messages addressed to it.
        qsizetype expected = 0;
        for (int s = 0; s < Clients; ++s) {
            for (int seq = 0; seq < Messages; ++seq)
                expected += receiverOf(s, seq) == r;
        }
        QCOMPARE(qsizetype(seen.size()), expected);
    }
    QCOMPARE(m_broker->counters().delivered, quint64(Clients * Messages));
    QCOMPARE(m_broker->counters().skippedUnknownId, 0u);
}

// ---------------------------------------------------------------------------------------------
// Observation API

void TestBroker::eventsArriveInBatches() {
    observeEvents();
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 20; ++i)
        a->send(u"b"_s, i);
    QVERIFY(b->waitForFrames(21));
    const auto countOut = [this] {
        qsizetype n = 0;
        for (const BrokerEvent &e : events())
            n += e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Message;
        return n;
    };
    QTRY_COMPARE(countOut(), 20);
    qsizetype total = 0;
    for (const BrokerEventList &batch : std::as_const(m_batches)) {
        QVERIFY(!batch.isEmpty());
        total += batch.size();
        for (qsizetype i = 1; i < batch.size(); ++i)
            QVERIFY(batch.at(i - 1).timeMs <= batch.at(i).timeMs);
    }
    // 20 sends make at least 40 frame events, handed out in a few batches.
    QVERIFY(total >= 40);
    QVERIFY2(m_batches.size() < total / 4,
             qPrintable(u"%1 batches for %2 events"_s.arg(m_batches.size()).arg(total)));
    const BrokerEventList all = events();
    const qsizetype firstSend = indexOfEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send;
    });
    QVERIFY(firstSend >= 0);
    QVERIFY(all.at(firstSend).timeMs >= before - 1);
    QVERIFY(all.at(firstSend).timeMs <= QDateTime::currentMSecsSinceEpoch());
}

// Each frame in and out, with room, connection, client, direction, action, outcome, bytes.
void TestBroker::eventsDescribeFrames() {
    observeEvents();
    TestClient *a = connectClient(u"/obs"_s);
    QVERIFY(a);
    const QByteArray registerFrame = R"({"action":"register","id":"a"})";
    a->sendText(registerFrame);
    QVERIFY(a->waitForFrames(1));
    TestClient *b = registeredClient(u"b"_s, u"/obs"_s);
    QVERIFY(b);
    const QByteArray sendFrame = R"({"action":"send","dest":"b","message":{"x":1},"ack":"q"})";
    a->sendText(sendFrame);
    QVERIFY(b->waitForFrames(2));
    b->answer(u"q"_s, u"yes"_s);
    QVERIFY(a->waitForFrames(2));
    a->sendText("nonsense");
    QVERIFY(a->waitForFrames(3));
    TestClient *idle = connectClient(u"/obs"_s);
    QVERIFY(idle);
    idle->sendUnregister();
    QVERIFY(idle->registerAs(u"idle"_s));

    const auto find = [this](BrokerEvent::Kind kind, FrameAction action, const char *client) {
        return indexOfEvent([=](const BrokerEvent &e) {
            return e.kind == kind && e.action == action && e.clientId == client;
        });
    };
    QTRY_VERIFY(find(BrokerEvent::Kind::FrameOut, FrameAction::Registered, "idle") >= 0);
    const BrokerEventList all = events();

    const BrokerEvent regIn = all.at(find(BrokerEvent::Kind::FrameIn, FrameAction::Register, "a"));
    QCOMPARE(regIn.room, u"/obs"_s);
    QCOMPARE(regIn.outcome, BrokerEvent::Outcome::Done);
    QCOMPARE(regIn.data, registerFrame);
    QCOMPARE(regIn.size, qint64(registerFrame.size()));
    QVERIFY(!regIn.binary);
    const quint64 aConnection = regIn.connectionId;
    QVERIFY(aConnection > 0);

    const BrokerEvent regOut =
        all.at(find(BrokerEvent::Kind::FrameOut, FrameAction::Registered, "a"));
    QCOMPARE(regOut.connectionId, aConnection);
    QCOMPARE(regOut.outcome, BrokerEvent::Outcome::Done);
    QCOMPARE(regOut.data, a->rawFrames().at(0));
    QVERIFY(indexOfEvent([](const BrokerEvent &e) {
                return e.kind == BrokerEvent::Kind::ClientRegistered && e.clientId == "a";
            }) >= 0);

    const BrokerEvent sendIn = all.at(find(BrokerEvent::Kind::FrameIn, FrameAction::Send, "a"));
    QCOMPARE(sendIn.connectionId, aConnection);
    QCOMPARE(sendIn.room, u"/obs"_s);
    QCOMPARE(sendIn.outcome, BrokerEvent::Outcome::Done);
    QCOMPARE(sendIn.ack, QByteArray("q"));
    QCOMPARE(sendIn.data, sendFrame);
    QVERIFY(!sendIn.isProblem());

    const BrokerEvent messageOut =
        all.at(find(BrokerEvent::Kind::FrameOut, FrameAction::Message, "b"));
    QVERIFY(messageOut.connectionId != aConnection);
    QCOMPARE(messageOut.room, u"/obs"_s);
    QCOMPARE(messageOut.ack, QByteArray("q"));
    QCOMPARE(messageOut.data, b->rawFrames().at(1));
    QCOMPARE(messageOut.size, qint64(b->rawFrames().at(1).size()));

    const BrokerEvent answerIn = all.at(find(BrokerEvent::Kind::FrameIn, FrameAction::Answer, "b"));
    QCOMPARE(answerIn.outcome, BrokerEvent::Outcome::Done);
    QCOMPARE(answerIn.ack, QByteArray("q"));
    const BrokerEvent answerOut =
        all.at(find(BrokerEvent::Kind::FrameOut, FrameAction::Answer, "a"));
    QCOMPARE(answerOut.connectionId, aConnection);
    QCOMPARE(answerOut.data, a->rawFrames().at(1));

    const BrokerEvent badIn = all.at(find(BrokerEvent::Kind::FrameIn, FrameAction::None, "a"));
    QCOMPARE(badIn.outcome, BrokerEvent::Outcome::Rejected);
    QVERIFY(badIn.detail.contains(u"invalid-json"_s));
    QCOMPARE(badIn.data, QByteArray("nonsense"));
    QVERIFY(badIn.isProblem());
    const BrokerEvent errorOut = all.at(find(BrokerEvent::Kind::FrameOut, FrameAction::Error, "a"));
    QCOMPARE(errorOut.data, a->rawFrames().at(2));
    QVERIFY(errorOut.isProblem());

    const BrokerEvent ignored = all.at(indexOfEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Unregister;
    }));
    QCOMPARE(ignored.outcome, BrokerEvent::Outcome::Ignored);
    QVERIFY(ignored.clientId.isEmpty());
}

// A frame near the message size limit is recorded whole, in and out; what goes to several
// receivers is one buffer, shared by the broker's write and every event (a reference count).
void TestBroker::largeFramesAreRecordedWhole() {
    observeEvents();
    TestClient *a = registeredClient(u"a"_s, u"/big"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s, u"/big"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s, u"/big"_s);
    QVERIFY(c);
    const QByteArray text(BrokerSettings().maxMessageBytes - 100, 'x');
    const QByteArray sendFrame = R"({"action":"send","dest":["b","c"],"message":")" + text + "\"}";
    QVERIFY(sendFrame.size() <= BrokerSettings().maxMessageBytes);
    a->sendText(sendFrame);
    QVERIFY(b->waitForFrames(2));
    QVERIFY(c->waitForFrames(2));
    const auto isMessageOut = [](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Message;
    };
    QTRY_VERIFY(indexOfEvent(isMessageOut, indexOfEvent(isMessageOut) + 1) >= 0);
    const BrokerEventList all = events();
    const BrokerEvent in = all.at(indexOfEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send;
    }));
    QCOMPARE(in.size, qint64(sendFrame.size()));
    QCOMPARE(in.data, sendFrame);
    const BrokerEvent toB = all.at(indexOfEvent(isMessageOut));
    const BrokerEvent toC = all.at(indexOfEvent(isMessageOut, indexOfEvent(isMessageOut) + 1));
    QCOMPARE(toB.data, b->rawFrames().at(1));
    QCOMPARE(toB.size, qint64(toB.data.size()));
    QCOMPARE(toC.data, c->rawFrames().at(1));
    QCOMPARE(toB.data.constData(), toC.data.constData());
}

// A cap set below a frame's size keeps its first bytes and its whole size.
void TestBroker::recordedFrameCapCutsLongerFrames() {
    BrokerSettings settings;
    settings.maxRecordedFrameBytes = 16;
    QVERIFY(startBroker(settings));
    observeEvents();
    TestClient *a = registeredClient(u"a"_s, u"/cap"_s);
    QVERIFY(a);
    const QByteArray sendFrame = R"({"action":"send","dest":"a","message":"0123456789"})";
    a->sendText(sendFrame);
    QVERIFY(a->waitForFrames(2));
    const auto isSendIn = [](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send;
    };
    QTRY_VERIFY(indexOfEvent(isSendIn) >= 0);
    const BrokerEvent in = events().at(indexOfEvent(isSendIn));
    QCOMPARE(in.size, qint64(sendFrame.size()));
    QCOMPARE(in.data, sendFrame.left(16));
}

void TestBroker::unknownIdOutcomes() {
    observeEvents();
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    a->send(QJsonArray{u"b"_s, u"ghost"_s}, 1);
    a->send(u"phantom"_s, 2);
    QCOMPARE(receivedBeforeProbe(a, a, 1), QStringList());
    const auto sendIn = [this](const char *needle) {
        return indexOfEvent([needle](const BrokerEvent &e) {
            return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send &&
                   e.data.contains(needle);
        });
    };
    QTRY_VERIFY(sendIn("phantom") >= 0);
    const BrokerEvent partly = events().at(sendIn("ghost"));
    QCOMPARE(partly.outcome, BrokerEvent::Outcome::PartlyDelivered);
    QVERIFY2(partly.detail.contains(u"ghost"_s), qPrintable(partly.detail));
    QVERIFY(!partly.detail.contains(u"b,"_s));
    QVERIFY(partly.isProblem());
    const BrokerEvent skipped = events().at(sendIn("phantom"));
    QCOMPARE(skipped.outcome, BrokerEvent::Outcome::SkippedUnknownId);
    QVERIFY2(skipped.detail.contains(u"phantom"_s), qPrintable(skipped.detail));
    QVERIFY(skipped.isProblem());
}

void TestBroker::droppedAnswerOutcome() {
    observeEvents();
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    b->answer(u"nope"_s, 1);
    a->sendWithAck(u"b"_s, 1, u"k"_s);
    QVERIFY(b->waitForFrames(2));
    c->answer(u"k"_s, u"not a recipient"_s);
    b->answer(u"k"_s, u"first"_s);
    b->answer(u"k"_s, u"second"_s);
    QCOMPARE(receivedBeforeProbe(b, a, 1).size(), 1);

    const auto answerIn = [this](const char *client, const char *needle) {
        return indexOfEvent([=](const BrokerEvent &e) {
            return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Answer &&
                   e.clientId == client && e.data.contains(needle);
        });
    };
    QTRY_VERIFY(answerIn("b", "second") >= 0);
    const BrokerEventList all = events();
    const BrokerEvent unknown = all.at(answerIn("b", "nope"));
    QCOMPARE(unknown.outcome, BrokerEvent::Outcome::DroppedAnswer);
    QCOMPARE(unknown.ack, QByteArray("nope"));
    QVERIFY(unknown.isProblem());
    QCOMPARE(all.at(answerIn("c", "not a recipient")).outcome, BrokerEvent::Outcome::DroppedAnswer);
    QCOMPARE(all.at(answerIn("b", "first")).outcome, BrokerEvent::Outcome::Done);
    QCOMPARE(all.at(answerIn("b", "second")).outcome, BrokerEvent::Outcome::DroppedAnswer);
}

void TestBroker::frameInComesBeforeTheFramesItCaused() {
    observeEvents();
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    TestClient *c = registeredClient(u"c"_s);
    QVERIFY(c);
    a->send(QJsonArray{u"b"_s, u"c"_s}, u"fan out"_s);
    QVERIFY(b->waitForFrames(2));
    QVERIFY(c->waitForFrames(2));
    const auto messageOut = [this](const char *to) {
        return indexOfEvent([to](const BrokerEvent &e) {
            return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Message &&
                   e.clientId == to;
        });
    };
    QTRY_VERIFY(messageOut("b") >= 0 && messageOut("c") >= 0);
    const qsizetype in = indexOfEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send;
    });
    QVERIFY(in >= 0);
    QVERIFY(in < messageOut("b"));
    QVERIFY(in < messageOut("c"));
    // Register: the frame in, then the reply.
    const qsizetype regIn = indexOfEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Register &&
               e.clientId == "c";
    });
    const qsizetype regOut = indexOfEvent([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Registered &&
               e.clientId == "c";
    });
    QVERIFY(regIn >= 0);
    QVERIFY(regIn < regOut);
}

void TestBroker::connectionAndRoomEvents() {
    observeEvents();
    TestClient *a = registeredClient(u"a"_s, u"/events"_s);
    QVERIFY(a);
    a->sendUnregister();
    QVERIFY(a->waitForFrames(2));
    a->close();
    QVERIFY(a->waitForDisconnected());
    const auto kindIndex = [this](BrokerEvent::Kind kind) {
        return indexOfEvent([kind](const BrokerEvent &e) { return e.kind == kind; });
    };
    QTRY_VERIFY(kindIndex(BrokerEvent::Kind::RoomRemoved) >= 0);
    const BrokerEventList all = events();
    const qsizetype created = kindIndex(BrokerEvent::Kind::RoomCreated);
    const qsizetype opened = kindIndex(BrokerEvent::Kind::ConnectionOpened);
    const qsizetype registered = kindIndex(BrokerEvent::Kind::ClientRegistered);
    const qsizetype unregistered = kindIndex(BrokerEvent::Kind::ClientUnregistered);
    const qsizetype closed = kindIndex(BrokerEvent::Kind::ConnectionClosed);
    const qsizetype removed = kindIndex(BrokerEvent::Kind::RoomRemoved);
    QVERIFY(created >= 0);
    QVERIFY(created < opened);
    QVERIFY(opened < registered);
    QVERIFY(registered < unregistered);
    QVERIFY(unregistered < closed);
    QVERIFY(closed < removed);
    for (qsizetype i : {created, opened, registered, unregistered, closed, removed})
        QCOMPARE(all.at(i).room, u"/events"_s);
    QCOMPARE(all.at(registered).clientId, QByteArray("a"));
    QCOMPARE(all.at(unregistered).clientId, QByteArray("a"));
    QCOMPARE(all.at(closed).closeReason, CloseReason::ClientClosed);
    QVERIFY(!all.at(closed).isProblem());
    QVERIFY(all.at(opened).detail.contains(u"127.0.0.1"_s));
}

void TestBroker::snapshotsReportConnections() {
    m_broker->setSnapshotInterval(50);
    BrokerSnapshot latest;
    int snapshots = 0;
    QObject receiver; // dies first on return, and with it the connection to the locals
    connect(m_broker.get(), &Broker::snapshotReady, &receiver, [&](const BrokerSnapshot &s) {
        latest = s;
        ++snapshots;
    });
    TestClient *a = registeredClient(u"a"_s, u"/snap"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s, u"/snap"_s);
    QVERIFY(b);
    for (int i = 0; i < 3; ++i)
        a->send(u"b"_s, i);
    a->sendWithAck(u"b"_s, 3, u"open question"_s);
    QVERIFY(b->waitForFrames(5));

    const auto connectionOf = [&](const char *id) -> const ConnectionInfo * {
        for (const ConnectionInfo &info : std::as_const(latest.connections)) {
            if (info.clientId == id)
                return &info;
        }
        return nullptr;
    };
    const auto settled = [&] {
        const ConnectionInfo *ia = connectionOf("a");
        const ConnectionInfo *ib = connectionOf("b");
        return ia && ib && ia->framesIn == 5 && ib->framesOut == 5;
    };
    QTRY_VERIFY(settled());
    const int seen = snapshots;
    QCOMPARE(latest.connections.size(), 2);
    QCOMPARE(latest.url, m_broker->url());
    QCOMPARE(latest.pendingAcks, 1);
    QCOMPARE(latest.counters.delivered, 4u);
    QCOMPARE(latest.counters.connectionsOpened, 2u);
    const ConnectionInfo *ia = connectionOf("a");
    QCOMPARE(ia->room, u"/snap"_s);
    QCOMPARE(ia->framesOut, 1u);
    QCOMPARE(ia->bytesOut, quint64(a->rawFrames().at(0).size()));
    QCOMPARE(ia->pendingAcks, 1);
    QCOMPARE(ia->closeReason, CloseReason::None);
    QCOMPARE(ia->remoteAddress, u"127.0.0.1"_s);
    QCOMPARE(ia->remotePort, a->localPort());
    const ConnectionInfo *ib = connectionOf("b");
    QCOMPARE(ib->framesIn, 1u);
    quint64 bBytes = 0;
    for (const QByteArray &raw : b->rawFrames())
        bBytes += quint64(raw.size());
    QCOMPARE(ib->bytesOut, bBytes);
    QVERIFY(latest.connections.at(0).connectionId < latest.connections.at(1).connectionId);

    // Snapshots keep coming, and a closed connection moves to recentlyClosed.
    a->close();
    QVERIFY(a->waitForDisconnected());
    QTRY_VERIFY(snapshots > seen && latest.connections.size() == 1);
    QCOMPARE(latest.recentlyClosed.size(), 1);
    QCOMPARE(latest.recentlyClosed.at(0).clientId, QByteArray("a")); // who it was
    QCOMPARE(latest.recentlyClosed.at(0).closeReason, CloseReason::ClientClosed);
    QCOMPARE(latest.recentlyClosed.at(0).framesIn, 5u);
    QCOMPARE(latest.recentlyClosed.at(0).pendingAcks, 1);
    QVERIFY(latest.recentlyClosed.at(0).closedAtMs >= latest.recentlyClosed.at(0).connectedAtMs);
    QCOMPARE(latest.pendingAcks, 0);
}

// ---------------------------------------------------------------------------------------------
// Threads and stopping

void TestBroker::brokerInItsOwnThread() {
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
    bool stopped = false;
    BrokerEventList events;
    BrokerSnapshot latest;
    // The receiver dies first on return, taking queued calls to the locals with it.
    QObject receiver;
    connect(broker, &Broker::started, &receiver, [&](const QUrl &u) { url = u; });
    connect(broker, &Broker::stopped, &receiver, [&] { stopped = true; });
    connect(broker, &Broker::eventsReady, &receiver,
            [&](const BrokerEventList &batch) { events += batch; });
    connect(broker, &Broker::snapshotReady, &receiver,
            [&](const BrokerSnapshot &s) { latest = s; });
    thread.start();
    QMetaObject::invokeMethod(
        broker,
        [broker] {
            broker->setSnapshotInterval(50);
            broker->start();
        },
        Qt::QueuedConnection);
    QTRY_VERIFY(!url.isEmpty());
    QVERIFY(url.port() > 0);

    std::vector<std::unique_ptr<TestClient>> clients;
    for (const char *id : {"a", "b"}) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY(clients.back()->open(url));
        QVERIFY(clients.back()->registerAs(QString::fromLatin1(id)));
    }
    TestClient *a = clients[0].get();
    TestClient *b = clients[1].get();
    for (int i = 0; i < 100; ++i)
        a->send(u"b"_s, i);
    a->sendWithAck(u"b"_s, u"?"_s, u"k"_s);
    QVERIFY(b->waitForFrames(102));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(b->frame(1 + i).value("message"_L1).toInt(-1), i);
    b->answer(u"k"_s, u"!"_s);
    QVERIFY(a->waitForFrames(2));
    QCOMPARE(a->frame(1).value("from"_L1).toString(), u"b"_s);

    const auto messagesOut = [&] {
        qsizetype n = 0;
        for (const BrokerEvent &e : std::as_const(events))
            n += e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Message;
        return n;
    };
    QTRY_COMPARE(messagesOut(), 101);
    QTRY_VERIFY(latest.counters.delivered == 101 && latest.connections.size() == 2);

    QMetaObject::invokeMethod(broker, &Broker::stop, Qt::QueuedConnection);
    QTRY_VERIFY(stopped);
    for (const auto &client : clients) {
        QVERIFY(client->waitForDisconnected());
        QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void TestBroker::disconnectClientFromTheInspector() {
    TestClient *a = registeredClient(u"a"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s);
    QVERIFY(b);
    const QList<ConnectionInfo> connections = m_broker->snapshot().connections;
    QCOMPARE(connections.size(), 2);
    QCOMPARE(connections.at(0).clientId, QByteArray("a"));
    m_broker->disconnectClient(connections.at(0).connectionId);
    QVERIFY(a->waitForDisconnected());
    QCOMPARE(a->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE(m_broker->connectionCount(), 1);
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ClosedByUser)], 1u);
    m_broker->disconnectClient(9999); // unknown: nothing happens
    QVERIFY(b->isConnected());
    // The id is free again.
    QVERIFY(registeredClient(u"a"_s));
}

// QWebSocket answers pings by itself; a peer that does not is closed after two intervals.
void TestBroker::pingTimeoutClosesSilentPeers() {
    BrokerSettings settings;
    settings.pingIntervalMs = 100;
    QVERIFY(startBroker(settings));
    TestClient *alive = registeredClient(u"alive"_s);
    QVERIFY(alive);
    RawWebSocket silent;
    silent.setAnswerPings(false);
    QCOMPARE(silent.open(roomUrl(u"/"_s)), 101);
    QCOMPARE(silent.waitForCloseCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
    silent.close();
    QTRY_COMPARE(m_broker->counters().closesByReason[size_t(CloseReason::PingTimeout)], 1u);
    QTRY_COMPARE(m_broker->connectionCount(), 1);
    QVERIFY(alive->isConnected());
    TestClient *other = registeredClient(u"other"_s);
    QVERIFY(other);
    other->send(u"alive"_s, 1);
    QVERIFY(alive->waitForFrames(2));
}

void TestBroker::stopClosesEveryClientWith1001() {
    QSignalSpy stopped(m_broker.get(), &Broker::stopped);
    TestClient *a = registeredClient(u"a"_s, u"/one"_s);
    QVERIFY(a);
    TestClient *b = registeredClient(u"b"_s, u"/two"_s);
    QVERIFY(b);
    TestClient *idle = connectClient(u"/two"_s);
    QVERIFY(idle);
    const QUrl url = m_broker->url();
    m_broker->stop();
    QVERIFY(!m_broker->isListening());
    for (TestClient *c : {a, b, idle}) {
        QVERIFY(c->waitForDisconnected());
        QCOMPARE(c->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    QTRY_COMPARE(stopped.size(), 1);
    QCOMPARE(m_broker->connectionCount(), 0);
    QCOMPARE(m_broker->roomCount(), 0);
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ServerStopping)], 3u);
    // Nobody listens any more.
    TestClient late;
    QVERIFY(!late.open(url, 2000));
    // Stopping twice does nothing more.
    m_broker->stop();
    QCOMPARE(stopped.size(), 1);
}

// A peer that reads nothing never takes the close frame: after the grace period the broker
// cuts it and reports stopped(), once.
void TestBroker::stopCutsPeersThatDoNotClose() {
    BrokerSettings settings;
    settings.maxQueuedBytes = 1LL << 34; // no slow-consumer cut-off here
    QVERIFY(startBroker(settings));
    QSignalSpy stopped(m_broker.get(), &Broker::stopped);
    RawWebSocket stuck;
    QCOMPARE(stuck.open(roomUrl(u"/"_s)), 101);
    stuck.sendText(R"({"action":"register","id":"stuck"})");
    stuck.pauseReading();
    TestClient *sender = registeredClient(u"sender"_s);
    QVERIFY(sender);
    QTRY_COMPARE(m_broker->snapshot().connections.value(0).clientId, QByteArray("stuck"));
    // Far more than loopback's kernel buffers take: most of it stays queued in the broker.
    constexpr int Messages = 48;
    const QString big(512 * 1024, u'x');
    for (int i = 0; i < Messages; ++i)
        sender->send(u"stuck"_s, big);
    QTRY_COMPARE_WITH_TIMEOUT(m_broker->counters().delivered, quint64(Messages), 10000);
    QTRY_VERIFY(m_broker->snapshot().connections.value(0).queuedBytes > 8 * 1024 * 1024);

    QElapsedTimer elapsed;
    elapsed.start();
    m_broker->stop();
    QVERIFY(sender->waitForDisconnected());
    QCOMPARE(sender->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(stopped.size(), 0); // still waiting for the stuck peer
    QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 10000);
    QVERIFY(elapsed.elapsed() >= 1000);
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(m_broker->connectionCount(), 0);
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ServerStopping)], 2u);
}

void TestBroker::stopWithoutClients() {
    QSignalSpy stopped(m_broker.get(), &Broker::stopped);
    m_broker->stop();
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!m_broker->isListening());
}

WSMSGBROKER_TEST_MAIN(TestBroker)

#include "tst_broker.moc"

#include "broker.h"
#include "brokerevents.h"
#include "brokersettings.h"
#include "consoleclient.h"
#include "consoleconversationmodel.h"
#include "framelogmodel.h"
#include "jsonmembers.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

// Message members keep the order they had on the wire (issue 19, defect 5): in the log's
// Summary column, in the console's conversation and in its "echo" auto-answer.
using Kind = ConsoleConversationEntry::Kind;

namespace {
constexpr int Timeout = 5000;
} // namespace

class TestMemberOrder : public QObject {
    Q_OBJECT

private slots:
    void membersAreReadInPlace();
    void cutObjectsGiveTheirWholeMembers();
    void summaryKeepsMemberOrder();
    void consoleShowsAndEchoesMembersInOrder();
};

void TestMemberOrder::membersAreReadInPlace() {
    const QByteArray json = R"( {"b": {"z": 1, "a" : [2, 1.50]}, "a":"x", "b\u0031":3} )";
    QCOMPARE(JsonMembers::raw(json, "b")->toByteArray(),
             QByteArray(R"({"z": 1, "a" : [2, 1.50]})"));
    QCOMPARE(*JsonMembers::compact(json, "b"), QByteArray(R"({"z":1,"a":[2,1.50]})"));
    QCOMPARE(JsonMembers::raw(json, "b1")->toByteArray(), QByteArray("3"));
    QVERIFY(!JsonMembers::raw(json, "c"));
    // A later duplicate wins, as in JSON.parse; invalid text and non-objects give nothing.
    QCOMPARE(JsonMembers::raw(R"({"m":1,"m":2})", "m")->toByteArray(), QByteArray("2"));
    QVERIFY(!JsonMembers::raw(R"({"m":1,)", "m"));
    QVERIFY(!JsonMembers::raw(R"([{"m":1}])", "m"));
    QVERIFY(!JsonMembers::raw(R"({"m":1} x)", "m"));
}

// A frame recorded in part: the members before the cut, then the start of the one it cut.
void TestMemberOrder::cutObjectsGiveTheirWholeMembers() {
    const QList<JsonMembers::Member> members =
        JsonMembers::prefix("{\"action\": \"send\", \"dest\":[\"a\",\"b\"],\"message\":{\"x\":[1,");
    QCOMPARE(members.size(), 3);
    QCOMPARE(members.at(0).name, QByteArray("action"));
    QCOMPARE(members.at(0).value.toByteArray(), QByteArray("\"send\""));
    QVERIFY(members.at(0).complete);
    QCOMPARE(members.at(1).value.toByteArray(), QByteArray("[\"a\",\"b\"]"));
    QVERIFY(members.at(1).complete);
    QCOMPARE(members.at(2).name, QByteArray("message"));
    QCOMPARE(members.at(2).value.toByteArray(), QByteArray("{\"x\":[1,"));
    QVERIFY(!members.at(2).complete);
    // A number at the cut may have lost digits; a cut in a name keeps nothing of it.
    const QList<JsonMembers::Member> number = JsonMembers::prefix("{\"n\":12");
    QCOMPARE(number.size(), 1);
    QVERIFY(!number.first().complete);
    QCOMPARE(JsonMembers::prefix("{\"a\":1,\"mess").size(), 1);
    QVERIFY(JsonMembers::prefix("not json").isEmpty());
}

void TestMemberOrder::summaryKeepsMemberOrder() {
    FrameLogModel model;
    model.appendEvents({BrokerEvents::send(1, QStringLiteral("/chat"), "alice", {"bob"},
                                           R"({"from":"bob","echo":1, "n": 1.50})"),
                        BrokerEvents::message(2, QStringLiteral("/chat"), "bob", "alice",
                                              R"({"please":"answer","at":2})")});
    QCOMPARE(model.index(0, FrameLogModel::SummaryColumn).data().toString(),
             QStringLiteral(R"(to bob: {"from":"bob","echo":1,"n":1.50})"));
    QCOMPARE(model.index(1, FrameLogModel::SummaryColumn).data().toString(),
             QStringLiteral(R"(from alice: {"please":"answer","at":2})"));
}

void TestMemberOrder::consoleShowsAndEchoesMembersInOrder() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    Broker broker(settings);
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    QUrl url = broker.url();
    url.setPath(QStringLiteral("/order"));

    ConsoleClient responder;
    responder.setUrl(url);
    responder.setClientId(QStringLiteral("responder"));
    responder.setAutoAnswer(ConsoleClient::AutoAnswer::Echo);
    responder.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(responder.state(), ConsoleClient::State::Registered, Timeout);

    QWebSocket plain;
    QSignalSpy frames(&plain, &QWebSocket::textMessageReceived);
    plain.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::ConnectedState, Timeout);
    plain.sendTextMessage(QStringLiteral(R"({"action":"register","id":"asker"})"));
    QTRY_COMPARE_WITH_TIMEOUT(frames.count(), 1, Timeout);
    frames.clear();

    plain.sendTextMessage(QStringLiteral(R"({"action":"send","dest":"responder",)"
                                         R"("message":{"please":"answer","at":12},"ack":"k1"})"));
    QTRY_COMPARE_WITH_TIMEOUT(frames.count(), 1, Timeout);
    const QByteArray answer = frames.takeFirst().at(0).toString().toUtf8();
    QCOMPARE(JsonMembers::raw(answer, "action")->toByteArray(), QByteArray(R"("answer")"));
    QCOMPARE(JsonMembers::raw(answer, "message")->toByteArray(),
             QByteArray(R"({"please":"answer","at":12})"));

    const ConsoleConversationModel *log = responder.conversation();
    int received = -1;
    for (int row = 0; row < log->count(); ++row) {
        if (log->entry(row).kind == Kind::Received)
            received = row;
    }
    QVERIFY(received >= 0);
    QCOMPARE(log->entry(received).text, QStringLiteral(R"({"please":"answer","at":12})"));
}

QTEST_MAIN(TestMemberOrder)
#include "tst_memberorder.moc"

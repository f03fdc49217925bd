// The traffic rules file: every error names the rule and the problem in one line and yields no
// rules at all; what serialize() writes reads back the same.

#include "trafficrulesparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTrafficRulesParser : public QObject {
    Q_OBJECT

private slots:
    void readsTheIssueExample();
    void defaults();
    void matchFields();
    void errorsNameTheRule_data();
    void errorsNameTheRule();
    void roundTrip();
    void emptyArrayIsNoRules();
};

void TestTrafficRulesParser::readsTheIssueExample() {
    const QByteArray json = R"([
      {"name": "lose-b", "match": {"room": "/r", "to": "b", "action": "message"}, "effect": "drop"},
      {"name": "slow", "match": {"room": "/s", "from": "a"}, "effect": "delay", "ms": 300, "jitterMs": 50},
      {"name": "flaky", "match": {"room": "/f"}, "effect": "drop", "probability": 0.2},
      {"name": "cut", "match": {"room": "/c", "to": "b"}, "effect": "close", "closeCode": 1011, "after": 3}
    ])";
    QString error;
    const TrafficRuleList rules = TrafficRulesParser::parse(json, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rules.size(), 4);
    QCOMPARE(rules.at(0).name, u"lose-b"_s);
    QCOMPARE(rules.at(0).match.room, u"/r"_s);
    QCOMPARE(rules.at(0).match.to, "b"_ba);
    QCOMPARE(rules.at(0).match.action, FrameAction::Message);
    QCOMPARE(rules.at(0).effect, TrafficEffect::Drop);
    QCOMPARE(rules.at(0).probability, 1.0);
    QCOMPARE(rules.at(1).effect, TrafficEffect::Delay);
    QCOMPARE(rules.at(1).match.from, "a"_ba);
    QCOMPARE(rules.at(1).ms, 300);
    QCOMPARE(rules.at(1).jitterMs, 50);
    QCOMPARE(rules.at(2).probability, 0.2);
    QCOMPARE(rules.at(3).effect, TrafficEffect::Close);
    QCOMPARE(rules.at(3).closeCode, 1011);
    QCOMPARE(rules.at(3).after, 3);
}

void TestTrafficRulesParser::defaults() {
    QString error;
    const TrafficRuleList rules =
        TrafficRulesParser::parse(R"([{"name": "h", "effect": "hold"}])", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rules.size(), 1);
    QVERIFY(rules.at(0).enabled);
    QVERIFY(rules.at(0).match.room.isEmpty());
    QCOMPARE(rules.at(0).match.action, FrameAction::None);
    QVERIFY(rules.at(0).match.equals.isUndefined());
}

void TestTrafficRulesParser::matchFields() {
    QString error;
    const TrafficRuleList rules = TrafficRulesParser::parse(
        R"([{"name": "later", "enabled": false, "effect": "hold",
             "match": {"action": "answer", "ack": "k1", "regex": "\"n\":\\d+",
                       "path": "message.items[0].id", "equals": 7}},
            {"name": "t", "effect": "throttle", "bytesPerSecond": 1000},
            {"name": "p", "effect": "ignorePings", "match": {"to": "b"}},
            {"name": "d", "effect": "duplicate", "copies": 3}])",
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rules.size(), 4);
    const TrafficRule &later = rules.at(0);
    QVERIFY(!later.enabled);
    QCOMPARE(later.match.action, FrameAction::Answer);
    QCOMPARE(later.match.ack, "k1"_ba);
    QCOMPARE(later.match.pattern.pattern(), uR"("n":\d+)"_s);
    QCOMPARE(later.match.path, u"message.items[0].id"_s);
    QCOMPARE(later.match.equals, QJsonValue(7));
    QCOMPARE(rules.at(1).bytesPerSecond, 1000);
    QCOMPARE(rules.at(2).effect, TrafficEffect::IgnorePings);
    QCOMPARE(rules.at(3).copies, 3);
}

void TestTrafficRulesParser::errorsNameTheRule_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the whole error, or its start followed by "..."

    QTest::newRow("not json") << "[{"_ba << u"not JSON: ..."_s;
    QTest::newRow("not an array") << R"({"name": "x"})"_ba
                                  << u"the rules must be a JSON array of objects"_s;
    QTest::newRow("not an object")
        << R"([{"name": "a", "effect": "hold"}, 3])"_ba << u"rule 2: must be an object"_s;
    QTest::newRow("missing name") << R"([{"effect": "hold"}])"_ba << u"rule 1: missing \"name\""_s;
    QTest::newRow("empty name") << R"([{"name": "", "effect": "hold"}])"_ba
                                << u"rule 1: \"name\" is empty"_s;
    QTest::newRow("name not a string")
        << R"([{"name": 4, "effect": "hold"}])"_ba << u"rule 1: \"name\" must be a string"_s;
    QTest::newRow("duplicate name")
        << R"([{"name": "a", "effect": "hold"}, {"name": "a", "effect": "drop"}])"_ba
        << u"rule \"a\": the name is used by an earlier rule"_s;
    QTest::newRow("unknown key") << R"([{"name": "a", "effect": "hold", "colour": 1}])"_ba
                                 << u"rule \"a\": unknown key \"colour\""_s;
    // From the fuzzer: a key with a line break made a two-line error; names are escaped too.
    QTest::newRow("key with a line break")
        << "[{\"name\": \"a\", \"effect\": \"hold\", \"ef\\nfect\": 1}]"_ba
        << u"rule \"a\": unknown key \"ef\\nfect\""_s;
    QTest::newRow("bidi override in a name")
        << "[{\"name\": \"a\u202eb\", \"effect\": \"nope\"}]"_ba
        << u"rule \"a\\u202eb\": unknown effect \"nope\" (hold, delay, drop, duplicate, close, throttle or ignorePings)"_s;
    QTest::newRow("unknown match key")
        << R"([{"name": "a", "effect": "hold", "match": {"sender": "x"}}])"_ba
        << u"rule \"a\": unknown key \"match.sender\""_s;
    QTest::newRow("match not an object") << R"([{"name": "a", "effect": "hold", "match": 1}])"_ba
                                         << u"rule \"a\": \"match\" must be an object"_s;
    QTest::newRow("missing effect")
        << R"([{"name": "a"}])"_ba << u"rule \"a\": missing \"effect\""_s;
    QTest::newRow("unknown effect") << R"([{"name": "a", "effect": "explode"}])"_ba
                                    << u"rule \"a\": unknown effect \"explode\" ..."_s;
    QTest::newRow("unknown action")
        << R"([{"name": "a", "effect": "hold", "match": {"action": "send"}}])"_ba
        << u"rule \"a\": unknown action \"send\" ..."_s;
    QTest::newRow("wrong type") << R"([{"name": "a", "effect": "hold", "match": {"room": 1}}])"_ba
                                << u"rule \"a\": \"room\" must be a string"_s;
    QTest::newRow("room without slash")
        << R"([{"name": "a", "effect": "hold", "match": {"room": "r"}}])"_ba
        << u"rule \"a\": \"match.room\" must start with /"_s;
    QTest::newRow("enabled not a bool")
        << R"([{"name": "a", "effect": "hold", "enabled": "yes"}])"_ba
        << u"rule \"a\": \"enabled\" must be true or false"_s;
    QTest::newRow("invalid regex")
        << R"([{"name": "a", "effect": "hold", "match": {"regex": "(unclosed"}}])"_ba
        << u"rule \"a\": invalid regex \"(unclosed\": ..."_s;
    QTest::newRow("invalid path")
        << R"([{"name": "a", "effect": "hold", "match": {"path": "message..x"}}])"_ba
        << u"rule \"a\": invalid path \"message..x\" ..."_s;
    QTest::newRow("equals without path")
        << R"([{"name": "a", "effect": "hold", "match": {"equals": 1}}])"_ba
        << u"rule \"a\": \"match.equals\" needs \"match.path\""_s;
    QTest::newRow("probability above 1")
        << R"([{"name": "flaky", "effect": "drop", "probability": 1.5}])"_ba
        << u"rule \"flaky\": \"probability\" must be a number from 0 to 1"_s;
    QTest::newRow("probability below 0")
        << R"([{"name": "flaky", "effect": "drop", "probability": -0.1}])"_ba
        << u"rule \"flaky\": \"probability\" must be a number from 0 to 1"_s;
    QTest::newRow("close code 1005")
        << R"([{"name": "cut", "effect": "close", "closeCode": 1005}])"_ba
        << u"rule \"cut\": \"closeCode\" 1005 cannot be sent ..."_s;
    QTest::newRow("close code 2000")
        << R"([{"name": "cut", "effect": "close", "closeCode": 2000}])"_ba
        << u"rule \"cut\": \"closeCode\" 2000 cannot be sent ..."_s;
    QTest::newRow("close code 5000")
        << R"([{"name": "cut", "effect": "close", "closeCode": 5000}])"_ba
        << u"rule \"cut\": \"closeCode\" must be a whole number from 0 to 4999"_s;
    QTest::newRow("after 0") << R"([{"name": "cut", "effect": "close", "after": 0}])"_ba
                             << u"rule \"cut\": \"after\" must be a whole number from 1 to ..."_s;
    QTest::newRow("throttle without rate")
        << R"([{"name": "t", "effect": "throttle"}])"_ba
        << u"rule \"t\": throttle needs \"bytesPerSecond\" above 0"_s;
    QTest::newRow("throttle rate 0")
        << R"([{"name": "t", "effect": "throttle", "bytesPerSecond": 0}])"_ba
        << u"rule \"t\": \"bytesPerSecond\" must be a whole number from 1 to ..."_s;
    QTest::newRow("negative ms") << R"([{"name": "s", "effect": "delay", "ms": -5}])"_ba
                                 << u"rule \"s\": \"ms\" must be a whole number from 0 to ..."_s;
    QTest::newRow("fractional ms") << R"([{"name": "s", "effect": "delay", "ms": 2.5}])"_ba
                                   << u"rule \"s\": \"ms\" must be a whole number from 0 to ..."_s;
    QTest::newRow("ms not a number")
        << R"([{"name": "s", "effect": "delay", "ms": "300"}])"_ba
        << u"rule \"s\": \"ms\" must be a whole number from 0 to ..."_s;
    QTest::newRow("delay of nothing")
        << R"([{"name": "s", "effect": "delay"}])"_ba
        << u"rule \"s\": delay needs \"ms\" or \"jitterMs\" above 0"_s;
    QTest::newRow("one copy") << R"([{"name": "d", "effect": "duplicate", "copies": 1}])"_ba
                              << u"rule \"d\": \"copies\" must be a whole number from 2 to 100"_s;
    QTest::newRow("second rule bad")
        << R"([{"name": "ok", "effect": "hold"}, {"effect": "hold", "name": "bad", "ms": true}])"_ba
        << u"rule \"bad\": \"ms\" must be a whole number from 0 to ..."_s;
}

void TestTrafficRulesParser::errorsNameTheRule() {
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    const TrafficRuleList rules = TrafficRulesParser::parse(json, &error);
    QVERIFY(rules.isEmpty());
    QVERIFY(!error.contains(QLatin1Char('\n')));
    if (expected.endsWith(u"..."_s))
        QVERIFY2(error.startsWith(expected.chopped(3)), qPrintable(error));
    else
        QCOMPARE(error, expected);
}

void TestTrafficRulesParser::roundTrip() {
    TrafficRuleList rules;
    TrafficRule hold;
    hold.name = u"later"_s;
    hold.enabled = false;
    hold.match.room = u"/r"_s;
    hold.match.from = "a"_ba;
    hold.match.to = "b"_ba;
    hold.match.action = FrameAction::Answer;
    hold.match.ack = "k"_ba;
    hold.match.pattern = QRegularExpression(u"x+"_s);
    hold.match.path = u"message.items[1].id"_s;
    hold.match.equals = QJsonValue(u"v"_s);
    rules.append(hold);
    TrafficRule delay;
    delay.name = u"slow"_s;
    delay.effect = TrafficEffect::Delay;
    delay.ms = 250;
    delay.jitterMs = 40;
    rules.append(delay);
    TrafficRule drop;
    drop.name = u"flaky"_s;
    drop.effect = TrafficEffect::Drop;
    drop.probability = 0.25;
    rules.append(drop);
    TrafficRule cut;
    cut.name = u"cut"_s;
    cut.effect = TrafficEffect::Close;
    cut.closeCode = 4001;
    cut.after = 5;
    rules.append(cut);
    TrafficRule slow;
    slow.name = u"reader"_s;
    slow.effect = TrafficEffect::Throttle;
    slow.bytesPerSecond = 2048;
    rules.append(slow);
    TrafficRule dup;
    dup.name = u"dup"_s;
    dup.effect = TrafficEffect::Duplicate;
    dup.copies = 4;
    rules.append(dup);
    TrafficRule pings;
    pings.name = u"deaf"_s;
    pings.effect = TrafficEffect::IgnorePings;
    pings.match.path = u"message"_s;
    rules.append(pings);

    QString error;
    const QByteArray json = TrafficRulesParser::serialize(rules);
    const TrafficRuleList back = TrafficRulesParser::parse(json, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + QString::fromUtf8(json)));
    QCOMPARE(back.size(), rules.size());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const TrafficRule &a = rules.at(i);
        const TrafficRule &b = back.at(i);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.enabled, a.enabled);
        QCOMPARE(b.effect, a.effect);
        QCOMPARE(b.match.room, a.match.room);
        QCOMPARE(b.match.from, a.match.from);
        QCOMPARE(b.match.to, a.match.to);
        QCOMPARE(b.match.action, a.match.action);
        QCOMPARE(b.match.ack, a.match.ack);
        QCOMPARE(b.match.pattern.pattern(), a.match.pattern.pattern());
        QCOMPARE(b.match.path, a.match.path);
        QCOMPARE(b.match.equals, a.match.equals);
        QCOMPARE(b.ms, a.ms);
        QCOMPARE(b.jitterMs, a.jitterMs);
        QCOMPARE(b.probability, a.probability);
        QCOMPARE(b.copies, a.copies);
        QCOMPARE(b.closeCode, a.closeCode);
        QCOMPARE(b.after, a.after);
        QCOMPARE(b.bytesPerSecond, a.bytesPerSecond);
    }
    // And the text itself is stable: serialize(parse(serialize(x))) == serialize(x).
    QCOMPARE(TrafficRulesParser::serialize(back), json);
}

void TestTrafficRulesParser::emptyArrayIsNoRules() {
    QString error = u"stale"_s;
    QVERIFY(TrafficRulesParser::parse("[]", &error).isEmpty());
    QVERIFY(error.isEmpty());
}

QTEST_GUILESS_MAIN(TestTrafficRulesParser)

#include "tst_trafficrulesparser.moc"

#include "trafficrulemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

namespace {

TrafficRule rule(const QString &name, TrafficEffect effect = TrafficEffect::Hold) {
    TrafficRule r;
    r.name = name;
    r.effect = effect;
    return r;
}

QStringList names(const TrafficRuleModel &model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, TrafficRuleModel::NameColumn).data().toString();
    return list;
}

QStringList names(const TrafficRuleList &rules) {
    QStringList list;
    for (const TrafficRule &r : rules)
        list << r.name;
    return list;
}

QStringList strings(std::initializer_list<const char *> items) {
    QStringList list;
    for (const char *item : items)
        list << QString::fromLatin1(item);
    return list;
}

} // namespace

class TestTrafficRuleModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }
    void matchSummaries();
    void effectSummaries();
    void enableCheckboxEditsTheRule();
    void addReplaceRemoveMove();
    void brokerRulesResetOnlyWhenDifferent();
    void unusedNames();
};

void TestTrafficRuleModel::matchSummaries() {
    TrafficMatch match;
    QCOMPARE(TrafficRuleModel::matchSummary(match), QStringLiteral("any frame"));
    match.room = QStringLiteral("/r");
    match.to = "b";
    match.action = FrameAction::Message;
    QCOMPARE(TrafficRuleModel::matchSummary(match), QStringLiteral("room /r, to b, message"));
    match = {};
    match.from = "a";
    match.ack = "q1";
    match.pattern = QRegularExpression(QStringLiteral("urgent"));
    match.path = QStringLiteral("message.type");
    QCOMPARE(TrafficRuleModel::matchSummary(match),
             QStringLiteral("from a, ack q1, text matches urgent, message.type exists"));
    match = {};
    match.path = QStringLiteral("message.n");
    match.equals = QJsonValue(5);
    QCOMPARE(TrafficRuleModel::matchSummary(match), QStringLiteral("message.n = 5"));
    match.equals = QJsonValue(QStringLiteral("ready"));
    QCOMPARE(TrafficRuleModel::matchSummary(match), QStringLiteral("message.n = \"ready\""));
    // Client text cannot pose as the window's: a line feed in an id shows as a control picture.
    match = {};
    match.to = "b\nroom /x";
    QCOMPARE(TrafficRuleModel::matchSummary(match), QStringLiteral("to b\u240Aroom /x"));
}

void TestTrafficRuleModel::effectSummaries() {
    TrafficRule r = rule(QStringLiteral("x"), TrafficEffect::Delay);
    r.ms = 300;
    r.jitterMs = 50;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("delay 300 ms ± 50 ms"));
    r.jitterMs = 0;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("delay 300 ms"));
    r.effect = TrafficEffect::Drop;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("drop"));
    r.probability = 0.2;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("drop 20 %"));
    r.effect = TrafficEffect::Close;
    r.closeCode = 1011;
    r.after = 3;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("close 1011 after 3"));
    r.effect = TrafficEffect::Duplicate;
    r.copies = 3;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("duplicate ×3"));
    r.effect = TrafficEffect::Throttle;
    r.bytesPerSecond = 2048;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("throttle to 2.00 KiB/s"));
    r.effect = TrafficEffect::Hold;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("hold"));
    r.effect = TrafficEffect::IgnorePings;
    QCOMPARE(TrafficRuleModel::effectSummary(r), QStringLiteral("ignore pings"));
}

void TestTrafficRuleModel::enableCheckboxEditsTheRule() {
    TrafficRuleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules({rule(QStringLiteral("a")), rule(QStringLiteral("b"))});
    QSignalSpy edited(&model, &TrafficRuleModel::rulesEdited);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QModelIndex enabled = model.index(1, TrafficRuleModel::EnabledColumn);
    QVERIFY(model.flags(enabled).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!model.flags(model.index(1, TrafficRuleModel::NameColumn))
                 .testFlag(Qt::ItemIsUserCheckable));
    QCOMPARE(enabled.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

    QVERIFY(model.setData(enabled, int(Qt::Unchecked), Qt::CheckStateRole));
    QCOMPARE(enabled.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(edited.size(), 1);
    const auto list = edited.at(0).at(0).value<TrafficRuleList>();
    QCOMPARE(list.size(), 2);
    QVERIFY(list.at(0).enabled);
    QVERIFY(!list.at(1).enabled);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);

    // Unchecking again changes nothing and says nothing.
    QVERIFY(model.setData(enabled, int(Qt::Unchecked), Qt::CheckStateRole));
    QCOMPARE(edited.size(), 1);
    // Only the checkbox is editable.
    QVERIFY(!model.setData(model.index(0, TrafficRuleModel::NameColumn), QStringLiteral("z")));
    QVERIFY(!model.setData(enabled, QStringLiteral("z"), Qt::EditRole));
    QCOMPARE(model.ruleAt(0).name, QStringLiteral("a"));
    QCOMPARE(edited.size(), 1);
}

void TestTrafficRuleModel::addReplaceRemoveMove() {
    TrafficRuleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &TrafficRuleModel::rulesEdited);

    model.addRule(rule(QStringLiteral("a")));
    model.addRule(rule(QStringLiteral("b"), TrafficEffect::Drop));
    model.addRule(rule(QStringLiteral("c"), TrafficEffect::Delay));
    QCOMPARE(names(model), strings({"a", "b", "c"}));
    QCOMPARE(edited.size(), 3);
    QCOMPARE(names(edited.last().at(0).value<TrafficRuleList>()), strings({"a", "b", "c"}));
    QCOMPARE(model.index(1, TrafficRuleModel::EffectColumn).data().toString(),
             QStringLiteral("drop"));

    TrafficRule replaced = rule(QStringLiteral("b2"), TrafficEffect::Close);
    replaced.closeCode = 4000;
    model.replaceRule(1, replaced);
    QCOMPARE(names(model), strings({"a", "b2", "c"}));
    QCOMPARE(model.index(1, TrafficRuleModel::EffectColumn).data().toString(),
             QStringLiteral("close 4000 after 1"));
    QCOMPARE(edited.size(), 4);

    model.moveRule(0, 2);
    QCOMPARE(names(model), strings({"b2", "c", "a"}));
    QCOMPARE(names(model.rules()), strings({"b2", "c", "a"}));
    model.moveRule(2, 0);
    QCOMPARE(names(model), strings({"a", "b2", "c"}));
    model.moveRule(1, 2);
    QCOMPARE(names(model), strings({"a", "c", "b2"}));
    QCOMPARE(edited.size(), 7);
    model.moveRule(1, 1);
    model.moveRule(0, 3);
    QCOMPARE(edited.size(), 7);

    model.removeRule(0);
    QCOMPARE(names(model), strings({"c", "b2"}));
    model.removeRule(5);
    QCOMPARE(edited.size(), 8);
    QCOMPARE(names(edited.last().at(0).value<TrafficRuleList>()), strings({"c", "b2"}));
}

void TestTrafficRuleModel::brokerRulesResetOnlyWhenDifferent() {
    TrafficRuleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy edited(&model, &TrafficRuleModel::rulesEdited);
    TrafficRule slow = rule(QStringLiteral("slow"), TrafficEffect::Delay);
    slow.match.pattern = QRegularExpression(QStringLiteral("a+"));
    slow.ms = 10;
    model.setRules({slow});
    QCOMPARE(reset.size(), 1);
    // The broker reporting the rules it was given changes nothing.
    TrafficRule same = slow;
    same.match.pattern = QRegularExpression(QStringLiteral("a+"));
    model.setRules({same});
    QCOMPARE(reset.size(), 1);
    same.ms = 11;
    model.setRules({same});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.ruleAt(0).ms, 11);
    same.match.equals = QJsonValue(QJsonValue::Null); // set, unlike Undefined
    model.setRules({same});
    QCOMPARE(reset.size(), 3);
    QCOMPARE(edited.size(), 0);
    model.replaceRules({rule(QStringLiteral("x")), rule(QStringLiteral("y"))});
    QCOMPARE(reset.size(), 4);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(names(model), strings({"x", "y"}));
}

void TestTrafficRuleModel::unusedNames() {
    TrafficRuleModel model;
    QCOMPARE(model.unusedName(QStringLiteral("hold b")), QStringLiteral("hold b"));
    model.addRule(rule(QStringLiteral("hold b")));
    model.addRule(rule(QStringLiteral("hold b 2")));
    QCOMPARE(model.rowOfName(QStringLiteral("hold b 2")), 1);
    QCOMPARE(model.rowOfName(QStringLiteral("nope")), -1);
    QCOMPARE(model.unusedName(QStringLiteral("hold b")), QStringLiteral("hold b 3"));
}

QTEST_GUILESS_MAIN(TestTrafficRuleModel)
#include "tst_trafficrulemodel.moc"

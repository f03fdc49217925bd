// The JSON-aware diff of two messages (issue 15): changes by path on nested objects and
// arrays, arrays aligned at their shared start and end, the bound on listed changes, frames
// that are not JSON, and the table model the details pane shows.
#include "jsondiff.h"
#include "jsondiffmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Kind = JsonDiff::Change::Kind;

namespace {

// "kind path before after" per change, values as compact JSON, for readable comparisons.
QStringList describe(const JsonDiff::ChangeList &changes) {
    QStringList out;
    for (const JsonDiff::Change &c : changes) {
        const QString kind = c.kind == Kind::Added     ? QStringLiteral("+")
                             : c.kind == Kind::Removed ? QStringLiteral("-")
                                                       : QStringLiteral("~");
        out.append(kind + u' ' + c.path + u' ' + JsonDiffModel::valueText(c.before) + u' ' +
                   JsonDiffModel::valueText(c.after));
    }
    return out;
}

QStringList diff(const char *before, const char *after) {
    QString error;
    const JsonDiff::ChangeList changes = JsonDiff::compareFrames(before, after, &error);
    if (!error.isEmpty())
        return {QStringLiteral("error: ") + error};
    return describe(changes);
}

} // namespace

class TestJsonDiff : public QObject {
    Q_OBJECT
private slots:
    void sameMessageHasNoChange();
    void nestedMembersByPath();
    void aTypeChangeIsOneChange();
    void arraysKeepWhatTheyShareAtBothEnds();
    void keysThatAreNotNamesAreQuoted();
    void notJsonIsSaidAndListsNothing();
    void manyChangesAreCut();
    void modelShowsTheChanges();
};

// The slots are defined outside the class: moc misreads braces in raw strings inside macro
// arguments, and reads only the declaration here.
void TestJsonDiff::sameMessageHasNoChange() {
    QCOMPARE(diff(R"({"a":1,"b":[1,{"c":null}]})", R"({"b":[1,{"c":null}],"a":1})"), QStringList());
}

void TestJsonDiff::nestedMembersByPath() {
    const QStringList changes =
        diff(R"({"action":"message","message":{"price":101.5,"meta":{"seq":7,"tag":"x"},)"
             R"("gone":true}})",
             R"({"action":"message","message":{"price":102,"meta":{"seq":8,"tag":"x",)"
             R"("new":[1]}}})");
    QCOMPARE(changes, (QStringList{
                          QStringLiteral("- message.gone true "),
                          QStringLiteral("+ message.meta.new  [1]"),
                          QStringLiteral("~ message.meta.seq 7 8"),
                          QStringLiteral("~ message.price 101.5 102"),
                      }));
}

void TestJsonDiff::aTypeChangeIsOneChange() {
    QCOMPARE(diff(R"({"a":{"b":1}})", R"({"a":[1]})"),
             QStringList{QString::fromUtf8(R"(~ a {"b":1} [1])")});
    QCOMPARE(diff(R"({"a":"1"})", R"({"a":1})"), QStringList{QString::fromUtf8(R"(~ a "1" 1)")});
    QCOMPARE(diff("1", "2"), QStringList{QStringLiteral("~  1 2")});
}

void TestJsonDiff::arraysKeepWhatTheyShareAtBothEnds() {
    // One element put in front: one addition, not four changes.
    QCOMPARE(diff("[1,2,3,4]", "[0,1,2,3,4]"), QStringList{QStringLiteral("+ [0]  0")});
    // Appended and taken out of the middle.
    QCOMPARE(diff("[1,2,3]", "[1,2,3,4]"), QStringList{QStringLiteral("+ [3]  4")});
    QCOMPARE(diff("[1,2,3,4]", "[1,4]"),
             (QStringList{QStringLiteral("- [1] 2 "), QStringLiteral("- [2] 3 ")}));
    // Elements that changed in place are compared inside.
    QCOMPARE(diff(R"([{"id":1,"q":2},{"id":2,"q":3}])", R"([{"id":1,"q":2},{"id":2,"q":4}])"),
             QStringList{QStringLiteral("~ [1].q 3 4")});
}

void TestJsonDiff::keysThatAreNotNamesAreQuoted() {
    QCOMPARE(diff(R"({"a b":{"x.y":1,"q\"":2}})", R"({"a b":{"x.y":2,"q\"":3}})"),
             (QStringList{QString::fromUtf8(R"(~ ["a b"]["q\""] 2 3)"),
                          QString::fromUtf8(R"(~ ["a b"]["x.y"] 1 2)")}));
}

void TestJsonDiff::notJsonIsSaidAndListsNothing() {
    QCOMPARE(diff("{\"a\":", "{}"),
             QStringList{QStringLiteral("error: The older frame is not JSON.")});
    QCOMPARE(diff("{}", "1,2"), QStringList{QStringLiteral("error: The newer frame is not JSON.")});
}

void TestJsonDiff::manyChangesAreCut() {
    QJsonArray a;
    QJsonArray b;
    for (int i = 0; i < 50000; ++i) {
        a.append(i);
        b.append(i + 1 + (i % 2) * 100000); // differs everywhere, shares no end
    }
    bool cut = false;
    const JsonDiff::ChangeList changes = JsonDiff::compare(a, b, &cut);
    QVERIFY(cut);
    QCOMPARE(changes.size(), JsonDiff::MaxChanges);
    QCOMPARE(changes.first().path, QStringLiteral("[0]"));
    QCOMPARE(changes.last().path, QStringLiteral("[%1]").arg(JsonDiff::MaxChanges - 1));
}

void TestJsonDiff::modelShowsTheChanges() {
    JsonDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.summary(), QStringLiteral("No difference"));
    QString error;
    const QByteArray longText = "\"" + QByteArray(5000, 'x') + "\"";
    model.setChanges(JsonDiff::compareFrames(R"({"a":1,"b":"\u202eevil","c":)" + longText + "}",
                                             R"({"a":2,"d":true,"c":"short"})", &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(JsonDiffModel::ColumnCount));
    QCOMPARE(model.summary(), QStringLiteral("2 changed, 1 added, 1 removed"));
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role).toString();
    };
    QCOMPARE(cell(0, JsonDiffModel::PathColumn), QStringLiteral("a"));
    QCOMPARE(cell(0, JsonDiffModel::ChangeColumn), QStringLiteral("changed"));
    QCOMPARE(cell(0, JsonDiffModel::BeforeColumn), QStringLiteral("1"));
    QCOMPARE(cell(0, JsonDiffModel::AfterColumn), QStringLiteral("2"));
    // A bidi override from a client is shown, not applied.
    QCOMPARE(cell(1, JsonDiffModel::ChangeColumn), QStringLiteral("removed"));
    QVERIFY(!cell(1, JsonDiffModel::BeforeColumn).contains(QChar(0x202E)));
    QVERIFY(cell(1, JsonDiffModel::BeforeColumn).contains(QStringLiteral("U+202E")));
    QVERIFY(cell(1, JsonDiffModel::AfterColumn).isEmpty());
    // A long value is elided in its cell, longer in its tooltip.
    QCOMPARE(cell(2, JsonDiffModel::PathColumn), QStringLiteral("c"));
    QCOMPARE(cell(2, JsonDiffModel::BeforeColumn).size(), JsonDiffModel::ValueLength);
    QCOMPARE(cell(2, JsonDiffModel::BeforeColumn, Qt::ToolTipRole).size(),
             JsonDiffModel::TipLength);
    QCOMPARE(model.index(3, 0).data(JsonDiffModel::KindRole).toInt(), int(Kind::Added));
    model.setChanges({}, true);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestJsonDiff)
#include "tst_jsondiff.moc"

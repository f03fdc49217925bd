#include "jsonpathcondition.h"

#include <QTest>

// Declared before the test data: moc reads raw string literals with escaped quotes wrongly.
class TestJsonPathCondition : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void parsedParts();
    void invalid_data();
    void invalid();
    void notEqualOnMissingPath();
    void framesThatAreNotJson();
    void arrayAtTheTop();
};

namespace {

// A client's send as the broker logs it: the whole frame, nested message.
const QByteArray Order =
    R"({"action":"send","dest":["shop"],"ack":"k1","message":{"type":"order","price":120.5,)"
    R"("qty":3,"paid":true,"note":null,"items":[{"sku":"A-1","qty":2},{"sku":"B-2","qty":1}],)"
    R"("content-type":"json","0":"zero","say \"hi\"":"quoted","prix €":7}})";
const QByteArray Quote =
    R"({"action":"send","dest":"shop","message":{"type":"quote","price":99,"paid":false}})";

using Op = JsonPathCondition::Operator;

} // namespace

void TestJsonPathCondition::valid_data() {
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("order");
    QTest::addColumn<bool>("quote");

    // Each operator over numbers.
    QTest::newRow("> number") << "message.price > 100" << true << false;
    QTest::newRow(">= equal") << "message.price >= 120.5" << true << false;
    QTest::newRow("< number") << "message.price < 100" << false << true;
    QTest::newRow("<= equal") << "message.price <= 99" << false << true;
    QTest::newRow("== number") << "message.price == 99" << false << true;
    QTest::newRow("== exponent") << "message.price == 9.9e1" << false << true;
    QTest::newRow("!= number") << "message.price != 99" << true << false;
    QTest::newRow("negative") << "message.price > -1" << true << true;
    QTest::newRow("no spaces") << "message.price>100" << true << false;
    // Strings: equality and lexicographic order.
    QTest::newRow("== string") << R"(message.type == "order")" << true << false;
    QTest::newRow("!= string") << R"(message.type != "order")" << false << true;
    QTest::newRow("< string") << R"(message.type < "p")" << true << false;
    QTest::newRow(">= string") << R"(message.type >= "quote")" << false << true;
    QTest::newRow("escaped string") << R"(message["say \"hi\""] == "quot\u0065d")" << true << false;
    // true, false, null.
    QTest::newRow("== true") << "message.paid == true" << true << false;
    QTest::newRow("== false") << "message.paid == false" << false << true;
    QTest::newRow("!= true") << "message.paid != true" << false << true;
    QTest::newRow("== null") << "message.note == null" << true << false;
    QTest::newRow("!= null") << "message.paid != null" << true << true;
    // A value of another type: == and the orders do not hold, != does.
    QTest::newRow("string vs number") << R"(message.price == "99")" << false << false;
    QTest::newRow("number order vs string") << "message.type > 1" << false << false;
    QTest::newRow("!= other type") << R"(message.price != "99")" << true << true;
    QTest::newRow("missing is not null") << "message.missing == null" << false << false;
    // Indices and quoted names.
    QTest::newRow("index") << R"(message.items[0].sku == "A-1")" << true << false;
    QTest::newRow("second index") << "message.items[1].qty == 1" << true << false;
    QTest::newRow("index past the end") << "message.items[2]" << false << false;
    QTest::newRow("index of an object") << "message[0]" << false << false;
    QTest::newRow("name of an array") << R"(message.items["0"])" << false << false;
    QTest::newRow("quoted name") << R"(message["content-type"] == "json")" << true << false;
    QTest::newRow("digit name") << R"(message["0"] == "zero")" << true << false;
    QTest::newRow("non-ASCII name") << R"(message["prix €"] >= 7)" << true << false;
    QTest::newRow("quoted top level") << R"(["action"] == "send")" << true << true;
    QTest::newRow("spaces in brackets")
        << "message.items[ 1 ][ \"sku\" ] == \"B-2\"" << true << false;
    QTest::newRow("top level") << R"(action == "send")" << true << true;
    // Exists and does not exist.
    QTest::newRow("exists") << "ack" << true << false;
    QTest::newRow("exists null") << "message.note" << true << false;
    QTest::newRow("not exists") << "!ack" << false << true;
    QTest::newRow("not exists spaced") << "! message.qty" << false << true;
    QTest::newRow("deep missing") << "message.items[0].sku.x" << false << false;
    QTest::newRow("not deep missing") << "!message.items[0].sku.x" << true << true;
    // &&: all must hold.
    QTest::newRow("and") << R"(message.type == "order" && message.price > 100)" << true << false;
    QTest::newRow("and one fails")
        << R"(message.type == "order" && message.price < 100)" << false << false;
    QTest::newRow("and three") << "action&&message.paid != null&&!message.gone" << true << true;
}

void TestJsonPathCondition::valid() {
    QFETCH(QString, condition);
    QFETCH(bool, order);
    QFETCH(bool, quote);
    const JsonPathCondition parsed = JsonPathCondition::parse(condition);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.errorColumn(), 0);
    QCOMPARE(parsed.matches(Order), order);
    QCOMPARE(parsed.matches(Quote), quote);
}

void TestJsonPathCondition::parsedParts() {
    const JsonPathCondition c = JsonPathCondition::parse(
        QStringLiteral(R"( message.items[12]["a b"].c <= -2.5e3 && !ack && x)"));
    QVERIFY(c.isValid());
    QCOMPARE(c.parts().size(), 3);
    const JsonPathCondition::Part &first = c.parts().at(0);
    QCOMPARE(first.pathText, QStringLiteral(R"(message.items[12]["a b"].c)"));
    QCOMPARE(first.path.size(), 5);
    QCOMPARE(first.path.at(0).name, QStringLiteral("message"));
    QCOMPARE(first.path.at(2).index, 12);
    QCOMPARE(first.path.at(3).name, QStringLiteral("a b"));
    QCOMPARE(first.path.at(3).index, -1);
    QCOMPARE(first.op, Op::LessOrEqual);
    QCOMPARE(first.value.toDouble(), -2500.0);
    QCOMPARE(c.parts().at(1).op, Op::Missing);
    QCOMPARE(c.parts().at(2).op, Op::Exists);
    QCOMPARE(c.parts().at(2).pathText, QStringLiteral("x"));
}

void TestJsonPathCondition::invalid_data() {
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("column");

    QTest::newRow("empty") << ""
                           << "expected a path" << 1;
    QTest::newRow("spaces only") << "   "
                                 << "expected a path" << 4;
    QTest::newRow("no operator") << "message.price 100"
                                 << "expected an operator after message.price" << 15;
    QTest::newRow("single =") << "message.type = \"x\""
                              << "use == to compare" << 14;
    QTest::newRow("no value") << "message.price >"
                              << "expected a value after >" << 16;
    QTest::newRow("no value before &&") << "a == && b"
                                        << "expected a value after ==" << 6;
    QTest::newRow("bare word") << "message.type == order"
                               << "order is not a value: write a string in double quotes" << 17;
    QTest::newRow("not a value") << "a == @"
                                 << "expected a value after ==" << 6;
    QTest::newRow("unterminated string") << R"(a == "abc)"
                                         << "unterminated string" << 6;
    QTest::newRow("invalid escape") << R"(a == "a\qb")"
                                    << "invalid escape in string" << 8;
    QTest::newRow("short \\u escape") << R"(a == "\u12")"
                                      << "invalid escape in string" << 7;
    QTest::newRow("invalid number") << "a > 1.x"
                                    << "invalid number" << 5;
    QTest::newRow("leading zero") << "a > 01"
                                  << "invalid number" << 5;
    QTest::newRow("number then letters") << "a > 12abc"
                                         << "invalid number" << 5;
    QTest::newRow("order of true") << "a < true"
                                   << "< compares numbers and strings only" << 5;
    QTest::newRow("order of null") << "a >= null"
                                   << ">= compares numbers and strings only" << 6;
    QTest::newRow("dot then nothing") << "message."
                                      << "expected a member name after ." << 9;
    QTest::newRow("dot then digit") << "message.0"
                                    << "expected a member name after ." << 9;
    QTest::newRow("starts with digit") << "0abc"
                                       << "expected a path" << 1;
    QTest::newRow("starts with dot") << ".a"
                                     << "expected a path" << 1;
    QTest::newRow("dash in name") << "message.content-type"
                                  << "write a name with other" << 16;
    QTest::newRow("non-ASCII in name") << "message.prix€ > 1"
                                       << "write a name with other" << 13;
    QTest::newRow("bracket empty") << "a[]"
                                   << "expected an index or a quoted name after [" << 3;
    QTest::newRow("bracket unclosed") << "a[1"
                                      << "expected ]" << 4;
    QTest::newRow("bracket negative") << "a[-1]"
                                      << "expected an index or a quoted name" << 3;
    QTest::newRow("bracket bare name") << "a[b]"
                                       << "expected an index or a quoted name" << 3;
    QTest::newRow("index too large") << "a[99999999999]"
                                     << "index too large" << 3;
    QTest::newRow("single &") << "a & b"
                              << "expected && (two ampersands)" << 3;
    QTest::newRow("or") << "a || b"
                        << "only && joins conditions" << 3;
    QTest::newRow("trailing &&") << "a == 1 &&"
                                 << "expected a path" << 10;
    QTest::newRow("two values") << "a == 1 2"
                                << "expected && between conditions" << 8;
    QTest::newRow("word after literal") << "a == true x"
                                        << "expected && between conditions" << 11;
    QTest::newRow("not with operator") << "!a == 1"
                                       << "a condition with ! takes no operator" << 4;
    QTest::newRow("not alone") << "!"
                               << "expected a path" << 2;
    QTest::newRow("second part") << R"(a == 1 && b ==)"
                                 << "expected a value after ==" << 15;
}

void TestJsonPathCondition::invalid() {
    QFETCH(QString, condition);
    QFETCH(QString, error);
    QFETCH(int, column);
    const JsonPathCondition parsed = JsonPathCondition::parse(condition);
    QVERIFY(!parsed.isValid());
    QVERIFY2(parsed.errorString().startsWith(error), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.errorColumn(), column);
    QVERIFY2(parsed.errorString().endsWith(QStringLiteral("(column %1)").arg(column)),
             qPrintable(parsed.errorString()));
    QVERIFY(parsed.parts().isEmpty());
    // An invalid condition matches nothing.
    QVERIFY(!parsed.matches(Order));
}

void TestJsonPathCondition::notEqualOnMissingPath() {
    // Documented choice: != needs the path; !PATH asks for its absence.
    const JsonPathCondition missing = JsonPathCondition::parse(QStringLiteral("ack != \"k2\""));
    QVERIFY(missing.isValid());
    QVERIFY(missing.matches(Order));  // "k1" is not "k2"
    QVERIFY(!missing.matches(Quote)); // no ack at all
    QVERIFY(!JsonPathCondition::parse(QStringLiteral("message.gone != null")).matches(Order));
    QVERIFY(JsonPathCondition::parse(QStringLiteral("!ack")).matches(Quote));
}

void TestJsonPathCondition::framesThatAreNotJson() {
    for (const char *text : {"ack", "!ack", "!message.x", "message.price > 1"}) {
        const JsonPathCondition c = JsonPathCondition::parse(QString::fromLatin1(text));
        QVERIFY(c.isValid());
        QVERIFY(!c.matches(QByteArray()));
        QVERIFY(!c.matches(QByteArray("not json")));
        QVERIFY(!c.matches(Order.left(Order.size() / 2)));   // cut short by a recording limit
        QVERIFY(!c.matches(QByteArray("\x00\xff\x81{", 4))); // binary
        QVERIFY(!c.matches(QByteArray("42")));
        QVERIFY(!c.matches(QByteArray(R"("a string")")));
        QByteArray deep(5000, '[');
        deep += QByteArray(5000, ']');
        QVERIFY(!c.matches(deep)); // deeper than the parser takes
    }
    // A default condition has no parts: every JSON frame, still no other.
    const JsonPathCondition none;
    QVERIFY(none.isValid());
    QVERIFY(none.matches(Order));
    QVERIFY(!none.matches(QByteArray("not json")));
}

void TestJsonPathCondition::arrayAtTheTop() {
    const QByteArray frame = R"([{"a":1},{"a":2}])";
    QVERIFY(JsonPathCondition::parse(QStringLiteral("[1].a == 2")).matches(frame));
    QVERIFY(!JsonPathCondition::parse(QStringLiteral("action")).matches(frame));
    QVERIFY(JsonPathCondition::parse(QStringLiteral("!action")).matches(frame));
}

QTEST_APPLESS_MAIN(TestJsonPathCondition)
#include "tst_jsonpathcondition.moc"

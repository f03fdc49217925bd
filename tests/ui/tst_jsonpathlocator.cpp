// The JSON path of the member at a position of a frame's pretty text ("Plot This Path"), and
// the path syntax it writes, read back by JsonPath::parse.

#include "jsonformatter.h"
#include "jsonpath.h"
#include "jsonpathlocator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// Not a raw string: moc misreads \" in one.
const QByteArray Frame =
    "{\"action\":\"send\",\"dest\":[\"bob\"],\"message\":{\"price\":12.5,\"items\":[{\"qty"
    "\":1},{\"qty\":2,\"tags\":[\"a\",\"b\"]},{\"qty\":3}],\"unit price\":7,\"a.b\":{\"c\":t"
    "rue},\"say \\\"hi\\\"\":-1,\"prix€\":1e3,\"_ok9\":null,\"9lives\":0,\"empty\":{},\"no"
    "ne\":[]}}";

// Position of the n-th occurrence of needle in text, plus offset.
int at(const QString &text, const char *utf8Needle, int offset = 0, int occurrence = 0) {
    const QString needle = QString::fromUtf8(utf8Needle);
    qsizetype from = 0;
    for (int i = 0;; ++i) {
        const qsizetype found = text.indexOf(needle, from);
        if (found < 0)
            return -1;
        if (i == occurrence)
            return int(found) + offset;
        from = found + 1;
    }
}

} // namespace

class TestJsonPathLocator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_pretty = JsonFormatter::pretty(Frame); }
    void keysAndValues_data();
    void keysAndValues();
    void bracesAndBrackets();
    void whiteSpaceCountsForItsLine();
    void kinds();
    void nothingWhereThereIsNoMember();
    void cutAndBrokenText();
    void pathsRoundTrip_data();
    void pathsRoundTrip();
    void invalidPaths_data();
    void invalidPaths();
    void valuesAtPaths();

private:
    QString m_pretty;
};

void TestJsonPathLocator::keysAndValues_data() {
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("occurrence");
    QTest::addColumn<QString>("path");
    QTest::newRow("top-level key") << "\"action\"" << 1 << 0 << "action";
    QTest::newRow("top-level value") << "\"send\"" << 2 << 0 << "action";
    QTest::newRow("opening quote of a key") << "\"price\"" << 0 << 0 << "message.price";
    QTest::newRow("closing quote of a key") << "\"price\"" << 6 << 0 << "message.price";
    QTest::newRow("the colon") << "\"price\":" << 7 << 0 << "message.price";
    QTest::newRow("a number") << "12.5" << 2 << 0 << "message.price";
    QTest::newRow("array element") << "\"bob\"" << 1 << 0 << "dest[0]";
    QTest::newRow("member of an array element") << "\"qty\": 2" << 7 << 0 << "message.items[1].qty";
    QTest::newRow("third element's key") << "\"qty\"" << 2 << 2 << "message.items[2].qty";
    QTest::newRow("nested array") << "\"b\"" << 1 << 0 << "message.items[1].tags[1]";
    QTest::newRow("key with a space") << "unit price" << 3 << 0 << "message[\"unit price\"]";
    QTest::newRow("key with a dot") << "\"a.b\"" << 2 << 0 << "message[\"a.b\"]";
    QTest::newRow("inside a key with a dot") << "\"c\"" << 1 << 0 << "message[\"a.b\"].c";
    QTest::newRow("key with quotes") << "say" << 0 << 0 << "message[\"say \\\"hi\\\"\"]";
    QTest::newRow("its value") << "-1" << 1 << 0 << "message[\"say \\\"hi\\\"\"]";
    QTest::newRow("unicode key") << "prix€" << 4 << 0 << "message[\"prix€\"]";
    QTest::newRow("identifier with underscore and digit") << "_ok9" << 1 << 0 << "message._ok9";
    QTest::newRow("name starting with a digit") << "9lives" << 0 << 0 << "message[\"9lives\"]";
}

void TestJsonPathLocator::keysAndValues() {
    QFETCH(QString, needle);
    QFETCH(int, offset);
    QFETCH(int, occurrence);
    QFETCH(QString, path);
    const int position = at(m_pretty, needle.toUtf8().constData(), offset, occurrence);
    QVERIFY2(position >= 0, qPrintable(needle));
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, position), path);
}

void TestJsonPathLocator::bracesAndBrackets() {
    // The braces of an object and the brackets of an array are the member's that holds it.
    const int messageBrace = at(m_pretty, "\"message\": {", 11);
    QCOMPARE(m_pretty.at(messageBrace), u'{');
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, messageBrace), QStringLiteral("message"));
    const int itemsBracket = at(m_pretty, "\"items\": [", 9);
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, itemsBracket), QStringLiteral("message.items"));
    // The closing brace of the second item, on a line of its own.
    const int tagsClose = at(m_pretty, "]", 0, 1); // dest's ] is the first
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, tagsClose), QStringLiteral("message.items[1].tags"));
    const int itemClose = m_pretty.indexOf(u'}', tagsClose);
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, itemClose), QStringLiteral("message.items[1]"));
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, at(m_pretty, "{}")),
             QStringLiteral("message.empty"));
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, at(m_pretty, "[]", 1)),
             QStringLiteral("message.none"));
    // The frame's own braces are the whole frame: no member.
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, 0), QString());
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, int(m_pretty.lastIndexOf(u'}'))), QString());
    QVERIFY(!JsonPathLocator::locate(m_pretty, 0).isMember());
    QCOMPARE(JsonPathLocator::locate(m_pretty, 0).kind, JsonPathLocator::Kind::Object);
}

void TestJsonPathLocator::whiteSpaceCountsForItsLine() {
    // The indentation before a key, and the end of the line after a value's comma.
    const int key = at(m_pretty, "\"price\"");
    QCOMPARE(m_pretty.at(key - 1), u' ');
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, key - 2), QStringLiteral("message.price"));
    const int lineEnd = int(m_pretty.indexOf(u'\n', key));
    QCOMPARE(m_pretty.at(lineEnd - 1), u',');
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, lineEnd), QStringLiteral("message.price"));
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, lineEnd - 1), QStringLiteral("message.price"));
    // The space between the colon and the value.
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, at(m_pretty, "\"price\": ", 8)),
             QStringLiteral("message.price"));
    // Past the end of the text: the last line, the frame's closing brace.
    QCOMPARE(JsonPathLocator::pathAt(m_pretty, int(m_pretty.size()) + 10), QString());
}

void TestJsonPathLocator::kinds() {
    using Kind = JsonPathLocator::Kind;
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "12.5")).kind, Kind::Number);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "\"price\"")).kind, Kind::Number);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "1e3")).kind, Kind::Number);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "-1")).kind, Kind::Number);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "\"send\"")).kind, Kind::String);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "true")).kind, Kind::Literal);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "null")).kind, Kind::Literal);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "\"items\"")).kind, Kind::Array);
    QCOMPARE(JsonPathLocator::locate(m_pretty, at(m_pretty, "\"message\"")).kind, Kind::Object);
}

void TestJsonPathLocator::nothingWhereThereIsNoMember() {
    QCOMPARE(JsonPathLocator::pathAt(QString(), 0), QString());
    QCOMPARE(JsonPathLocator::pathAt(QStringLiteral("(binary frame: see the hex view)"), 3),
             QString());
    QCOMPARE(JsonPathLocator::pathAt(QStringLiteral("42"), 1), QString());
    QCOMPARE(JsonPathLocator::locate(QStringLiteral("42"), 1).kind, JsonPathLocator::Kind::Number);
    // A blank line has no text to count for.
    QCOMPARE(JsonPathLocator::pathAt(QStringLiteral("{\n\n  \"a\": 1\n}"), 2), QString());
}

void TestJsonPathLocator::cutAndBrokenText() {
    // The details pane shows the first bytes of a long frame: what came before the cut is found.
    const QString cut = m_pretty.left(at(m_pretty, "\"tags\""));
    QCOMPARE(JsonPathLocator::pathAt(cut, at(cut, "12.5")), QStringLiteral("message.price"));
    QCOMPARE(JsonPathLocator::pathAt(cut, at(cut, "1", 0, 1)),
             QStringLiteral("message.items[0].qty"));
    // Text that stops being JSON: members before the damage are found, none after.
    const QString broken = QStringLiteral("{\n  \"a\": 1,\n  \"b\": ?,\n  \"c\": 3\n}");
    QCOMPARE(JsonPathLocator::pathAt(broken, at(broken, "1")), QStringLiteral("a"));
    QCOMPARE(JsonPathLocator::pathAt(broken, at(broken, "3")), QString());
    // A line break the pane put into a long key does not become part of its name.
    const QString split = QStringLiteral("{\n  \"lo\nng\": 5\n}");
    QCOMPARE(JsonPathLocator::pathAt(split, at(split, "5")), QStringLiteral("long"));
    // Escapes in keys are decoded: \u00e9 is é, a surrogate pair one character.
    const QString escaped = JsonFormatter::pretty(R"({"caf\u00e9":1,"\ud83d\ude00":2,"t\tab":3})");
    QCOMPARE(JsonPathLocator::pathAt(escaped, at(escaped, ": 1", 2)), QStringLiteral("[\"café\"]"));
    QCOMPARE(JsonPathLocator::pathAt(escaped, at(escaped, ": 2", 2)),
             QStringLiteral("[\"") + QString::fromUtf8("\xF0\x9F\x98\x80") + QStringLiteral("\"]"));
    QCOMPARE(JsonPathLocator::pathAt(escaped, at(escaped, ": 3", 2)),
             QStringLiteral("[\"t\\tab\"]"));
}

void TestJsonPathLocator::pathsRoundTrip_data() {
    QTest::addColumn<QString>("path");
    QTest::newRow("one name") << "action";
    QTest::newRow("dotted") << "message.price";
    QTest::newRow("indices") << "message.items[2].qty";
    QTest::newRow("index at the top") << "[0].a";
    QTest::newRow("quoted") << "message[\"unit price\"]";
    QTest::newRow("quoted first") << "[\"odd key\"].x";
    QTest::newRow("escapes") << "[\"say \\\"hi\\\" \\\\ now\"]";
    QTest::newRow("unicode") << "[\"prix€\"][3]";
}

void TestJsonPathLocator::pathsRoundTrip() {
    QFETCH(QString, path);
    QString error;
    const JsonPath parsed = JsonPath::parse(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!parsed.isEmpty());
    QCOMPARE(parsed.toString(), path);
}

void TestJsonPathLocator::invalidPaths_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("column");
    QTest::newRow("leading dot") << ".a" << 1;
    QTest::newRow("double dot") << "a..b" << 3;
    QTest::newRow("trailing dot") << "a." << 3;
    QTest::newRow("unclosed index") << "a[1" << 4;
    QTest::newRow("empty brackets") << "a[]" << 3;
    QTest::newRow("unterminated name") << "a[\"b" << 3;
    QTest::newRow("space") << "a b" << 2;
    QTest::newRow("digit first") << "1a" << 1;
}

void TestJsonPathLocator::invalidPaths() {
    QFETCH(QString, path);
    QFETCH(int, column);
    QString error;
    QVERIFY(JsonPath::parse(path, &error).isEmpty());
    QVERIFY2(error.endsWith(QStringLiteral("(column %1)").arg(column)), qPrintable(error));
}

void TestJsonPathLocator::valuesAtPaths() {
    const QJsonValue root = QJsonDocument::fromJson(Frame).object();
    QCOMPARE(JsonPath::parse(QStringLiteral("message.price")).valueIn(root).toDouble(), 12.5);
    QCOMPARE(JsonPath::parse(QStringLiteral("message.items[1].qty")).valueIn(root).toDouble(), 2.0);
    QCOMPARE(JsonPath::parse(QStringLiteral("message[\"unit price\"]")).valueIn(root).toDouble(),
             7.0);
    QCOMPARE(
        JsonPath::parse(QStringLiteral("message[\"say \\\"hi\\\"\"]")).valueIn(root).toDouble(),
        -1.0);
    QVERIFY(JsonPath::parse(QStringLiteral("message.items[9].qty")).valueIn(root).isUndefined());
    QVERIFY(JsonPath::parse(QStringLiteral("message.price.x")).valueIn(root).isUndefined());
    QVERIFY(JsonPath::parse(QStringLiteral("dest.x")).valueIn(root).isUndefined());
    // Every path the locator writes names the member it was found on.
    for (const char *needle : {"-1", "1e3", "7"}) {
        const QString path = JsonPathLocator::pathAt(m_pretty, at(m_pretty, needle));
        QVERIFY2(JsonPath::parse(path).valueIn(root).isDouble(), qPrintable(path));
    }
}

QTEST_APPLESS_MAIN(TestJsonPathLocator)
#include "tst_jsonpathlocator.moc"

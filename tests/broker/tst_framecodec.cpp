// Unit tests of FrameCodec: parsing client frames (every action, every error the codec
// produces, JSON edge cases) and building broker frames, cross-checked against QJsonDocument.
//
// QJsonDocument quirks found on Qt 6.4 (documented by qtJsonQuirks(), tolerated by the
// cross-checks; the codec follows RFC 8259 and JSON.parse, which the original broker uses):
//  1. raw control characters (U+0000..U+001F) inside strings are accepted;
//  2. unknown escapes such as \x or \q are accepted (as the escaped character);
//  3. numbers without integer or fraction digits (".5", "-.5", "1.", "1.e5") are accepted;
//  4. a leading UTF-8 byte order mark is accepted;
//  5. numbers beyond the range of a double (1e400) are rejected (JSON.parse gives Infinity);
//  6. only an object or an array is accepted at top level (RFC 8259 allows any value);
//  7. nesting is limited to 1024 levels (the codec's limit is a setting, 128 by default);
//  8. invalid UTF-8 is rejected; the codec leaves that to the WebSocket layer, which closes
//     such connections with 1007 before a frame reaches the codec.
// Duplicate member names behave alike: the last one wins, as in JSON.parse.

#include "brokertestformatting.h"
#include "framecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTest>

#include <optional>

namespace {

constexpr qsizetype DefaultMaxDestinations = 1000;

// A JSON text on its own as a QJsonValue (QJsonDocument wants an array or object around it);
// Undefined when the text is not valid JSON.
QJsonValue jsonValueOf(QByteArrayView text) {
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[" + text.toByteArray() + "]"), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().at(0);
}

// A QString as the codec decodes it to UTF-8: lone surrogates become U+FFFD.
QByteArray utf8AsCodecDecodes(const QString &text) {
    QString fixed = text;
    for (qsizetype i = 0; i < fixed.size(); ++i) {
        const QChar c = fixed.at(i);
        if (c.isHighSurrogate() && i + 1 < fixed.size() && fixed.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            fixed[i] = QChar::ReplacementCharacter;
    }
    return fixed.toUtf8();
}

QByteArray nested(int depth, char open, char close, QByteArrayView inner = {}) {
    QByteArray out;
    for (int i = 0; i < depth; ++i) {
        out += open;
        if (open == '{')
            out += "\"k\":";
    }
    out += inner;
    if (open == '{' && inner.isEmpty())
        out += "null";
    for (int i = 0; i < depth; ++i)
        out += close;
    return out;
}

QByteArray destArray(qsizetype count) {
    QByteArray out = "[";
    for (qsizetype i = 0; i < count; ++i) {
        if (i)
            out += ',';
        out += '"' + QByteArray::number(i) + '"';
    }
    return out + ']';
}

QByteArray sendWithMessage(QByteArrayView messageJson) {
    return R"({"action":"send","dest":"b","message":)" + messageJson.toByteArray() + "}";
}

// What the codec must answer for a frame that QJsonDocument parsed as an object: the
// protocol's rules applied to the parsed members, independently of the codec's scanner.
FrameError expectedErrorFor(const QJsonObject &frame, const FrameCodec::Limits &limits) {
    const QJsonValue action = frame.value(QStringLiteral("action"));
    if (!action.isString())
        return FrameError::InvalidField;
    const QString name = action.toString();
    const QJsonValue ack = frame.value(QStringLiteral("ack"));
    if (name == QLatin1String("register")) {
        const QJsonValue id = frame.value(QStringLiteral("id"));
        if (!id.isString() || id.toString().isEmpty() ||
            utf8AsCodecDecodes(id.toString()).size() > limits.maxIdLength)
            return FrameError::InvalidField;
        return FrameError::None;
    }
    if (name == QLatin1String("unregister"))
        return FrameError::None;
    if (name == QLatin1String("send")) {
        if (!ack.isUndefined() && !ack.isString())
            return FrameError::InvalidField;
        const QJsonValue dest = frame.value(QStringLiteral("dest"));
        if (dest.isArray()) {
            const QJsonArray ids = dest.toArray();
            for (qsizetype i = 0; i < ids.size(); ++i) {
                if (!ids.at(i).isString())
                    return FrameError::InvalidField;
                if (i >= limits.maxDestinations)
                    return FrameError::TooManyDestinations;
            }
        } else if (!dest.isString()) {
            return FrameError::InvalidField;
        }
        return frame.contains(QStringLiteral("message")) ? FrameError::None
                                                         : FrameError::InvalidField;
    }
    if (name == QLatin1String("answer"))
        return ack.isString() ? FrameError::None : FrameError::InvalidField;
    return FrameError::UnknownAction;
}

// Compares what the codec took out of a valid request with what QJsonDocument parsed.
QString compareMembers(const ParsedRequest &r, const QJsonObject &frame) {
    const auto stringMember = [&](const char *name) {
        return utf8AsCodecDecodes(frame.value(QLatin1StringView(name)).toString());
    };
    if (r.action == FrameAction::Register && r.id != stringMember("id"))
        return QStringLiteral("id differs");
    const QJsonValue ack = frame.value(QStringLiteral("ack"));
    if (ack.isString() != r.hasAck())
        return QStringLiteral("ack presence differs");
    if (r.hasAck() && (r.ack != stringMember("ack") || jsonValueOf(r.ackJson) != ack))
        return QStringLiteral("ack differs");
    if (r.action == FrameAction::Send) {
        const QJsonValue dest = frame.value(QStringLiteral("dest"));
        QList<QByteArray> expected;
        if (dest.isString())
            expected.append(utf8AsCodecDecodes(dest.toString()));
        for (const QJsonValue &id : dest.toArray())
            expected.append(utf8AsCodecDecodes(id.toString()));
        if (r.dest != expected)
            return QStringLiteral("dest differs");
    }
    if (r.action == FrameAction::Send || r.action == FrameAction::Answer) {
        const QJsonValue message = frame.value(QStringLiteral("message"));
        if (r.message.isNull() != message.isUndefined())
            return QStringLiteral("message presence differs");
        if (!r.message.isNull() && jsonValueOf(r.message) != message)
            return QStringLiteral("message value differs");
    }
    return {};
}

// Explains a verdict that differs between the codec and QJsonDocument by one of Qt's known
// quirks (see the top of this file), checking the codec's reported offset against the text.
// Returns an empty string when no quirk explains it.
QString qtQuirkExplaining(const QByteArray &text, const ParsedRequest &r,
                          QJsonParseError::ParseError qtError) {
    const bool codecJsonValid = r.error != FrameError::InvalidJson;
    const bool qtValid = qtError == QJsonParseError::NoError;
    if (codecJsonValid && !qtValid) {
        if (r.error == FrameError::NotAnObject && qtError == QJsonParseError::IllegalValue)
            return QStringLiteral("top-level scalar");
        if (qtError == QJsonParseError::IllegalNumber)
            return QStringLiteral("number beyond double range");
        return {};
    }
    if (!codecJsonValid && qtValid) {
        static const QRegularExpression at(QStringLiteral("^(.*) at offset (\\d+)"));
        const QRegularExpressionMatch m = at.match(r.errorReason);
        if (!m.hasMatch())
            return {};
        const QString what = m.captured(1);
        const qsizetype offset = m.captured(2).toLongLong();
        const auto byteAt = [&](qsizetype i) -> char {
            return i >= 0 && i < text.size() ? text.at(i) : '\0';
        };
        if (what == QLatin1String("control character in string") &&
            static_cast<unsigned char>(byteAt(offset)) < 0x20 && offset < text.size())
            return QStringLiteral("raw control character");
        if (what == QLatin1String("invalid escape") && byteAt(offset) == '\\' &&
            !QByteArrayView("\"\\/bfnrtu").contains(byteAt(offset + 1)))
            return QStringLiteral("unknown escape");
        if ((what == QLatin1String("invalid number") ||
             what == QLatin1String("unexpected character")) &&
            (byteAt(offset) == '.' || byteAt(offset - 1) == '.'))
            return QStringLiteral("number without digits");
        if (offset == 0 && text.startsWith("\xEF\xBB\xBF"))
            return QStringLiteral("byte order mark");
    }
    return {};
}

} // namespace

class TestFrameCodec : public QObject {
    Q_OBJECT

private slots:
    void validRequests_data();
    void validRequests();
    void messageValues_data();
    void messageValues();
    void errors_data();
    void errors();
    void nestingDepth_data();
    void nestingDepth();
    void namesOfActionsAndErrors();

    void crossCheckCorpus_data();
    void crossCheckCorpus();
    void crossCheckMutations();
    void qtJsonQuirks_data();
    void qtJsonQuirks();

    void buildersMatchTheOriginal_data();
    void buildersMatchTheOriginal();
    void builders_data();
    void builders();
    void errorBuilderEveryCode();
    void quoteRoundTrips_data();
    void quoteRoundTrips();
    void quoteEveryByte();
};

// ---------------------------------------------------------------------------------------------
// Valid requests

void TestFrameCodec::validRequests_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<FrameAction>("action");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArrayList>("dest");
    QTest::addColumn<bool>("hasMessage");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("ackJson"); // empty: no ack
    QTest::addColumn<QByteArray>("ack");

    const auto reg = [](const char *name, const QByteArray &frame, const QByteArray &id) {
        QTest::newRow(name) << frame << FrameAction::Register << id << QByteArrayList{} << false
                            << QByteArray() << QByteArray() << QByteArray();
    };
    reg("register", R"({"action":"register","id":"client1"})", "client1");
    reg("register, members reversed", R"({"id":"client1","action":"register"})", "client1");
    reg("register, whitespace everywhere",
        " \t\r\n{ \t\r\n\"action\" \t\r\n: \t\r\n\"register\" \t\r\n, \t\r\n\"id\" \t\r\n: "
        "\t\r\n\"x\" \t\r\n} \t\r\n",
        "x");
    reg("register, unknown members of every type ignored",
        R"({"n":-1.5e-7,"action":"register","o":{"deep":[1,{"a":null}],"s":"}"},"id":"x",)"
        R"("t":true,"f":false,"z":null,"a":[[],{}],"s":"\"id\":\"y\""})",
        "x");
    reg("register, duplicate id: last wins", R"({"action":"register","id":"first","id":"second"})",
        "second");
    reg("register, duplicate action: last wins",
        R"({"action":"send","id":"x","action":"register"})", "x");
    reg("register, escaped member names and values",
        R"({"act\u0069on":"re\u0067ister","\u0069d":"x"})", "x");
    reg("register, every short escape", R"({"action":"register","id":"q\"b\\s\/b\bf\fn\nr\rt\t"})",
        "q\"b\\s/b\bf\fn\nr\rt\t");
    reg("register, escaped NUL", R"({"action":"register","id":"a\u0000b"})", QByteArray("a\0b", 3));
    reg("register, only NUL", R"({"action":"register","id":"\u0000"})", QByteArray(1, '\0'));
    reg("register, BMP raw", R"({"action":"register","id":"é€中"})", "é€中");
    reg("register, BMP escaped, mixed hex case",
        R"({"action":"register","id":"\u00e9\u20AC\u4E2d"})", "é€中");
    reg("register, astral raw", R"({"action":"register","id":"😀𝄞"})", "😀𝄞");
    reg("register, surrogate pair escaped", R"({"action":"register","id":"\ud83d\ude00"})", "😀");
    reg("register, surrogate pair upper case", R"({"action":"register","id":"\uD834\uDD1E"})", "𝄞");
    reg("register, lone high surrogate", R"({"action":"register","id":"a\ud800b"})",
        "a\xEF\xBF\xBD"
        "b");
    reg("register, lone low surrogate", R"({"action":"register","id":"\udc00"})", "\xEF\xBF\xBD");
    reg("register, high surrogate then other escape",
        R"({"action":"register","id":"\ud800\u0041"})",
        "\xEF\xBF\xBD"
        "A");
    reg("register, high surrogate at end", R"({"action":"register","id":"x\ud83d"})",
        "x\xEF\xBF\xBD");
    reg("register, DEL and U+2028 raw", "{\"action\":\"register\",\"id\":\"\x7f\xE2\x80\xA8\"}",
        "\x7f\xE2\x80\xA8");
    reg("register, id at the length limit",
        R"({"action":"register","id":")" + QByteArray(256, 'x') + "\"}", QByteArray(256, 'x'));

    QTest::newRow("register with an ack-like member")
        << QByteArray(R"({"action":"register","id":"x","ack":"k"})") << FrameAction::Register
        << QByteArray("x") << QByteArrayList{} << false << QByteArray() << QByteArray("\"k\"")
        << QByteArray("k");

    const auto unreg = [](const char *name, const QByteArray &frame) {
        QTest::newRow(name) << frame << FrameAction::Unregister << QByteArray() << QByteArrayList{}
                            << false << QByteArray() << QByteArray() << QByteArray();
    };
    unreg("unregister", R"({"action":"unregister"})");
    unreg("unregister with the original's id member", R"({"action":"unregister","id":"client1"})");
    unreg("unregister with an id of another type", R"({"id":42,"action":"unregister"})");
    unreg("unregister, whitespace", "\n{\n\"action\"\n:\n\"unregister\"\n}\n");

    const auto send = [](const char *name, const QByteArray &frame, const QByteArrayList &dest,
                         const QByteArray &message, const QByteArray &ackJson = {},
                         const QByteArray &ack = {}) {
        QTest::newRow(name) << frame << FrameAction::Send << QByteArray() << dest << true << message
                            << ackJson << ack;
    };
    send("send to a string", R"({"action":"send","dest":"b","message":"hi"})", {"b"}, "\"hi\"");
    send("send to an array", R"({"action":"send","dest":["b","c"],"message":1})", {"b", "c"}, "1");
    send("send, duplicate destinations kept in order",
         R"({"action":"send","dest":["b","c","b"],"message":1})", {"b", "c", "b"}, "1");
    send("send to an empty array", R"({"action":"send","dest":[],"message":1})", {}, "1");
    send("send to an empty array with whitespace", R"({"action":"send","dest":[ ],"message":1})",
         {}, "1");
    send("send, array with whitespace",
         "{\"action\":\"send\",\"dest\":[ \"b\"\t,\n\"c\" ],"
         "\"message\":1}",
         {"b", "c"}, "1");
    send("send, escaped destinations",
         R"({"action":"send","dest":["\u0062","a\u0000"],"message":1})",
         {"b", QByteArray("a\0", 2)}, "1");
    send("send to the empty id", R"({"action":"send","dest":"","message":1})", {""}, "1");
    send("send with ack", R"({"action":"send","dest":"b","message":null,"ack":"x7Gq2"})", {"b"},
         "null", "\"x7Gq2\"", "x7Gq2");
    send("send with an empty ack", R"({"action":"send","dest":"b","message":1,"ack":""})", {"b"},
         "1", "\"\"", "");
    send("send with an escaped ack",
         R"({"action":"send","dest":"b","message":1,"ack":"k\u00e9\n"})", {"b"}, "1",
         R"("k\u00e9\n")", "ké\n");
    send("send, members reversed", R"({"ack":"a","message":[1],"dest":"b","action":"send"})", {"b"},
         "[1]", "\"a\"", "a");
    send("send, action in the middle", R"({"message":{},"action":"send","ack":"a","dest":["b"]})",
         {"b"}, "{}", "\"a\"", "a");
    send("send, duplicate dest: last wins",
         R"({"action":"send","dest":"a","dest":["b"],"message":1})", {"b"}, "1");
    send("send, duplicate message: last wins",
         R"({"action":"send","dest":"b","message":1,"message":{"x":2}})", {"b"}, R"({"x":2})");
    send("send, duplicate ack: last wins",
         R"({"action":"send","dest":"b","message":1,"ack":"a","ack":"b"})", {"b"}, "1", "\"b\"",
         "b");
    send("send, whitespace around every value",
         "{ \"action\" : \"send\" , \"dest\" : [ \"b\" ] , \"message\" : [ 1 , { \"a\" : 2 } ] ,"
         " \"ack\" : \"k\" }",
         {"b"}, "[ 1 , { \"a\" : 2 } ]", "\"k\"", "k");
    QList<QByteArray> thousand;
    for (int i = 0; i < DefaultMaxDestinations; ++i)
        thousand.append(QByteArray::number(i));
    send("send to as many destinations as allowed",
         R"({"action":"send","dest":)" + destArray(DefaultMaxDestinations) + R"(,"message":1})",
         thousand, "1");

    const auto answer = [](const char *name, const QByteArray &frame, const QByteArray &ackJson,
                           const QByteArray &ack, std::optional<QByteArray> message) {
        QTest::newRow(name) << frame << FrameAction::Answer << QByteArray() << QByteArrayList{}
                            << message.has_value() << message.value_or(QByteArray()) << ackJson
                            << ack;
    };
    answer("answer", R"({"action":"answer","ack":"x7Gq2","message":"Hi to you too, sir."})",
           "\"x7Gq2\"", "x7Gq2", QByteArray("\"Hi to you too, sir.\""));
    answer("answer without message", R"({"action":"answer","ack":"k"})", "\"k\"", "k",
           std::nullopt);
    answer("answer with null message", R"({"action":"answer","ack":"k","message":null})", "\"k\"",
           "k", QByteArray("null"));
    answer("answer, members reversed", R"({"message":[true],"ack":"k","action":"answer"})", "\"k\"",
           "k", QByteArray("[true]"));
    answer("answer with an empty ack", R"({"action":"answer","ack":""})", "\"\"", "", std::nullopt);
    answer("answer with the original's extra members",
           R"({"action":"answer","ack":"k","from":"x","dest":"y","message":0})", "\"k\"", "k",
           QByteArray("0"));
}

void TestFrameCodec::validRequests() {
    QFETCH(QByteArray, frame);
    QFETCH(FrameAction, action);
    QFETCH(QByteArray, id);
    QFETCH(QByteArrayList, dest);
    QFETCH(bool, hasMessage);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, ackJson);
    QFETCH(QByteArray, ack);

    const ParsedRequest r = FrameCodec::parse(frame);
    QCOMPARE(r.error, FrameError::None);
    QVERIFY2(r.isValid(), qPrintable(r.errorReason));
    QVERIFY(r.errorReason.isEmpty());
    QCOMPARE(r.action, action);
    QCOMPARE(r.id, id);
    QCOMPARE(r.dest, dest);
    QCOMPARE(!r.message.isNull(), hasMessage);
    QCOMPARE(r.message.toByteArray(), message);
    QCOMPARE(r.hasAck(), !ackJson.isEmpty());
    QCOMPARE(r.ackJson.toByteArray(), ackJson);
    QCOMPARE(r.ack, ack);
    if (hasMessage) {
        // The raw view must be a JSON value on its own, lying inside the frame.
        QVERIFY(!jsonValueOf(r.message).isUndefined());
        QVERIFY(r.message.data() >= frame.constData() &&
                r.message.data() + r.message.size() <= frame.constData() + frame.size());
    }
}

// Every JSON type as a message value: the codec keeps the exact text, which is one JSON value
// deep-equal to what QJsonDocument makes of it.
void TestFrameCodec::messageValues_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("object") << QByteArray(R"({"complex":"thing"})");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("array") << QByteArray(R"([1,"two",[3],{"4":null}])");
    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("string") << QByteArray(R"("Hi there")");
    QTest::newRow("empty string") << QByteArray(R"("")");
    QTest::newRow("string with every escape")
        << QByteArray(R"("\"\\\/\b\f\n\r\t\u0000\u001f\u00e9\ud83d\ude00")");
    QTest::newRow("string with escaped NUL only") << QByteArray(R"("\u0000")");
    QTest::newRow("string with raw Unicode") << QByteArray(R"("é€中😀𝄞")");
    QTest::newRow("string with lone surrogate escapes") << QByteArray(R"("\ud800 \udfff")");
    QTest::newRow("string that looks like JSON") << QByteArray(R"("{\"action\":\"send\"}")");
    QTest::newRow("integer") << QByteArray("42");
    QTest::newRow("zero") << QByteArray("0");
    QTest::newRow("negative zero") << QByteArray("-0");
    QTest::newRow("fraction") << QByteArray("3.14159");
    QTest::newRow("exponent") << QByteArray("-1.5E+300");
    QTest::newRow("small exponent") << QByteArray("1e-7");
    QTest::newRow("big integer") << QByteArray("12345678901234567890");
    QTest::newRow("true") << QByteArray("true");
    QTest::newRow("false") << QByteArray("false");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("nested") << QByteArray(
        R"({"a":[{"b":[[{"c":{"d":[null,true,false,0,-1.25,"e",{}]}}]]}],"f":{"g":[[[]]]}})");
    QTest::newRow("whitespace inside") << QByteArray("{ \"a\" :\t[ 1 ,\n2 ] ,\r\n\"b\" : { } }");
    QTest::newRow("duplicate keys inside") << QByteArray(R"({"k":1,"k":2})");
    QTest::newRow("member names that are protocol words")
        << QByteArray(R"({"action":"register","id":"x","dest":"y","ack":"z"})");
    QTest::newRow("deep, at the limit") << nested(127, '[', ']');
}

void TestFrameCodec::messageValues() {
    QFETCH(QByteArray, value);
    for (const QByteArray &frame :
         {sendWithMessage(value),
          QByteArray(R"({"action":"answer","ack":"k","message":)" + value + "}"),
          QByteArray(R"({"message":)" + value + R"(,"action":"send","dest":["b"]})")}) {
        const ParsedRequest r = FrameCodec::parse(frame);
        QVERIFY2(r.isValid(), qPrintable(r.errorReason));
        QCOMPARE(r.message.toByteArray(), value);
        // Deep-equal to what QJsonDocument reads from the whole frame.
        const QJsonObject parsed = QJsonDocument::fromJson(frame).object();
        QVERIFY(parsed.contains(QStringLiteral("message")));
        QCOMPARE(jsonValueOf(r.message), parsed.value(QStringLiteral("message")));
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

void TestFrameCodec::errors_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<FrameError>("error");
    QTest::addColumn<QStringList>("reasonParts"); // each must appear in the reason
    QTest::addColumn<QByteArray>("ackJson");      // the ack the error reply echoes
    QTest::addColumn<int>("maxDestinations");
    QTest::addColumn<int>("maxIdLength");

    const auto row = [](const char *name, const QByteArray &frame, FrameError error,
                        const QStringList &parts, const QByteArray &ackJson = {},
                        int maxDestinations = DefaultMaxDestinations, int maxIdLength = 256) {
        QTest::newRow(name) << frame << error << parts << ackJson << maxDestinations << maxIdLength;
    };
    const auto json = [&](const char *name, const QByteArray &frame, const QString &what,
                          int offset) {
        row(name, frame, FrameError::InvalidJson,
            {QStringLiteral("%1 at offset %2").arg(what).arg(offset)});
    };

    // invalid-json: the reason says what and where.
    json("empty frame", "", QStringLiteral("empty frame"), 0);
    json("whitespace only", " \n\t", QStringLiteral("empty frame"), 3);
    json("lone brace", "{", QStringLiteral("unterminated object"), 1);
    json("unterminated string", R"({"action":"send)", QStringLiteral("unterminated string"), 10);
    json("unterminated member name", R"({"act)", QStringLiteral("unterminated string"), 1);
    json("member name without value", R"({"action")", QStringLiteral("expected ':'"), 9);
    json("missing colon", R"({"action" "send"})", QStringLiteral("expected ':'"), 10);
    json("missing comma", R"({"a":1 "b":2})", QStringLiteral("expected ',' or '}'"), 7);
    json("trailing comma in object", R"({"action":"send","dest":"a",})",
         QStringLiteral("expected a member name"), 28);
    json("trailing comma in array", R"({"a":[1,]})", QStringLiteral("unexpected character"), 8);
    json("leading comma in array", R"({"a":[,1]})", QStringLiteral("unexpected character"), 6);
    json("double comma", R"({"a":1,,"b":2})", QStringLiteral("expected a member name"), 7);
    json("empty member", "{,}", QStringLiteral("expected a member name"), 1);
    json("single quotes", "{'a':1}", QStringLiteral("expected a member name"), 1);
    json("unquoted member name", "{a:1}", QStringLiteral("expected a member name"), 1);
    json("number as member name", "{1:1}", QStringLiteral("expected a member name"), 1);
    json("missing value", R"({"a":})", QStringLiteral("unexpected character"), 5);
    json("raw tab in string", "{\"id\":\"a\tb\"}", QStringLiteral("control character in string"),
         8);
    json("raw newline in string", "{\"id\":\"a\nb\"}",
         QStringLiteral("control character in string"), 8);
    json("raw NUL in string", QByteArray("{\"id\":\"a\0b\"}", 12),
         QStringLiteral("control character in string"), 8);
    json("raw 0x1f in member name", "{\"a\x1f\":1}", QStringLiteral("control character in string"),
         3);
    json("raw NUL after the object", QByteArray("{\"a\":1}\0", 8),
         QStringLiteral("unexpected data after the object"), 7);
    json("truncated true", R"({"a":tru})", QStringLiteral("invalid literal"), 5);
    json("truncated null at end", R"({"a":nul)", QStringLiteral("invalid literal"), 5);
    json("capitalised literal", R"({"a":True})", QStringLiteral("unexpected character"), 5);
    json("literal with tail", R"({"a":falsey})", QStringLiteral("expected ',' or '}'"), 10);
    json("leading zero", R"({"a":01})", QStringLiteral("expected ',' or '}'"), 6);
    json("negative leading zero", R"({"a":-01})", QStringLiteral("expected ',' or '}'"), 7);
    json("fraction without digits", R"({"a":1.})", QStringLiteral("invalid number"), 7);
    json("fraction without digits, exponent", R"({"a":1.e5})", QStringLiteral("invalid number"), 7);
    json("exponent without digits", R"({"a":1e})", QStringLiteral("invalid number"), 7);
    json("exponent sign without digits", R"({"a":1e-})", QStringLiteral("invalid number"), 8);
    json("minus alone", R"({"a":-})", QStringLiteral("invalid number"), 6);
    json("minus then dot", R"({"a":-.5})", QStringLiteral("invalid number"), 6);
    json("plus sign", R"({"a":+1})", QStringLiteral("unexpected character"), 5);
    json("leading dot", R"({"a":.5})", QStringLiteral("unexpected character"), 5);
    json("NaN", R"({"a":NaN})", QStringLiteral("unexpected character"), 5);
    json("Infinity", R"({"a":Infinity})", QStringLiteral("unexpected character"), 5);
    json("hex number", R"({"a":0x1})", QStringLiteral("expected ',' or '}'"), 6);
    json("unknown escape", R"({"a":"\x"})", QStringLiteral("invalid escape"), 6);
    json("escaped single quote", R"({"a":"\'"})", QStringLiteral("invalid escape"), 6);
    json("short \\u escape", R"({"a":"\u12"})", QStringLiteral("invalid \\u escape"), 8);
    json("non-hex \\u escape", R"({"a":"\uZZZZ"})", QStringLiteral("invalid \\u escape"), 8);
    json("truncated \\u escape", R"({"a":"\u12)", QStringLiteral("truncated \\u escape"), 8);
    json("bad escape after high surrogate", R"({"a":"\ud83d\uZZZZ"})",
         QStringLiteral("invalid \\u escape"), 14);
    json("backslash at the end", R"({"a":"x\)", QStringLiteral("unterminated string"), 8);
    json("unterminated array", R"({"a":[1,2)", QStringLiteral("unterminated array"), 9);
    json("unterminated array after bracket", R"({"a":[)", QStringLiteral("unexpected end of input"),
         6);
    json("unterminated nested object", R"({"a":{)", QStringLiteral("unterminated object"), 6);
    json("unterminated object after value", R"({"a":1)", QStringLiteral("unterminated object"), 6);
    json("mismatched brackets", R"({"a":[1}})", QStringLiteral("expected ',' or ']'"), 7);
    json("comment", "{\"a\":1 // c\n}", QStringLiteral("expected ',' or '}'"), 7);
    json("trailing garbage", "{} x", QStringLiteral("unexpected data after the object"), 3);
    json("two objects", "{}{}", QStringLiteral("unexpected data after the object"), 2);
    json("request then a number", R"({"action":"register","id":"a"} 1)",
         QStringLiteral("unexpected data after the object"), 31);
    json("top level: value then garbage", "42 x", QStringLiteral("unexpected data after the value"),
         3);
    json("top level: array then bracket", "[] ]", QStringLiteral("unexpected data after the value"),
         3);
    json("top level: unterminated array", "[1,", QStringLiteral("unexpected end of input"), 3);
    json("top level: unterminated string", R"("abc)", QStringLiteral("unterminated string"), 0);
    json("top level: bad literal", "nope", QStringLiteral("invalid literal"), 0);
    json("top level: garbage", "x", QStringLiteral("unexpected character"), 0);
    json("byte order mark", "\xEF\xBB\xBF{}", QStringLiteral("unexpected character"), 0);
    row("too deep", sendWithMessage(nested(128, '[', ']')), FrameError::InvalidJson,
        {QStringLiteral("nesting too deep at offset 165"), QStringLiteral("limit 128")});

    // not-an-object: valid JSON of another type.
    for (const char *text : {"[]", " [1, {\"a\":2}] ", "\"register\"", "\"\"", "42", "-1.5e3",
                             "true", "false", "null", "\n null \n"}) {
        row(QByteArray("not an object: " + QByteArray(text).trimmed()).constData(), text,
            FrameError::NotAnObject, {QStringLiteral("object")});
    }

    // unknown-action
    const auto unknown = [&](const char *name, const QByteArray &frame, const QString &action,
                             const QByteArray &ackJson = {}) {
        row(name, frame, FrameError::UnknownAction,
            {QStringLiteral("unknown action \"%1\"").arg(action)}, ackJson);
    };
    unknown("unknown action", R"({"action":"bogus"})", QStringLiteral("bogus"));
    unknown("empty action", R"({"action":""})", QString());
    unknown("action in another case", R"({"action":"Register","id":"x"})",
            QStringLiteral("Register"));
    unknown("action with a trailing space", R"({"action":"send ","dest":"b","message":1})",
            QStringLiteral("send "));
    unknown("action with escaped NUL", R"({"action":"send\u0000","dest":"b","message":1})",
            QStringLiteral("send") + QChar(0));
    unknown("broker action: message", R"({"action":"message","message":1,"from":"a"})",
            QStringLiteral("message"));
    unknown("broker action: registered", R"({"action":"registered","id":"x"})",
            QStringLiteral("registered"));
    unknown("broker action: unregistered", R"({"action":"unregistered","id":"x"})",
            QStringLiteral("unregistered"));
    unknown("broker action: error", R"({"action":"error","code":"x","reason":"y"})",
            QStringLiteral("error"));
    unknown("unknown action with ack", R"({"action":"bogus","ack":"k1"})", QStringLiteral("bogus"),
            "\"k1\"");

    // invalid-field: the reason names the member and, for a wrong type, the type it got.
    const auto field = [&](const char *name, const QByteArray &frame, const QStringList &parts,
                           const QByteArray &ackJson = {}) {
        row(name, frame, FrameError::InvalidField, parts, ackJson);
    };
    const QString missing = QStringLiteral("missing");
    const QList<std::pair<const char *, const char *>> wrongTypes = {
        {"42", "a number"},     {"null", "null"},        {"true", "a boolean"},
        {"false", "a boolean"}, {"[\"x\"]", "an array"}, {"{\"x\":1}", "an object"},
    };
    field("action missing, empty object", "{}", {QStringLiteral("\"action\""), missing});
    field("action missing", R"({"id":"x"})", {QStringLiteral("\"action\""), missing});
    field("action missing, escaped name differs", R"({"actio\u006e ":"register","id":"x"})",
          {QStringLiteral("\"action\""), missing});
    for (const auto &[value, type] : wrongTypes) {
        const QString got = QStringLiteral("not %1").arg(QLatin1StringView(type));
        row(QByteArray("action is ").append(type).constData(),
            R"({"action":)" + QByteArray(value) + R"(,"id":"x"})", FrameError::InvalidField,
            {QStringLiteral("\"action\""), got});
        if (QByteArrayView(value) != "[\"x\"]") {
            row(QByteArray("register: id is ").append(type).constData(),
                R"({"action":"register","id":)" + QByteArray(value) + "}", FrameError::InvalidField,
                {QStringLiteral("\"id\""), got});
        }
        if (QByteArrayView(value) != "[\"x\"]") {
            row(QByteArray("send: dest is ").append(type).constData(),
                R"({"action":"send","message":1,"dest":)" + QByteArray(value) + "}",
                FrameError::InvalidField, {QStringLiteral("\"dest\""), got});
        }
        row(QByteArray("send: ack is ").append(type).constData(),
            R"({"action":"send","dest":"b","message":1,"ack":)" + QByteArray(value) + "}",
            FrameError::InvalidField, {QStringLiteral("\"ack\""), got});
        row(QByteArray("answer: ack is ").append(type).constData(),
            R"({"action":"answer","message":1,"ack":)" + QByteArray(value) + "}",
            FrameError::InvalidField, {QStringLiteral("\"ack\""), got});
    }
    row("register: id is an array", R"({"action":"register","id":["x"]})", FrameError::InvalidField,
        {QStringLiteral("\"id\""), QStringLiteral("not an array")});
    field("register: id missing", R"({"action":"register"})", {QStringLiteral("\"id\""), missing});
    field("register: id empty", R"({"action":"register","id":""})",
          {QStringLiteral("\"id\""), QStringLiteral("empty")});
    field("register: id one byte too long",
          R"({"action":"register","id":")" + QByteArray(257, 'x') + "\"}",
          {QStringLiteral("\"id\""), QStringLiteral("256 bytes")});
    row("register: id too long in bytes, not characters", R"({"action":"register","id":"éé"})",
        FrameError::InvalidField, {QStringLiteral("\"id\""), QStringLiteral("3 bytes")}, {},
        DefaultMaxDestinations, 3);
    field("register: last id empty", R"({"action":"register","id":"x","id":""})",
          {QStringLiteral("\"id\""), QStringLiteral("empty")});
    field("register: id missing, with ack", R"({"action":"register","ack":"k3"})",
          {QStringLiteral("\"id\"")}, "\"k3\"");
    field("send: dest missing", R"({"action":"send","message":1})",
          {QStringLiteral("\"dest\""), missing});
    field("send: dest missing, with ack", R"({"action":"send","message":1,"ack":"k2"})",
          {QStringLiteral("\"dest\""), missing}, "\"k2\"");
    for (const char *bad : {"1", "null", "[\"x\"]", "{}", "true"}) {
        row(QByteArray("send: dest array holds ").append(bad).constData(),
            R"({"action":"send","message":1,"dest":["a",)" + QByteArray(bad) + "]}",
            FrameError::InvalidField, {QStringLiteral("\"dest\""), QStringLiteral("strings")});
    }
    field("send: dest array starts with a number", R"({"action":"send","message":1,"dest":[1]})",
          {QStringLiteral("\"dest\""), QStringLiteral("strings")});
    field("send: message missing", R"({"action":"send","dest":"b"})",
          {QStringLiteral("\"message\""), missing});
    field("send: message missing, with ack", R"({"action":"send","dest":"b","ack":"k4"})",
          {QStringLiteral("\"message\""), missing}, "\"k4\"");
    field("send: dest wrong type, with ack", R"({"action":"send","dest":7,"message":1,"ack":"k5"})",
          {QStringLiteral("\"dest\"")}, "\"k5\"");
    field("answer: ack missing", R"({"action":"answer","message":1})",
          {QStringLiteral("\"ack\""), missing});
    field("answer: last ack of wrong type", R"({"action":"answer","ack":"k","ack":1})",
          {QStringLiteral("\"ack\""), QStringLiteral("not a number")});

    // too-many-destinations
    row("too many destinations",
        R"({"action":"send","message":1,"dest":)" + destArray(DefaultMaxDestinations + 1) + "}",
        FrameError::TooManyDestinations, {QStringLiteral("\"dest\""), QStringLiteral("1000")});
    row("too many destinations, small limit, with ack",
        R"({"action":"send","message":1,"ack":"k6","dest":["a","b","c"]})",
        FrameError::TooManyDestinations, {QStringLiteral("more than 2")}, "\"k6\"", 2);
    row("duplicates count towards the limit", R"({"action":"send","message":1,"dest":["a","a"]})",
        FrameError::TooManyDestinations, {QStringLiteral("more than 1")}, {}, 1);
}

void TestFrameCodec::errors() {
    QFETCH(QByteArray, frame);
    QFETCH(FrameError, error);
    QFETCH(QStringList, reasonParts);
    QFETCH(QByteArray, ackJson);
    QFETCH(int, maxDestinations);
    QFETCH(int, maxIdLength);

    FrameCodec::Limits limits;
    limits.maxDestinations = maxDestinations;
    limits.maxIdLength = maxIdLength;
    const ParsedRequest r = FrameCodec::parse(frame, limits);
    QCOMPARE(r.error, error);
    QVERIFY(!r.isValid());
    for (const QString &part : reasonParts)
        QVERIFY2(r.errorReason.contains(part),
                 qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(r.errorReason, part)));
    QCOMPARE(r.ackJson.toByteArray(), ackJson);
    QCOMPARE(r.hasAck(), !ackJson.isEmpty());

    // The reason must fit in an error frame that any JSON parser reads back.
    const QJsonObject reply =
        QJsonDocument::fromJson(FrameCodec::error(r.error, r.errorReason, r.ackJson)).object();
    QCOMPARE(reply.value(QStringLiteral("reason")).toString(), r.errorReason);
    QCOMPARE(reply.value(QStringLiteral("code")).toString(),
             QString::fromLatin1(FrameCodec::errorCodeName(error)));
    QCOMPARE(reply.contains(QStringLiteral("ack")), !ackJson.isEmpty());
}

// The nesting limit counts every array and object, the frame itself included, in any member.
void TestFrameCodec::nestingDepth_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<FrameError>("error");

    QTest::newRow("arrays at the default limit")
        << sendWithMessage(nested(127, '[', ']')) << 128 << FrameError::None;
    QTest::newRow("arrays over the default limit")
        << sendWithMessage(nested(128, '[', ']')) << 128 << FrameError::InvalidJson;
    QTest::newRow("objects at the default limit")
        << sendWithMessage(nested(127, '{', '}')) << 128 << FrameError::None;
    QTest::newRow("objects over the default limit")
        << sendWithMessage(nested(128, '{', '}')) << 128 << FrameError::InvalidJson;
    QTest::newRow("mixed at the limit")
        << sendWithMessage(nested(60, '[', ']', nested(67, '{', '}'))) << 128 << FrameError::None;
    QTest::newRow("mixed over the limit")
        << sendWithMessage(nested(60, '[', ']', nested(68, '{', '}'))) << 128
        << FrameError::InvalidJson;
    QTest::newRow("deep unknown member")
        << QByteArray(R"({"action":"unregister","x":)" + nested(128, '[', ']') + "}") << 128
        << FrameError::InvalidJson;
    QTest::newRow("small limit: flat message") << sendWithMessage("[]") << 2 << FrameError::None;
    QTest::newRow("small limit: nested message")
        << sendWithMessage("[[]]") << 2 << FrameError::InvalidJson;
    QTest::newRow("small limit: nested object")
        << sendWithMessage(R"({"a":{}})") << 2 << FrameError::InvalidJson;
    QTest::newRow("small limit: deep dest")
        << QByteArray(R"({"action":"send","dest":[["b"]]})") << 2 << FrameError::InvalidJson;
    QTest::newRow("small limit: top-level array")
        << QByteArray("[[]]") << 2 << FrameError::NotAnObject;
    QTest::newRow("small limit: top-level array too deep")
        << QByteArray("[[[]]]") << 2 << FrameError::InvalidJson;
    QTest::newRow("large limit") << sendWithMessage(nested(1000, '[', ']')) << 1001
                                 << FrameError::None;
}

void TestFrameCodec::nestingDepth() {
    QFETCH(QByteArray, frame);
    QFETCH(int, maxDepth);
    QFETCH(FrameError, error);
    FrameCodec::Limits limits;
    limits.maxDepth = maxDepth;
    const ParsedRequest r = FrameCodec::parse(frame, limits);
    QCOMPARE(r.error, error);
    if (error == FrameError::InvalidJson)
        QVERIFY2(r.errorReason.contains(QStringLiteral("nesting too deep")) &&
                     r.errorReason.contains(QStringLiteral("limit %1").arg(maxDepth)),
                 qPrintable(r.errorReason));
}

void TestFrameCodec::namesOfActionsAndErrors() {
    const QList<std::pair<FrameAction, QByteArrayView>> actions = {
        {FrameAction::None, ""},
        {FrameAction::Register, "register"},
        {FrameAction::Unregister, "unregister"},
        {FrameAction::Send, "send"},
        {FrameAction::Answer, "answer"},
        {FrameAction::Registered, "registered"},
        {FrameAction::Unregistered, "unregistered"},
        {FrameAction::Message, "message"},
        {FrameAction::Error, "error"},
    };
    for (const auto &[action, name] : actions)
        QCOMPARE(FrameCodec::actionName(action), name);

    const QList<std::pair<FrameError, QByteArrayView>> codes = {
        {FrameError::None, ""},
        {FrameError::InvalidJson, "invalid-json"},
        {FrameError::NotAnObject, "not-an-object"},
        {FrameError::UnknownAction, "unknown-action"},
        {FrameError::InvalidField, "invalid-field"},
        {FrameError::NotRegistered, "not-registered"},
        {FrameError::IdTaken, "id-taken"},
        {FrameError::TooManyDestinations, "too-many-destinations"},
        {FrameError::BinaryNotSupported, "binary-not-supported"},
        {FrameError::RateLimited, "rate-limited"},
    };
    for (const auto &[code, name] : codes)
        QCOMPARE(FrameCodec::errorCodeName(code), name);
}

// ---------------------------------------------------------------------------------------------
// Cross-checks against QJsonDocument

namespace {

// Checks one text against QJsonDocument: same validity (unless a known Qt quirk explains the
// difference), and for objects the same protocol verdict and the same member values. Returns
// an empty string when all agree; *quirk names the quirk that excused a difference.
QString crossCheck(const QByteArray &text, QString *quirk = nullptr) {
    const FrameCodec::Limits limits;
    const ParsedRequest r = FrameCodec::parse(text, limits);
    QJsonParseError qtError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &qtError);
    const bool codecJsonValid = r.error != FrameError::InvalidJson;
    const bool qtValid = qtError.error == QJsonParseError::NoError;
    const auto describe = [&](const QString &problem) {
        return QStringLiteral("%1: %2 (codec: %3 \"%4\"; Qt: %5)")
            .arg(QString::fromUtf8(text.left(160).toPercentEncoding(" {}[]\":,\\/")), problem,
                 QString::fromLatin1(FrameCodec::errorCodeName(r.error)), r.errorReason,
                 qtError.errorString());
    };
    if (codecJsonValid != qtValid) {
        const QString why = qtQuirkExplaining(text, r, qtError.error);
        if (why.isEmpty())
            return describe(QStringLiteral("validity differs"));
        if (quirk)
            *quirk = why;
        return {};
    }
    if (!qtValid)
        return {};
    if (doc.isObject() == (r.error == FrameError::NotAnObject))
        return describe(QStringLiteral("object or not"));
    if (!doc.isObject())
        return {};
    const FrameError expected = expectedErrorFor(doc.object(), limits);
    if (r.error != expected)
        return describe(QStringLiteral("expected %1")
                            .arg(QLatin1StringView(FrameCodec::errorCodeName(expected))));
    if (r.isValid()) {
        if (const QString diff = compareMembers(r, doc.object()); !diff.isEmpty())
            return describe(diff);
    }
    return {};
}

} // namespace

void TestFrameCodec::crossCheckCorpus_data() {
    QTest::addColumn<QByteArray>("text");
    const QList<QByteArray> corpus = {
        R"({"action":"register","id":"client1"})",
        R"({"action":"send","dest":["a","b","a"],"message":{"complex":"thing"},"ack":"x"})",
        R"({"action":"answer","ack":"x7Gq2","from":"client1","message":"Hi to you too, sir."})",
        R"({"action":"unregister","id":"client1"})",
        R"({"action":"send","dest":"b","message":[1,2.5,-3e-2,true,false,null,"s",{},[]]})",
        R"({"action":"send","dest":"b","message":"\u0000\u001f\ud83d\ude00\ud800é"})",
        R"({"action":"register","id":"\ud800"})",
        R"({"action":"register","id":"a\u0000"})",
        R"({"action":"register","id":"","id":"x"})",
        R"({"action":"send","dest":"b"})",
        R"({"action":"send","dest":["b",2],"message":1})",
        R"({"action":"send","dest":"b","message":1,"ack":null})",
        R"({"action":"answer","ack":1})",
        R"({"action":"bogus"})",
        R"({"action":null})",
        R"({"action":"register","id":"x","action":"send","dest":"x","message":0})",
        R"({"\u0061ction":"register","id":"x"})",
        R"({"action":"register","id":"x"} )",
        R"({"a":1e308,"b":-1e-308,"c":0.0000001,"d":123456789012345678901234567890})",
        R"({"a":1e400})",
        R"({"a":"\q"})",
        "{\"a\":\"\t\"}",
        R"({"a":1.})",
        R"({"a":.5})",
        "\xEF\xBB\xBF{}",
        R"({})",
        R"({ })",
        R"([])",
        R"([{}])",
        R"("x")",
        R"(1)",
        R"(null)",
        R"({"a":[1,2,[3,[4,[5]]]]})",
        R"({"a":{"b":{"c":{"d":{}}}}})",
        R"({"a":)",
        R"({"a":[}])",
        R"({"a":"\u00"})",
        R"({"a":"\uD834\uDD1E\uD834"})",
        R"({"a":-0.0e+0})",
        R"({"a":0e0})",
        R"({"a":-})",
        R"({"a":00})",
        R"({"":""})",
        R"({"a":"b","a":{"c":[]}})",
        "{\"a\":\"\xE2\x80\xA8\xE2\x80\xA9\"}",
        "{\"a\":\"\x7f\"}",
        nested(100, '[', ']').prepend(R"({"action":"send","dest":"b","message":)").append("}"),
        R"({"action":"send","dest":)" + destArray(DefaultMaxDestinations + 1) + R"(,"message":1})",
    };
    for (const QByteArray &text : corpus)
        QTest::newRow(text.left(48).constData()) << text;
}

void TestFrameCodec::crossCheckCorpus() {
    QFETCH(QByteArray, text);
    const QString problem = crossCheck(text);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// Every truncation, deletion, insertion and replacement of single characters in a few
// requests, checked against QJsonDocument: thousands of near-valid texts.
void TestFrameCodec::crossCheckMutations() {
    const QList<QByteArray> seeds = {
        R"({"action":"send","dest":["a","b"],"message":{"x":[1,-2.5e3,true,null,"s\u00e9"]},"ack":"k"})",
        R"({"action":"register","id":"abc"})",
        R"({"action":"answer","ack":"k\n","message":[{},0.5]})",
        R"({"a":0,"b":-0.5,"c":1E+2,"d":"\n\"\\","e":[],"f":{},"g":false})",
        R"({"action":"unregister"})",
        // Strings longer than the scanner's eight-byte steps: every mutation lands at another
        // place within a step, and the steps' ends too (ASCII: a cut UTF-8 sequence is the
        // transport's to refuse, not the codec's).
        R"({"action":"send","dest":"abcdefghijklmnopq","message":"0123456789abcdefghijklmnopqrstuvwxyz~"})",
    };
    const QList<QByteArray> pieces = {
        "{", "}", "[", "]",    ",",    ":",    "\"", "\\", "/",    "0",   "1",
        "-", "+", ".", "e",    "E",    " ",    "\t", "\n", "\r",   "x",   "t",
        "n", "f", "u", "\x01", "\x1f", "\x7f", "é",  "😀",  "\"\"", "\\u",
    };
    QList<QByteArray> texts;
    for (const QByteArray &seed : seeds) {
        texts.append(seed);
        for (qsizetype i = 0; i <= seed.size(); ++i) {
            texts.append(seed.left(i));
            if (i < seed.size())
                texts.append(seed.left(i) + seed.mid(i + 1));
            for (const QByteArray &piece : pieces) {
                texts.append(seed.left(i) + piece + seed.mid(i));
                if (i < seed.size())
                    texts.append(seed.left(i) + piece + seed.mid(i + 1));
            }
        }
    }
    QStringList problems;
    QMap<QString, int> quirks;
    int valid = 0;
    for (const QByteArray &text : std::as_const(texts)) {
        QString quirk;
        if (const QString problem = crossCheck(text, &quirk); !problem.isEmpty())
            problems.append(problem);
        if (!quirk.isEmpty())
            ++quirks[quirk];
        if (FrameCodec::parse(text).isValid())
            ++valid;
    }
    qInfo("%lld texts, %d valid requests, Qt quirks met: %s", qlonglong(texts.size()), valid,
          qPrintable(QStringList([&] {
                         QStringList out;
                         for (auto it = quirks.cbegin(); it != quirks.cend(); ++it)
                             out.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
                         return out;
                     }())
                         .join(QStringLiteral(", "))));
    QVERIFY(texts.size() > 10000);
    QVERIFY(valid > 500); // the mutations reach the protocol checks, not only the scanner
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 disagreements, first: %2")
                                                .arg(problems.size())
                                                .arg(problems.mid(0, 5).join(u'\n'))));
}

// Each known QJsonDocument quirk with an example: the codec keeps to RFC 8259 whatever Qt
// does; what Qt does is reported, so that a Qt update that fixes a quirk shows up.
void TestFrameCodec::qtJsonQuirks_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("rfcValid");
    QTest::newRow("raw control character in a string") << QByteArray("{\"a\":\"\x01\"}") << false;
    QTest::newRow("unknown escape") << QByteArray(R"({"a":"\q"})") << false;
    QTest::newRow("fraction without digits") << QByteArray(R"({"a":1.})") << false;
    QTest::newRow("number without integer part") << QByteArray(R"({"a":.5})") << false;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{}") << false;
    QTest::newRow("number beyond double range") << QByteArray(R"({"a":1e400})") << true;
    QTest::newRow("top-level scalar") << QByteArray("42") << true;
    QTest::newRow("nesting over 1024") << nested(1025, '[', ']') << true;
}

void TestFrameCodec::qtJsonQuirks() {
    QFETCH(QByteArray, text);
    QFETCH(bool, rfcValid);
    FrameCodec::Limits limits;
    limits.maxDepth = 2000;
    const ParsedRequest r = FrameCodec::parse(text, limits);
    QCOMPARE(r.error != FrameError::InvalidJson, rfcValid);
    QJsonParseError qtError;
    QJsonDocument::fromJson(text, &qtError);
    const bool qtValid = qtError.error == QJsonParseError::NoError;
    qInfo("QJsonDocument %s (%s)", qtValid == rfcValid ? "agrees" : "differs",
          qPrintable(qtError.errorString()));
}

// ---------------------------------------------------------------------------------------------
// Builders

// The exact bytes of the original's frames (shared/protocol.md).
void TestFrameCodec::buildersMatchTheOriginal_data() {
    QTest::addColumn<QByteArray>("built");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("registered") << FrameCodec::registered(FrameCodec::quote("client1"))
                                << QByteArray(R"({"action":"registered","id":"client1"})");
    QTest::newRow("unregistered") << FrameCodec::unregistered(FrameCodec::quote("client1"))
                                  << QByteArray(R"({"action":"unregistered","id":"client1"})");
    QTest::newRow("message")
        << FrameCodec::message(R"({"complex":"thing"})", FrameCodec::quote("client0"), {})
        << QByteArray(R"({"action":"message","message":{"complex":"thing"},"from":"client0"})");
    QTest::newRow("message with ack")
        << FrameCodec::message(R"("Hi there")", R"("client0")", R"("x7Gq2")")
        << QByteArray(
               R"({"action":"message","message":"Hi there","ack":"x7Gq2","from":"client0"})");
    QTest::newRow("answer")
        << FrameCodec::answer(R"("x7Gq2")", R"("client1")", R"("Hi to you too, sir.")")
        << QByteArray(
               R"({"action":"answer","ack":"x7Gq2","from":"client1","message":"Hi to you too, sir."})");
    QTest::newRow("answer without message")
        << FrameCodec::answer(R"("x7Gq2")", R"("client1")", QByteArrayView())
        << QByteArray(R"({"action":"answer","ack":"x7Gq2","from":"client1"})");
    QTest::newRow("error")
        << FrameCodec::error(FrameError::InvalidJson,
                             QStringLiteral("unterminated string at offset 17"))
        << QByteArray(
               R"({"action":"error","code":"invalid-json","reason":"unterminated string at offset 17"})");
}

void TestFrameCodec::buildersMatchTheOriginal() {
    QFETCH(QByteArray, built);
    QFETCH(QByteArray, expected);
    QCOMPARE(built, expected);
}

// Every builder with tricky arguments: the output is one JSON object with exactly the
// expected members.
void TestFrameCodec::builders_data() {
    QTest::addColumn<QByteArray>("built");
    QTest::addColumn<QJsonObject>("expected");

    const QList<QByteArray> ids = {"a", "", "é😀", QByteArray("nul\0inside", 10),
                                   "\"quoted\" \\ back\nslash\x01"};
    for (const QByteArray &id : ids) {
        const QString idText = QString::fromUtf8(id);
        const QByteArray tag = id.toPercentEncoding();
        QTest::newRow(QByteArray("registered " + tag).constData())
            << FrameCodec::registered(FrameCodec::quote(id))
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("registered")},
                           {QStringLiteral("id"), idText}};
        QTest::newRow(QByteArray("unregistered " + tag).constData())
            << FrameCodec::unregistered(FrameCodec::quote(id))
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("unregistered")},
                           {QStringLiteral("id"), idText}};
    }

    const QList<QByteArray> values = {
        R"({"complex":"thing","n":[1,{"x":null}]})",
        "[]",
        R"("Hi there")",
        R"("\u0000é")",
        "42",
        "-1.5e3",
        "true",
        "false",
        "null",
        "{ \"spaced\" : [ 1 , 2 ] }",
    };
    for (const QByteArray &value : values) {
        const QJsonValue v = jsonValueOf(value);
        QTest::newRow(QByteArray("message " + value).constData())
            << FrameCodec::message(value, FrameCodec::quote("from me"), {})
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("message")},
                           {QStringLiteral("message"), v},
                           {QStringLiteral("from"), QStringLiteral("from me")}};
        QTest::newRow(QByteArray("message with ack " + value).constData())
            << FrameCodec::message(value, FrameCodec::quote("s"), FrameCodec::quote("k\n"))
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("message")},
                           {QStringLiteral("message"), v},
                           {QStringLiteral("ack"), QStringLiteral("k\n")},
                           {QStringLiteral("from"), QStringLiteral("s")}};
        QTest::newRow(QByteArray("answer " + value).constData())
            << FrameCodec::answer(FrameCodec::quote("k"), FrameCodec::quote("r"), value)
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("answer")},
                           {QStringLiteral("ack"), QStringLiteral("k")},
                           {QStringLiteral("from"), QStringLiteral("r")},
                           {QStringLiteral("message"), v}};
    }
    QTest::newRow("message with empty ack")
        << FrameCodec::message("1", FrameCodec::quote("s"), FrameCodec::quote(""))
        << QJsonObject{{QStringLiteral("action"), QStringLiteral("message")},
                       {QStringLiteral("message"), 1},
                       {QStringLiteral("ack"), QString()},
                       {QStringLiteral("from"), QStringLiteral("s")}};
    QTest::newRow("answer without message")
        << FrameCodec::answer(FrameCodec::quote("k"), FrameCodec::quote("r"), QByteArrayView())
        << QJsonObject{{QStringLiteral("action"), QStringLiteral("answer")},
                       {QStringLiteral("ack"), QStringLiteral("k")},
                       {QStringLiteral("from"), QStringLiteral("r")}};
    const QString reason = QStringLiteral("\"quoted\" \\ new\nline \t tab é 😀 ") + QChar(0);
    QTest::newRow("error with tricky reason")
        << FrameCodec::error(FrameError::InvalidField, reason)
        << QJsonObject{{QStringLiteral("action"), QStringLiteral("error")},
                       {QStringLiteral("code"), QStringLiteral("invalid-field")},
                       {QStringLiteral("reason"), reason}};
    QTest::newRow("error with ack")
        << FrameCodec::error(FrameError::NotRegistered, QStringLiteral("r"), R"("k\u00e9")")
        << QJsonObject{{QStringLiteral("action"), QStringLiteral("error")},
                       {QStringLiteral("code"), QStringLiteral("not-registered")},
                       {QStringLiteral("reason"), QStringLiteral("r")},
                       {QStringLiteral("ack"), QStringLiteral("ké")}};
    QTest::newRow("error with empty reason")
        << FrameCodec::error(FrameError::IdTaken, QString())
        << QJsonObject{{QStringLiteral("action"), QStringLiteral("error")},
                       {QStringLiteral("code"), QStringLiteral("id-taken")},
                       {QStringLiteral("reason"), QString()}};
}

void TestFrameCodec::builders() {
    QFETCH(QByteArray, built);
    QFETCH(QJsonObject, expected);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(built, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object(), expected);
    // No raw control characters: the frame is strict JSON, not just what Qt accepts.
    for (const char c : built)
        QVERIFY(static_cast<unsigned char>(c) >= 0x20);
    // Members appear once each (QJsonObject would hide a duplicate).
    QCOMPARE(built.count("\"action\":"), 1);
}

void TestFrameCodec::errorBuilderEveryCode() {
    for (int i = int(FrameError::InvalidJson); i <= int(FrameError::RateLimited); ++i) {
        const auto code = FrameError(i);
        const QByteArray built = FrameCodec::error(code, QStringLiteral("why"));
        const QJsonObject o = QJsonDocument::fromJson(built).object();
        QCOMPARE(o.size(), 3);
        QCOMPARE(o.value(QStringLiteral("action")).toString(), QStringLiteral("error"));
        QCOMPARE(o.value(QStringLiteral("code")).toString(),
                 QString::fromLatin1(FrameCodec::errorCodeName(code)));
        QVERIFY(!o.value(QStringLiteral("code")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("reason")).toString(), QStringLiteral("why"));
    }
}

// quote() gives a JSON string literal that reads back as the same text, escapes exactly what
// JSON.stringify escapes (so ids look the same as from the original) and leaves other
// characters as they are.
void TestFrameCodec::quoteRoundTrips_data() {
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QByteArray>("expected"); // what JSON.stringify gives

    const char *const shortEscapes[] = {"\\b", "\\t", "\\n", nullptr, "\\f", "\\r"};
    for (int c = 0; c < 0x20; ++c) {
        const char *shortForm = (c >= 8 && c <= 13) ? shortEscapes[c - 8] : nullptr;
        const QByteArray escaped =
            shortForm ? QByteArray(shortForm)
                      : QByteArray("\\u00") + QByteArray::number(c, 16).rightJustified(2, '0');
        QTest::newRow(QByteArray("control 0x" + QByteArray::number(c, 16)).constData())
            << QByteArray(1, char(c)) << QByteArray("\"a" + escaped + "b\"");
    }
    QTest::newRow("empty") << QByteArray() << QByteArray(R"("")");
    QTest::newRow("quote") << QByteArray("\"") << QByteArray(R"("\"")");
    QTest::newRow("backslash") << QByteArray("\\") << QByteArray(R"("\\")");
    QTest::newRow("slash stays") << QByteArray("/") << QByteArray(R"("/")");
    QTest::newRow("DEL stays") << QByteArray("\x7f") << QByteArray("\"\x7f\"");
    QTest::newRow("latin") << QByteArray("é") << QByteArray("\"é\"");
    QTest::newRow("euro") << QByteArray("€") << QByteArray("\"€\"");
    QTest::newRow("astral") << QByteArray("😀") << QByteArray("\"😀\"");
    QTest::newRow("line separator") << QByteArray("\xE2\x80\xA8") << QByteArray("\"\xE2\x80\xA8\"");
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << QByteArray("\"\xEF\xBF\xBF\"");
    QTest::newRow("mixed") << QByteArray("a\"b\\c\nd\x01"
                                         "e é😀")
                           << QByteArray("\"a\\\"b\\\\c\\nd\\u0001e é😀\"");
}

void TestFrameCodec::quoteRoundTrips() {
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, expected);
    const bool control = utf8.size() == 1 && static_cast<unsigned char>(utf8.at(0)) < 0x20;
    if (control)
        utf8 = "a" + utf8 + "b"; // surrounded, so that runs before and after are kept too
    const QByteArray quoted = FrameCodec::quote(utf8);
    QCOMPARE(quoted, expected);
    for (const char c : quoted)
        QVERIFY(static_cast<unsigned char>(c) >= 0x20);
    QCOMPARE(jsonValueOf(quoted), QJsonValue(QString::fromUtf8(utf8)));
    if (!utf8.isEmpty()) {
        const QByteArray frame = R"({"action":"register","id":)" + quoted + "}";
        const ParsedRequest r = FrameCodec::parse(frame);
        QVERIFY2(r.isValid(), qPrintable(r.errorReason));
        QCOMPARE(r.id, utf8);
    }
}

// All 256 byte values in one string (as UTF-8: bytes 0x80.. as their code points).
void TestFrameCodec::quoteEveryByte() {
    QString text;
    for (int c = 0; c < 256; ++c)
        text.append(QChar(c));
    text += QStringLiteral("\U0001F600\U0001D11E\u4E2D");
    const QByteArray utf8 = text.toUtf8();
    const QByteArray quoted = FrameCodec::quote(utf8);
    QCOMPARE(jsonValueOf(quoted).toString(), text);
    const ParsedRequest r = FrameCodec::parse(R"({"action":"register","id":)" + quoted + "}",
                                              FrameCodec::Limits{128, 1000, 4096});
    QVERIFY2(r.isValid(), qPrintable(r.errorReason));
    QCOMPARE(r.id, utf8);
}

QTEST_APPLESS_MAIN(TestFrameCodec)

#include "tst_framecodec.moc"

#include "framecodec.h"

#include <QCoreApplication>

namespace {

// A single-pass validating scanner over JSON text. It never allocates except to decode the
// few strings the broker needs (action, id, dest, ack).
class JsonScanner {
public:
    JsonScanner(QByteArrayView text, int maxDepth)
        : m_p(text.data())
        , m_begin(text.data())
        , m_end(text.data() + text.size())
        , m_maxDepth(maxDepth) {}

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    qsizetype offset() const { return m_p - m_begin; }
    const char *pos() const { return m_p; }
    bool atEnd() const { return m_p >= m_end; }

    void skipWhitespace() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool consume(char c) {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    void fail(const char *what) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 at offset %2").arg(QLatin1StringView(what)).arg(offset());
    }
    void failAt(const char *what, const char *at) {
        m_p = at;
        fail(what);
    }

    // Validates a string starting at '"'. When out is given, decodes it into UTF-8.
    bool scanString(QByteArray *out) {
        const char *start = m_p;
        if (!consume('"'))
            return fail("expected a string"), false;
        const char *runStart = m_p;
        while (true) {
            if (m_p >= m_end)
                return failAt("unterminated string", start), false;
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                if (out)
                    out->append(runStart, m_p - runStart);
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail("control character in string"), false;
            if (c == '\\') {
                if (out)
                    out->append(runStart, m_p - runStart);
                if (!scanEscape(out))
                    return false;
                runStart = m_p;
                continue;
            }
            ++m_p;
        }
    }

    // Validates any value; depth counts the containers already open.
    bool scanValue(int depth) {
        skipWhitespace();
        if (m_p >= m_end)
            return fail("unexpected end of input"), false;
        switch (*m_p) {
        case '{':
            return scanObject(depth + 1);
        case '[':
            return scanArray(depth + 1);
        case '"':
            return scanString(nullptr);
        case 't':
            return scanLiteral("true");
        case 'f':
            return scanLiteral("false");
        case 'n':
            return scanLiteral("null");
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return scanNumber();
            return fail("unexpected character"), false;
        }
    }

    bool enter(int depth) {
        if (depth > m_maxDepth) {
            fail("nesting too deep");
            m_error += QStringLiteral(" (limit %1)").arg(m_maxDepth);
            return false;
        }
        return true;
    }

    bool scanArray(int depth) {
        if (!enter(depth))
            return false;
        ++m_p; // '['
        skipWhitespace();
        if (consume(']'))
            return true;
        while (true) {
            if (!scanValue(depth))
                return false;
            skipWhitespace();
            if (consume(']'))
                return true;
            if (!consume(','))
                return fail(m_p >= m_end ? "unterminated array" : "expected ',' or ']'"), false;
        }
    }

    bool scanObject(int depth) {
        if (!enter(depth))
            return false;
        ++m_p; // '{'
        skipWhitespace();
        if (consume('}'))
            return true;
        while (true) {
            skipWhitespace();
            if (peek() != '"')
                return fail(m_p >= m_end ? "unterminated object" : "expected a member name"), false;
            if (!scanString(nullptr))
                return false;
            skipWhitespace();
            if (!consume(':'))
                return fail("expected ':'"), false;
            if (!scanValue(depth))
                return false;
            skipWhitespace();
            if (consume('}'))
                return true;
            if (!consume(','))
                return fail(m_p >= m_end ? "unterminated object" : "expected ',' or '}'"), false;
        }
    }

private:
    bool scanLiteral(const char *word) {
        const qsizetype n = qstrlen(word);
        if (m_end - m_p < n || memcmp(m_p, word, n) != 0)
            return fail("invalid literal"), false;
        m_p += n;
        return true;
    }

    bool scanDigits() {
        const char *start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p > start;
    }

    bool scanNumber() {
        consume('-');
        if (consume('0')) {
            // no leading zeros
        } else if (!scanDigits()) {
            return fail("invalid number"), false;
        }
        if (consume('.') && !scanDigits())
            return fail("invalid number"), false;
        if (peek() == 'e' || peek() == 'E') {
            ++m_p;
            if (!consume('+'))
                consume('-');
            if (!scanDigits())
                return fail("invalid number"), false;
        }
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool scanHex4(char32_t *value) {
        if (m_end - m_p < 4)
            return fail("truncated \\u escape"), false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return fail("invalid \\u escape"), false;
            v = (v << 4) | char32_t(h);
        }
        m_p += 4;
        *value = v;
        return true;
    }

    static void appendUtf8(QByteArray *out, char32_t cp) {
        if (cp < 0x80) {
            out->append(char(cp));
        } else if (cp < 0x800) {
            out->append(char(0xC0 | (cp >> 6)));
            out->append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out->append(char(0xE0 | (cp >> 12)));
            out->append(char(0x80 | ((cp >> 6) & 0x3F)));
            out->append(char(0x80 | (cp & 0x3F)));
        } else {
            out->append(char(0xF0 | (cp >> 18)));
            out->append(char(0x80 | ((cp >> 12) & 0x3F)));
            out->append(char(0x80 | ((cp >> 6) & 0x3F)));
            out->append(char(0x80 | (cp & 0x3F)));
        }
    }

    // At a backslash inside a string.
    bool scanEscape(QByteArray *out) {
        ++m_p;
        if (m_p >= m_end)
            return fail("unterminated string"), false;
        const char e = *m_p++;
        char plain = 0;
        switch (e) {
        case '"':
            plain = '"';
            break;
        case '\\':
            plain = '\\';
            break;
        case '/':
            plain = '/';
            break;
        case 'b':
            plain = '\b';
            break;
        case 'f':
            plain = '\f';
            break;
        case 'n':
            plain = '\n';
            break;
        case 'r':
            plain = '\r';
            break;
        case 't':
            plain = '\t';
            break;
        case 'u': {
            char32_t cp = 0;
            if (!scanHex4(&cp))
                return false;
            if (cp >= 0xD800 && cp <= 0xDBFF && m_end - m_p >= 6 && m_p[0] == '\\' &&
                m_p[1] == 'u') {
                const char *save = m_p;
                m_p += 2;
                char32_t low = 0;
                if (!scanHex4(&low))
                    return false;
                if (low >= 0xDC00 && low <= 0xDFFF)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                else
                    m_p = save; // a lone high surrogate followed by another escape
            }
            if (out) {
                // JSON allows lone surrogates; they have no UTF-8 form, so ids carrying one
                // get U+FFFD, as JavaScript would when the id is written out as UTF-8.
                appendUtf8(out, (cp >= 0xD800 && cp <= 0xDFFF) ? char32_t(0xFFFD) : cp);
            }
            return true;
        }
        default:
            return failAt("invalid escape", m_p - 2), false;
        }
        if (out)
            out->append(plain);
        return true;
    }

    const char *m_p;
    const char *m_begin;
    const char *m_end;
    int m_maxDepth;
    QString m_error;
};

enum class JsonType : quint8 { Missing, Object, Array, String, Number, Bool, Null };

JsonType typeOf(char first) {
    switch (first) {
    case '{':
        return JsonType::Object;
    case '[':
        return JsonType::Array;
    case '"':
        return JsonType::String;
    case 't':
    case 'f':
        return JsonType::Bool;
    case 'n':
        return JsonType::Null;
    default:
        return JsonType::Number;
    }
}

const char *typeName(JsonType t) {
    switch (t) {
    case JsonType::Missing:
        return "missing";
    case JsonType::Object:
        return "an object";
    case JsonType::Array:
        return "an array";
    case JsonType::String:
        return "a string";
    case JsonType::Number:
        return "a number";
    case JsonType::Bool:
        return "a boolean";
    case JsonType::Null:
        return "null";
    }
    return "";
}

struct Member {
    JsonType type = JsonType::Missing;
    QByteArrayView raw;
};

// Decodes a JSON string literal that the scanner already validated.
QByteArray decodeString(QByteArrayView literal) {
    QByteArray out;
    if (!literal.contains('\\')) {
        out = literal.sliced(1, literal.size() - 2).toByteArray();
        return out;
    }
    JsonScanner s(literal, 1);
    s.scanString(&out);
    return out;
}

void setError(ParsedRequest &r, FrameError code, QString reason) {
    r.error = code;
    r.errorReason = std::move(reason);
}

QString fieldError(const char *member, const char *expected, JsonType got) {
    if (got == JsonType::Missing)
        return QStringLiteral("\"%1\" is missing").arg(QLatin1StringView(member));
    return QStringLiteral("\"%1\" must be %2, not %3")
        .arg(QLatin1StringView(member), QLatin1StringView(expected),
             QLatin1StringView(typeName(got)));
}

} // namespace

ParsedRequest FrameCodec::parse(QByteArrayView utf8, const Limits &limits) {
    ParsedRequest r;
    JsonScanner s(utf8, limits.maxDepth);
    s.skipWhitespace();
    if (s.peek() != '{') {
        // Tell "valid JSON but not an object" apart from "not JSON at all".
        if (!s.atEnd() && s.scanValue(0)) {
            s.skipWhitespace();
            if (s.atEnd())
                setError(r, FrameError::NotAnObject,
                         QStringLiteral("the frame must be a JSON object"));
            else
                setError(
                    r, FrameError::InvalidJson,
                    QStringLiteral("unexpected data after the value at offset %1").arg(s.offset()));
        } else {
            if (s.atEnd() && !s.failed())
                s.fail("empty frame");
            setError(r, FrameError::InvalidJson, s.error());
        }
        return r;
    }

    Member action, id, dest, message, ack;
    // Scan the top-level object by hand to remember where each member's value lies; a later
    // duplicate member wins, as in JSON.parse.
    s.consume('{');
    s.skipWhitespace();
    if (!s.consume('}')) {
        while (true) {
            s.skipWhitespace();
            if (s.peek() != '"') {
                s.fail(s.atEnd() ? "unterminated object" : "expected a member name");
                break;
            }
            const char *keyStart = s.pos();
            if (!s.scanString(nullptr))
                break;
            QByteArrayView key(keyStart + 1, s.pos() - keyStart - 2);
            QByteArray decodedKey;
            if (key.contains('\\')) {
                decodedKey = decodeString(QByteArrayView(keyStart, s.pos() - keyStart));
                key = decodedKey;
            }
            s.skipWhitespace();
            if (!s.consume(':')) {
                s.fail("expected ':'");
                break;
            }
            s.skipWhitespace();
            const char *valueStart = s.pos();
            if (!s.scanValue(1))
                break;
            const Member m{typeOf(*valueStart), QByteArrayView(valueStart, s.pos() - valueStart)};
            if (key == "action")
                action = m;
            else if (key == "id")
                id = m;
            else if (key == "dest")
                dest = m;
            else if (key == "message")
                message = m;
            else if (key == "ack")
                ack = m;
            s.skipWhitespace();
            if (s.consume('}'))
                break;
            if (!s.consume(',')) {
                s.fail(s.atEnd() ? "unterminated object" : "expected ',' or '}'");
                break;
            }
        }
    }
    if (!s.failed()) {
        s.skipWhitespace();
        if (!s.atEnd())
            s.fail("unexpected data after the object");
    }
    if (s.failed()) {
        setError(r, FrameError::InvalidJson, s.error());
        return r;
    }

    // From here on the frame is valid JSON; what remains is the protocol's shape.
    if (ack.type != JsonType::Missing) {
        if (ack.type == JsonType::String) {
            r.ackJson = ack.raw;
            r.ack = decodeString(ack.raw);
        }
    }
    if (action.type != JsonType::String) {
        setError(r, FrameError::InvalidField, fieldError("action", "a string", action.type));
        return r;
    }
    const QByteArray actionText = decodeString(action.raw);
    if (actionText == "register") {
        r.action = FrameAction::Register;
        if (id.type != JsonType::String) {
            setError(r, FrameError::InvalidField, fieldError("id", "a non-empty string", id.type));
            return r;
        }
        r.id = decodeString(id.raw);
        if (r.id.isEmpty())
            setError(r, FrameError::InvalidField, QStringLiteral("\"id\" must not be empty"));
        else if (r.id.size() > limits.maxIdLength)
            setError(r, FrameError::InvalidField,
                     QStringLiteral("\"id\" is longer than %1 bytes").arg(limits.maxIdLength));
    } else if (actionText == "unregister") {
        r.action = FrameAction::Unregister;
    } else if (actionText == "send") {
        r.action = FrameAction::Send;
        if (ack.type != JsonType::Missing && ack.type != JsonType::String) {
            setError(r, FrameError::InvalidField, fieldError("ack", "a string", ack.type));
            return r;
        }
        if (dest.type == JsonType::String) {
            r.dest.append(decodeString(dest.raw));
        } else if (dest.type == JsonType::Array) {
            // Walk the already validated array, taking each element.
            JsonScanner a(dest.raw, 2);
            a.consume('[');
            a.skipWhitespace();
            if (!a.consume(']')) {
                while (true) {
                    a.skipWhitespace();
                    if (a.peek() != '"') {
                        setError(r, FrameError::InvalidField,
                                 QStringLiteral("\"dest\" must hold only strings"));
                        return r;
                    }
                    if (r.dest.size() >= limits.maxDestinations) {
                        setError(r, FrameError::TooManyDestinations,
                                 QStringLiteral("\"dest\" names more than %1 ids")
                                     .arg(limits.maxDestinations));
                        return r;
                    }
                    QByteArray one;
                    a.scanString(&one);
                    r.dest.append(std::move(one));
                    a.skipWhitespace();
                    if (a.consume(']'))
                        break;
                    a.consume(',');
                }
            }
        } else {
            setError(r, FrameError::InvalidField,
                     fieldError("dest", "a string or an array of strings", dest.type));
            return r;
        }
        if (message.type == JsonType::Missing) {
            setError(r, FrameError::InvalidField, fieldError("message", "", message.type));
            return r;
        }
        r.message = message.raw;
    } else if (actionText == "answer") {
        r.action = FrameAction::Answer;
        if (ack.type != JsonType::String) {
            setError(r, FrameError::InvalidField, fieldError("ack", "a string", ack.type));
            return r;
        }
        if (message.type != JsonType::Missing)
            r.message = message.raw;
    } else {
        setError(
            r, FrameError::UnknownAction,
            QStringLiteral("unknown action \"%1\"").arg(QString::fromUtf8(actionText.left(64))));
    }
    return r;
}

QByteArray FrameCodec::quote(QByteArrayView utf8) {
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    const char *runStart = utf8.data();
    const char *end = utf8.data() + utf8.size();
    for (const char *p = runStart; p < end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(runStart, p - runStart);
        runStart = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
        }
    }
    out.append(runStart, end - runStart);
    out.append('"');
    return out;
}

QByteArray FrameCodec::registered(QByteArrayView idJson) {
    QByteArray out;
    out.reserve(32 + idJson.size());
    out.append(R"({"action":"registered","id":)").append(idJson).append('}');
    return out;
}

QByteArray FrameCodec::unregistered(QByteArrayView idJson) {
    QByteArray out;
    out.reserve(32 + idJson.size());
    out.append(R"({"action":"unregistered","id":)").append(idJson).append('}');
    return out;
}

QByteArray FrameCodec::message(QByteArrayView messageJson, QByteArrayView fromJson,
                               QByteArrayView ackJson) {
    QByteArray out;
    out.reserve(48 + messageJson.size() + fromJson.size() + ackJson.size());
    out.append(R"({"action":"message","message":)").append(messageJson);
    if (!ackJson.isEmpty())
        out.append(R"(,"ack":)").append(ackJson);
    out.append(R"(,"from":)").append(fromJson).append('}');
    return out;
}

QByteArray FrameCodec::answer(QByteArrayView ackJson, QByteArrayView fromJson,
                              QByteArrayView messageJson) {
    QByteArray out;
    out.reserve(48 + messageJson.size() + fromJson.size() + ackJson.size());
    out.append(R"({"action":"answer","ack":)").append(ackJson);
    out.append(R"(,"from":)").append(fromJson);
    if (!messageJson.isNull())
        out.append(R"(,"message":)").append(messageJson);
    out.append('}');
    return out;
}

QByteArray FrameCodec::error(FrameError code, const QString &reason, QByteArrayView ackJson) {
    QByteArray out;
    out.append(R"({"action":"error","code":")").append(errorCodeName(code)).append('"');
    out.append(R"(,"reason":)").append(quote(reason.toUtf8()));
    if (!ackJson.isEmpty())
        out.append(R"(,"ack":)").append(ackJson);
    out.append('}');
    return out;
}

QByteArrayView FrameCodec::actionName(FrameAction action) {
    switch (action) {
    case FrameAction::None:
        return "";
    case FrameAction::Register:
        return "register";
    case FrameAction::Unregister:
        return "unregister";
    case FrameAction::Send:
        return "send";
    case FrameAction::Answer:
        return "answer";
    case FrameAction::Registered:
        return "registered";
    case FrameAction::Unregistered:
        return "unregistered";
    case FrameAction::Message:
        return "message";
    case FrameAction::Error:
        return "error";
    }
    return "";
}

QByteArrayView FrameCodec::errorCodeName(FrameError code) {
    switch (code) {
    case FrameError::None:
        return "";
    case FrameError::InvalidJson:
        return "invalid-json";
    case FrameError::NotAnObject:
        return "not-an-object";
    case FrameError::UnknownAction:
        return "unknown-action";
    case FrameError::InvalidField:
        return "invalid-field";
    case FrameError::NotRegistered:
        return "not-registered";
    case FrameError::IdTaken:
        return "id-taken";
    case FrameError::TooManyDestinations:
        return "too-many-destinations";
    case FrameError::BinaryNotSupported:
        return "binary-not-supported";
    case FrameError::RateLimited:
        return "rate-limited";
    }
    return "";
}

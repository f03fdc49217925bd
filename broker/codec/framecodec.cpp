#include "framecodec.h"

#include <QCoreApplication>

#include <algorithm>

#include "jsonscanner.h"

namespace {

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

// The text of a validated string literal: a view into it when it holds no escape (no copy, as
// for the action of every frame), else decoded into scratch.
QByteArrayView stringText(QByteArrayView literal, QByteArray &scratch) {
    const QByteArrayView inner = literal.sliced(1, literal.size() - 2);
    if (!inner.contains('\\'))
        return inner;
    scratch = decodeString(literal);
    return scratch;
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
    QByteArray actionScratch;
    const QByteArrayView actionText = stringText(action.raw, actionScratch);
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
        setError(r, FrameError::UnknownAction,
                 QStringLiteral("unknown action \"%1\"")
                     .arg(QString::fromUtf8(
                         actionText.first(std::min<qsizetype>(actionText.size(), 64)))));
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

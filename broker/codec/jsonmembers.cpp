#include "jsonmembers.h"

#include "jsonscanner.h"
#include "jsontext.h"

namespace {
// Deep enough for any message the broker accepts; the scanner only reads here.
constexpr int MaxDepth = 512;
} // namespace

std::optional<QByteArrayView> JsonMembers::raw(QByteArrayView json, QByteArrayView name) {
    JsonScanner s(json, MaxDepth);
    s.skipWhitespace();
    if (!s.consume('{'))
        return std::nullopt;
    std::optional<QByteArrayView> found;
    s.skipWhitespace();
    if (s.consume('}'))
        return std::nullopt;
    while (true) {
        s.skipWhitespace();
        if (s.peek() != '"')
            return std::nullopt;
        QByteArray key;
        if (!s.scanString(&key))
            return std::nullopt;
        s.skipWhitespace();
        if (!s.consume(':'))
            return std::nullopt;
        s.skipWhitespace();
        const char *valueStart = s.pos();
        if (!s.scanValue(1))
            return std::nullopt;
        if (key == name)
            found = QByteArrayView(valueStart, s.pos() - valueStart);
        s.skipWhitespace();
        if (s.consume('}'))
            break;
        if (!s.consume(','))
            return std::nullopt;
    }
    s.skipWhitespace();
    if (!s.atEnd())
        return std::nullopt;
    return found;
}

std::optional<QByteArray> JsonMembers::compact(QByteArrayView json, QByteArrayView name) {
    const std::optional<QByteArrayView> value = raw(json, name);
    if (!value)
        return std::nullopt;
    return JsonText::compact(*value);
}

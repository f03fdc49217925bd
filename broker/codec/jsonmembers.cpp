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

QList<JsonMembers::Member> JsonMembers::prefix(QByteArrayView json) {
    QList<Member> members;
    JsonScanner s(json, MaxDepth);
    s.skipWhitespace();
    if (!s.consume('{'))
        return members;
    while (true) {
        s.skipWhitespace();
        if (s.peek() != '"')
            return members;
        Member member;
        if (!s.scanString(&member.name))
            return members; // the cut fell in a name: nothing of that member is known
        s.skipWhitespace();
        if (!s.consume(':'))
            return members;
        s.skipWhitespace();
        const char *valueStart = s.pos();
        if (!s.scanValue(1)) {
            // Cut inside the value: what there is of it.
            const char *end = json.data() + json.size();
            if (valueStart < end) {
                member.value = QByteArrayView(valueStart, end - valueStart);
                member.complete = false;
                members.append(member);
            }
            return members;
        }
        member.value = QByteArrayView(valueStart, s.pos() - valueStart);
        s.skipWhitespace();
        // A number that ends where the text does may have lost digits.
        const char first = member.value.front();
        if (s.atEnd() && (first == '-' || (first >= '0' && first <= '9')))
            member.complete = false;
        members.append(member);
        if (!s.consume(','))
            return members;
    }
}

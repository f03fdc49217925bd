#pragma once

#include <QByteArray>
#include <QByteArrayView>

// A small, allocation-free scanner over UTF-8 JSON text. The bench reads every frame it receives,
// and a full DOM (QJsonDocument) per frame would cost it about as much CPU as the broker spends
// relaying the frame; this walks the members of an object and hands back raw value spans.
// Values it skips are checked for structure (strings, numbers, literals, nesting); it does not
// validate number grammar or UTF-8 in detail.
class JsonScanner {
public:
    // Calls visit(QByteArrayView key, QByteArrayView rawValue) for each member of the object that
    // `text` holds (whitespace allowed around it). `key` is the raw content between the quotes.
    // Returns false when `text` is not one well-formed object.
    template <typename Visitor> static bool forEachMember(QByteArrayView text, Visitor &&visit);

    // Decodes a raw string value (with its quotes) into UTF-8. Plain strings are returned as a
    // view into `raw`; only strings with escapes are decoded into `scratch`.
    static bool decodeString(QByteArrayView raw, QByteArray &scratch, QByteArrayView &out);
    static bool toInteger(QByteArrayView raw, qint64 &out);

    static const char *skipWhitespace(const char *p, const char *end);
    static const char *skipString(const char *p, const char *end);
    static const char *skipValue(const char *p, const char *end, int depth = 0);
};

template <typename Visitor> bool JsonScanner::forEachMember(QByteArrayView text, Visitor &&visit) {
    const char *p = skipWhitespace(text.data(), text.data() + text.size());
    const char *const end = text.data() + text.size();
    if (p == end || *p != '{')
        return false;
    p = skipWhitespace(p + 1, end);
    if (p != end && *p == '}')
        return skipWhitespace(p + 1, end) == end;
    while (p != end) {
        if (*p != '"')
            return false;
        const char *keyEnd = skipString(p, end);
        if (!keyEnd)
            return false;
        const QByteArrayView key(p + 1, keyEnd - p - 2);
        p = skipWhitespace(keyEnd, end);
        if (p == end || *p != ':')
            return false;
        p = skipWhitespace(p + 1, end);
        const char *valueEnd = skipValue(p, end);
        if (!valueEnd)
            return false;
        visit(key, QByteArrayView(p, valueEnd - p));
        p = skipWhitespace(valueEnd, end);
        if (p == end)
            return false;
        if (*p == '}')
            return skipWhitespace(p + 1, end) == end;
        if (*p != ',')
            return false;
        p = skipWhitespace(p + 1, end);
    }
    return false;
}

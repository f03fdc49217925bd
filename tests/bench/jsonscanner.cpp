#include "jsonscanner.h"

#include <charconv>

namespace {
constexpr int MaxDepth = 128;

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool readHex4(const char *p, const char *end, char32_t &out) {
    if (end - p < 4)
        return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexDigit(p[i]);
        if (digit < 0)
            return false;
        out = out * 16 + char32_t(digit);
    }
    return true;
}

void appendUtf8(QByteArray &out, char32_t cp) {
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}
} // namespace

const char *JsonScanner::skipWhitespace(const char *p, const char *end) {
    while (p != end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

const char *JsonScanner::skipString(const char *p, const char *end) {
    if (p == end || *p != '"')
        return nullptr;
    for (++p; p != end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"')
            return p + 1;
        if (c < 0x20)
            return nullptr;
        if (c == '\\') {
            if (++p == end)
                return nullptr;
        }
    }
    return nullptr;
}

const char *JsonScanner::skipValue(const char *p, const char *end, int depth) {
    if (p == end || depth > MaxDepth)
        return nullptr;
    switch (*p) {
    case '"':
        return skipString(p, end);
    case '{':
    case '[': {
        const char close = *p == '{' ? '}' : ']';
        const bool object = *p == '{';
        p = skipWhitespace(p + 1, end);
        if (p != end && *p == close)
            return p + 1;
        while (p != end) {
            if (object) {
                p = skipString(p, end);
                if (!p)
                    return nullptr;
                p = skipWhitespace(p, end);
                if (p == end || *p != ':')
                    return nullptr;
                p = skipWhitespace(p + 1, end);
            }
            p = skipValue(p, end, depth + 1);
            if (!p)
                return nullptr;
            p = skipWhitespace(p, end);
            if (p == end)
                return nullptr;
            if (*p == close)
                return p + 1;
            if (*p != ',')
                return nullptr;
            p = skipWhitespace(p + 1, end);
        }
        return nullptr;
    }
    case 't':
        return end - p >= 4 && QByteArrayView(p, 4) == "true" ? p + 4 : nullptr;
    case 'f':
        return end - p >= 5 && QByteArrayView(p, 5) == "false" ? p + 5 : nullptr;
    case 'n':
        return end - p >= 4 && QByteArrayView(p, 4) == "null" ? p + 4 : nullptr;
    default: {
        const char *start = p;
        while (p != end && ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.' ||
                            *p == 'e' || *p == 'E'))
            ++p;
        return p == start ? nullptr : p;
    }
    }
}

bool JsonScanner::decodeString(QByteArrayView raw, QByteArray &scratch, QByteArrayView &out) {
    if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"')
        return false;
    const QByteArrayView body = raw.sliced(1, raw.size() - 2);
    if (!body.contains('\\')) {
        out = body;
        return true;
    }
    scratch.resize(0);
    const char *p = body.data();
    const char *const end = body.data() + body.size();
    while (p != end) {
        if (*p != '\\') {
            scratch.append(*p++);
            continue;
        }
        if (++p == end)
            return false;
        switch (*p++) {
        case '"':
            scratch.append('"');
            break;
        case '\\':
            scratch.append('\\');
            break;
        case '/':
            scratch.append('/');
            break;
        case 'b':
            scratch.append('\b');
            break;
        case 'f':
            scratch.append('\f');
            break;
        case 'n':
            scratch.append('\n');
            break;
        case 'r':
            scratch.append('\r');
            break;
        case 't':
            scratch.append('\t');
            break;
        case 'u': {
            char32_t cp = 0;
            if (!readHex4(p, end, cp))
                return false;
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00) {
                char32_t low = 0;
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !readHex4(p + 2, end, low) ||
                    low < 0xDC00 || low >= 0xE000)
                    return false;
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp < 0xE000) {
                return false;
            }
            appendUtf8(scratch, cp);
            break;
        }
        default:
            return false;
        }
    }
    out = QByteArrayView(scratch);
    return true;
}

bool JsonScanner::toInteger(QByteArrayView raw, qint64 &out) {
    const char *const end = raw.data() + raw.size();
    const auto [ptr, ec] = std::from_chars(raw.data(), end, out);
    return ec == std::errc() && ptr == end;
}

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <bit>
#include <cstring>

// A single-pass validating scanner over JSON text (RFC 8259), public so that every JSON reader of
// the product can use it: it never builds a document and never allocates except to decode the
// strings asked for. Errors carry the byte offset where the text went wrong. Header-only so that
// the broker's per-frame parse keeps it inlined.
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
            skipPlainBytes();
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

    // Skips string bytes that need no look (no quote, backslash or control character) eight at
    // a time: byte by byte, string scanning was the parser's largest part.
    void skipPlainBytes() {
        if constexpr (std::endian::native == std::endian::little) {
            constexpr quint64 ones = 0x0101010101010101ULL;
            constexpr quint64 highs = 0x8080808080808080ULL;
            while (m_end - m_p >= 8) {
                quint64 w;
                std::memcpy(&w, m_p, 8);
                const quint64 quote = w ^ (ones * '"');
                const quint64 backslash = w ^ (ones * '\\');
                // A byte's high bit is set where it is zero (the quote or backslash) or below
                // 0x20; the lowest set one is exact (a borrow can only mark bytes above it).
                const quint64 special =
                    (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                     ((w - ones * 0x20) & ~w)) &
                    highs;
                if (special) {
                    m_p += std::countr_zero(special) / 8;
                    return;
                }
                m_p += 8;
            }
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

#include "jsonpathlocator.h"

#include <algorithm>

namespace {

using Kind = JsonPathLocator::Kind;
using Segment = JsonPath::Segment;

// One pass over the text, keeping the innermost value whose span holds the target; a member's
// span runs from its key to the end of its value, so its key and colon count for it.
class Scanner {
public:
    Scanner(const QString &text, qsizetype target)
        : m_text(text)
        , m_target(target) {}

    JsonPathLocator::Location run() {
        skipSpace();
        const qsizetype start = m_at;
        const Kind kind = value();
        consider(start, kind);
        return m_found;
    }

private:
    bool atEnd() const { return m_at >= m_text.size() || m_failed; }
    QChar peek() const { return m_at < m_text.size() ? m_text.at(m_at) : QChar(); }

    void skipSpace() {
        while (m_at < m_text.size() && peek().isSpace())
            ++m_at;
    }

    // The value that began at start ended at m_at; deeper values were considered first.
    void consider(qsizetype start, Kind kind) {
        if (m_target < start || m_target >= m_at || m_path.size() < m_foundDepth)
            return;
        if (m_foundDepth >= 0 && m_path.size() == m_foundDepth)
            return; // a sibling cannot hold the target too: the first is right
        m_found = {JsonPath(m_path), kind};
        m_foundDepth = m_path.size();
    }

    Kind value() {
        if (m_at >= m_text.size()) {
            m_failed = true;
            return Kind::None;
        }
        const QChar c = peek();
        if (c == u'{')
            return object();
        if (c == u'[')
            return array();
        if (c == u'"') {
            string(nullptr);
            return Kind::String;
        }
        if (c == u'-' || c.isDigit()) {
            while (m_at < m_text.size() && (peek().isDigit() || peek() == u'.' || peek() == u'e' ||
                                            peek() == u'E' || peek() == u'+' || peek() == u'-'))
                ++m_at;
            return Kind::Number;
        }
        if (c.isLetter()) {
            while (m_at < m_text.size() && peek().isLetter())
                ++m_at;
            return Kind::Literal;
        }
        m_failed = true; // not JSON: nothing more can be located
        return Kind::None;
    }

    Kind object() {
        ++m_at; // {
        skipSpace();
        if (peek() == u'}') {
            ++m_at;
            return Kind::Object;
        }
        while (!atEnd()) {
            skipSpace();
            const qsizetype memberStart = m_at;
            if (peek() != u'"') {
                m_failed = true;
                break;
            }
            QString name;
            if (!string(&name))
                break;
            skipSpace();
            if (peek() != u':') {
                m_failed = true;
                break;
            }
            ++m_at;
            skipSpace();
            m_path.append(Segment{name, -1});
            const Kind kind = value();
            consider(memberStart, kind);
            m_path.removeLast();
            skipSpace();
            if (peek() == u',') {
                ++m_at;
                continue;
            }
            if (peek() == u'}')
                ++m_at;
            else
                m_failed = true;
            break;
        }
        return Kind::Object;
    }

    Kind array() {
        ++m_at; // [
        skipSpace();
        if (peek() == u']') {
            ++m_at;
            return Kind::Array;
        }
        for (int index = 0; !atEnd(); ++index) {
            skipSpace();
            const qsizetype start = m_at;
            m_path.append(Segment{QString(), index});
            const Kind kind = value();
            consider(start, kind);
            m_path.removeLast();
            skipSpace();
            if (peek() == u',') {
                ++m_at;
                continue;
            }
            if (peek() == u']')
                ++m_at;
            else
                m_failed = true;
            break;
        }
        return Kind::Array;
    }

    // A string from its opening quote; its escapes decoded into out. False when it is not
    // closed (the text was cut): m_at is then at the end.
    bool string(QString *out) {
        ++m_at; // "
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at++);
            if (c == u'"')
                return true;
            if (c == u'\n' || c == u'\r')
                continue; // a break the details pane put into a long line
            if (c != u'\\') {
                if (out)
                    *out += c;
                continue;
            }
            if (m_at >= m_text.size())
                break;
            const QChar e = m_text.at(m_at++);
            if (!out)
                continue;
            switch (e.unicode()) {
            case 'n':
                *out += u'\n';
                break;
            case 't':
                *out += u'\t';
                break;
            case 'r':
                *out += u'\r';
                break;
            case 'b':
                *out += u'\b';
                break;
            case 'f':
                *out += u'\f';
                break;
            case 'u': {
                bool ok = false;
                const ushort code = m_at + 4 <= m_text.size()
                                        ? QStringView(m_text).mid(m_at, 4).toUShort(&ok, 16)
                                        : 0;
                if (ok) {
                    *out += QChar(code); // a surrogate pair comes as two escapes, two halves
                    m_at += 4;
                } else {
                    *out += e;
                }
                break;
            }
            default: // " \ / and anything else stand for themselves
                *out += e;
            }
        }
        m_at = m_text.size();
        m_failed = true;
        return false;
    }

    const QString &m_text;
    const qsizetype m_target;
    qsizetype m_at = 0;
    bool m_failed = false;
    QList<Segment> m_path;
    JsonPathLocator::Location m_found;
    qsizetype m_foundDepth = -1;
};

bool isFiller(QChar c) {
    return c == u' ' || c == u'\t' || c == u',';
}

} // namespace

JsonPathLocator::Location JsonPathLocator::locate(const QString &pretty, int position) {
    // White space and commas count for the nearest text on the line: before them (the end of
    // a line is after its value's comma), else after them (the indentation before a key).
    qsizetype target = std::clamp<qsizetype>(position, 0, pretty.size());
    const auto onFiller = [&](qsizetype at) {
        return at >= pretty.size() || isFiller(pretty.at(at)) || pretty.at(at) == u'\n';
    };
    if (onFiller(target)) {
        qsizetype back = target;
        while (back > 0 && isFiller(pretty.at(back - 1)))
            --back;
        if (back > 0 && pretty.at(back - 1) != u'\n') {
            target = back - 1;
        } else {
            qsizetype ahead = target;
            while (ahead < pretty.size() && isFiller(pretty.at(ahead)))
                ++ahead;
            if (ahead >= pretty.size() || pretty.at(ahead) == u'\n')
                return {};
            target = ahead;
        }
    }
    return Scanner(pretty, target).run();
}

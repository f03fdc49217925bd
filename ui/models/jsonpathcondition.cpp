#include "jsonpathcondition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

bool isNameStart(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
}

bool isNameChar(QChar c) {
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

bool isDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

bool isSpace(QChar c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// Characters that end a path or a value without being part of it.
bool isDelimiter(QChar c) {
    return isSpace(c) || c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u'&' || c == u'|';
}

int hexValue(QChar c) {
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

bool equalValues(const QJsonValue &a, const QJsonValue &b) {
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::Null:
        return true;
    default:
        return false; // VALUE is never an object or an array
    }
}

} // namespace

// A recursive-descent parser over the typed text; the first problem found is the one reported.
class JsonPathCondition::Parser {
public:
    explicit Parser(const QString &text)
        : m_text(text) {}

    JsonPathCondition run() {
        JsonPathCondition condition;
        while (true) {
            skipSpace();
            Part part;
            if (!parsePart(&part))
                break;
            condition.m_parts.append(part);
            skipSpace();
            if (atEnd())
                break;
            if (QStringView(m_text).mid(m_pos, 2) == QLatin1StringView("&&")) {
                m_pos += 2;
                continue;
            }
            if (peek() == u'|')
                fail(JsonPathCondition::tr("only && joins conditions"));
            else if (peek() == u'&')
                fail(JsonPathCondition::tr("expected && (two ampersands)"));
            else
                fail(JsonPathCondition::tr("expected && between conditions"));
            break;
        }
        if (!m_error.isEmpty()) {
            condition.m_parts.clear();
            condition.m_error =
                JsonPathCondition::tr("%1 (column %2)").arg(m_error).arg(m_errorPos + 1);
            condition.m_errorColumn = m_errorPos + 1;
        }
        return condition;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(int ahead = 0) const {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    void skipSpace() {
        while (!atEnd() && isSpace(peek()))
            ++m_pos;
    }
    bool fail(const QString &what) { return failAt(what, m_pos); }
    bool failAt(const QString &what, qsizetype pos) {
        if (m_error.isEmpty()) {
            m_error = what;
            m_errorPos = int(pos);
        }
        return false;
    }

    bool parsePart(Part *part) {
        const bool negated = peek() == u'!';
        if (negated) {
            ++m_pos;
            skipSpace();
        }
        const qsizetype start = m_pos;
        if (!parsePath(&part->path))
            return false;
        part->pathText = m_text.mid(start, m_pos - start);
        skipSpace();
        const qsizetype opStart = m_pos;
        const Operator op = parseOperator();
        if (!m_error.isEmpty())
            return false;
        if (negated) {
            if (m_pos != opStart)
                return failAt(JsonPathCondition::tr("a condition with ! takes no operator"),
                              opStart);
            part->op = Operator::Missing;
            return true;
        }
        if (m_pos == opStart) {
            // No operator: the path alone, when the part ends here.
            if (atEnd() || peek() == u'&' || peek() == u'|') {
                part->op = Operator::Exists;
                return true;
            }
            return fail(JsonPathCondition::tr("expected an operator after %1").arg(part->pathText));
        }
        part->op = op;
        const QString opText = m_text.mid(opStart, m_pos - opStart);
        skipSpace();
        const qsizetype valueStart = m_pos;
        if (!parseValue(&part->value, opText))
            return false;
        const bool ordered = op == Operator::Less || op == Operator::LessOrEqual ||
                             op == Operator::Greater || op == Operator::GreaterOrEqual;
        if (ordered && !part->value.isDouble() && !part->value.isString())
            return failAt(JsonPathCondition::tr("%1 compares numbers and strings only").arg(opText),
                          valueStart);
        return true;
    }

    // Leaves m_pos where it was when there is no operator here.
    Operator parseOperator() {
        const QChar c = peek();
        const bool equalsNext = peek(1) == u'=';
        if (c == u'=') {
            if (!equalsNext) {
                fail(JsonPathCondition::tr("use == to compare"));
                return Operator::Exists;
            }
            m_pos += 2;
            return Operator::Equal;
        }
        if (c == u'!' && equalsNext) {
            m_pos += 2;
            return Operator::NotEqual;
        }
        if (c == u'<' || c == u'>') {
            m_pos += equalsNext ? 2 : 1;
            if (c == u'<')
                return equalsNext ? Operator::LessOrEqual : Operator::Less;
            return equalsNext ? Operator::GreaterOrEqual : Operator::Greater;
        }
        return Operator::Exists;
    }

    bool parsePath(QList<Step> *path) {
        if (atEnd())
            return fail(JsonPathCondition::tr("expected a path"));
        if (peek() == u'[') {
            if (!parseBracket(path))
                return false;
        } else if (isNameStart(peek())) {
            path->append(Step{parseName(), -1});
        } else {
            return fail(JsonPathCondition::tr("expected a path"));
        }
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'.') {
                ++m_pos;
                if (!isNameStart(peek()))
                    return fail(JsonPathCondition::tr(
                        "expected a member name after . (write other names as "
                        "[\"name\"])"));
                path->append(Step{parseName(), -1});
            } else if (c == u'[') {
                if (!parseBracket(path))
                    return false;
            } else if (isDelimiter(c)) {
                break;
            } else {
                return fail(
                    JsonPathCondition::tr("write a name with other characters as [\"name\"]"));
            }
        }
        return true;
    }

    QString parseName() {
        const qsizetype start = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    bool parseBracket(QList<Step> *path) {
        ++m_pos; // '['
        skipSpace();
        Step step;
        if (peek() == u'"') {
            if (!parseString(&step.name))
                return false;
        } else if (isDigit(peek())) {
            const qsizetype start = m_pos;
            while (!atEnd() && isDigit(peek()))
                ++m_pos;
            bool ok = false;
            step.index = m_text.mid(start, m_pos - start).toInt(&ok);
            if (!ok)
                return failAt(JsonPathCondition::tr("index too large"), start);
        } else {
            return fail(JsonPathCondition::tr("expected an index or a quoted name after ["));
        }
        skipSpace();
        if (peek() != u']')
            return fail(JsonPathCondition::tr("expected ]"));
        ++m_pos;
        path->append(step);
        return true;
    }

    // A JSON string at '"', decoded.
    bool parseString(QString *out) {
        const qsizetype start = m_pos;
        ++m_pos;
        while (true) {
            if (atEnd())
                return failAt(JsonPathCondition::tr("unterminated string"), start);
            const QChar c = m_text.at(m_pos++);
            if (c == u'"')
                return true;
            if (c != u'\\') {
                out->append(c);
                continue;
            }
            const qsizetype escape = m_pos - 1;
            const QChar e = peek();
            ++m_pos;
            switch (e.unicode()) {
            case u'"':
            case u'\\':
            case u'/':
                out->append(e);
                break;
            case u'b':
                out->append(u'\b');
                break;
            case u'f':
                out->append(u'\f');
                break;
            case u'n':
                out->append(u'\n');
                break;
            case u'r':
                out->append(u'\r');
                break;
            case u't':
                out->append(u'\t');
                break;
            case u'u': {
                char16_t unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(peek());
                    if (h < 0)
                        return failAt(JsonPathCondition::tr("invalid escape in string"), escape);
                    unit = char16_t((unit << 4) | h);
                    ++m_pos;
                }
                out->append(QChar(unit)); // a surrogate pair comes as two escapes, as in JSON
                break;
            }
            default:
                return failAt(JsonPathCondition::tr("invalid escape in string"), escape);
            }
        }
    }

    bool parseValue(QJsonValue *value, const QString &opText) {
        const qsizetype start = m_pos;
        const QChar c = peek();
        if (atEnd() || c == u'&' || c == u'|')
            return fail(JsonPathCondition::tr("expected a value after %1").arg(opText));
        if (c == u'"') {
            QString text;
            if (!parseString(&text))
                return false;
            *value = text;
            return true;
        }
        if (c == u'-' || isDigit(c))
            return parseNumber(value);
        if (isNameChar(c)) {
            const QString word = parseName();
            if (word == QLatin1StringView("true") || word == QLatin1StringView("false")) {
                *value = word == QLatin1StringView("true");
            } else if (word == QLatin1StringView("null")) {
                *value = QJsonValue(QJsonValue::Null);
            } else {
                return failAt(
                    JsonPathCondition::tr("%1 is not a value: write a string in double quotes")
                        .arg(word),
                    start);
            }
            if (!atEnd() && !isDelimiter(peek()))
                return fail(JsonPathCondition::tr("expected && between conditions"));
            return true;
        }
        return fail(JsonPathCondition::tr(
                        "expected a value after %1 (a number, a string in double quotes, true, "
                        "false or null)")
                        .arg(opText));
    }

    // A number as JSON spells it.
    bool parseNumber(QJsonValue *value) {
        const qsizetype start = m_pos;
        const auto digits = [this] {
            const qsizetype from = m_pos;
            while (!atEnd() && isDigit(peek()))
                ++m_pos;
            return m_pos > from;
        };
        bool ok = true;
        if (peek() == u'-')
            ++m_pos;
        if (peek() == u'0')
            ++m_pos;
        else
            ok = digits();
        if (ok && peek() == u'.') {
            ++m_pos;
            ok = digits();
        }
        if (ok && (peek() == u'e' || peek() == u'E')) {
            ++m_pos;
            if (peek() == u'+' || peek() == u'-')
                ++m_pos;
            ok = digits();
        }
        if (ok && !atEnd() && !isDelimiter(peek()))
            ok = false;
        if (!ok)
            return failAt(JsonPathCondition::tr("invalid number"), start);
        *value = m_text.mid(start, m_pos - start).toDouble();
        return true;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    QString m_error;
    int m_errorPos = 0;
};

JsonPathCondition JsonPathCondition::parse(const QString &text) {
    return Parser(text).run();
}

bool JsonPathCondition::matches(QByteArrayView frame) const {
    if (!isValid() || frame.isEmpty())
        return false;
    QJsonParseError error{};
    // The frame's bytes as they are: no copy for the parse.
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(frame.data(), frame.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return false;
    if (document.isObject())
        return matches(QJsonValue(document.object()));
    if (document.isArray())
        return matches(QJsonValue(document.array()));
    return false;
}

bool JsonPathCondition::matches(const QJsonValue &root) const {
    if (!isValid())
        return false;
    return std::all_of(m_parts.cbegin(), m_parts.cend(),
                       [&root](const Part &part) { return holds(part, root); });
}

bool JsonPathCondition::holds(const Part &part, const QJsonValue &root) {
    QJsonValue at = root;
    for (const Step &step : part.path) {
        if (step.index >= 0) {
            if (!at.isArray())
                return part.op == Operator::Missing;
            const QJsonArray array = at.toArray();
            if (step.index >= array.size())
                return part.op == Operator::Missing;
            at = array.at(step.index);
        } else {
            if (!at.isObject())
                return part.op == Operator::Missing;
            const QJsonObject object = at.toObject();
            const auto found = object.constFind(step.name);
            if (found == object.constEnd())
                return part.op == Operator::Missing;
            at = *found;
        }
    }
    switch (part.op) {
    case Operator::Exists:
        return true;
    case Operator::Missing:
        return false;
    case Operator::Equal:
        return equalValues(at, part.value);
    case Operator::NotEqual:
        return !equalValues(at, part.value);
    case Operator::Less:
    case Operator::LessOrEqual:
    case Operator::Greater:
    case Operator::GreaterOrEqual:
        break;
    }
    int order = 0;
    if (at.isDouble() && part.value.isDouble()) {
        const double a = at.toDouble();
        const double b = part.value.toDouble();
        order = a < b ? -1 : a > b ? 1 : 0;
    } else if (at.isString() && part.value.isString()) {
        order = at.toString().compare(part.value.toString());
    } else {
        return false;
    }
    switch (part.op) {
    case Operator::Less:
        return order < 0;
    case Operator::LessOrEqual:
        return order <= 0;
    case Operator::Greater:
        return order > 0;
    default:
        return order >= 0;
    }
}

#include "jsonpath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

bool isIdentifierStart(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentifierPart(QChar c) {
    return isIdentifierStart(c) || (c >= u'0' && c <= u'9');
}

QString tr(const char *text) {
    return QCoreApplication::translate("JsonPath", text);
}

// A name in double quotes, escaped as JSON escapes it.
QString quoted(const QString &name) {
    QString out = QStringLiteral("\"");
    for (const QChar c : name) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else if (c == u'\t') {
            out += QStringLiteral("\\t");
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + u'"';
}

} // namespace

bool JsonPath::isIdentifier(QStringView name) {
    if (name.isEmpty() || !isIdentifierStart(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(), isIdentifierPart);
}

QString JsonPath::toString() const {
    QString out;
    for (const Segment &s : m_segments) {
        if (s.index >= 0)
            out += QStringLiteral("[%1]").arg(s.index);
        else if (isIdentifier(s.name))
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + s.name;
        else
            out += u'[' + quoted(s.name) + u']';
    }
    return out;
}

JsonPath JsonPath::parse(const QString &text, QString *error) {
    QList<Segment> segments;
    qsizetype at = 0;
    const auto fail = [&](const char *what) {
        if (error)
            *error = tr(what).arg(at + 1);
        return JsonPath();
    };
    const auto identifier = [&] {
        const qsizetype start = at;
        while (at < text.size() && isIdentifierPart(text.at(at)))
            ++at;
        return text.mid(start, at - start);
    };
    while (at < text.size()) {
        const QChar c = text.at(at);
        if (c == u'.' && !segments.isEmpty()) {
            ++at;
            if (at >= text.size() || !isIdentifierStart(text.at(at)))
                return fail(QT_TRANSLATE_NOOP("JsonPath", "expected a member name (column %1)"));
            segments.append(Segment{identifier(), -1});
        } else if (c == u'[') {
            ++at;
            if (at < text.size() && text.at(at).isDigit()) {
                const qsizetype start = at;
                while (at < text.size() && text.at(at) >= u'0' && text.at(at) <= u'9')
                    ++at;
                bool ok = false;
                const int index = text.mid(start, at - start).toInt(&ok);
                if (!ok)
                    return fail(QT_TRANSLATE_NOOP("JsonPath", "index too large (column %1)"));
                segments.append(Segment{QString(), index});
            } else if (at < text.size() && text.at(at) == u'"') {
                const qsizetype start = at++;
                while (at < text.size() && text.at(at) != u'"')
                    at += text.at(at) == u'\\' ? 2 : 1;
                if (at >= text.size()) {
                    at = start;
                    return fail(QT_TRANSLATE_NOOP("JsonPath", "unterminated name (column %1)"));
                }
                ++at;
                // The name is a JSON string: QJsonDocument decodes its escapes.
                const QJsonDocument doc = QJsonDocument::fromJson(
                    '[' + QStringView(text).mid(start, at - start).toUtf8() + ']');
                if (!doc.isArray() || !doc.array().at(0).isString()) {
                    at = start;
                    return fail(QT_TRANSLATE_NOOP("JsonPath", "invalid quoted name (column %1)"));
                }
                segments.append(Segment{doc.array().at(0).toString(), -1});
            } else {
                return fail(QT_TRANSLATE_NOOP("JsonPath",
                                              "expected an index or a quoted name (column %1)"));
            }
            if (at >= text.size() || text.at(at) != u']')
                return fail(QT_TRANSLATE_NOOP("JsonPath", "expected ] (column %1)"));
            ++at;
        } else if (segments.isEmpty() && isIdentifierStart(c)) {
            segments.append(Segment{identifier(), -1});
        } else {
            return fail(QT_TRANSLATE_NOOP("JsonPath", "unexpected character (column %1)"));
        }
    }
    if (error)
        error->clear();
    return JsonPath(std::move(segments));
}

QJsonValue JsonPath::valueIn(const QJsonValue &root) const {
    QJsonValue value = root;
    for (const Segment &s : m_segments) {
        if (s.index >= 0) {
            if (!value.isArray() || s.index >= value.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toArray().at(s.index);
        } else {
            if (!value.isObject())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toObject().value(s.name);
        }
        if (value.isUndefined())
            return value;
    }
    return value;
}

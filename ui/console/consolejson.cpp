#include "consolejson.h"

#include "jsonformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace {

bool isJsonSpace(QChar c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// The character offset of the first comma outside strings and containers: where a second
// top-level value starts.
qsizetype firstTopLevelComma(const QString &text) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'[' || c == u'{')
            ++depth;
        else if (c == u']' || c == u'}')
            --depth;
        else if (c == u',' && depth == 0)
            return i;
    }
    return -1;
}

void locate(ConsoleJson::Check &check, const QString &text, qsizetype position) {
    position = std::clamp<qsizetype>(position, 0, text.size());
    check.position = position;
    check.line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < position; ++i) {
        if (text.at(i) == u'\n') {
            ++check.line;
            lineStart = i + 1;
        }
    }
    check.column = int(position - lineStart) + 1;
}

} // namespace

ConsoleJson::Check ConsoleJson::check(const QString &text) {
    Check result;
    if (std::all_of(text.cbegin(), text.cend(), isJsonSpace)) {
        result.empty = true;
        result.error = tr("empty document");
        locate(result, text, 0);
        return result;
    }
    // QJsonDocument takes only an object or an array at the top, so the text is checked as the
    // one element of an array.
    const QByteArray wrapped = QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("\n]");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes of the wrapped text and points past the token where
        // parsing stopped and the white space after it; step back onto that token.
        qsizetype stop = std::min<qsizetype>(error.offset, wrapped.size()) - 1;
        while (stop > 0 && isJsonSpace(QChar::fromLatin1(wrapped.at(stop))))
            --stop;
        // Less the "[" in front, which is not the user's.
        const qsizetype position = QString::fromUtf8(wrapped.left(stop)).size() - 1;
        result.error = error.errorString();
        locate(result, text, position);
        return result;
    }
    if (document.array().size() != 1) {
        result.error = tr("more than one value");
        locate(result, text, firstTopLevelComma(text));
        return result;
    }
    result.valid = true;
    return result;
}

QString ConsoleJson::compacted(const QString &json) {
    return JsonFormatter::compact(json.toUtf8());
}

QString ConsoleJson::beautified(const QString &json) {
    return JsonFormatter::pretty(json.trimmed().toUtf8(), 2);
}

#include "jsondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>

namespace {

bool isPlainName(const QString &key) {
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'_' || c == u'$';
    });
}

QJsonValue parse(QByteArrayView frame, bool *ok) {
    QJsonParseError error{};
    // QJsonDocument takes objects and arrays only; a frame of one scalar is wrapped to parse.
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + frame.toByteArray() + "]", &error);
    *ok = error.error == QJsonParseError::NoError && document.array().size() == 1;
    return *ok ? document.array().at(0) : QJsonValue();
}

} // namespace

QString JsonDiff::memberPath(const QString &parent, const QString &key) {
    if (isPlainName(key))
        return parent.isEmpty() ? key : parent + u'.' + key;
    QString quoted = key;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return parent + QStringLiteral("[\"") + quoted + QStringLiteral("\"]");
}

QString JsonDiff::elementPath(const QString &parent, qsizetype index) {
    return parent + u'[' + QString::number(index) + u']';
}

JsonDiff::ChangeList JsonDiff::compare(const QJsonValue &before, const QJsonValue &after,
                                       bool *cut) {
    Found found;
    compareInto(QString(), before, after, found);
    if (cut)
        *cut = found.cut;
    return found.changes;
}

JsonDiff::ChangeList JsonDiff::compareFrames(QByteArrayView before, QByteArrayView after,
                                             QString *error, bool *cut) {
    if (cut)
        *cut = false;
    bool ok = false;
    const QJsonValue a = parse(before, &ok);
    if (!ok) {
        if (error)
            *error = tr("The older frame is not JSON.");
        return {};
    }
    const QJsonValue b = parse(after, &ok);
    if (!ok) {
        if (error)
            *error = tr("The newer frame is not JSON.");
        return {};
    }
    if (error)
        error->clear();
    return compare(a, b, cut);
}

void JsonDiff::compareInto(const QString &path, const QJsonValue &before, const QJsonValue &after,
                           Found &found) {
    if (found.cut)
        return;
    if (before.isObject() && after.isObject()) {
        const QJsonObject a = before.toObject();
        const QJsonObject b = after.toObject();
        // Keys in sorted order (QJsonObject keeps them so): removed and changed ones where they
        // fall, added ones as well, so the list reads like the pretty JSON.
        QStringList keys = a.keys();
        for (const QString &key : b.keys()) {
            if (!a.contains(key))
                keys.append(key);
        }
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            const QString memberAt = memberPath(path, key);
            const auto inA = a.constFind(key);
            const auto inB = b.constFind(key);
            if (inA != a.constEnd() && inB != b.constEnd())
                compareInto(memberAt, *inA, *inB, found);
            else if (!found.room())
                return;
            else if (inB == b.constEnd())
                found.changes.append(
                    {Change::Kind::Removed, memberAt, *inA, QJsonValue::Undefined});
            else
                found.changes.append({Change::Kind::Added, memberAt, QJsonValue::Undefined, *inB});
        }
        return;
    }
    if (before.isArray() && after.isArray()) {
        compareArrays(path, before.toArray(), after.toArray(), found);
        return;
    }
    if (before != after && found.room())
        found.changes.append({Change::Kind::Changed, path, before, after});
}

void JsonDiff::compareArrays(const QString &path, const QJsonArray &before, const QJsonArray &after,
                             Found &found) {
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    // Elements the two share at their start, then at their end (not overlapping the start).
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix &&
           before.at(n - 1 - suffix) == after.at(m - 1 - suffix))
        ++suffix;
    // The middle: element by element as far as both go, the rest of the longer added or removed.
    // Paths name an element by its index in the document it is in.
    const qsizetype middleA = n - prefix - suffix;
    const qsizetype middleB = m - prefix - suffix;
    const qsizetype common = std::min(middleA, middleB);
    for (qsizetype i = 0; i < common && !found.cut; ++i)
        compareInto(elementPath(path, prefix + i), before.at(prefix + i), after.at(prefix + i),
                    found);
    for (qsizetype i = common; i < middleA && found.room(); ++i)
        found.changes.append({Change::Kind::Removed, elementPath(path, prefix + i),
                              before.at(prefix + i), QJsonValue::Undefined});
    for (qsizetype i = common; i < middleB && found.room(); ++i)
        found.changes.append({Change::Kind::Added, elementPath(path, prefix + i),
                              QJsonValue::Undefined, after.at(prefix + i)});
}

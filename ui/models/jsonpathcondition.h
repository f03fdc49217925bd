#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

// A condition over a frame's JSON, as the log filter takes it in condition mode: parsed once
// when typed, then evaluated over each frame's bytes (parsed once per frame, every part
// evaluated on that one document). Paths start at the frame's top level, so the message of a
// send is `message`.
//
// Syntax (README "JSON conditions"):
//   path       a member name, then any of `.name`, `[N]` (an array element, N from 0) and
//              `["any name"]` (a member whose name is not plain: a JSON string, escapes
//              allowed). A plain name is ASCII letters, digits, `_` and `$`, not starting
//              with a digit (the spelling the Compare tab uses for paths). A path may also
//              start with `[`. Examples: `action`, `message.items[0].qty`,
//              `message["content-type"]`.
//   PATH OP VALUE
//              OP one of == != < <= > >=; VALUE a JSON number, a JSON string in double quotes,
//              true, false or null. Numbers compare numerically, strings by == and != and in
//              lexicographic (UTF-16) order; true, false and null take == and != only. A value
//              of another type than VALUE, or a missing path, does not hold for == < <= > >=.
//              `!=` holds when the path exists and its value is not VALUE: a value of another
//              type is not VALUE (so `message.x != null` means "x is there and not null"), and
//              a missing path does not hold (write `!PATH` for that).
//   PATH       the member exists (whatever its value, null included).
//   !PATH      it does not.
//   A && B     several conditions, all of which must hold.
// White space between the parts is free. A frame that is not JSON (binary, cut short, invalid)
// never matches, `!PATH` included.
class JsonPathCondition {
    Q_DECLARE_TR_FUNCTIONS(JsonPathCondition)

public:
    enum class Operator {
        Exists,
        Missing,
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual
    };

    // One step of a path: a member by name, or an array element by index.
    struct Step {
        QString name;
        int index = -1; // >= 0: an array element
    };
    // One of the conditions joined by &&.
    struct Part {
        QList<Step> path;
        QString pathText; // as typed, for messages
        Operator op = Operator::Exists;
        QJsonValue value; // what == != < <= > >= compare with
    };

    // An empty condition (no parts: holds for every JSON frame).
    JsonPathCondition() = default;
    // Parses text; when it is not a condition, isValid() is false and errorString() says what
    // is wrong and at which column (1-based, in characters of text).
    static JsonPathCondition parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // The 1-based column of the problem, or 0 when valid.
    int errorColumn() const { return m_errorColumn; }
    const QList<Part> &parts() const { return m_parts; }

    // Whether the frame (its bytes, JSON text) satisfies every part; false for an invalid
    // condition and for a frame that is not JSON.
    bool matches(QByteArrayView frame) const;
    // The same over a parsed document's top level (an object or an array).
    bool matches(const QJsonValue &root) const;

private:
    class Parser;
    static bool holds(const Part &part, const QJsonValue &root);

    QList<Part> m_parts;
    QString m_error;
    int m_errorColumn = 0;
};

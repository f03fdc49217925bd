#pragma once

#include <QCoreApplication>
#include <QString>

// JSON text helpers of the test console. Messages are kept and sent as the text the user typed:
// QJsonDocument would sort members and rewrite numbers, and only takes objects and arrays at
// the top, while a protocol message may be any JSON value.
class ConsoleJson {
    Q_DECLARE_TR_FUNCTIONS(ConsoleJson)
public:
    // The result of checking a text. Line and column count from 1, the column in characters.
    struct Check {
        bool valid = false;
        bool empty = false;      // nothing but white space
        qsizetype position = -1; // character offset of the error in the text
        int line = 0;
        int column = 0;
        QString error; // what is wrong, empty when valid
    };

    // Checks that text holds exactly one JSON value (RFC 8259), whatever its type.
    static Check check(const QString &text);
    static bool isValid(const QString &text) { return check(text).valid; }
    // The text without white space outside strings; members keep their order.
    static QString compacted(const QString &json);
    // The text re-indented by two spaces; members keep their order.
    static QString beautified(const QString &json);
};

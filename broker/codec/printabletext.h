#pragma once

#include <QString>

// Text from a file or a client, made safe to show in a one-line message: line breaks, tabs,
// control characters, line separators and bidi controls written as escapes (\n, \t, \u202e),
// so that an error stays one line and names what it names without text posing as ours.
class PrintableText {
public:
    static QString escape(const QString &text);
};

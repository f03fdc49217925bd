#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Re-indents JSON text without parsing it into a document, so members keep their order and
// numbers keep their spelling (QJsonDocument sorts keys and rewrites numbers). Text that is
// not JSON comes out re-indented as far as it goes, never lost.
class JsonFormatter {
public:
    static QString pretty(QByteArrayView json, int indent = 2);
    // The same without any white space outside strings.
    static QString compact(QByteArrayView json);
    // Hex dump: offset, 16 bytes in hex, and their printable ASCII.
    static QString hexDump(QByteArrayView bytes, qsizetype maxBytes = 64 * 1024);

private:
    // indent < 0: one line.
    static QString reformat(QByteArrayView json, int indent);
};

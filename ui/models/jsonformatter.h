#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// JSON and bytes as the frame details show them. The layout itself is JsonText's (broker/codec),
// the product's one compact/pretty JSON helper: members keep their order, numbers their
// spelling, and text that is not JSON comes out laid out as far as it goes, never lost.
class JsonFormatter {
public:
    static QString pretty(QByteArrayView json, int indent = 2);
    // The same without any white space outside strings.
    static QString compact(QByteArrayView json);
    // Hex dump: offset, 16 bytes in hex, and their printable ASCII.
    // bytesPerRow: 16, or fewer (a multiple of 4) to fit a narrow view.
    static QString hexDump(QByteArrayView bytes, qsizetype maxBytes = 64 * 1024,
                           int bytesPerRow = 16);
};

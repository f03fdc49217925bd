#include "jsonformatter.h"

#include "jsontext.h"

#include <algorithm>

QString JsonFormatter::pretty(QByteArrayView json, int indent) {
    return QString::fromUtf8(JsonText::pretty(json, indent));
}

QString JsonFormatter::compact(QByteArrayView json) {
    return QString::fromUtf8(JsonText::compact(json));
}

QString JsonFormatter::hexDump(QByteArrayView bytes, qsizetype maxBytes, int bytesPerRow) {
    const int perRow = std::clamp(bytesPerRow, 1, 16);
    QString out;
    const qsizetype n = std::min(bytes.size(), maxBytes);
    for (qsizetype row = 0; row < n; row += perRow) {
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = row; i < row + perRow; ++i) {
            if (i < n) {
                const auto b = static_cast<unsigned char>(bytes[i]);
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == row + 7 && perRow > 8)
                out += QLatin1Char(' ');
        }
        out += QStringLiteral(" |%1|\n").arg(ascii);
    }
    if (bytes.size() > n)
        out += QStringLiteral("… (%1 more bytes)\n").arg(bytes.size() - n);
    return out;
}

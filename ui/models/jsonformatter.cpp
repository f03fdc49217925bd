#include "jsonformatter.h"

QString JsonFormatter::pretty(QByteArrayView json, int indent) {
    return reformat(json, indent);
}

QString JsonFormatter::compact(QByteArrayView json) {
    return reformat(json, -1);
}

QString JsonFormatter::reformat(QByteArrayView json, int indent) {
    const bool oneLine = indent < 0;
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        if (oneLine)
            return;
        out.append('\n');
        out.append(QByteArray(depth * indent, ' '));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break; // white space outside strings is ours to lay out
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            // Keep empty containers on one line.
            qsizetype j = i + 1;
            while (j < json.size() &&
                   (json[j] == ' ' || json[j] == '\n' || json[j] == '\r' || json[j] == '\t'))
                ++j;
            const char close = c == '{' ? '}' : ']';
            if (j < json.size() && json[j] == close) {
                out.append(c).append(close);
                i = j;
                break;
            }
            out.append(c);
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(oneLine ? ":" : ": ");
            break;
        default:
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

QString JsonFormatter::hexDump(QByteArrayView bytes, qsizetype maxBytes) {
    QString out;
    const qsizetype n = std::min(bytes.size(), maxBytes);
    for (qsizetype row = 0; row < n; row += 16) {
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = row; i < row + 16; ++i) {
            if (i < n) {
                const auto b = static_cast<unsigned char>(bytes[i]);
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == row + 7)
                out += QLatin1Char(' ');
        }
        out += QStringLiteral(" |%1|\n").arg(ascii);
    }
    if (bytes.size() > n)
        out += QStringLiteral("… (%1 more bytes)\n").arg(bytes.size() - n);
    return out;
}

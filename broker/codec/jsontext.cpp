#include "jsontext.h"

#include <algorithm> // std::max

QByteArray JsonText::pretty(QByteArrayView json, int indent) {
    return reformat(json, indent);
}

QByteArray JsonText::compact(QByteArrayView json) {
    return reformat(json, -1);
}

QByteArray JsonText::reformat(QByteArrayView json, int indent) {
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
    return out;
}

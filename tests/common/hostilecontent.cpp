#include "hostilecontent.h"

namespace HostileContent {

namespace {
// What the send frame around a message takes, with room to spare: the cases stay under the
// message limit by this much.
constexpr int Envelope = 1024;
} // namespace

QByteArray disguisingText() {
    return QByteArray("invoice\u202Etxt.exe \u2066isolated\u2069 \u200Fmark ") +
           QByteArray("nul[", 4) + QByteArray(1, '\0') + QByteArray("] esc[") + '\x1b' +
           QByteArray("[31mred] cr[\r] lf[\n] tab[\t]");
}

QByteArray jsonString(const QByteArray &utf8) {
    QByteArray out = "\"";
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00" + QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out + '"';
}

QList<HostileCase> cases() {
    QList<HostileCase> all;
    const QByteArray disguise = disguisingText();
    all.append({QStringLiteral("bidi-and-controls"), QStringLiteral("/room\u202Eevil\u2066x\u2069"),
                "id\u202Etxt.exe" + disguise,
                "{\"text\":" + jsonString(disguise) + ",\"note\":\"\u202Eright to left\"}"});

    // An id of exactly the limit (bytes of UTF-8), with an override near its end, and a room
    // name far longer than any cell.
    QByteArray longId = QByteArray(MaxIdLength - 6, 'i') + "\u202Eend";
    longId.truncate(MaxIdLength);
    all.append({QStringLiteral("long-ids"), QLatin1Char('/') + QString(2000, QLatin1Char('r')),
                longId, "\"\u202Elong\""});

    QByteArray megaString = "\"\u202E" + QByteArray(MaxMessageBytes - Envelope, 'x') + '"';
    all.append({QStringLiteral("megabyte-string"), QStringLiteral("/big"), "big-string", megaString,
                true});

    QByteArray numbers = "[";
    for (int i = 0; numbers.size() < MaxMessageBytes - Envelope; ++i) {
        if (i > 0)
            numbers += ',';
        numbers += QByteArray::number(i * 7919 % 1000003);
    }
    numbers += ']';
    all.append(
        {QStringLiteral("megabyte-numbers"), QStringLiteral("/big"), "big-numbers", numbers, true});

    // The frame object is depth 1, so the message nests MaxDepth - 1 arrays.
    const int arrays = MaxDepth - 1;
    const QByteArray deep =
        QByteArray(arrays, '[') + jsonString("\u202Edeep") + QByteArray(arrays, ']');
    all.append({QStringLiteral("depth-limit"), QStringLiteral("/deep"), "deep", deep});
    return all;
}

QByteArray sendFrame(const HostileCase &hostile, const QByteArray &dest) {
    return "{\"action\":\"send\",\"dest\":" + jsonString(dest) + ",\"message\":" + hostile.message +
           '}';
}

} // namespace HostileContent

#include "frameencoder.h"

QByteArray FrameEncoder::frame(int opcode, QByteArrayView payload,
                               const std::array<uchar, 4> *mask) {
    Header header{};
    const qsizetype headerSize = writeHeader(header, opcode, quint64(payload.size()), mask);
    QByteArray out;
    out.reserve(headerSize + payload.size());
    out.append(header.data(), headerSize);
    out.append(payload.data(), payload.size());
    if (mask) {
        char *p = out.data() + headerSize;
        for (qsizetype i = 0; i < payload.size(); ++i)
            p[i] = char(uchar(p[i]) ^ (*mask)[size_t(i & 3)]);
    }
    return out;
}

QByteArray FrameEncoder::closePayload(int code, QByteArrayView reasonUtf8) {
    QByteArray payload;
    payload.reserve(2 + reasonUtf8.size());
    payload.append(char(code >> 8));
    payload.append(char(code & 0xFF));
    payload.append(reasonUtf8);
    return payload;
}

QByteArray FrameEncoder::utf8Prefix(const QString &text, qsizetype maxBytes) {
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return utf8;
    qsizetype cut = maxBytes;
    while (cut > 0 && (uchar(utf8.at(cut)) & 0xC0) == 0x80)
        --cut; // back to the first byte of the character that does not fit
    utf8.truncate(cut);
    return utf8;
}

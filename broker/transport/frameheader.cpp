#include "frameheader.h"

#include <cstring>

#include "frameencoder.h"

FrameHeader::Read FrameHeader::read(const uchar *bytes, qsizetype available, FrameHeader *out,
                                    QString *error, Sender sender) {
    using enum FrameEncoder::Opcode;
    if (available < 2)
        return Read::NeedMore;
    out->fin = bytes[0] & 0x80;
    out->opcode = bytes[0] & 0x0F;
    const bool masked = bytes[1] & 0x80;
    quint64 length = bytes[1] & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (available < 4)
            return Read::NeedMore;
        length = (quint64(bytes[2]) << 8) | bytes[3];
        header = 4;
    } else if (length == 127) {
        if (available < 10)
            return Read::NeedMore;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | bytes[i];
        header = 10;
        if (length >> 63) {
            *error = QStringLiteral("frame length with the top bit set");
            return Read::Invalid;
        }
    }
    // Checked before waiting for the payload, so an oversized frame is refused at once.
    if (bytes[0] & 0x70) {
        *error = QStringLiteral("reserved bits set without an extension");
        return Read::Invalid;
    }
    if (sender == Sender::Client && !masked) {
        *error = QStringLiteral("client frame not masked");
        return Read::Invalid;
    }
    if (sender == Sender::Server && masked) {
        *error = QStringLiteral("server frame masked");
        return Read::Invalid;
    }
    const int opcode = out->opcode;
    if (out->isControl()) {
        if (opcode != Close && opcode != Ping && opcode != Pong) {
            *error = QStringLiteral("reserved opcode %1").arg(opcode);
            return Read::Invalid;
        }
        if (!out->fin || length > 125) {
            *error = QStringLiteral("fragmented or oversized control frame");
            return Read::Invalid;
        }
    } else if (opcode != Continuation && opcode != Text && opcode != Binary) {
        *error = QStringLiteral("reserved opcode %1").arg(opcode);
        return Read::Invalid;
    }
    out->length = length;
    out->mask = masked ? bytes + header : nullptr;
    out->size = masked ? header + 4 : header;
    return Read::Complete;
}

void FrameHeader::maskInto(char *dst, const char *src, qsizetype size, quint32 key) {
    uchar bytes[8];
    std::memcpy(bytes, &key, 4);
    std::memcpy(bytes + 4, &key, 4);
    quint64 wide;
    std::memcpy(&wide, bytes, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 chunk;
        std::memcpy(&chunk, src + i, 8);
        chunk ^= wide;
        std::memcpy(dst + i, &chunk, 8);
    }
    for (; i < size; ++i)
        dst[i] = char(uchar(src[i]) ^ bytes[i & 3]);
}

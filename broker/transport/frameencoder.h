#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>

// Builds RFC 6455 frames (section 5.2): the header for a payload, and the payload of a close
// frame. The broker's frames are unmasked; a client's (the tests' raw clients) carry a mask.
class FrameEncoder {
public:
    enum Opcode {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA
    };
    using Header = std::array<char, 14>;

    // Writes the header of a final frame into header; returns its size (2 to 14 bytes). With a
    // mask, the mask bit is set and the key follows the length; the payload must then be
    // masked with mask(), which the caller does while copying it.
    static qsizetype writeHeader(Header &header, int opcode, quint64 payloadSize,
                                 const std::array<uchar, 4> *mask = nullptr) {
        header[0] = char(0x80 | opcode);
        const char maskBit = mask ? char(0x80) : char(0);
        qsizetype size = 2;
        if (payloadSize < 126) {
            header[1] = char(maskBit | char(payloadSize));
        } else if (payloadSize <= 0xFFFF) {
            header[1] = char(maskBit | 126);
            header[2] = char(payloadSize >> 8);
            header[3] = char(payloadSize & 0xFF);
            size = 4;
        } else {
            header[1] = char(maskBit | 127);
            for (int i = 0; i < 8; ++i)
                header[size_t(2 + i)] = char((payloadSize >> (56 - 8 * i)) & 0xFF);
            size = 10;
        }
        if (mask) {
            for (size_t i = 0; i < 4; ++i)
                header[size_t(size) + i] = char((*mask)[i]);
            size += 4;
        }
        return size;
    }

    // A whole frame: header and payload (masked when a mask is given).
    static QByteArray frame(int opcode, QByteArrayView payload,
                            const std::array<uchar, 4> *mask = nullptr);
    // The payload of a close frame: the code in network order, then the reason.
    static QByteArray closePayload(int code, QByteArrayView reasonUtf8);
    // The longest prefix of text's UTF-8 that fits in maxBytes without splitting a character.
    static QByteArray utf8Prefix(const QString &text, qsizetype maxBytes);
};

#pragma once

#include <QString>
#include <QtGlobal>

#include <cstring>

// Reads the frames a client sends (RFC 6455 section 5.2) from a buffer: the header, with the
// checks that need no connection state (reserved bits, masking, opcodes, control frame
// rules), and the unmasking. The connection keeps the state across frames (fragments, size
// limit, closing). The replay's simulated clients read the broker's frames with it too: those
// must not be masked (section 5.1).
struct FrameHeader {
    bool fin = false;
    int opcode = 0;
    quint64 length = 0;          // payload bytes
    qsizetype size = 0;          // header bytes before the payload, the mask key included
    const uchar *mask = nullptr; // null for a server's frame

    bool isControl() const { return opcode & 0x8; }

    enum class Read { NeedMore, Complete, Invalid };
    enum class Sender { Client, Server };
    // Reads the header at bytes; on Invalid, *error says why (a protocol error, 1002). A
    // client's frames must be masked, a server's must not.
    static Read read(const uchar *bytes, qsizetype available, FrameHeader *out, QString *error,
                     Sender sender = Sender::Client);
    // Unmasks a client frame's payload in place.
    static void unmask(char *payload, quint64 length, const uchar *mask) {
        // Eight bytes at a time, as maskInto() masks: byte by byte this loop was the broker's
        // hottest (the compiler cannot widen it, as payload may alias mask).
        quint32 key;
        std::memcpy(&key, mask, 4);
        maskInto(payload, payload, qsizetype(length), key);
    }
    // Copies src to dst masked with key (RFC 6455 5.3), eight bytes at a time: what a client
    // (the replay's simulated ones) does to every frame it sends.
    static void maskInto(char *dst, const char *src, qsizetype size, quint32 key);
    // The codes a close frame may carry: RFC 6455 7.4.1, the IANA registry's 1012-1014, and
    // the ranges for libraries and applications; 1004-1006 and 1015 are reserved or for
    // reporting only.
    static bool isValidCloseCode(int code) {
        if (code >= 3000 && code <= 4999)
            return true;
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
    }
};

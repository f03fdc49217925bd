#pragma once

#include <QByteArrayView>

// Checks UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates (U+D800..U+DFFF), nothing
// above U+10FFFF, no truncated sequence at the end. WebSocket text messages must be valid UTF-8
// as a whole (RFC 6455 section 8.1), and Qt 6.4 has no public validator that does not convert.
//
// Incremental: feed() takes a message in pieces (fragments, or the reads of one frame) and fails
// as soon as the bytes so far cannot be the start of valid UTF-8, e.g. at C0, F5, E0 80 (overlong)
// or ED A0 (a surrogate); a sequence cut at the end of a piece is carried into the next one.
class Utf8Validator {
public:
    static bool isValid(QByteArrayView bytes);

    // False once the bytes fed since reset() cannot begin valid UTF-8; it stays false.
    bool feed(QByteArrayView bytes);
    // The bytes fed so far are valid UTF-8 as a whole: no sequence left open.
    bool isComplete() const { return !m_failed && m_pending == 0; }
    void reset() { *this = Utf8Validator(); }

private:
    unsigned char m_pending = 0; // continuation bytes the open sequence still needs
    unsigned char m_low = 0x80;  // allowed range of its next byte
    unsigned char m_high = 0xBF;
    bool m_failed = false;
};

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <charconv>
#include <cstring>

// Appending to a reused QByteArray on the bench's hot path. QByteArray::append() goes through
// the general insert() (about a tenth of the bench's CPU in a profile); resize + memcpy into
// the reserved capacity does the same for a fraction of the cost.
inline void appendBytes(QByteArray &out, QByteArrayView bytes) {
    const qsizetype at = out.size();
    out.resize(at + bytes.size());
    std::memcpy(out.data() + at, bytes.data(), size_t(bytes.size()));
}

inline void appendChar(QByteArray &out, char c) {
    const qsizetype at = out.size();
    out.resize(at + 1);
    out.data()[at] = c;
}

inline void appendNumber(QByteArray &out, qint64 value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    appendBytes(out, QByteArrayView(digits, result.ptr - digits));
}

// Equality with a string literal: the size decides most comparisons, and memcmp of a constant
// length is inlined (QByteArrayView's operator== orders the bytes through a library call).
template <size_t N> inline bool equals(QByteArrayView bytes, const char (&literal)[N]) {
    return bytes.size() == qsizetype(N - 1) && std::memcmp(bytes.data(), literal, N - 1) == 0;
}

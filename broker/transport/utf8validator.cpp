#include "utf8validator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

bool Utf8Validator::isValid(QByteArrayView bytes) {
    Utf8Validator validator;
    return validator.feed(bytes) && validator.isComplete();
}

bool Utf8Validator::feed(QByteArrayView bytes) {
    if (m_failed)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const unsigned char *const end = p + bytes.size();
    // First the rest of a sequence the last piece ended inside.
    while (m_pending > 0 && p < end) {
        if (*p < m_low || *p > m_high) {
            m_failed = true;
            return false;
        }
        m_low = 0x80;
        m_high = 0xBF;
        --m_pending;
        ++p;
    }
    while (p < end) {
        // ASCII eight bytes at a time: most of a JSON protocol's text.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int length;
        unsigned char low = 0x80; // allowed range of the second byte
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            m_failed = true; // continuation byte, overlong C0/C1, or F5..FF
            return false;
        }
        // What is here of the sequence must fit; what is missing is left for the next piece.
        const int here = int(std::min<std::ptrdiff_t>(end - p, length));
        if (here > 1 && (p[1] < low || p[1] > high)) {
            m_failed = true;
            return false;
        }
        for (int i = 2; i < here; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                m_failed = true;
                return false;
            }
        }
        if (here < length) {
            m_pending = static_cast<unsigned char>(length - here);
            if (here == 1) {
                m_low = low;
                m_high = high;
            }
            return true;
        }
        p += length;
    }
    return true;
}

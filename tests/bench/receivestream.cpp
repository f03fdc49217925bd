#include "receivestream.h"

#include <algorithm>

namespace {
// A sequence number this far beyond the highest one seen is corrupt, not a gap.
constexpr qint64 MaxJump = qint64(1) << 26;
} // namespace

ReceiveStream::Result ReceiveStream::record(qint64 seq) {
    if (seq < 0 || seq > m_next + MaxJump)
        return Result::Invalid;
    const size_t word = size_t(seq >> 6);
    const quint64 bit = quint64(1) << (seq & 63);
    if (word >= m_seen.size())
        m_seen.resize(std::max(word + 1, m_seen.size() * 2), 0);
    if (m_seen[word] & bit)
        return Result::Duplicate;
    m_seen[word] |= bit;
    ++m_unique;
    if (seq >= m_next) {
        m_next = seq + 1;
        return Result::InOrder;
    }
    return Result::Late;
}

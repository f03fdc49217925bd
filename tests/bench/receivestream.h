#pragma once

#include <QtGlobal>

#include <vector>

// Correctness bookkeeping for one stream of sequence numbers (one sender to one receiver, or the
// answers to one asker): which numbers arrived, so duplicates and late (out-of-order) arrivals are
// counted exactly, and lost ones follow from what the sender sent.
class ReceiveStream {
public:
    enum class Result {
        InOrder,   // new, and no higher number arrived before it
        Late,      // new, but a higher number arrived first: out of order
        Duplicate, // seen before
        Invalid    // negative or absurdly far ahead
    };

    Result record(qint64 seq);

    qint64 unique() const { return m_unique; }
    qint64 highest() const { return m_next - 1; }

private:
    std::vector<quint64> m_seen;
    qint64 m_unique = 0;
    qint64 m_next = 0;
};

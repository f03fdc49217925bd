#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace {
constexpr int SubBucketBits = 7;
constexpr quint64 SubBuckets = quint64(1) << SubBucketBits;
// Values up to 2^63 fit: (63 - 6) groups of 128 sub-buckets after the linear range.
constexpr int BucketCount = int((64 - SubBucketBits + 1) * SubBuckets);
} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(BucketCount, 0) {}

int LatencyHistogram::bucketOf(quint64 value) {
    if (value < SubBuckets)
        return int(value);
    const int magnitude = std::bit_width(value) - 1; // >= SubBucketBits
    const quint64 sub = (value >> (magnitude - SubBucketBits)) & (SubBuckets - 1);
    return int((magnitude - SubBucketBits + 1) * SubBuckets + sub);
}

quint64 LatencyHistogram::bucketUpperBound(int bucket) {
    if (quint64(bucket) < SubBuckets)
        return quint64(bucket);
    const int magnitude = bucket / int(SubBuckets) + SubBucketBits - 1;
    const quint64 sub = quint64(bucket) % SubBuckets;
    const int shift = magnitude - SubBucketBits;
    return ((SubBuckets + sub + 1) << shift) - 1;
}

void LatencyHistogram::record(qint64 nanoseconds) {
    const quint64 value = nanoseconds < 0 ? 0 : quint64(nanoseconds);
    ++m_buckets[bucketOf(value)];
    if (m_count == 0 || qint64(value) < m_min)
        m_min = qint64(value);
    m_max = std::max(m_max, qint64(value));
    m_sum += double(value);
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram &other) {
    if (other.m_count == 0)
        return;
    for (size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_min = m_count ? std::min(m_min, other.m_min) : other.m_min;
    m_max = std::max(m_max, other.m_max);
    m_sum += other.m_sum;
    m_count += other.m_count;
}

void LatencyHistogram::clear() {
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_min = 0;
    m_max = 0;
    m_sum = 0;
}

double LatencyHistogram::mean() const {
    return m_count ? m_sum / double(m_count) : 0.0;
}

qint64 LatencyHistogram::percentile(double percent) const {
    if (m_count == 0)
        return 0;
    const qint64 rank = std::max<qint64>(
        1, qint64(std::ceil(std::clamp(percent, 0.0, 100.0) / 100.0 * double(m_count))));
    qint64 seen = 0;
    for (size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return std::clamp(qint64(bucketUpperBound(int(i))), m_min, m_max);
    }
    return m_max;
}

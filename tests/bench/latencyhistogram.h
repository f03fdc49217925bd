#pragma once

#include <QtGlobal>

#include <vector>

// Log-linear histogram of latencies in nanoseconds (like HdrHistogram): exact below 128 ns, then
// 128 sub-buckets per power of two, so any reported percentile is within 0.8% of the true value.
// Recording is a few instructions and never allocates, which keeps it off the bench's hot path.
class LatencyHistogram {
public:
    LatencyHistogram();

    void record(qint64 nanoseconds);
    void merge(const LatencyHistogram &other);
    void clear();

    qint64 count() const { return m_count; }
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_max; }
    double mean() const;
    // The smallest recorded value such that at least `percent` % of the samples are <= it.
    qint64 percentile(double percent) const;

    static int bucketOf(quint64 value);
    static quint64 bucketUpperBound(int bucket);

private:
    std::vector<qint64> m_buckets;
    qint64 m_count = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
    double m_sum = 0;
};

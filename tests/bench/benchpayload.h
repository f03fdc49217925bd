#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The `message` value the bench sends: who sent it, its per-sender sequence number, whom it was
// meant for (-1: every receiver of a fan-out) and when it was sent (steady clock, ns since the
// bench started, small enough to survive the original's round trip through a JavaScript double).
// A padding string brings the value to the requested size.
struct BenchPayload {
    qint64 sender = -1;
    qint64 seq = -1;
    qint64 dest = -1;
    qint64 sentNs = 0;

    // Appends compact JSON, exactly `targetSize` bytes long when that is above the minimum.
    void appendJson(QByteArray &out, int targetSize) const;
    bool parse(QByteArrayView json);

    // Size of the JSON without padding, for the given field values.
    int minimumSize() const;
};

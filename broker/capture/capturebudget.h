#pragma once

#include <QtGlobal>

#include <limits>

// How much a capture may hold. Past either bound the oldest frames are discarded, in whole
// chunks, and counted (CaptureRecorder::evicted, CaptureReader::discardedCount).
struct CaptureBudget {
    qint64 maxBytes = 2LL << 30;   // pages in use in the file (2 GiB)
    qint64 maxFrames = 10'000'000; // frames (events of any kind)

    // No bound at all: what a conversion writes (the user asked for the whole file).
    static CaptureBudget unlimited() {
        return {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max()};
    }
};

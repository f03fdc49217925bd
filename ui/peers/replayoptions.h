#pragma once

#include <QStringList>

// How a recording is replayed (the replay dialog and --replay's options).
struct ReplayOptions {
    enum class Timing : quint8 {
        AsRecorded, // the recording's pauses, divided by speed
        AsFastAsPossible,
        WaitForInput, // a simulated client sends its next frame once it has received what it
                      // had received before that point of the recording
    };
    Timing timing = Timing::AsRecorded;
    double speed = 1.0;
    QStringList liveIds;      // taken by real clients under test; the others are simulated
    QStringList ignoredPaths; // not compared, e.g. message.timestamp
    int timeoutS = 30;        // for the live clients to come, and for the replay to end
    int settleMs = 1000;      // quiet time after the last simulated frame before the end
};

#pragma once

#include <QString>

// A regular expression over a capture on disk (issue 12): writes `frames` frames with
// CaptureRecorder, opens the file in a LogFileWindow as File → Open does, then sets the
// pattern on its filter and prints the time to the first row shown, to the search's end, and
// how late the event loop answered meanwhile.
int runCaptureSearchBench(quint64 frames, const QString &pattern);

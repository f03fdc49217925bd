#pragma once

#include <QtGlobal>

// The inspector window at scale (issue 12): `frames` frames fed at `framesPerSecond` into the
// window's Inspector with a log capacity of `capacity` (10,000,000 for issue 12) and the session
// capture recording, then scrolling and filtering over what was recorded (and, with keepFeeding,
// while the feed goes on); prints a line of figures per phase.
int runScaleBench(quint64 frames, int framesPerSecond, qint64 captureMiB, int capacity,
                  bool keepFeeding);

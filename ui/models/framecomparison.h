#pragma once

#include "jsondiff.h"

#include <QCoreApplication>

class FrameLogModel;

// Which two frames of the log the details pane compares, and their JsonDiff: two rows the user
// selected, or a frame and the previous one like it (the same room, client, direction and
// action: the previous send of this sender, the previous message this client got).
class FrameComparison {
    Q_DECLARE_TR_FUNCTIONS(FrameComparison)
public:
    // How far back previousAlike() looks, in rows: the index alone is read, but a log of ten
    // million rows from one client should not be walked on every click.
    static constexpr int MaxScan = 200000;

    struct Result {
        int olderRow = -1;
        int newerRow = -1;
        JsonDiff::ChangeList changes;
        bool cut = false; // more changes than listed
        QString error;    // why there is nothing to compare
    };

    // The row before `row` with the same room, client (or connection, while it has no id),
    // kind and action; -1 when there is none within MaxScan rows.
    static int previousAlike(const FrameLogModel &log, int row);
    // The two rows' frames compared (read back from the capture when needed), older first.
    static Result compareRows(const FrameLogModel &log, int rowA, int rowB);
};

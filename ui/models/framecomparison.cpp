#include "framecomparison.h"

#include "framelogmodel.h"

#include <algorithm>

int FrameComparison::previousAlike(const FrameLogModel &log, int row) {
    if (row <= 0 || row >= log.rowCount())
        return -1;
    const BrokerEvent::Kind kind = log.kindAt(row);
    if (kind != BrokerEvent::Kind::FrameIn && kind != BrokerEvent::Kind::FrameOut)
        return -1;
    const FrameAction action = log.actionAt(row);
    const QString &room = log.roomAt(row);
    const QByteArray &client = log.clientIdAt(row);
    const quint64 connection = log.connectionIdAt(row);
    const int last = std::max(0, row - MaxScan);
    for (int r = row - 1; r >= last; --r) {
        if (log.kindAt(r) != kind || log.actionAt(r) != action || log.roomAt(r) != room)
            continue;
        if (client.isEmpty() ? (log.clientIdAt(r).isEmpty() && log.connectionIdAt(r) == connection)
                             : log.clientIdAt(r) == client)
            return r;
    }
    return -1;
}

FrameComparison::Result FrameComparison::compareRows(const FrameLogModel &log, int rowA, int rowB) {
    Result result;
    result.olderRow = std::min(rowA, rowB);
    result.newerRow = std::max(rowA, rowB);
    if (result.olderRow < 0 || result.newerRow >= log.rowCount()) {
        result.error = tr("Those frames are no longer in the log.");
        return result;
    }
    const BrokerEvent older = log.eventAt(result.olderRow);
    const BrokerEvent newer = log.eventAt(result.newerRow);
    for (const BrokerEvent *e : {&older, &newer}) {
        const bool isFrame =
            e->kind == BrokerEvent::Kind::FrameIn || e->kind == BrokerEvent::Kind::FrameOut;
        if (!isFrame) {
            result.error = tr("Only frames can be compared, not broker events.");
            return result;
        }
        if (e->binary) {
            result.error = tr("A binary frame cannot be compared as JSON.");
            return result;
        }
        if (e->data.size() < e->size) {
            result.error = tr("The bytes of one of the frames were not recorded whole.");
            return result;
        }
    }
    result.changes = JsonDiff::compareFrames(older.data, newer.data, &result.error, &result.cut);
    return result;
}

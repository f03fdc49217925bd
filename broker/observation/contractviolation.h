#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One failed check of a frame's `message` against its contract (broker/contracts checks; the
// capture stores them, so the struct lives with the other observations). The frame is named by
// the broker run, the connection and the time, its place among that connection's frames in the
// batch stream (frameIndex) and, when a capture records the frames, its id there.
struct ContractViolation {
    quint64 session = 0;
    quint64 connectionId = 0;
    qint64 timeMs = 0;
    quint64 frameIndex = 0; // the n-th frame in from this connection that the checker saw
    quint64 captureId = 0;  // the frame's id in the capture that recorded it; 0: none
    QString room;
    QString sender;  // the client id, or "#N" for an unregistered connection
    QString action;  // "send" or "answer"
    QString path;    // JSON pointer into the message, "" for the message itself
    QString keyword; // the schema keyword that failed ("type", "required", ...)
    QString description;
};

using ContractViolationList = QList<ContractViolation>;

Q_DECLARE_METATYPE(ContractViolation)
Q_DECLARE_METATYPE(ContractViolationList)

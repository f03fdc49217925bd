#pragma once

#include "framecodec.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

// A delivery a hold rule stopped, as the broker reports it to the window (frameHeld) until it
// is released, edited and released, or dropped (heldFrameEnded).
struct HeldFrame {
    enum class End : quint8 {
        Released,
        Edited,  // released with a new frame the user wrote
        Dropped, // by the user, the receiver leaving, the rule going away or the broker stopping
    };

    quint64 ticket = 0;       // the pipeline's ticket: what releaseHeld/dropHeld take
    quint64 connectionId = 0; // the receiver's connection
    QString room;
    QByteArray receiverId; // client ids, empty when not registered
    QByteArray senderId;
    FrameAction action = FrameAction::None;
    QByteArray ack;
    QByteArray frame;    // the JSON text as it would have been written
    QString rule;        // the name of the rule that holds it
    qint64 heldAtMs = 0; // QDateTime::currentMSecsSinceEpoch() when held
};

Q_DECLARE_METATYPE(HeldFrame)
Q_DECLARE_METATYPE(HeldFrame::End)

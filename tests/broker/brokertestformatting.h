#pragma once

#include "brokerevent.h"
#include "framecodec.h"

#include <QMetaType>
#include <QtTest/qtestcase.h>

// How QCOMPARE prints the broker's enums: by name, so that a failure says "invalid-field" and
// not "4". Qt Test finds these overloads by argument-dependent lookup.

inline char *toString(FrameAction action) {
    const QByteArrayView name = FrameCodec::actionName(action);
    return qstrdup(name.isEmpty() ? "none" : name.toByteArray().constData());
}

inline char *toString(FrameError code) {
    const QByteArrayView name = FrameCodec::errorCodeName(code);
    return qstrdup(name.isEmpty() ? "none" : name.toByteArray().constData());
}

inline char *toString(BrokerEvent::Kind kind) {
    static const char *const names[] = {
        "FrameIn",          "FrameOut",           "ConnectionOpened", "ConnectionClosed",
        "ClientRegistered", "ClientUnregistered", "RoomCreated",      "RoomRemoved",
    };
    return qstrdup(names[int(kind)]);
}

inline char *toString(BrokerEvent::Outcome outcome) {
    static const char *const names[] = {
        "None",          "Done",     "PartlyDelivered", "SkippedUnknownId",
        "DroppedAnswer", "Rejected", "Ignored",
    };
    return qstrdup(names[int(outcome)]);
}

inline char *toString(CloseReason reason) {
    return qstrdup(QByteArray::number(int(reason)).prepend("CloseReason ").constData());
}

Q_DECLARE_METATYPE(FrameAction)
Q_DECLARE_METATYPE(FrameError)

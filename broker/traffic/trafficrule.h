#pragma once

#include "framecodec.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QRegularExpression>
#include <QString>

// Which deliveries a traffic rule applies to. Every field left empty matches anything; a
// delivery matches when all set fields do. Rules act on the frames the broker writes to its
// clients (messages, answers, registered/unregistered, errors).
struct TrafficMatch {
    QString room;                           // exact room path, e.g. "/r"
    QByteArray from;                        // the sender's client id
    QByteArray to;                          // the receiver's client id
    FrameAction action = FrameAction::None; // None: any action
    QByteArray ack;                         // the ack the frame carries (answers to one ask)
    QRegularExpression pattern;             // over the frame's JSON text; invalid/empty: not used
    QString path; // a JSON path into the frame, "data.type" or "data.items[0].id"
    QJsonValue equals = QJsonValue(QJsonValue::Undefined); // with path: the value it must have;
                                                           // Undefined: the path must exist
};

// What a matching rule does to a delivery.
enum class TrafficEffect : quint8 {
    Hold,        // a breakpoint: the frame waits in the Held list until released or dropped
    Delay,       // ms plus random jitter up to jitterMs
    Drop,        // with probability
    Duplicate,   // written copies times
    Close,       // the receiver's connection is closed with closeCode after `after` matches
    Throttle,    // the receiver is written at most bytesPerSecond
    IgnorePings, // the broker stops answering the receiver's pings
};

// One rule of traffic control, as the rules file and the Rules dock hold it. The first enabled
// rule that matches a delivery decides its effect.
struct TrafficRule {
    QString name;
    bool enabled = true;
    TrafficMatch match;
    TrafficEffect effect = TrafficEffect::Hold;
    int ms = 0;                // Delay
    int jitterMs = 0;          // Delay
    double probability = 1.0;  // Drop
    int copies = 2;            // Duplicate: how many times the frame is written in all
    int closeCode = 1000;      // Close
    int after = 1;             // Close: on the after-th matching frame
    qint64 bytesPerSecond = 0; // Throttle
};

using TrafficRuleList = QList<TrafficRule>;

Q_DECLARE_METATYPE(TrafficRule)
Q_DECLARE_METATYPE(TrafficRuleList)

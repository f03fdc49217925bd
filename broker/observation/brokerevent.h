#pragma once

#include "closereason.h"
#include "framecodec.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

// One thing the broker did or saw. Observers receive these in batches; strings are shared
// with the broker's own copies, so recording one costs reference counts, not copies.
struct BrokerEvent {
    enum class Kind : quint8 {
        FrameIn,  // a frame from a client
        FrameOut, // a frame the broker sent
        ConnectionOpened,
        ConnectionClosed,   // closeReason and detail say why
        ClientRegistered,   // clientId took an id (detail names a renamed id)
        ClientUnregistered, // clientId was released (detail says why)
        RoomCreated,
        RoomRemoved,
    };
    // What became of a frame.
    enum class Outcome : quint8 {
        None,
        Done,             // handled as asked: delivered, registered, answer forwarded, sent out
        PartlyDelivered,  // a send that reached some destinations; detail names the unknown ids
        SkippedUnknownId, // a send that reached nobody; detail names the unknown ids
        DroppedAnswer,    // an answer to an unknown, expired or already answered ack, or from a
                          // non-recipient
        Rejected,         // the broker answered with `error`; detail is the reason
        Ignored,          // unregister while not registered
    };

    qint64 timeMs = 0; // milliseconds since the epoch
    // The broker run (a random number drawn at each Broker::start()) and that run's URL
    // ("ws://host:port/"): connection numbers start again at 1 in each run, so a connection is
    // (session, connectionId).
    quint64 session = 0;
    QString sessionUrl;
    quint64 connectionId = 0;
    Kind kind = Kind::FrameIn;
    FrameAction action = FrameAction::None;
    Outcome outcome = Outcome::None;
    CloseReason closeReason = CloseReason::None;
    bool binary = false;
    qint64 size = 0; // bytes of the whole frame, even when data is cut short
    QString room;
    QByteArray clientId; // UTF-8; empty when the connection is not registered
    QByteArray ack;      // the ack a send or answer carried, decoded
    QByteArray data;     // the frame's bytes: whole, unless cut by a recording limit (size says)
    QString detail;
    // FrameOut only: what delivery stages did to the frame ("held 1200 ms by hold-b"), empty
    // when it went straight through; dropped when a stage (or the receiver leaving while it
    // was held) kept it from being sent.
    QString intervention;
    bool dropped = false;

    bool isProblem() const {
        return outcome == Outcome::Rejected || outcome == Outcome::DroppedAnswer ||
               outcome == Outcome::SkippedUnknownId || outcome == Outcome::PartlyDelivered ||
               (kind == Kind::FrameOut && (action == FrameAction::Error || dropped)) ||
               (kind == Kind::ConnectionClosed && isAbnormalClose(closeReason));
    }
};

using BrokerEventList = QList<BrokerEvent>;

Q_DECLARE_METATYPE(BrokerEvent)
Q_DECLARE_METATYPE(BrokerEventList)

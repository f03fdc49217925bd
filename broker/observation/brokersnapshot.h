#pragma once

#include "brokerevent.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <array>

inline constexpr int FrameActionCount = int(FrameAction::Error) + 1;

// Why a frame on its way to a receiver was not sent (BrokerCounters::skippedByReason).
enum class SkippedDelivery : quint8 {
    UnknownId,          // a send's destination named no registered client
    ReceiverClosing,    // the destination was closing
    SenderClosing,      // the sender was cut off while its send was being delivered
    Dropped,            // a delivery stage dropped it, or its receiver left while it was held
    UnsentAtClose,      // still queued when its receiver's connection was cut
    AnswerUnknownAck,   // an answer to an unknown, expired or already answered ack
    AnswerNotRecipient, // an answer from a client that did not receive the ask
    AnswerAskerLeft,    // an answer whose asker has left
};
inline constexpr int SkippedDeliveryCount = int(SkippedDelivery::AnswerAskerLeft) + 1;

// Counters of the whole broker since it was made (a new Broker starts at zero). The window
// adds them up over restarts (BrokerTotals::add): a new counter goes there too. The arrays
// are indexed by enum so that counting a frame is an increment, not a look-up (GET /metrics
// shows them all).
struct BrokerCounters {
    // Close codes 1000-1015 each, then 3000-3999, 4000-4999 and any other.
    static constexpr size_t CloseCodeSlots = 16 + 3;
    static constexpr size_t closeCodeSlot(int code) {
        if (code >= 1000 && code <= 1015)
            return size_t(code - 1000);
        if (code >= 3000 && code <= 3999)
            return 16;
        return code >= 4000 && code <= 4999 ? 17 : 18;
    }

    quint64 connectionsOpened = 0;
    quint64 connectionsClosed = 0;
    quint64 framesIn = 0;
    quint64 framesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 delivered = 0;        // message frames handed to a recipient
    quint64 skippedUnknownId = 0; // destinations that named no registered client
    quint64 answersForwarded = 0;
    quint64 droppedAnswers = 0;
    quint64 errorsSent = 0;
    quint64 acksExpired = 0;      // pending acks whose time to live ended
    quint64 acksEvicted = 0;      // pending acks pushed out by a bound
    quint64 undelivered = 0;      // frames not sent because their receiver was cut off
    quint64 unrecordedFrames = 0; // frames observers did not get (over the recording rate)
    std::array<quint64, CloseReasonCount> closesByReason{};
    // What framesIn/Out and bytesIn/Out hold, by action (None: not parsed, binary, invalid).
    std::array<quint64, FrameActionCount> framesInByAction{};
    std::array<quint64, FrameActionCount> bytesInByAction{};
    std::array<quint64, FrameActionCount> framesOutByAction{};
    std::array<quint64, FrameActionCount> bytesOutByAction{};
    std::array<quint64, SkippedDeliveryCount> skippedByReason{};
    std::array<quint64, CloseCodeSlots> closesByCode{}; // closed connections, by closeCodeSlot()
    quint64 metricsUnauthorized = 0; // GET /metrics without the right bearer token

    void countSkipped(SkippedDelivery why, quint64 count = 1) {
        skippedByReason[size_t(why)] += count;
    }
};

// One connection as the inspector shows it.
struct ConnectionInfo {
    // The broker run it belonged to (BrokerEvent::session): numbers start again at each run.
    quint64 session = 0;
    quint64 connectionId = 0;
    QString room;
    QByteArray clientId; // empty while not registered
    QString remoteAddress;
    quint16 remotePort = 0;
    qint64 connectedAtMs = 0;
    qint64 closedAtMs = 0;
    CloseReason closeReason = CloseReason::None;
    QString closeDetail;
    quint64 framesIn = 0;
    quint64 framesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    int pendingAcks = 0;
    qint64 queuedBytes = 0;
};

// The broker's state at one moment, sent periodically to observers.
struct BrokerSnapshot {
    qint64 timeMs = 0;
    // The broker run (BrokerEvent::session; 0 before the first start) and when it started:
    // a restart begins new counters, and observers that keep counting across runs see it here.
    quint64 session = 0;
    qint64 startedAtMs = 0;
    QUrl url;
    int pendingAcks = 0;
    BrokerCounters counters;
    QList<ConnectionInfo> connections;    // open ones, ordered by connection id
    QList<ConnectionInfo> recentlyClosed; // newest last, bounded
};

Q_DECLARE_METATYPE(BrokerSnapshot)

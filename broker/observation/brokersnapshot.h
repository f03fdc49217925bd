#pragma once

#include "brokerevent.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <array>

// Counters of the whole broker since it was made (a new Broker starts at zero). The window
// adds them up over restarts (BrokerTotals::add): a new counter goes there too.
struct BrokerCounters {
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

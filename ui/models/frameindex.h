#pragma once

#include "brokerevent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>

// The frame log's rows in 20 bytes each: what the log's columns, filters, pairing and colours
// need of an event without its bytes (time, size, kind, action, outcome, close reason, the
// connection with its room and session, the client id). Strings are interned: a log of ten
// million frames from a few hundred connections costs ~200 MB, not the ~2 GB whole events
// would. The bytes, detail and ack of a row are kept elsewhere (FrameLogModel: in memory for
// the newest rows, in the capture for all).
class FrameIndex {
public:
    // Where a send with an ack stands (FrameLogModel::AskState, stored here per row).
    using AskStateValue = quint8;

    void append(const BrokerEvent &event, AskStateValue askState);
    void removeFront(qsizetype count);
    void clear();
    qsizetype size() const { return qsizetype(m_rows.size()); }
    // Interned connections (with room and session) and client ids, for tests and memory figures.
    qsizetype internedConnections() const { return m_connections.size(); }
    qsizetype internedClients() const { return m_clients.size() - 1; }

    // The row's event without data, detail, intervention and ack.
    BrokerEvent header(qsizetype row) const;
    BrokerEvent::Kind kind(qsizetype row) const { return BrokerEvent::Kind(at(row).kind); }
    FrameAction action(qsizetype row) const { return FrameAction(at(row).action); }
    bool binary(qsizetype row) const { return at(row).binary != 0; }
    qint64 timeMs(qsizetype row) const { return m_baseTimeMs + at(row).timeDeltaMs; }
    qint64 frameSize(qsizetype row) const { return at(row).size; }
    quint64 connectionId(qsizetype row) const {
        return m_connections.at(at(row).connection).connectionId;
    }
    const QString &room(qsizetype row) const { return m_connections.at(at(row).connection).room; }
    const QByteArray &clientId(qsizetype row) const { return m_clients.at(at(row).client); }
    bool isProblem(qsizetype row) const;

    AskStateValue askState(qsizetype row) const { return at(row).askState; }
    void setAskState(qsizetype row, AskStateValue state) { m_rows[size_t(row)].askState = state; }

    // Bytes held per row and by the interned strings, for the memory figures.
    qsizetype bytesPerRow() const { return sizeof(Row); }

private:
    struct Row {
        quint32 timeDeltaMs; // since m_baseTimeMs
        quint32 size;        // saturates at 4 GiB, far above any message limit
        quint32 connection;  // index into m_connections
        quint32 client;      // index into m_clients (0: not registered)
        quint32 kind : 4;
        quint32 action : 4;
        quint32 outcome : 4;
        quint32 closeReason : 6;
        quint32 binary : 1;
        quint32 dropped : 1;
        quint32 askState : 2;
    };
    static_assert(sizeof(Row) == 20, "a row of the index is meant to stay small");

    struct Connection {
        quint64 session = 0;
        quint64 connectionId = 0;
        QString room;
        QString sessionUrl;
    };
    struct ConnectionKey {
        quint64 session;
        quint64 connectionId;
        QString room;
        friend bool operator==(const ConnectionKey &a, const ConnectionKey &b) {
            return a.session == b.session && a.connectionId == b.connectionId && a.room == b.room;
        }
        friend size_t qHash(const ConnectionKey &key, size_t seed = 0) {
            return qHashMulti(seed, key.session, key.connectionId, key.room);
        }
    };

    const Row &at(qsizetype row) const { return m_rows[size_t(row)]; }
    quint32 internConnection(const BrokerEvent &event);
    quint32 internClient(const QByteArray &clientId);
    // Drops the interned strings no row refers to any more, renumbering the rows' references.
    void compact();

    std::deque<Row> m_rows;
    // 2^31 ms (24.8 days) before the first row's time, so that rows up to 24 days before or
    // 24 days after it fit (a log spanning more saturates at its ends).
    qint64 m_baseTimeMs = 0;
    // Interned strings are few next to frames, but a window open for a day with clients that
    // keep reconnecting sees a new connection every few frames: once rows have left, strings
    // no row refers to go (compact(), when the tables have doubled since the last time).
    QList<Connection> m_connections;
    QHash<ConnectionKey, quint32> m_connectionIndex;
    QList<QByteArray> m_clients{QByteArray()};
    QHash<QByteArray, quint32> m_clientIndex;
    qsizetype m_compactAt = MinCompactAt;
    static constexpr qsizetype MinCompactAt = 1024;
};

#pragma once

#include "brokerevent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <memory>
#include <utility>

// The frame log's rows in 12 bytes each: what the log's columns, filters, pairing and colours
// need of an event without its bytes (time, size, kind, action, outcome, close reason, the
// connection with its room and session, the client id). Strings are interned, and a row names
// what it shares with many others (its connection, client id and the frame's kind, action,
// outcome and flags, a few dozen combinations per connection) with one number: a log of ten
// million frames from a few hundred connections costs ~120 MB, not the ~2 GB whole events
// would. Rows are kept in chunks of 768 KiB (a std::deque's 512-byte blocks cost 3 % more and
// scatter over the heap). The
// bytes, detail and ack of a row are kept elsewhere (FrameLogModel: in memory for the newest rows,
// in the capture for all).
class FrameIndex {
public:
    // Where a send with an ack stands (FrameLogModel::AskState, stored here per row).
    using AskStateValue = quint8;

    void append(const BrokerEvent &event, AskStateValue askState);
    void removeFront(qsizetype count);
    void clear();
    qsizetype size() const { return m_size; }
    // Interned connections (with room and session) and client ids, for tests and memory figures.
    qsizetype internedConnections() const { return m_connections.size(); }
    qsizetype internedClients() const { return m_clients.size() - 1; }

    // The row's event without data, detail, intervention and ack.
    BrokerEvent header(qsizetype row) const;
    BrokerEvent::Kind kind(qsizetype row) const { return BrokerEvent::Kind(sourceOf(row).kind); }
    FrameAction action(qsizetype row) const { return FrameAction(sourceOf(row).action); }
    bool binary(qsizetype row) const { return sourceOf(row).binary != 0; }
    qint64 timeMs(qsizetype row) const { return m_baseTimeMs + at(row).timeDeltaMs; }
    qint64 frameSize(qsizetype row) const { return at(row).size; }
    quint64 connectionId(qsizetype row) const { return connectionOf(row).connectionId; }
    const QString &room(qsizetype row) const { return connectionOf(row).room; }
    const QByteArray &clientId(qsizetype row) const { return m_clients.at(sourceOf(row).client); }
    bool isProblem(qsizetype row) const;

    AskStateValue askState(qsizetype row) const { return at(row).askState; }
    void setAskState(qsizetype row, AskStateValue state) { rowAt(row).askState = state; }

    // Bytes held per row and by the interned strings, for the memory figures.
    qsizetype bytesPerRow() const { return sizeof(Row); }

private:
    struct Row {
        quint32 timeDeltaMs;  // since m_baseTimeMs
        quint32 size;         // saturates at 4 GiB, far above any message limit
        quint32 source : 30;  // index into m_sources
        quint32 askState : 2; // changes after the row is made, so not part of the source
    };
    static_assert(sizeof(Row) == 12, "a row of the index is meant to stay small");
    static constexpr int ChunkBits = 16; // 65,536 rows, 768 KiB a chunk
    static constexpr qsizetype ChunkRows = qsizetype(1) << ChunkBits;

    // Who sent or received a row's frame (a connection and the id it had then), and what the
    // frame was: kind, action, outcome and flags.
    struct Source {
        quint32 connection = 0; // index into m_connections
        quint32 client = 0;     // index into m_clients (0: not registered)
        quint32 kind : 4;
        quint32 action : 4;
        quint32 outcome : 4;
        quint32 closeReason : 6;
        quint32 binary : 1;
        quint32 dropped : 1;
        // The kind ... dropped bits as one number, for the source's hash key.
        quint32 shape() const {
            return kind | action << 4 | outcome << 8 | closeReason << 12 | binary << 18 |
                   dropped << 19;
        }
        friend bool operator==(const Source &a, const Source &b) {
            return a.connection == b.connection && a.client == b.client && a.shape() == b.shape();
        }
        friend size_t qHash(const Source &s, size_t seed = 0) {
            return qHashMulti(seed, s.connection, s.client, s.shape());
        }
    };

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

    const Row &at(qsizetype row) const {
        const qsizetype i = row + m_offset;
        return m_chunks[size_t(i >> ChunkBits)][i & (ChunkRows - 1)];
    }
    // (also the slot one past the last row, once append() made its chunk)
    Row &rowAt(qsizetype row) { return const_cast<Row &>(std::as_const(*this).at(row)); }
    const Source &sourceOf(qsizetype row) const { return m_sources.at(at(row).source); }
    const Connection &connectionOf(qsizetype row) const {
        return m_connections.at(sourceOf(row).connection);
    }
    quint32 internConnection(const BrokerEvent &event);
    quint32 internClient(const QByteArray &clientId);
    quint32 internSource(const Source &source);
    qsizetype internedCount() const {
        return m_connections.size() + m_clients.size() + m_sources.size();
    }
    // Drops the interned strings no row refers to any more, renumbering the rows' references.
    void compact();

    std::deque<std::unique_ptr<Row[]>> m_chunks;
    qsizetype m_offset = 0; // of the first row in the first chunk
    qsizetype m_size = 0;
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
    QList<Source> m_sources;
    QHash<Source, quint32> m_sourceIndex;
    qsizetype m_compactAt = MinCompactAt;
    static constexpr qsizetype MinCompactAt = 1024;
};

#include "frameindex.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace {

constexpr qint64 HalfRangeMs = qint64(1) << 31;

} // namespace

quint32 FrameIndex::internConnection(const BrokerEvent &event) {
    const ConnectionKey key{event.session, event.connectionId, event.room};
    const auto it = m_connectionIndex.constFind(key);
    if (it != m_connectionIndex.constEnd())
        return *it;
    const auto index = quint32(m_connections.size());
    m_connections.append(
        Connection{event.session, event.connectionId, event.room, event.sessionUrl});
    m_connectionIndex.insert(key, index);
    return index;
}

quint32 FrameIndex::internClient(const QByteArray &clientId) {
    if (clientId.isEmpty())
        return 0;
    const auto it = m_clientIndex.constFind(clientId);
    if (it != m_clientIndex.constEnd())
        return *it;
    const auto index = quint32(m_clients.size());
    m_clients.append(clientId);
    m_clientIndex.insert(clientId, index);
    return index;
}

quint32 FrameIndex::internSource(const Source &source) {
    const auto it = m_sourceIndex.constFind(source);
    if (it != m_sourceIndex.constEnd())
        return *it;
    const auto index = quint32(m_sources.size());
    m_sources.append(source);
    m_sourceIndex.insert(source, index);
    return index;
}

void FrameIndex::append(const BrokerEvent &event, AskStateValue askState) {
    if (m_size == 0 && m_connections.isEmpty())
        m_baseTimeMs = event.timeMs - HalfRangeMs;
    const qint64 delta =
        std::clamp<qint64>(event.timeMs - m_baseTimeMs, 0, std::numeric_limits<quint32>::max());
    Row row{};
    row.timeDeltaMs = quint32(delta);
    row.size = quint32(std::clamp<qint64>(event.size, 0, std::numeric_limits<quint32>::max()));
    Source source{};
    source.connection = internConnection(event);
    source.client = internClient(event.clientId);
    source.kind = quint32(event.kind);
    source.action = quint32(event.action);
    source.outcome = quint32(event.outcome);
    source.closeReason = quint32(event.closeReason);
    source.binary = event.binary ? 1 : 0;
    source.dropped = event.dropped ? 1 : 0;
    row.source = internSource(source);
    row.askState = askState;
    const qsizetype i = m_offset + m_size;
    if (size_t(i >> ChunkBits) == m_chunks.size())
        m_chunks.push_back(std::make_unique_for_overwrite<Row[]>(size_t(ChunkRows)));
    rowAt(m_size) = row;
    ++m_size;
}

void FrameIndex::removeFront(qsizetype count) {
    count = std::clamp<qsizetype>(count, 0, size());
    m_offset += count;
    m_size -= count;
    while (m_offset >= ChunkRows) {
        m_chunks.pop_front();
        m_offset -= ChunkRows;
    }
    if (m_size == 0) {
        m_chunks.clear();
        m_offset = 0;
    }
    if (internedCount() > m_compactAt)
        compact();
}

void FrameIndex::compact() {
    // One pass over the rows marks what is used, one renumbers: O(rows), and rare, as the
    // next compaction waits until the tables have doubled again.
    constexpr quint32 Unused = std::numeric_limits<quint32>::max();
    std::vector<quint32> sourceMap(size_t(m_sources.size()), Unused);
    for (qsizetype r = 0; r < m_size; ++r)
        sourceMap[at(r).source] = 0;
    std::vector<quint32> connectionMap(size_t(m_connections.size()), Unused);
    std::vector<quint32> clientMap(size_t(m_clients.size()), Unused);
    clientMap[0] = 0; // not registered
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (sourceMap[size_t(i)] == Unused)
            continue;
        connectionMap[m_sources.at(i).connection] = 0;
        clientMap[m_sources.at(i).client] = 0;
    }
    QList<Connection> connections;
    m_connectionIndex.clear();
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        if (connectionMap[size_t(i)] == Unused)
            continue;
        connectionMap[size_t(i)] = quint32(connections.size());
        const Connection &c = m_connections.at(i);
        m_connectionIndex.insert(ConnectionKey{c.session, c.connectionId, c.room},
                                 quint32(connections.size()));
        connections.append(c);
    }
    QList<QByteArray> clients{QByteArray()};
    m_clientIndex.clear();
    for (qsizetype i = 1; i < m_clients.size(); ++i) {
        if (clientMap[size_t(i)] == Unused)
            continue;
        clientMap[size_t(i)] = quint32(clients.size());
        m_clientIndex.insert(m_clients.at(i), quint32(clients.size()));
        clients.append(m_clients.at(i));
    }
    // Used sources name used connections and clients only, and distinct ones stay distinct.
    QList<Source> sources;
    m_sourceIndex.clear();
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (sourceMap[size_t(i)] == Unused)
            continue;
        Source s = m_sources.at(i);
        s.connection = connectionMap[s.connection];
        s.client = clientMap[s.client];
        sourceMap[size_t(i)] = quint32(sources.size());
        m_sourceIndex.insert(s, quint32(sources.size()));
        sources.append(s);
    }
    for (qsizetype r = 0; r < m_size; ++r) {
        Row &row = rowAt(r);
        row.source = sourceMap[row.source];
    }
    m_connections = std::move(connections);
    m_clients = std::move(clients);
    m_sources = std::move(sources);
    m_compactAt = std::max(MinCompactAt, 2 * internedCount());
}

void FrameIndex::clear() {
    m_chunks.clear();
    m_offset = 0;
    m_size = 0;
    m_connections.clear();
    m_connectionIndex.clear();
    m_clients = {QByteArray()};
    m_clientIndex.clear();
    m_sources.clear();
    m_sourceIndex.clear();
    m_compactAt = MinCompactAt;
}

BrokerEvent FrameIndex::header(qsizetype row) const {
    const Row &r = at(row);
    const Source &source = m_sources.at(r.source);
    const Connection &connection = m_connections.at(source.connection);
    BrokerEvent e;
    e.timeMs = m_baseTimeMs + r.timeDeltaMs;
    e.session = connection.session;
    e.sessionUrl = connection.sessionUrl;
    e.connectionId = connection.connectionId;
    e.room = connection.room;
    e.clientId = m_clients.at(source.client);
    e.kind = BrokerEvent::Kind(source.kind);
    e.action = FrameAction(source.action);
    e.outcome = BrokerEvent::Outcome(source.outcome);
    e.closeReason = CloseReason(source.closeReason);
    e.binary = source.binary != 0;
    e.dropped = source.dropped != 0;
    e.size = r.size;
    return e;
}

bool FrameIndex::isProblem(qsizetype row) const {
    const Source &s = sourceOf(row);
    BrokerEvent e;
    e.kind = BrokerEvent::Kind(s.kind);
    e.action = FrameAction(s.action);
    e.outcome = BrokerEvent::Outcome(s.outcome);
    e.closeReason = CloseReason(s.closeReason);
    e.dropped = s.dropped != 0;
    return e.isProblem();
}

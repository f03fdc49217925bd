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

void FrameIndex::append(const BrokerEvent &event, AskStateValue askState) {
    if (m_rows.empty() && m_connections.isEmpty())
        m_baseTimeMs = event.timeMs - HalfRangeMs;
    const qint64 delta =
        std::clamp<qint64>(event.timeMs - m_baseTimeMs, 0, std::numeric_limits<quint32>::max());
    Row row{};
    row.timeDeltaMs = quint32(delta);
    row.size = quint32(std::clamp<qint64>(event.size, 0, std::numeric_limits<quint32>::max()));
    row.connection = internConnection(event);
    row.client = internClient(event.clientId);
    row.kind = quint32(event.kind);
    row.action = quint32(event.action);
    row.outcome = quint32(event.outcome);
    row.closeReason = quint32(event.closeReason);
    row.binary = event.binary ? 1 : 0;
    row.dropped = event.dropped ? 1 : 0;
    row.askState = askState;
    m_rows.push_back(row);
}

void FrameIndex::removeFront(qsizetype count) {
    count = std::min(count, size());
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    if (m_connections.size() + m_clients.size() > m_compactAt)
        compact();
}

void FrameIndex::compact() {
    // One pass over the rows marks what is used, one renumbers: O(rows), and rare, as the
    // next compaction waits until the tables have doubled again.
    constexpr quint32 Unused = std::numeric_limits<quint32>::max();
    std::vector<quint32> connectionMap(size_t(m_connections.size()), Unused);
    std::vector<quint32> clientMap(size_t(m_clients.size()), Unused);
    clientMap[0] = 0; // not registered
    for (const Row &row : m_rows) {
        connectionMap[row.connection] = 0;
        clientMap[row.client] = 0;
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
    for (Row &row : m_rows) {
        row.connection = connectionMap[row.connection];
        row.client = clientMap[row.client];
    }
    m_connections = std::move(connections);
    m_clients = std::move(clients);
    m_compactAt = std::max(MinCompactAt, 2 * (m_connections.size() + m_clients.size()));
}

void FrameIndex::clear() {
    m_rows.clear();
    // std::deque keeps its blocks after clear(); a fresh one gives the memory back.
    std::deque<Row>().swap(m_rows);
    m_connections.clear();
    m_connectionIndex.clear();
    m_clients = {QByteArray()};
    m_clientIndex.clear();
    m_compactAt = MinCompactAt;
}

BrokerEvent FrameIndex::header(qsizetype row) const {
    const Row &r = at(row);
    const Connection &connection = m_connections.at(r.connection);
    BrokerEvent e;
    e.timeMs = m_baseTimeMs + r.timeDeltaMs;
    e.session = connection.session;
    e.sessionUrl = connection.sessionUrl;
    e.connectionId = connection.connectionId;
    e.room = connection.room;
    e.clientId = m_clients.at(r.client);
    e.kind = BrokerEvent::Kind(r.kind);
    e.action = FrameAction(r.action);
    e.outcome = BrokerEvent::Outcome(r.outcome);
    e.closeReason = CloseReason(r.closeReason);
    e.binary = r.binary != 0;
    e.dropped = r.dropped != 0;
    e.size = r.size;
    return e;
}

bool FrameIndex::isProblem(qsizetype row) const {
    const Row &r = at(row);
    BrokerEvent e;
    e.kind = BrokerEvent::Kind(r.kind);
    e.action = FrameAction(r.action);
    e.outcome = BrokerEvent::Outcome(r.outcome);
    e.closeReason = CloseReason(r.closeReason);
    e.dropped = r.dropped != 0;
    return e.isProblem();
}

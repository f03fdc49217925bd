#include "frameindex.h"

#include <algorithm>
#include <limits>

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
}

void FrameIndex::clear() {
    m_rows.clear();
    // std::deque keeps its blocks after clear(); a fresh one gives the memory back.
    std::deque<Row>().swap(m_rows);
    m_connections.clear();
    m_connectionIndex.clear();
    m_clients = {QByteArray()};
    m_clientIndex.clear();
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

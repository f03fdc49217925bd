// FrameLogModel's side that works with the capture: whole events read back by capture id,
// the ids of the rows, and how long rows keep their events in memory.
#include "framelogmodel.h"

#include <algorithm>

namespace {

// With a capture keeping every event, memory holds whole events only for the newest rows.
constexpr int KeepInMemoryRows = 5000;
constexpr qint64 KeepInMemoryBytes = 64 * 1024 * 1024;

} // namespace

BrokerEvent FrameLogModel::eventAt(int row) const {
    Q_ASSERT(row >= 0 && row < m_count);
    if (const BrokerEvent *e = inMemory(row))
        return *e;
    const quint64 serial = serialAt(row);
    if (const BrokerEvent *cached = m_readBack.object(serial))
        return *cached;
    const quint64 id = captureIdAt(row);
    auto event = std::make_unique<BrokerEvent>();
    if (id == 0 || !m_reader || !m_reader(id, event.get()))
        return m_index.header(row); // gone from the capture too (its budget): what the index has
    const BrokerEvent copy = *event;
    m_readBack.insert(serial, event.release(), int(copy.data.size() / 1024) + 1);
    return copy;
}

void FrameLogModel::setFrameReader(FrameReader reader) {
    m_reader = std::move(reader);
    m_readerFromSerial = m_firstSerial + quint64(m_count);
    m_readBack.clear();
    trimInMemory();
}

bool FrameLogModel::isUnrecorded(int row) const {
    return m_reader && !isInMemory(row) && captureIdAt(row) == 0 &&
           serialAt(row) >= m_readerFromSerial;
}

quint64 FrameLogModel::captureIdAt(int row) const {
    const quint64 serial = serialAt(row);
    // The last run starting at or before the serial.
    auto it = std::upper_bound(m_idRuns.cbegin(), m_idRuns.cend(), serial,
                               [](quint64 s, const IdRun &run) { return s < run.serial; });
    if (it == m_idRuns.cbegin())
        return 0;
    --it;
    return it->id == 0 ? 0 : it->id + (serial - it->serial);
}

int FrameLogModel::rowOfCaptureId(quint64 id) const {
    if (id == 0 || m_count == 0)
        return -1;
    // Ids grow with serials within the log, so the runs are ordered by id too (runs without
    // ids, id 0, are skipped).
    for (auto it = m_idRuns.crbegin(); it != m_idRuns.crend(); ++it) {
        if (it->id == 0 || it->id > id)
            continue;
        const quint64 serial = it->serial + (id - it->id);
        const auto next = it.base(); // the run after this one
        if (next != m_idRuns.cend() && serial >= next->serial)
            return -1;
        return rowOfSerial(serial);
    }
    return -1;
}

void FrameLogModel::setWrittenUpTo(quint64 lastId) {
    m_writtenUpTo = std::max(m_writtenUpTo, lastId);
    trimInMemory();
}

void FrameLogModel::discardBefore(quint64 firstRemainingId) {
    int rows = 0;
    while (rows < m_count) {
        const quint64 id = captureIdAt(rows);
        if (id == 0 || id >= firstRemainingId)
            break;
        ++rows;
    }
    if (rows > 0)
        removeFront(rows);
}

void FrameLogModel::trimInMemory() {
    if (!m_reader)
        return;
    // The newest rows stay (a following view shows them, and the writer may still hold
    // them); older ones go once the capture has them. A row the capture refused (its writer
    // was too far behind) goes too: it is counted, and keeping it whole would let memory grow
    // for as long as the writer stays behind. Rows from before the capture stay whole.
    while (!m_hot.empty() &&
           (int(m_hot.size()) > KeepInMemoryRows || m_hotBytes > KeepInMemoryBytes)) {
        const int row = m_count - int(m_hot.size());
        const quint64 id = captureIdAt(row);
        if (id == 0 ? serialAt(row) < m_readerFromSerial : id > m_writtenUpTo)
            break;
        m_hotBytes -= m_hot.front().data.size();
        m_hot.pop_front();
    }
}

void FrameLogModel::appendIndexed(const BrokerEventList &events, quint64 firstId) {
    Q_ASSERT(m_reader && firstId != 0);
    if (events.isEmpty())
        return;
    // Rows in memory must be the newest: whatever is there now is in the capture too.
    m_hot.clear();
    m_hotBytes = 0;
    insertBatch(events.constData(), events.size(), firstId, false);
}

// FrameFilterProxyModel's rows: the mapping to the log, the time-sliced re-filtering and the
// log's changes followed as they come (the filters themselves are in framefilterproxymodel.cpp).
#include "framefilterproxymodel.h"

#include "framelogmodel.h"

#include <QElapsedTimer>

#include <algorithm>

namespace {

// Rows judged between two looks at the clock during a re-filtering; fewer with a condition,
// each of whose rows is parsed and may be read back from the capture.
constexpr int RowsPerBlock = 512;
constexpr int ConditionRowsPerBlock = 32;
// A condition's share of the rows judged at once at a filter change: a parse costs some
// microseconds where a text search of the same row costs a few dozen nanoseconds.
constexpr quint64 ConditionRowsAtOnce = 5000;
// Offsets from the base serial stay below this; past it the list is rebased.
constexpr quint64 MaxOffset = 0xF0000000u;

} // namespace

void FrameFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel) {
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_log = qobject_cast<FrameLogModel *>(sourceModel);
    QAbstractProxyModel::setSourceModel(sourceModel);
    connectSource(sourceModel);
    m_slice.stop();
    m_scanning = false;
    m_accepted.clear();
    m_arrived.clear();
    m_identity = true;
    endResetModel();
    if (m_log && isFiltering())
        restartFilter();
}

void FrameFilterProxyModel::connectSource(QAbstractItemModel *source) {
    if (!source)
        return;
    using M = QAbstractItemModel;
    using P = FrameFilterProxyModel;
    m_sourceConnections << connect(source, &M::rowsAboutToBeInserted, this,
                                   &P::sourceRowsAboutToBeInserted)
                        << connect(source, &M::rowsInserted, this, &P::sourceRowsInserted)
                        << connect(source, &M::rowsAboutToBeRemoved, this,
                                   &P::sourceRowsAboutToBeRemoved)
                        << connect(source, &M::rowsRemoved, this, &P::sourceRowsRemoved)
                        << connect(source, &M::modelAboutToBeReset, this, &P::sourceAboutToBeReset)
                        << connect(source, &M::modelReset, this, &P::sourceReset)
                        << connect(source, &M::layoutChanged, this, [this] { restartFilter(); })
                        << connect(source, &M::dataChanged, this, &P::sourceDataChanged)
                        << connect(source, &M::headerDataChanged, this, &M::headerDataChanged);
}

QModelIndex FrameFilterProxyModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return QModelIndex();
    return createIndex(row, column);
}

QModelIndex FrameFilterProxyModel::parent(const QModelIndex &) const {
    return QModelIndex();
}

QModelIndex FrameFilterProxyModel::sibling(int row, int column, const QModelIndex &) const {
    return index(row, column);
}

bool FrameFilterProxyModel::hasChildren(const QModelIndex &parent) const {
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

int FrameFilterProxyModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() || !sourceModel())
        return 0;
    return m_identity ? sourceModel()->rowCount() : int(m_accepted.size());
}

int FrameFilterProxyModel::columnCount(const QModelIndex &parent) const {
    if (parent.isValid() || !sourceModel())
        return 0;
    return sourceModel()->columnCount();
}

QModelIndex FrameFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const {
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this)
        return QModelIndex();
    if (m_identity)
        return sourceModel()->index(proxyIndex.row(), proxyIndex.column());
    const size_t row = size_t(proxyIndex.row());
    if (row >= m_accepted.size())
        return QModelIndex();
    return m_log->index(int(acceptedSerial(row) - m_log->firstSerial()), proxyIndex.column());
}

QModelIndex FrameFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const {
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel())
        return QModelIndex();
    if (m_identity)
        return index(sourceIndex.row(), sourceIndex.column());
    const quint64 serial = m_log->serialAt(sourceIndex.row());
    const size_t at = lowerBound(serial);
    if (at == m_accepted.size() || acceptedSerial(at) != serial)
        return QModelIndex();
    return index(int(at), sourceIndex.column());
}

int FrameFilterProxyModel::refilterScanned() const {
    return m_scanning ? int(m_cursor - m_scanStart) : refilterTotal();
}

int FrameFilterProxyModel::refilterTotal() const {
    return int(m_scanEnd - m_scanStart);
}

size_t FrameFilterProxyModel::lowerBound(quint64 serial) const {
    if (serial < m_base)
        return 0;
    const quint64 offset = serial - m_base;
    if (offset > 0xFFFFFFFFu)
        return m_accepted.size();
    return size_t(std::lower_bound(m_accepted.cbegin(), m_accepted.cend(), quint32(offset)) -
                  m_accepted.cbegin());
}

void FrameFilterProxyModel::rebaseIfNeeded(quint64 serial) {
    if (serial - m_base < MaxOffset)
        return;
    // Every accepted serial is at least the log's first one, and the log spans fewer than
    // 2^31 rows: offsets from it fit again.
    const quint64 delta = m_log->firstSerial() - m_base;
    for (quint32 &offset : m_accepted)
        offset -= quint32(delta);
    m_base += delta;
}

void FrameFilterProxyModel::restartFilter() {
    m_slice.stop();
    beginResetModel();
    m_accepted.clear();
    m_arrived.clear();
    m_removing = 0;
    m_identity = !m_log || !isFiltering();
    m_scanning = !m_identity;
    if (m_log) {
        m_base = m_log->firstSerial();
        m_scanStart = m_base;
        m_cursor = m_base;
        m_scanEnd = m_base + quint64(m_log->rowCount());
    }
    endResetModel();
    if (m_scanning)
        runSlice(m_rowsAtOnce); // a small log is filtered at once, however busy the machine
}

void FrameFilterProxyModel::runSlice(quint64 leastRows) {
    if (!m_scanning)
        return;
    QElapsedTimer clock;
    clock.start();
    const bool condition = m_conditionMode && !m_text.isEmpty() && m_valid;
    const quint64 leastEnd =
        m_cursor + (condition ? std::min(leastRows, ConditionRowsAtOnce) : leastRows);
    const quint64 blockRows = condition ? ConditionRowsPerBlock : RowsPerBlock;
    const quint64 readBackBefore = m_rowsReadBack;
    std::vector<quint64> found;
    const quint64 first = m_log->firstSerial();
    m_cursor = std::max(m_cursor, first);
    while (m_cursor < m_scanEnd) {
        const quint64 blockEnd = std::min(m_scanEnd, m_cursor + blockRows);
        for (; m_cursor < blockEnd; ++m_cursor) {
            if (acceptsSourceRow(int(m_cursor - first)))
                found.push_back(m_cursor);
        }
        // Rows read back from disk end the least share too: the time bound holds for them.
        if (clock.elapsed() >= m_sliceMs &&
            (m_cursor >= leastEnd || m_rowsReadBack != readBackBefore))
            break;
    }
    if (m_cursor >= m_scanEnd) {
        found.insert(found.end(), m_arrived.cbegin(), m_arrived.cend());
        m_arrived.clear();
        m_arrived.shrink_to_fit();
        m_scanning = false;
    }
    appendAccepted(found);
    Q_EMIT refilterProgress(refilterScanned(), refilterTotal());
    if (m_scanning)
        m_slice.start();
    else
        Q_EMIT refilterFinished();
}

void FrameFilterProxyModel::appendAccepted(const std::vector<quint64> &serials) {
    if (serials.empty())
        return;
    rebaseIfNeeded(serials.back());
    const int first = int(m_accepted.size());
    beginInsertRows(QModelIndex(), first, first + int(serials.size()) - 1);
    for (quint64 serial : serials)
        m_accepted.push_back(quint32(serial - m_base));
    endInsertRows();
}

void FrameFilterProxyModel::insertAccepted(quint64 serial) {
    const size_t at = lowerBound(serial);
    if (at < m_accepted.size() && acceptedSerial(at) == serial)
        return; // judged from memory already
    rebaseIfNeeded(serial);
    beginInsertRows(QModelIndex(), int(at), int(at));
    m_accepted.insert(m_accepted.begin() + qsizetype(at), quint32(serial - m_base));
    endInsertRows();
}

void FrameFilterProxyModel::sourceRowsAboutToBeInserted(const QModelIndex &parent, int first,
                                                        int last) {
    if (m_identity && !parent.isValid())
        beginInsertRows(QModelIndex(), first, last);
}

void FrameFilterProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    if (m_identity) {
        endInsertRows();
        return;
    }
    if (m_conditionMode && !m_text.isEmpty() && m_valid && !m_log->isInMemory(first)) {
        judgeLaterInSlices(first, last);
        return;
    }
    // New rows are judged now, while their events are in memory.
    std::vector<quint64> accepted;
    for (int row = first; row <= last; ++row) {
        if (acceptsSourceRow(row))
            accepted.push_back(m_log->serialAt(row));
    }
    if (m_scanning)
        m_arrived.insert(m_arrived.end(), accepted.cbegin(), accepted.cend());
    else
        appendAccepted(accepted);
}

void FrameFilterProxyModel::judgeLaterInSlices(int first, int last) {
    // Rows a loaded capture adds come without their bytes (a chunk of 20,000 at a time): a
    // condition would read each back here, in one go. The re-filtering takes them on instead.
    const quint64 end = m_log->serialAt(last) + 1;
    if (m_scanning) {
        // Rows that arrived meanwhile lie before these; the re-filtering judges them again,
        // in order.
        m_arrived.clear();
        m_scanEnd = end;
        return;
    }
    m_scanning = true;
    m_scanStart = m_cursor = m_log->serialAt(first);
    m_scanEnd = end;
    m_slice.start();
}

void FrameFilterProxyModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first,
                                                       int last) {
    if (parent.isValid())
        return;
    if (m_identity) {
        beginRemoveRows(QModelIndex(), first, last);
        return;
    }
    // The log removes its oldest rows only.
    Q_ASSERT(first == 0);
    m_removing = lowerBound(m_log->serialAt(last) + 1);
    if (m_removing > 0)
        beginRemoveRows(QModelIndex(), 0, int(m_removing) - 1);
}

void FrameFilterProxyModel::sourceRowsRemoved(const QModelIndex &parent, int, int) {
    if (parent.isValid())
        return;
    if (m_identity) {
        endRemoveRows();
        return;
    }
    const quint64 first = m_log->firstSerial();
    m_cursor = std::max(m_cursor, first);
    m_scanEnd = std::max(m_scanEnd, first);
    m_arrived.erase(m_arrived.begin(), std::lower_bound(m_arrived.begin(), m_arrived.end(), first));
    if (m_removing == 0)
        return;
    m_accepted.erase(m_accepted.begin(), m_accepted.begin() + qsizetype(m_removing));
    m_removing = 0;
    endRemoveRows();
}

void FrameFilterProxyModel::sourceAboutToBeReset() {
    m_slice.stop();
    beginResetModel();
}

void FrameFilterProxyModel::sourceReset() {
    m_accepted.clear();
    m_arrived.clear();
    m_scanning = false;
    m_identity = !m_log || !isFiltering();
    if (m_log) {
        m_base = m_log->firstSerial();
        m_scanStart = m_cursor = m_base;
        m_scanEnd = m_base + quint64(m_log->rowCount());
        m_scanning = !m_identity && m_scanEnd > m_scanStart;
    }
    endResetModel();
    if (m_scanning)
        runSlice();
}

void FrameFilterProxyModel::sourceDataChanged(const QModelIndex &topLeft,
                                              const QModelIndex &bottomRight,
                                              const QList<int> &roles) {
    if (topLeft.parent().isValid())
        return;
    if (m_identity) {
        Q_EMIT dataChanged(index(topLeft.row(), topLeft.column()),
                           index(bottomRight.row(), bottomRight.column()), roles);
        return;
    }
    // What changes in a row (its ask state) never changes whether it passes the filters.
    const size_t first = lowerBound(m_log->serialAt(topLeft.row()));
    const size_t end = lowerBound(m_log->serialAt(bottomRight.row()) + 1);
    if (first < end)
        Q_EMIT dataChanged(index(int(first), topLeft.column()),
                           index(int(end) - 1, bottomRight.column()), roles);
}

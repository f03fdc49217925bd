#include "framelogmodel.h"

#include "displaytext.h"
#include "framecodec.h"
#include "rowpalette.h"

#include <QDateTime>
#include <QFile>
#include <QFont>

#include <algorithm>

namespace {

constexpr int SummaryCacheSize = 4096;
constexpr int OverdueCheckIntervalMs = 250;
constexpr int ReadBackCacheKiB = 32 * 1024;
constexpr qsizetype MaxPendingWithReader = 200000;
// A null icon when the resource is not linked in (model tests), instead of a warning per icon.
QIcon iconIfPresent(const QString &path) {
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

} // namespace

FrameLogModel::FrameLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_ackIndex(
          [this](quint64 serial, BrokerEvent *header) { return headerOfSerial(serial, header); })
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_summaryCache(SummaryCacheSize)
    , m_inIcon(iconIfPresent(QStringLiteral(":/icons/arrow-in.svg")))
    , m_outIcon(iconIfPresent(QStringLiteral(":/icons/arrow-out.svg")))
    , m_errorIcon(iconIfPresent(QStringLiteral(":/icons/error.svg")))
    , m_warningIcon(iconIfPresent(QStringLiteral(":/icons/warning.svg"))) {
    m_failureCache.setMaxCost(SummaryCacheSize);
    m_readBack.setMaxCost(ReadBackCacheKiB);
    m_overdueTimer.setInterval(OverdueCheckIntervalMs);
    connect(&m_overdueTimer, &QTimer::timeout, this, &FrameLogModel::checkOverdueAsks);
}

FrameLogModel::~FrameLogModel() = default;

int FrameLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_count;
}

int FrameLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const BrokerEvent *FrameLogModel::inMemory(int row) const {
    const int hotRow = row - (m_count - int(m_hot.size()));
    return hotRow >= 0 ? &m_hot[size_t(hotRow)] : nullptr;
}

bool FrameLogModel::headerOfSerial(quint64 serial, BrokerEvent *header) const {
    const int row = rowOfSerial(serial);
    if (row < 0)
        return false;
    *header = m_index.header(row);
    return true;
}

int FrameLogModel::rowOfSerial(quint64 serial) const {
    if (serial < m_firstSerial || serial >= m_firstSerial + quint64(m_count))
        return -1;
    return int(serial - m_firstSerial);
}

QList<quint64> FrameLogModel::serialsWithAck(const QString &room, const QByteArray &ack) const {
    return m_ackIndex.serials(room, ack);
}

qint64 FrameLogModel::now() const {
    return m_clock();
}

void FrameLogModel::setClock(std::function<qint64()> nowMs) {
    m_clock = std::move(nowMs);
}

FrameLogModel::AskState FrameLogModel::askState(int row) const {
    Q_ASSERT(row >= 0 && row < m_count);
    return AskState(m_index.askState(row));
}

FrameLogModel::AskState FrameLogModel::initialAskState(const BrokerEvent &e, qint64 nowMs) const {
    if (!AckIndex::isAsk(e))
        return AskState::NotAnAsk;
    return nowMs - e.timeMs >= m_unansweredThresholdMs ? AskState::Unanswered : AskState::Waiting;
}

void FrameLogModel::setUnansweredThresholdMs(int ms) {
    ms = std::max(ms, 0);
    if (ms == m_unansweredThresholdMs)
        return;
    m_unansweredThresholdMs = ms;
    // Asks already judged may now be judged differently: look at all of them again.
    m_waitingAsks.clear();
    for (int row = 0; row < m_count; ++row) {
        const AskState state = askState(row);
        if (state == AskState::Waiting || state == AskState::Unanswered) {
            setAskState(row, AskState::Waiting);
            m_waitingAsks.push_back(serialAt(row));
        }
    }
    if (m_count > 0)
        emitRowsChanged(0, m_count - 1);
    checkOverdueAsks();
}

void FrameLogModel::emitRowsChanged(int firstRow, int lastRow) {
    Q_EMIT dataChanged(index(firstRow, 0), index(lastRow, ColumnCount - 1));
}

void FrameLogModel::addDropped(quint64 count) {
    if (count == 0)
        return;
    m_dropped += count;
    Q_EMIT droppedCountChanged(m_dropped);
}

void FrameLogModel::resetDroppedCount() {
    if (m_dropped == 0)
        return;
    m_dropped = 0;
    Q_EMIT droppedCountChanged(m_dropped);
}

void FrameLogModel::appendEvents(const BrokerEventList &events, quint64 firstId) {
    if (events.isEmpty())
        return;
    if (m_paused) {
        m_pending.append(events);
        for (qsizetype i = 0; i < events.size(); ++i)
            m_pendingIds.append(firstId == 0 ? 0 : firstId + quint64(i));
        // What waits is held whole, so it is bounded by the in-memory bound too when a capture
        // keeps the rest.
        const qsizetype bound =
            m_reader ? std::min<qsizetype>(m_capacity, MaxPendingWithReader) : m_capacity;
        if (m_pending.size() > bound) {
            const qsizetype excess = m_pending.size() - bound;
            m_pending.remove(0, excess);
            m_pendingIds.remove(0, excess);
            addDropped(quint64(excess));
        }
        Q_EMIT pendingCountChanged(int(m_pending.size()));
        return;
    }
    insertBatch(events.constData(), events.size(), firstId);
}

void FrameLogModel::insertBatch(const BrokerEvent *begin, qsizetype count, quint64 firstId,
                                bool keepInMemory) {
    // A batch larger than the whole log: only its tail can be shown.
    if (count > m_capacity) {
        addDropped(quint64(count - m_capacity));
        if (firstId != 0)
            firstId += quint64(count - m_capacity);
        begin += count - m_capacity;
        count = m_capacity;
    }
    const int overflow = int(std::max<qsizetype>(0, m_count + count - m_capacity));
    if (overflow > 0) {
        removeFront(overflow);
        addDropped(quint64(overflow));
    }

    // A new run of ids unless this batch continues the last one.
    const quint64 firstNewSerial = m_firstSerial + quint64(m_count);
    if (m_idRuns.empty() || m_count == 0 ||
        captureIdAt(m_count - 1) + (firstId == 0 ? 0 : 1) != firstId ||
        (firstId == 0) != (captureIdAt(m_count - 1) == 0))
        m_idRuns.push_back(IdRun{firstNewSerial, firstId});

    const int firstRow = m_count;
    const qint64 nowMs = now();
    // A forwarded answer settles its send: the state is stored now, and sends of earlier
    // batches are repainted.
    int changedFirst = m_count;
    int changedLast = -1;
    beginInsertRows(QModelIndex(), firstRow, firstRow + int(count) - 1);
    for (qsizetype i = 0; i < count; ++i) {
        const BrokerEvent &e = begin[i];
        const AskState ask = initialAskState(e, nowMs);
        m_index.append(e, FrameIndex::AskStateValue(ask));
        if (keepInMemory) {
            m_hot.push_back(e);
            m_hotBytes += e.data.size();
        }
        const quint64 serial = m_firstSerial + quint64(m_count);
        ++m_count;
        m_ackIndex.add(e, serial);
        if (ask == AskState::Waiting)
            m_waitingAsks.push_back(serial);
        if (e.kind != BrokerEvent::Kind::FrameOut || e.action != FrameAction::Answer ||
            e.ack.isEmpty())
            continue;
        const quint64 send = m_ackIndex.sendOfForwardedAnswer(serial);
        const int sendRow = send == AckIndex::NoSerial ? -1 : rowOfSerial(send);
        if (sendRow < 0 || askState(sendRow) == AskState::NotAnAsk)
            continue;
        setAskState(sendRow, AskState::Answered);
        if (sendRow < firstRow) {
            changedFirst = std::min(changedFirst, sendRow);
            changedLast = std::max(changedLast, sendRow);
        }
    }
    endInsertRows();
    if (changedLast >= 0)
        emitRowsChanged(changedFirst, changedLast);
    trimInMemory();

    if (!m_waitingAsks.empty() && !m_overdueTimer.isActive())
        m_overdueTimer.start();
}

void FrameLogModel::removeFront(int count) {
    beginRemoveRows(QModelIndex(), 0, count - 1);
    for (int row = 0; row < count; ++row) {
        // Rows leave in serial order, so each one is the oldest entry of its list.
        m_ackIndex.removeOldest(m_firstSerial + quint64(row));
        m_readBack.remove(m_firstSerial + quint64(row));
    }
    // Rows in memory are the newest ones: only those among the removed leave m_hot.
    const int inMemoryRemoved = std::max(0, count - (m_count - int(m_hot.size())));
    for (int i = 0; i < inMemoryRemoved; ++i) {
        m_hotBytes -= m_hot.front().data.size();
        m_hot.pop_front();
    }
    m_index.removeFront(count);
    m_count -= count;
    m_firstSerial += quint64(count);
    // Runs wholly before the first serial go; the one the first row is in stays.
    while (m_idRuns.size() > 1 && m_idRuns[1].serial <= m_firstSerial)
        m_idRuns.pop_front();
    while (!m_waitingAsks.empty() && m_waitingAsks.front() < m_firstSerial)
        m_waitingAsks.pop_front();
    endRemoveRows();
}

void FrameLogModel::checkOverdueAsks() {
    const qint64 nowMs = now();
    int first = m_count;
    int last = -1;
    while (!m_waitingAsks.empty()) {
        const int row = rowOfSerial(m_waitingAsks.front());
        if (row < 0) {
            m_waitingAsks.pop_front();
            continue;
        }
        if (nowMs - timeMsAt(row) < m_unansweredThresholdMs)
            break;
        m_waitingAsks.pop_front();
        if (askState(row) == AskState::Waiting) {
            setAskState(row, AskState::Unanswered);
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (last >= 0)
        emitRowsChanged(first, last);
    if (m_waitingAsks.empty())
        m_overdueTimer.stop();
}

void FrameLogModel::setPaused(bool paused) {
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused && !m_pending.isEmpty()) {
        const BrokerEventList pending = std::exchange(m_pending, {});
        const QList<quint64> ids = std::exchange(m_pendingIds, {});
        // Runs of consecutive ids go in as one batch each.
        qsizetype start = 0;
        for (qsizetype i = 1; i <= pending.size(); ++i) {
            // A run is events without ids, or events with consecutive ids.
            const bool runEnds =
                i == pending.size() ||
                (ids.at(i - 1) == 0 ? ids.at(i) != 0 : ids.at(i) != ids.at(i - 1) + 1);
            if (runEnds) {
                insertBatch(pending.constData() + start, i - start, ids.at(start));
                start = i;
            }
        }
        Q_EMIT pendingCountChanged(0);
    }
    Q_EMIT pausedChanged(paused);
}

void FrameLogModel::setCapacity(int capacity) {
    capacity = std::max(capacity, 1);
    if (capacity == m_capacity)
        return;
    if (m_count > capacity) {
        const int excess = m_count - capacity;
        removeFront(excess);
        addDropped(quint64(excess));
    }
    m_capacity = capacity;
    if (m_pending.size() > capacity) {
        const qsizetype excess = m_pending.size() - capacity;
        m_pending.remove(0, excess);
        m_pendingIds.remove(0, excess);
        addDropped(quint64(excess));
        Q_EMIT pendingCountChanged(int(m_pending.size()));
    }
    Q_EMIT capacityChanged(capacity);
}

void FrameLogModel::clear() {
    beginResetModel();
    m_index.clear();
    m_hot.clear();
    m_hotBytes = 0;
    m_readBack.clear();
    m_idRuns.clear();
    m_firstSerial += quint64(m_count);
    m_count = 0;
    m_ackIndex.clear();
    m_waitingAsks.clear();
    m_overdueTimer.stop();
    m_summaryCache.clear();
    const bool hadPending = !m_pending.isEmpty();
    m_pending.clear();
    m_pendingIds.clear();
    endResetModel();
    if (hadPending)
        Q_EMIT pendingCountChanged(0);
    resetDroppedCount();
}

QVariant FrameLogModel::background(bool problem, AskState ask) const {
    if (problem)
        return RowPalette::problemBackground(RowPalette::applicationPalette());
    if (ask == AskState::Unanswered)
        return RowPalette::warningBackground(RowPalette::applicationPalette());
    return QVariant();
}

QVariant FrameLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const int row = index.row();
    const BrokerEvent::Kind kind = kindAt(row);
    const bool frame = kind == BrokerEvent::Kind::FrameIn || kind == BrokerEvent::Kind::FrameOut;
    // A refused handshake never became a connection (closed, with no connection id): it has no
    // room and no client; its summary names the peer.
    const bool refusedHandshake =
        kind == BrokerEvent::Kind::ConnectionClosed && connectionIdAt(row) == 0;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return DisplayText::time(timeMsAt(row));
        case RoomColumn:
            return refusedHandshake ? QString() : DisplayText::roomLabel(roomAt(row));
        case ClientColumn:
            return refusedHandshake
                       ? QString()
                       : DisplayText::clientLabel(clientIdAt(row), connectionIdAt(row));
        case DirectionColumn:
            if (kind == BrokerEvent::Kind::FrameIn)
                return tr("in");
            if (kind == BrokerEvent::Kind::FrameOut)
                return tr("out");
            return tr("system");
        case ActionColumn:
            return DisplayText::actionName(headerAt(row));
        case SizeColumn:
            return frame ? QVariant(sizeAt(row)) : QVariant();
        case SummaryColumn:
            if (kind == BrokerEvent::Kind::FrameIn && m_contracts) {
                const QList<ContractSchema::Failure> failures = contractFailures(row);
                if (!failures.isEmpty()) {
                    QStringList labels;
                    for (const ContractSchema::Failure &f : failures)
                        labels.append(failureLabel(f));
                    return tr("violates %1 · %2")
                        .arg(DisplayText::visible(labels.join(QStringLiteral(", "))), summary(row));
                }
            }
            return summary(row);
        }
        return QVariant();
    case Qt::DecorationRole:
        if (index.column() == SummaryColumn && kind == BrokerEvent::Kind::FrameIn && m_contracts &&
            !contractFailures(row).isEmpty())
            return m_warningIcon;
        if (index.column() != DirectionColumn)
            return QVariant();
        {
            const QIcon icon = isProblemAt(row)                      ? m_errorIcon
                               : kind == BrokerEvent::Kind::FrameIn  ? m_inIcon
                               : kind == BrokerEvent::Kind::FrameOut ? m_outIcon
                                                                     : QIcon();
            if (icon.isNull()) // system rows only show the error icon
                return QVariant();
            return icon;
        }
    case Qt::ToolTipRole: {
        QString text =
            toolTip(eventAt(row), index.column(),
                    index.column() == SummaryColumn ? askState(row) : AskState::NotAnAsk);
        if (index.column() == SummaryColumn && kind == BrokerEvent::Kind::FrameIn && m_contracts) {
            for (const ContractSchema::Failure &f : contractFailures(row)) {
                if (!text.isEmpty())
                    text += QLatin1Char('\n');
                text += DisplayText::visible(
                    tr("Contract violation at %1: %2").arg(failureLabel(f), f.description));
            }
        }
        return text;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole:
        return background(isProblemAt(row), askState(row));
    case Qt::FontRole:
        if (!frame || askState(row) == AskState::Unanswered) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    case EventRole:
        return QVariant::fromValue(eventAt(row));
    case RawDataRole:
        return eventAt(row).data;
    case RawTextRole:
        return QString::fromUtf8(eventAt(row).data);
    case AckRole:
        return QString::fromUtf8(eventAt(row).ack);
    case ConnectionIdRole:
        return qulonglong(connectionIdAt(row));
    case RoomRole:
        return roomAt(row);
    case ClientIdRole:
        return QString::fromUtf8(clientIdAt(row));
    case KindRole:
        return int(kind);
    case ActionRole:
        return int(actionAt(row));
    case TimeMsRole:
        return timeMsAt(row);
    case SizeRole:
        return sizeAt(row);
    case IsProblemRole:
        return isProblemAt(row);
    case AskStateRole:
        return int(askState(row));
    case ContractFailuresRole: {
        QStringList labels;
        for (const ContractSchema::Failure &f : contractFailures(row))
            labels.append(failureLabel(f));
        return labels;
    }
    case SerialRole:
        return qulonglong(serialAt(row));
    }
    return QVariant();
}

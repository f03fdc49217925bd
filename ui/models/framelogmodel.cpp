#include "framelogmodel.h"

#include "displaytext.h"
#include "framecodec.h"
#include "rowpalette.h"

#include <QDateTime>
#include <QFile>
#include <QFont>

#include <algorithm>

namespace {

bool isRefusedHandshake(const BrokerEvent &e) {
    return e.kind == BrokerEvent::Kind::ConnectionClosed && e.connectionId == 0;
}

constexpr int SummaryCacheSize = 4096;
constexpr int OverdueCheckIntervalMs = 250;
bool isFrameEvent(const BrokerEvent &e) {
    return e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut;
}

// A null icon when the resource is not linked in (model tests), instead of a warning per icon.
QIcon iconIfPresent(const QString &path) {
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

} // namespace

FrameLogModel::FrameLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_ackIndex([this](quint64 serial) -> const BrokerEvent * {
        const int row = rowOfSerial(serial);
        return row < 0 ? nullptr : &eventAt(row);
    })
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_summaryCache(SummaryCacheSize)
    , m_inIcon(iconIfPresent(QStringLiteral(":/icons/arrow-in.svg")))
    , m_outIcon(iconIfPresent(QStringLiteral(":/icons/arrow-out.svg")))
    , m_errorIcon(iconIfPresent(QStringLiteral(":/icons/error.svg"))) {
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

const BrokerEvent &FrameLogModel::eventAt(int row) const {
    Q_ASSERT(row >= 0 && row < m_count);
    return m_ring.at((m_head + row) % m_capacity);
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
    return m_askStates.at(slotOf(row));
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

void FrameLogModel::appendEvents(const BrokerEventList &events) {
    if (events.isEmpty())
        return;
    if (m_paused) {
        m_pending.append(events);
        if (m_pending.size() > m_capacity) {
            const qsizetype excess = m_pending.size() - m_capacity;
            m_pending.remove(0, excess);
            addDropped(quint64(excess));
        }
        Q_EMIT pendingCountChanged(int(m_pending.size()));
        return;
    }
    insertBatch(events.constData(), events.size());
}

void FrameLogModel::insertBatch(const BrokerEvent *begin, qsizetype count) {
    // A batch larger than the whole log: only its tail can be shown.
    if (count > m_capacity) {
        addDropped(quint64(count - m_capacity));
        begin += count - m_capacity;
        count = m_capacity;
    }
    const int overflow = int(std::max<qsizetype>(0, m_count + count - m_capacity));
    if (overflow > 0) {
        removeFront(overflow);
        addDropped(quint64(overflow));
    }

    const int firstRow = m_count;
    const qint64 nowMs = now();
    // A forwarded answer settles its send: the state is stored now, and sends of earlier
    // batches are repainted.
    int changedFirst = m_count;
    int changedLast = -1;
    beginInsertRows(QModelIndex(), firstRow, firstRow + int(count) - 1);
    for (qsizetype i = 0; i < count; ++i) {
        const BrokerEvent &e = begin[i];
        const int slot = (m_head + m_count) % m_capacity;
        const AskState ask = initialAskState(e, nowMs);
        if (slot == m_ring.size()) {
            m_ring.append(e);
            m_askStates.append(ask);
        } else {
            m_ring[slot] = e;
            m_askStates[slot] = ask;
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

    if (!m_waitingAsks.empty() && !m_overdueTimer.isActive())
        m_overdueTimer.start();
}

void FrameLogModel::removeFront(int count) {
    beginRemoveRows(QModelIndex(), 0, count - 1);
    for (int row = 0; row < count; ++row) {
        BrokerEvent &e = m_ring[(m_head + row) % m_capacity];
        // Rows leave in serial order, so each one is the oldest entry of its list.
        m_ackIndex.removeOldest(e, m_firstSerial + quint64(row));
        // Release the payload now rather than when the slot is reused.
        e = BrokerEvent();
    }
    m_head = (m_head + count) % m_capacity;
    m_count -= count;
    m_firstSerial += quint64(count);
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
        if (nowMs - eventAt(row).timeMs < m_unansweredThresholdMs)
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
        insertBatch(pending.constData(), pending.size());
        Q_EMIT pendingCountChanged(0);
    }
    Q_EMIT pausedChanged(paused);
}

void FrameLogModel::linearize() {
    if (m_head == 0 && m_ring.size() == m_count)
        return;
    QList<BrokerEvent> ordered;
    QList<AskState> orderedAsks;
    ordered.reserve(m_count);
    orderedAsks.reserve(m_count);
    for (int row = 0; row < m_count; ++row) {
        ordered.append(m_ring.at((m_head + row) % m_ring.size()));
        orderedAsks.append(m_askStates.at((m_head + row) % m_ring.size()));
    }
    m_ring = std::move(ordered);
    m_askStates = std::move(orderedAsks);
    m_head = 0;
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
    // Rows keep their order; the ring restarts at slot 0 with the new size.
    linearize();
    m_capacity = capacity;
    if (m_pending.size() > capacity) {
        const qsizetype excess = m_pending.size() - capacity;
        m_pending.remove(0, excess);
        addDropped(quint64(excess));
        Q_EMIT pendingCountChanged(int(m_pending.size()));
    }
    Q_EMIT capacityChanged(capacity);
}

void FrameLogModel::clear() {
    beginResetModel();
    m_ring.clear();
    m_askStates.clear();
    m_head = 0;
    m_firstSerial += quint64(m_count);
    m_count = 0;
    m_ackIndex.clear();
    m_waitingAsks.clear();
    m_overdueTimer.stop();
    m_summaryCache.clear();
    const bool hadPending = !m_pending.isEmpty();
    m_pending.clear();
    endResetModel();
    if (hadPending)
        Q_EMIT pendingCountChanged(0);
    resetDroppedCount();
}

QVariant FrameLogModel::background(const BrokerEvent &e, AskState ask) const {
    if (e.isProblem())
        return RowPalette::problemBackground(RowPalette::applicationPalette());
    if (ask == AskState::Unanswered)
        return RowPalette::warningBackground(RowPalette::applicationPalette());
    return QVariant();
}

QVariant FrameLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const int row = index.row();
    const BrokerEvent &e = eventAt(row);
    const bool frame = isFrameEvent(e);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return DisplayText::time(e.timeMs);
        // A refused handshake never became a connection (closed, with no connection id): it
        // has no room and no client; its summary names the peer.
        case RoomColumn:
            return isRefusedHandshake(e) ? QString() : DisplayText::roomName(e.room);
        case ClientColumn:
            return isRefusedHandshake(e) ? QString()
                                         : DisplayText::clientName(e.clientId, e.connectionId);
        case DirectionColumn:
            if (e.kind == BrokerEvent::Kind::FrameIn)
                return tr("in");
            if (e.kind == BrokerEvent::Kind::FrameOut)
                return tr("out");
            return tr("system");
        case ActionColumn:
            return DisplayText::actionName(e);
        case SizeColumn:
            return frame ? QVariant(e.size) : QVariant();
        case SummaryColumn:
            return summary(row);
        }
        return QVariant();
    case Qt::DecorationRole:
        if (index.column() != DirectionColumn)
            return QVariant();
        {
            const QIcon icon = e.isProblem()                           ? m_errorIcon
                               : e.kind == BrokerEvent::Kind::FrameIn  ? m_inIcon
                               : e.kind == BrokerEvent::Kind::FrameOut ? m_outIcon
                                                                       : QIcon();
            if (icon.isNull()) // system rows only show the error icon
                return QVariant();
            return icon;
        }
    case Qt::ToolTipRole:
        return toolTip(e, index.column(),
                       index.column() == SummaryColumn ? askState(row) : AskState::NotAnAsk);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole:
        return background(e, askState(row));
    case Qt::FontRole:
        if (!frame || askState(row) == AskState::Unanswered) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    case EventRole:
        return QVariant::fromValue(e);
    case RawDataRole:
        return e.data;
    case RawTextRole:
        return QString::fromUtf8(e.data);
    case AckRole:
        return QString::fromUtf8(e.ack);
    case ConnectionIdRole:
        return qulonglong(e.connectionId);
    case RoomRole:
        return e.room;
    case ClientIdRole:
        return QString::fromUtf8(e.clientId);
    case KindRole:
        return int(e.kind);
    case ActionRole:
        return int(e.action);
    case TimeMsRole:
        return e.timeMs;
    case SizeRole:
        return e.size;
    case IsProblemRole:
        return e.isProblem();
    case AskStateRole:
        return int(askState(row));
    case SerialRole:
        return qulonglong(serialAt(row));
    }
    return QVariant();
}

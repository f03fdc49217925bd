#pragma once

#include "ackindex.h"
#include "brokerevent.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QIcon>
#include <QList>
#include <QTimer>

#include <deque>
#include <functional>

// The frame log: every event the broker reports (frames in and out, connections, ids, rooms),
// in arrival order, in a bounded ring buffer. Events arrive in batches; each batch costs the
// views at most one removal from the front and one insertion at the end. Cells are formatted
// only when a view asks for them.
class FrameLogModel : public QAbstractTableModel {
    Q_OBJECT
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(quint64 droppedCount READ droppedCount NOTIFY droppedCountChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)

public:
    enum Column {
        TimeColumn,
        RoomColumn,
        ClientColumn,
        DirectionColumn,
        ActionColumn,
        SizeColumn,
        SummaryColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        EventRole = Qt::UserRole + 1, // BrokerEvent
        RawDataRole,                  // QByteArray: the frame's bytes as recorded
        RawTextRole,                  // QString: the frame's bytes as UTF-8 text
        AckRole,                      // QString: the ack a send, message or answer carried
        ConnectionIdRole,             // qulonglong
        RoomRole,                     // QString: the room as the broker names it
        ClientIdRole,                 // QString: empty when unregistered
        KindRole,                     // int: BrokerEvent::Kind
        ActionRole,                   // int: FrameAction
        TimeMsRole,                   // qint64: ms since the epoch
        SizeRole,                     // qint64: bytes of the whole frame
        IsProblemRole,                // bool: BrokerEvent::isProblem()
        AskStateRole,                 // int: AskState
        SerialRole,                   // qulonglong: stable number of the row (see serialAt)
    };
    Q_ENUM(Role)

    // Where a send with an ack stands. Only sends that reached someone can be answered.
    enum class AskState { NotAnAsk, Waiting, Answered, Unanswered };
    Q_ENUM(AskState)

    static constexpr int DefaultCapacity = 100000;
    static constexpr int DefaultUnansweredThresholdMs = 5000;

    explicit FrameLogModel(QObject *parent = nullptr);
    ~FrameLogModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The event shown in a row; row must be valid.
    const BrokerEvent &eventAt(int row) const;

    int capacity() const { return m_capacity; }
    // Shrinking drops the oldest rows (counted as dropped).
    void setCapacity(int capacity);

    bool isPaused() const { return m_paused; }
    // Events received while paused and not yet shown (at most capacity).
    int pendingCount() const { return int(m_pending.size()); }
    // Events lost to the bound since the last clear(): pushed out of the ring buffer, cut from a
    // batch larger than the capacity, or pushed out of the pending list while paused.
    quint64 droppedCount() const { return m_dropped; }

    // Every row ever appended gets the next serial; row r has serial firstSerial() + r. Serials
    // survive removals from the front, so they name a row for as long as it is in the log.
    quint64 serialAt(int row) const { return m_firstSerial + quint64(row); }
    quint64 firstSerial() const { return m_firstSerial; }
    // The row of a serial, or -1 when it has left the log.
    int rowOfSerial(quint64 serial) const;
    // Serials of the rows that carried this ack in this room, oldest first.
    QList<quint64> serialsWithAck(const QString &room, const QByteArray &ack) const;

    int unansweredThresholdMs() const { return m_unansweredThresholdMs; }
    void setUnansweredThresholdMs(int ms);
    // Stored with the row and updated when an answer arrives or the ask becomes overdue.
    AskState askState(int row) const;
    // The clock deciding when an ask is overdue; tests set their own.
    void setClock(std::function<qint64()> nowMs);
    // The rows that carried an ack, for pairing sends with their messages and answers.
    const AckIndex &ackIndex() const { return m_ackIndex; }

public Q_SLOTS:
    // Adds a batch from the broker (or from a saved log). While paused, the batch waits.
    void appendEvents(const BrokerEventList &events);
    void setPaused(bool paused);
    // Removes every row and pending event and resets the dropped count.
    void clear();
    // Acknowledges the dropped count (the banner was dismissed).
    void resetDroppedCount();
    // Marks asks that passed the threshold since the last check. Runs on a timer while asks wait.
    void checkOverdueAsks();

Q_SIGNALS:
    void capacityChanged(int capacity);
    void pausedChanged(bool paused);
    void pendingCountChanged(int count);
    void droppedCountChanged(quint64 count);

private:
    void insertBatch(const BrokerEvent *begin, qsizetype count);
    void removeFront(int count);
    void addDropped(quint64 count);
    void linearize();
    AskState initialAskState(const BrokerEvent &event, qint64 nowMs) const;
    void setAskState(int row, AskState state) { m_askStates[slotOf(row)] = state; }
    int slotOf(int row) const { return (m_head + row) % m_capacity; }
    qint64 now() const;
    QString summary(int row) const;
    QString makeSummary(const BrokerEvent &event) const;
    QString toolTip(const BrokerEvent &event, int column, AskState ask) const;
    QVariant background(const BrokerEvent &event, AskState ask) const;
    void emitRowsChanged(int firstRow, int lastRow);

    // Ring buffer: row r lives at m_ring[(m_head + r) % m_capacity]. m_ring grows up to the
    // capacity and is then reused in place. m_askStates runs in step with it.
    QList<BrokerEvent> m_ring;
    QList<AskState> m_askStates;
    int m_head = 0;
    int m_count = 0;
    int m_capacity = DefaultCapacity;
    quint64 m_firstSerial = 0;

    QList<BrokerEvent> m_pending;
    bool m_paused = false;
    quint64 m_dropped = 0;

    AckIndex m_ackIndex;
    std::deque<quint64> m_waitingAsks; // serials of asks still Waiting, in arrival order
    QTimer m_overdueTimer;
    int m_unansweredThresholdMs = DefaultUnansweredThresholdMs;
    std::function<qint64()> m_clock;

    mutable QCache<quint64, QString> m_summaryCache;

    QIcon m_inIcon;
    QIcon m_outIcon;
    QIcon m_errorIcon;
};

#pragma once

#include "ackindex.h"
#include "brokerevent.h"
#include "contractschema.h"
#include "frameindex.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QIcon>
#include <QList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

class ContractSet;

// The frame log: every event the broker reports (frames in and out, connections, ids, rooms),
// in arrival order, bounded by a capacity. Events arrive in batches; each batch costs the
// views at most one removal from the front and one insertion at the end. Cells are formatted
// only when a view asks for them.
//
// Each row is a 16-byte entry of a FrameIndex; whole events (bytes, detail, ack) are kept in
// memory for the newest rows only when a frame reader is set (the capture on disk, which has
// them all): older rows are read back when shown. Without a reader every row keeps its event.
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
        ContractFailuresRole,         // QStringList: one "message/PATH: KEYWORD" per failure
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

    // The event shown in a row, whole (read back from the capture when it is no longer in
    // memory; without its bytes when it cannot be read); row must be valid.
    BrokerEvent eventAt(int row) const;
    // The row's event without data, detail, intervention and ack: no reading, no copying.
    BrokerEvent headerAt(int row) const { return m_index.header(row); }
    BrokerEvent::Kind kindAt(int row) const { return m_index.kind(row); }
    FrameAction actionAt(int row) const { return m_index.action(row); }
    bool binaryAt(int row) const { return m_index.binary(row); }
    const QString &roomAt(int row) const { return m_index.room(row); }
    const QByteArray &clientIdAt(int row) const { return m_index.clientId(row); }
    quint64 connectionIdAt(int row) const { return m_index.connectionId(row); }
    qint64 timeMsAt(int row) const { return m_index.timeMs(row); }
    qint64 sizeAt(int row) const { return m_index.frameSize(row); }
    bool isProblemAt(int row) const { return m_index.isProblem(row); }

    // Reads a whole event back by its capture id (CaptureReader::read); set when a capture
    // records what the log shows. Rows then keep their events in memory only until the
    // capture has them (setWrittenUpTo) and while they are among the newest.
    using FrameReader = std::function<bool(quint64 id, BrokerEvent *event)>;
    void setFrameReader(FrameReader reader);
    bool hasFrameReader() const { return bool(m_reader); }
    // The capture id of a row (0 when it was appended without one).
    quint64 captureIdAt(int row) const;
    // The row of a capture id, or -1.
    int rowOfCaptureId(quint64 id) const;
    // Whether a row's whole event is still in memory (filters that need the bytes of older
    // rows ask the capture instead).
    bool isInMemory(int row) const { return row >= m_count - int(m_hot.size()); }
    // Whether a row's bytes are lost: the capture could not take its frame (the writer was
    // too far behind, or had failed) and the row is no longer among the newest kept whole.
    // eventAt() then gives what the index has.
    bool isUnrecorded(int row) const;

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
    // The message contracts the log marks rows by (null: none): a frame from a client whose
    // `message` fails its contract shows the failing paths and keywords in its summary, with
    // a warning icon and the descriptions in the tooltip. Judged when a row is shown (and kept
    // for the rows shown last), so it costs nothing per frame and works for every row, whether
    // live, read back from the capture or opened from a file.
    void setContracts(std::shared_ptr<const ContractSet> contracts);
    bool hasContracts() const { return m_contracts != nullptr; }
    // The failures of a row's frame against those contracts; empty when it passes or none
    // applies.
    QList<ContractSchema::Failure> contractFailures(int row) const;
    // "message/qty: type", as the log and the details name a failure.
    static QString failureLabel(const ContractSchema::Failure &failure);

    // The clock deciding when an ask is overdue; tests set their own.
    void setClock(std::function<qint64()> nowMs);
    // The rows that carried an ack, for pairing sends with their messages and answers.
    const AckIndex &ackIndex() const { return m_ackIndex; }

public Q_SLOTS:
    // Adds a batch from the broker (or from a saved log). While paused, the batch waits.
    void appendEvents(const BrokerEventList &events) { appendEvents(events, 0); }
    // The same for a batch the capture recorded: event i has capture id firstId + i.
    void appendEvents(const BrokerEventList &events, quint64 firstId);
    // Rows of events already in the capture, given without their bytes (CaptureReader::
    // readIndex): nothing of them is kept in memory; needs a frame reader.
    void appendIndexed(const BrokerEventList &events, quint64 firstId);
    // The capture has committed every event up to this id: their memory can go.
    void setWrittenUpTo(quint64 lastId);
    // The capture's budget removed every frame before this id: so do the rows (not counted as
    // dropped; the capture counts them).
    void discardBefore(quint64 firstRemainingId);
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
    void insertBatch(const BrokerEvent *begin, qsizetype count, quint64 firstId,
                     bool keepInMemory = true);
    void trimInMemory();
    void removeFront(int count);
    void addDropped(quint64 count);
    AskState initialAskState(const BrokerEvent &event, qint64 nowMs) const;
    void setAskState(int row, AskState state) {
        m_index.setAskState(row, FrameIndex::AskStateValue(state));
    }
    const BrokerEvent *inMemory(int row) const;
    bool headerOfSerial(quint64 serial, BrokerEvent *header) const;
    qint64 now() const;
    QString summary(int row) const;
    QString makeSummary(const BrokerEvent &event) const;
    QString toolTip(const BrokerEvent &event, int column, AskState ask) const;
    QVariant background(bool problem, AskState ask) const;
    void emitRowsChanged(int firstRow, int lastRow);

    FrameIndex m_index; // every row
    // Whole events of the newest rows: m_hot.back() is the last row. Without a reader, all rows.
    std::deque<BrokerEvent> m_hot;
    qint64 m_hotBytes = 0;
    // Whole events read back from the capture, by serial; the cost is in KiB.
    mutable QCache<quint64, BrokerEvent> m_readBack;
    FrameReader m_reader;
    quint64 m_writtenUpTo = 0;
    quint64 m_readerFromSerial = 0; // the first row appended with the reader set
    // Capture ids by serial: a run of serials from `serial` has ids from `id` on (0: none).
    struct IdRun {
        quint64 serial;
        quint64 id;
    };
    std::deque<IdRun> m_idRuns;
    int m_count = 0;
    int m_capacity = DefaultCapacity;
    quint64 m_firstSerial = 0;

    QList<BrokerEvent> m_pending;
    QList<quint64> m_pendingIds; // capture ids of m_pending (0: none)
    bool m_paused = false;
    quint64 m_dropped = 0;

    AckIndex m_ackIndex;
    std::deque<quint64> m_waitingAsks; // serials of asks still Waiting, in arrival order
    QTimer m_overdueTimer;
    int m_unansweredThresholdMs = DefaultUnansweredThresholdMs;
    std::function<qint64()> m_clock;

    mutable QCache<quint64, QString> m_summaryCache;
    std::shared_ptr<const ContractSet> m_contracts;
    mutable QCache<quint64, QList<ContractSchema::Failure>> m_failureCache; // by serial

    QIcon m_inIcon;
    QIcon m_outIcon;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

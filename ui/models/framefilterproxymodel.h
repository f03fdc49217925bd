#pragma once

#include "brokerevent.h"
#include "framecodec.h"
#include "jsonpathcondition.h"

#include <QAbstractProxyModel>
#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QTimer>

#include <deque>
#include <vector>

class FrameLogModel;

// The frame log's filters: free text or a regular expression over the frame's raw text, room,
// client id, action and detail, or a JSON condition over the frame (JsonPathCondition, such as
// `message.price > 100`), plus filters by direction, action, room, client and connection. New
// rows from the log pass through the same filters as they arrive.
//
// The structured filters read the log's index only. When the log's older rows live in a
// capture on disk (FrameLogModel::hasFrameReader), the text filter asks for a search of the
// capture (captureSearchRequested) and lets those rows through as their ids are found
// (addCaptureMatches); rows still in memory are matched here. A condition needs the frame
// parsed, which no search of the capture does: the re-filtering reads those rows back
// (FrameLogModel::eventAt), in slices of bounded time, and rows a loaded capture adds without
// their bytes are judged by a re-filtering of their own rather than on arrival.
//
// Built for logs of millions of rows: with no filter the proxy is the log itself (no memory
// per row); filtering keeps one flat list of the accepted rows (4 bytes per accepted row),
// built by a re-filtering in slices of a few milliseconds per event-loop pass that shows its
// rows as it finds them. Rows arriving meanwhile are judged as they come; rows leaving the
// front of the log leave the list.
class FrameFilterProxyModel : public QAbstractProxyModel {
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY validityChanged)

public:
    enum class Direction { Both, In, Out };
    Q_ENUM(Direction)
    // How a room or client filter compares: exactly (a room or client picked from the tree),
    // or as typed: a case-sensitive substring, for rooms with the leading slash optional.
    enum class Match { Exact, Substring };
    Q_ENUM(Match)

    explicit FrameFilterProxyModel(QObject *parent = nullptr);
    ~FrameFilterProxyModel() override;

    // Filtering needs a FrameLogModel; any other source model shows every row.
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    FrameLogModel *frameLog() const { return m_log; }

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    // Whether the log's rows are still being re-filtered after a filter change (rows found so
    // far are shown); refilterProgress says how far.
    bool isRefiltering() const { return m_scanning; }
    int refilterScanned() const;
    int refilterTotal() const;
    // How long one slice of re-filtering may take per event-loop pass (default 4 ms; 0: one
    // block of rows per pass, for tests). The slice at the filter change itself also covers
    // at least the first 50,000 rows, so that a small log is filtered at once however busy the
    // machine is (0 ms: no such minimum).
    void setRefilterSliceMs(int ms) {
        m_sliceMs = ms;
        m_rowsAtOnce = ms == 0 ? 0 : SynchronousRows;
    }

    QString filterText() const { return m_text; }
    bool isRegularExpression() const { return m_regexMode; }
    // Whether the text is a JSON condition (JsonPathCondition); it then takes precedence over
    // the regular expression mode and the case sensitivity. System events never match one.
    bool isConditionMode() const { return m_conditionMode; }
    Qt::CaseSensitivity textCaseSensitivity() const { return m_caseSensitivity; }
    // False while the text is not a valid regular expression (or condition); the text filter
    // then lets every row through and errorString() says what is wrong.
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_errorString; }

    Direction direction() const { return m_direction; }
    bool showsSystemEvents() const { return m_showSystemEvents; }
    // The action filter, as the log's action column names rows: protocol actions
    // (FrameAction::None for text frames that were not parsed, "(invalid)"), binary frames
    // and kinds of system event. All empty: every row. Otherwise only rows named by one.
    QList<FrameAction> actions() const;
    bool actionFilterTakesBinary() const { return m_actionBinary; }
    QList<BrokerEvent::Kind> actionFilterEventKinds() const;
    bool hasRoomFilter() const { return m_hasRoom; }
    QString roomFilter() const { return m_room; }
    Match roomMatch() const { return m_roomMatch; }
    QByteArray clientFilter() const { return m_clientId; }
    Match clientMatch() const { return m_clientMatch; }
    quint64 connectionFilter() const { return m_connectionId; }
    // True when any filter narrows the log.
    bool isFiltering() const;

    // Whether one event passes the filters (what filterAcceptsRow asks for each row whose
    // event is in memory).
    bool accepts(const BrokerEvent &event) const;
    // The text filter as a pattern for searching the capture (plain text escaped); invalid
    // when there is no text filter.
    QRegularExpression capturePattern() const;
    // Whether rows in the capture are still being searched for the text filter.
    bool isSearchingCapture() const { return m_searchingCapture; }

public Q_SLOTS:
    void setFilterText(const QString &text);
    void setRegularExpression(bool on);
    void setConditionMode(bool on);
    void setTextCaseSensitivity(Qt::CaseSensitivity sensitivity);
    void setDirection(FrameFilterProxyModel::Direction direction);
    void setShowSystemEvents(bool show);
    void setActions(const QList<FrameAction> &actions, bool binary = false,
                    const QList<BrokerEvent::Kind> &eventKinds = {});
    // The room as the broker names it (the root room is the empty string).
    void setRoomFilter(const QString &room, FrameFilterProxyModel::Match match = Match::Exact);
    void clearRoomFilter();
    // A client id; empty: any client.
    void setClientFilter(const QByteArray &clientId,
                         FrameFilterProxyModel::Match match = Match::Exact);
    // A connection id; 0: any connection.
    void setConnectionFilter(quint64 connectionId);
    // Back to showing every row.
    void clearFilters();
    // Capture ids of frames that match the text filter, as the search finds them (ascending).
    void addCaptureMatches(const QList<quint64> &ids);
    // The search of the capture for the current text filter has ended.
    void captureSearchFinished();

Q_SIGNALS:
    void filterChanged();
    void validityChanged(bool valid, const QString &errorString);
    // The text filter changed while older rows are in the capture: search it with this pattern
    // (an invalid pattern: stop searching).
    void captureSearchRequested(const QRegularExpression &pattern);
    // A re-filtering went on by a slice: scanned of total rows of the log are judged.
    void refilterProgress(int scanned, int total);
    void refilterFinished();

private:
    bool acceptsSourceRow(int sourceRow) const;
    bool acceptsFieldsAt(int sourceRow) const;
    void restartFilter();
    void runSlice(quint64 leastRows = 0);
    void appendAccepted(const std::vector<quint64> &serials);
    void insertAccepted(quint64 serial);
    quint64 acceptedSerial(size_t proxyRow) const { return m_base + m_accepted[proxyRow]; }
    size_t lowerBound(quint64 serial) const;
    void rebaseIfNeeded(quint64 serial);
    void connectSource(QAbstractItemModel *source);
    void sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceAboutToBeReset();
    void sourceReset();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);
    void rebuildTextMatcher();
    void filterCriteriaChanged();
    bool matchesText(const BrokerEvent &event) const;
    bool matchesCondition(BrokerEvent::Kind kind, bool binary, QByteArrayView data) const;
    bool matchesConditionAt(int sourceRow) const;
    void judgeLaterInSlices(int first, int last);
    bool acceptsFields(BrokerEvent::Kind kind, FrameAction action, bool binary, const QString &room,
                       const QByteArray &clientId, quint64 connectionId) const;
    void requestCaptureSearch();
    bool matchesRoom(const QString &room) const;
    bool matchesClient(const QByteArray &clientId) const;

    FrameLogModel *m_log = nullptr;

    QString m_text;
    bool m_regexMode = false;
    bool m_conditionMode = false;
    JsonPathCondition m_condition;
    // Rows the condition read back from the capture: a slice that did stops at its time.
    mutable quint64 m_rowsReadBack = 0;
    Qt::CaseSensitivity m_caseSensitivity = Qt::CaseInsensitive;
    bool m_valid = true;
    QString m_errorString;
    QRegularExpression m_regex;
    QByteArray m_asciiNeedle; // the plain text when it is ASCII: searched in the bytes as is
    bool m_textIsAscii = false;

    Direction m_direction = Direction::Both;
    bool m_showSystemEvents = true;
    quint32 m_actionMask = 0; // bit n: FrameAction n
    bool m_actionBinary = false;
    quint32 m_eventKindMask = 0; // bit n: BrokerEvent::Kind n (system kinds only)
    bool m_hasRoom = false;
    QString m_room;
    Match m_roomMatch = Match::Exact;
    QByteArray m_clientId;
    Match m_clientMatch = Match::Exact;
    quint64 m_connectionId = 0;

    QList<quint64> m_captureMatches; // ascending
    bool m_searchingCapture = false;

    // No filter: the proxy's rows are the log's rows, one for one.
    bool m_identity = true;
    // Accepted rows by serial (FrameLogModel::serialAt), ascending, as offsets from m_base.
    std::deque<quint32> m_accepted;
    quint64 m_base = 0;
    // The re-filtering: serials [m_scanStart, m_scanEnd) are judged from m_cursor on; rows that
    // arrived after it started were judged as they came and wait in m_arrived.
    bool m_scanning = false;
    quint64 m_scanStart = 0;
    quint64 m_cursor = 0;
    quint64 m_scanEnd = 0;
    std::vector<quint64> m_arrived;
    static constexpr quint64 SynchronousRows = 50000;
    int m_sliceMs = 4;
    quint64 m_rowsAtOnce = SynchronousRows;
    QTimer m_slice;
    // Proxy rows [0, m_removing) leave with the source rows being removed.
    size_t m_removing = 0;
    QList<QMetaObject::Connection> m_sourceConnections;
};

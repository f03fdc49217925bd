#pragma once

#include "brokerevent.h"
#include "capturebudget.h"
#include "captureconnection.h"
#include "contractviolation.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <optional>

// Writes events into a capture file, synchronously, in the thread that opened it: the writer
// thread of CaptureRecorder, or a conversion. Events go in with consecutive ids inside one open
// transaction (one prepared INSERT per row); commit() applies the budget and makes them durable
// against a crash of the process (WAL, synchronous=NORMAL: a power loss may lose the last
// commits, never the file).
class CaptureWriter {
    Q_DECLARE_TR_FUNCTIONS(CaptureWriter)
public:
    enum class OpenMode {
        Continue, // append to the capture at the path, or create it
        Fresh,    // start it empty (a file that is not a capture is refused, never overwritten)
    };
    struct Eviction {
        quint64 firstRemainingId = 0;
        quint64 discardedTotal = 0;
    };

    CaptureWriter() = default;
    ~CaptureWriter();
    CaptureWriter(const CaptureWriter &) = delete;
    CaptureWriter &operator=(const CaptureWriter &) = delete;

    // The error names the file.
    bool open(const QString &path, OpenMode mode, const CaptureBudget &budget, QString *error);
    // Commits what was written; false (with the error) when that failed.
    bool close(QString *error = nullptr);
    bool isOpen() const { return m_connection.isOpen(); }
    const QString &path() const { return m_connection.path(); }

    quint64 nextId() const { return m_nextId; }
    quint64 committedId() const { return m_committedId; }
    void setBudget(const CaptureBudget &budget) { m_budget = budget; }

    // Inserts events with the ids nextId() on, in the open transaction (begun here if needed).
    // After a failed write or commit the transaction is rolled back and the writer stays failed.
    bool write(const BrokerEventList &events, QString *error);
    // Contract violations of frames (CaptureViolationTable), in the same transaction.
    bool writeViolations(const ContractViolationList &violations, QString *error);
    bool inTransaction() const { return m_inTransaction; }
    // Applies the budget and commits. *eviction is set when frames were discarded.
    bool commit(QString *error, std::optional<Eviction> *eviction = nullptr);

    // Counted in the file's meta with the next commit.
    void addUnwritten(quint64 count);
    void addUnrecorded(quint64 count);
    quint64 discardedTotal() const { return m_discarded; }

private:
    bool configure(bool create, QString *error);
    bool loadState(QString *error);
    bool begin(QString *error);
    // After an error: the open transaction is rolled back, nothing more is written.
    bool fail();
    bool evictOverBudget(QString *error, std::optional<Eviction> *eviction);
    bool saveCounters(QString *error);
    bool fileIsStillThere(QString *error) const;
    qint64 usedBytes(QString *error);
    qint64 sessionRef(quint64 session, const QString &url, QString *error);
    qint64 roomRef(const QString &room, QString *error);
    qint64 clientRef(const QByteArray &clientId, QString *error);
    qint64 insertName(QSqlQuery &insert, const QString &name, QString *error);
    QString failure(const QString &what, const QSqlQuery &query) const;

    CaptureConnection m_connection;
    SqliteStatement m_insert; // the per-frame INSERT
    std::optional<QSqlQuery> m_insertSession;
    std::optional<QSqlQuery> m_insertRoom;
    std::optional<QSqlQuery> m_insertClient;
    QHash<std::pair<quint64, QString>, qint64> m_sessions;
    QHash<QString, qint64> m_rooms;
    QHash<QByteArray, qint64> m_clients; // by the id's UTF-8 bytes, as events carry it
    // The last name looked up, kept (so its buffer cannot be reused for other text) and
    // compared by its buffer: events of one connection share their strings, so most rows find
    // their names without hashing.
    template <typename Text> struct LastName {
        Text text;
        qint64 ref = -1;
        bool is(const Text &other) const {
            return ref >= 0 && other.constData() == text.constData() && other.size() == text.size();
        }
    };
    LastName<QString> m_lastRoom;
    LastName<QByteArray> m_lastClient;
    LastName<QString> m_lastSessionUrl;
    quint64 m_lastSession = 0;
    CaptureBudget m_budget;
    quint64 m_firstId = 1; // the oldest frame kept (== m_nextId when empty)
    quint64 m_nextId = 1;
    quint64 m_committedId = 0;
    quint64 m_discarded = 0;
    quint64 m_unwritten = 0;
    quint64 m_unrecorded = 0;
    bool m_countersChanged = false;
    bool m_inTransaction = false;
    bool m_failed = false;
    qint64 m_pageSize = 4096;
    // The file's identity when opened: a capture removed or replaced under a running writer
    // would otherwise take writes that nobody will ever read.
    quint64 m_device = 0;
    quint64 m_inode = 0;
};

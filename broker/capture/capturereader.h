#pragma once

#include "brokerevent.h"
#include "captureconnection.h"
#include "contractviolation.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

// Reads a capture; one per thread (each has its own connection). Read-only; works while a
// writer in another thread or process appends (WAL): every call is its own read transaction,
// so first and last ids are always current and no reader holds the writer's checkpoints back.
//
// A damaged file opens as far as it is readable: rows that cannot be read are skipped (reads
// go on after them) and warning() says so, naming the file.
class CaptureReader {
    Q_DECLARE_TR_FUNCTIONS(CaptureReader)
public:
    CaptureReader() = default;
    ~CaptureReader();
    CaptureReader(const CaptureReader &) = delete;
    CaptureReader &operator=(const CaptureReader &) = delete;

    // A clear one-line message naming the file for "not a capture", damaged, truncated, newer
    // version.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_connection.isOpen(); }
    QString path() const { return m_connection.path(); }
    // Empty, or what could not be read (the file is damaged; what is readable is served).
    QString warning() const { return m_warning; }

    quint64 firstId() const; // 0/0 when empty; asked of the file on each call
    quint64 lastId() const;
    quint64 count() const; // lastId - firstId + 1: ids are consecutive, the budget cuts the front
    // Counters from the file's meta (asked on each call).
    quint64 discardedCount() const;  // removed by the budget
    quint64 unwrittenCount() const;  // not written: the writer was too far behind
    quint64 unrecordedCount() const; // not recorded: over the broker's recording limit
    qint64 createdMs() const;
    QString appVersion() const;

    bool read(quint64 id, BrokerEvent *event) const; // whole frame
    // Ascending from fromId, whole frames; ids of each event.
    BrokerEventList readRange(quint64 fromId, int maxCount, QList<quint64> *ids = nullptr) const;
    // The same without data (size kept), for building an index fast.
    BrokerEventList readIndex(quint64 fromId, int maxCount, QList<quint64> *ids = nullptr) const;

    // The contract violations the capture keeps (CaptureViolationTable), oldest first.
    ContractViolationList readViolations(QString *error) const;

    // By the SQLite header magic (the first 16 bytes); open() tells a capture from other
    // SQLite files.
    static bool isCapture(const QString &path);

private:
    BrokerEventList readRows(SqliteStatement &query, quint64 fromId, int maxCount,
                             QList<quint64> *ids) const;
    bool toEvent(const SqliteStatement &row, BrokerEvent *event) const;
    bool loadNames() const;
    std::optional<quint64> probe(quint64 fromId, bool *failed) const;
    quint64 findReadableEnd(quint64 first) const;
    quint64 metaValue(const char *key) const;
    void noteDamage(const QString &why) const;

    CaptureConnection m_connection;
    mutable SqliteStatement m_range;
    mutable SqliteStatement m_index;
    mutable SqliteStatement m_one;
    mutable SqliteStatement m_probe;
    // The strings frames refer to by id (ids from 1, in order): shared by every event read.
    mutable QList<std::pair<quint64, QString>> m_sessions;
    mutable QList<QString> m_rooms;
    mutable QList<QByteArray> m_clients;
    mutable QString m_warning;
    // Set when the end of the file cannot be read: the last id that can.
    mutable std::optional<quint64> m_readableEnd;
};

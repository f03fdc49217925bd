#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

// One prepared statement on the SQLite connection under a QSqlDatabase, for the statements run
// once per frame (the INSERT, the row reads). Qt SQL's per-value cost (a QVariant per value and
// a placeholder name built for each bound value) held the writer to ~100,000 frames/s, half
// the broker's recording limit; SQLite's own API on the same connection does not copy a byte.
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool prepare(sqlite3 *db, const QString &sql);
    void finalize();
    bool isPrepared() const { return m_stmt != nullptr; }

    // Parameters count from 0 here (SQLite's from 1). Text and blobs are not copied: the
    // bytes must stay valid until the statement is reset.
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    void bindText(int index, const QByteArray &utf8);  // empty: NULL
    void bindBlob(int index, const QByteArray &bytes); // empty: NULL

    // true while rows come; false at the end or on an error (then failed() says so).
    bool next();
    // For statements without rows: true when done.
    bool exec();
    void reset(); // also lets go of the bound values and ends the read
    bool failed() const { return m_failed; }
    QString errorMessage() const;

    qint64 intAt(int column) const;
    bool isNullAt(int column) const;
    QByteArray bytesAt(int column) const; // a copy of a text or blob column
    QString textAt(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

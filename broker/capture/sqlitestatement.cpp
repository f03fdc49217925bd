#include "sqlitestatement.h"

#include <sqlite3.h>

SqliteStatement::~SqliteStatement() {
    finalize();
}

bool SqliteStatement::prepare(sqlite3 *db, const QString &sql) {
    finalize();
    m_db = db;
    const QByteArray utf8 = sql.toUtf8();
    m_failed = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_stmt, nullptr) != SQLITE_OK;
    return !m_failed;
}

void SqliteStatement::finalize() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

void SqliteStatement::bindInt(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void SqliteStatement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index + 1);
}

void SqliteStatement::bindText(int index, const QByteArray &utf8) {
    if (utf8.isEmpty())
        sqlite3_bind_null(m_stmt, index + 1);
    else
        sqlite3_bind_text(m_stmt, index + 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes) {
    if (bytes.isEmpty())
        sqlite3_bind_null(m_stmt, index + 1);
    else
        sqlite3_bind_blob64(m_stmt, index + 1, bytes.constData(), sqlite3_uint64(bytes.size()),
                            SQLITE_STATIC);
}

bool SqliteStatement::next() {
    const int rc = sqlite3_step(m_stmt);
    m_failed = rc != SQLITE_ROW && rc != SQLITE_DONE;
    return rc == SQLITE_ROW;
}

bool SqliteStatement::exec() {
    const int rc = sqlite3_step(m_stmt);
    m_failed = rc != SQLITE_DONE && rc != SQLITE_ROW;
    if (!m_failed)
        sqlite3_reset(m_stmt);
    return !m_failed;
}

void SqliteStatement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString SqliteStatement::errorMessage() const {
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

qint64 SqliteStatement::intAt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::isNullAt(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QByteArray SqliteStatement::bytesAt(int column) const {
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data && size > 0 ? QByteArray(static_cast<const char *>(data), size) : QByteArray();
}

QString SqliteStatement::textAt(int column) const {
    const unsigned char *text = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text && size > 0 ? QString::fromUtf8(reinterpret_cast<const char *>(text), size)
                            : QString();
}

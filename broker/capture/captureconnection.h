#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// One Qt SQL connection to a capture file under a name of its own: Qt SQL connections belong to
// the thread that opened them, so every reader, writer and search opens its own. Whoever holds
// queries on it destroys them before close().
struct sqlite3;

class CaptureConnection {
    Q_DECLARE_TR_FUNCTIONS(CaptureConnection)
public:
    enum class Mode { ReadOnly, ReadWrite };

    CaptureConnection() = default;
    ~CaptureConnection();
    CaptureConnection(const CaptureConnection &) = delete;
    CaptureConnection &operator=(const CaptureConnection &) = delete;

    // ReadOnly needs the file to exist; ReadWrite creates it. The error names the file.
    bool open(const QString &path, Mode mode, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase database() const { return m_db; } // a handle: copies share the connection
    const QString &path() const { return m_path; }
    // SQLite's own handle of this connection, for SqliteStatement.
    sqlite3 *handle() const;

private:
    QSqlDatabase m_db;
    QString m_name;
    QString m_path;
};

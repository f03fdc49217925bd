#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;

// The capture file's layout (one SQLite database): the tables, the version that tells a reader
// what it holds, and the checks that tell a capture from any other file.
//
//   meta(key, value)          format, schema_version, created_ms, app_version, next_id and the
//                             counters discarded_frames (budget), unwritten_frames (the writer was
//                             behind), unrecorded_frames (over the broker's recording limit)
//   frames(id, time_ms, ...)  one row per event, id in time order; data is the last column so
//                             that reading the other columns never touches a large frame's pages
//   sessions, rooms, clients  the strings frames repeat, stored once (frames hold their ids)
//   events                    a view with every field by name, for the sqlite3 command
class CaptureSchema {
    Q_DECLARE_TR_FUNCTIONS(CaptureSchema)
public:
    // 1: the first. A reader refuses files of a higher version.
    static constexpr int Version = 1;
    static QString formatName() { return QStringLiteral("wsmsgbroker-capture"); }

    // Creates the tables in an empty database (in the caller's transaction).
    static bool create(const QSqlDatabase &db, QString *error);
    // Whether db holds a capture this version reads; the error is one line naming path.
    static bool check(const QSqlDatabase &db, const QString &path, QString *error);
    // The columns of frames in the order CaptureRow reads them ("id, time_ms, ..., data").
    static QString frameColumns();
    // Same, with NULL in place of data.
    static QString indexColumns();
    // SQLite's 16-byte header ("SQLite format 3\0"): cheap, tells nothing of the tables.
    static bool hasSqliteMagic(const QString &path);
    // "path is damaged: why", for an SQL error met while reading.
    static QString damaged(const QString &path, const QString &why);
};

#include "captureschema.h"

#include "brokerevent.h"
#include "framelogfile.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The stored numbers are the enums' values: new values go at the end (and readers that do not
// know one show it as a number in the events view); a change of meaning needs a new Version.
static_assert(int(BrokerEvent::Kind::RoomRemoved) == 7);
static_assert(int(BrokerEvent::Outcome::Ignored) == 6);
static_assert(int(FrameAction::Error) <= 32);

// A CASE expression giving the name of each stored number.
template <typename NameOf> QString caseOf(const QString &column, int count, NameOf nameOf) {
    QString sql = QStringLiteral("CASE %1").arg(column);
    for (int i = 0; i < count; ++i)
        sql += QStringLiteral(" WHEN %1 THEN '%2'").arg(i).arg(nameOf(i));
    return sql + QStringLiteral(" ELSE %1 END").arg(column);
}

bool exec(const QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

QString CaptureSchema::frameColumns() {
    return QStringLiteral("id, time_ms, session, connection, kind, action, outcome, close_reason, "
                          "binary, size, room, client, ack, detail, intervention, dropped, data");
}

QString CaptureSchema::indexColumns() {
    return QStringLiteral("id, time_ms, session, connection, kind, action, outcome, close_reason, "
                          "binary, size, room, client, ack, detail, intervention, dropped, NULL");
}

bool CaptureSchema::create(const QSqlDatabase &db, QString *error) {
    const QString kind = caseOf(QStringLiteral("f.kind"), int(BrokerEvent::Kind::RoomRemoved) + 1,
                                [](int i) { return FrameLogFile::kindName(BrokerEvent::Kind(i)); });
    const QString action =
        caseOf(QStringLiteral("f.action"), int(FrameAction::Error) + 1,
               [](int i) { return QString::fromLatin1(FrameCodec::actionName(FrameAction(i))); });
    const QString outcome =
        caseOf(QStringLiteral("f.outcome"), int(BrokerEvent::Outcome::Ignored) + 1,
               [](int i) { return FrameLogFile::outcomeName(BrokerEvent::Outcome(i)); });
    const QString closeReason =
        caseOf(QStringLiteral("f.close_reason"), int(CloseReasonCount),
               [](int i) { return FrameLogFile::closeReasonName(CloseReason(i)); });
    const QString statements[] = {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value)"),
        QStringLiteral("CREATE TABLE sessions (id INTEGER PRIMARY KEY, session INTEGER NOT NULL, "
                       "url TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
        // No secondary index: every query here goes by id (time order), and an index would cost
        // bytes and time on each of millions of inserts. Structured filters run on the index
        // the window keeps in memory (CaptureReader::readIndex).
        QStringLiteral(
            "CREATE TABLE frames (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, "
            "session INTEGER NOT NULL, connection INTEGER NOT NULL, kind INTEGER NOT NULL, "
            "action INTEGER NOT NULL, outcome INTEGER NOT NULL, close_reason INTEGER NOT NULL, "
            "binary INTEGER NOT NULL, size INTEGER NOT NULL, room INTEGER NOT NULL, "
            "client INTEGER, ack TEXT, detail TEXT, intervention TEXT, dropped INTEGER NOT NULL, "
            "data BLOB)"),
        QStringLiteral(
            "CREATE VIEW events AS SELECT f.id AS id, "
            "strftime('%Y-%m-%dT%H:%M:%fZ', f.time_ms / 1000.0, 'unixepoch') AS time, "
            "f.time_ms AS time_ms, printf('%x', s.session) AS session, s.url AS session_url, "
            "f.connection AS connection, %1 AS kind, %2 AS action, %3 AS outcome, "
            "%4 AS close_reason, r.name AS room, c.name AS client, f.ack AS ack, "
            "f.size AS size, f.size > ifnull(length(f.data), 0) AS truncated, "
            "f.binary AS binary, CASE WHEN f.binary THEN f.data ELSE CAST(f.data AS TEXT) END "
            "AS data, f.detail AS detail, f.intervention AS intervention, f.dropped AS dropped "
            "FROM frames f LEFT JOIN sessions s ON s.id = f.session "
            "LEFT JOIN rooms r ON r.id = f.room LEFT JOIN clients c ON c.id = f.client")
            .arg(kind, action, outcome, closeReason),
    };
    for (const QString &sql : statements) {
        if (!exec(db, sql, error))
            return false;
    }
    QSqlQuery meta(db);
    meta.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    const std::pair<QString, QVariant> values[] = {
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("schema_version"), Version},
        {QStringLiteral("created_ms"), QDateTime::currentMSecsSinceEpoch()},
        {QStringLiteral("app_version"), QStringLiteral(WSMSGBROKER_VERSION)},
        {QStringLiteral("next_id"), 1},
        {QStringLiteral("discarded_frames"), 0},
        {QStringLiteral("unwritten_frames"), 0},
        {QStringLiteral("unrecorded_frames"), 0},
    };
    for (const auto &[key, value] : values) {
        meta.bindValue(0, key);
        meta.bindValue(1, value);
        if (!meta.exec()) {
            *error = meta.lastError().text();
            return false;
        }
    }
    return true;
}

bool CaptureSchema::check(const QSqlDatabase &db, const QString &path, QString *error) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // sqlite_master answers for any SQLite file, and fails on one that is not or is damaged.
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
        *error = damaged(path, q.lastError().databaseText());
        return false;
    }
    QStringList tables;
    while (q.next())
        tables.append(q.value(0).toString());
    q.finish();
    if (!tables.contains(QStringLiteral("meta"))) {
        *error = tr("%1 is an SQLite database but not a WSMsgBroker capture").arg(path);
        return false;
    }
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('format', "
                               "'schema_version')"))) {
        *error = damaged(path, q.lastError().databaseText());
        return false;
    }
    QString format;
    int version = 0;
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("format"))
            format = q.value(1).toString();
        else
            version = q.value(1).toInt();
    }
    q.finish();
    if (format != formatName()) {
        *error = tr("%1 is an SQLite database but not a WSMsgBroker capture").arg(path);
        return false;
    }
    if (version > Version) {
        *error = tr("%1 was written by a newer WSMsgBroker (capture format %2; this version "
                    "reads up to %3)")
                     .arg(path)
                     .arg(version)
                     .arg(Version);
        return false;
    }
    for (const char *table : {"frames", "sessions", "rooms", "clients"}) {
        if (!tables.contains(QLatin1StringView(table))) {
            *error = damaged(path, tr("the table %1 is missing").arg(QLatin1StringView(table)));
            return false;
        }
    }
    return true;
}

bool CaptureSchema::hasSqliteMagic(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3", 16);
}

QString CaptureSchema::damaged(const QString &path, const QString &why) {
    return tr("%1 is damaged: %2").arg(path, why);
}

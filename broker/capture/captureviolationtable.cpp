#include "captureviolationtable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

const QString Columns = QStringLiteral("frame, time_ms, session, connection, frame_index, room, "
                                       "sender, action, path, keyword, description");

// A null QString binds as NULL; the columns hold text, empty for the message itself.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

bool CaptureViolationTable::ensure(const QSqlDatabase &db, QString *error) {
    QSqlQuery q(db);
    // No index: the table is written once per violation and read whole.
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS violations (frame INTEGER, "
                               "time_ms INTEGER NOT NULL, session INTEGER NOT NULL, "
                               "connection INTEGER NOT NULL, frame_index INTEGER NOT NULL, "
                               "room TEXT NOT NULL, sender TEXT NOT NULL, action TEXT NOT NULL, "
                               "path TEXT NOT NULL, keyword TEXT NOT NULL, "
                               "description TEXT NOT NULL)"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool CaptureViolationTable::insert(const QSqlDatabase &db, const ContractViolationList &violations,
                                   QString *error) {
    if (violations.isEmpty())
        return true;
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO violations (%1) VALUES "
                                  "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                       .arg(Columns))) {
        *error = q.lastError().text();
        return false;
    }
    for (const ContractViolation &v : violations) {
        q.bindValue(0, v.captureId == 0 ? QVariant() : QVariant(qint64(v.captureId)));
        q.bindValue(1, v.timeMs);
        // SQLite integers are signed: the run's 64-bit number is kept as its bit pattern.
        q.bindValue(2, qint64(v.session));
        q.bindValue(3, qint64(v.connectionId));
        q.bindValue(4, qint64(v.frameIndex));
        q.bindValue(5, text(v.room));
        q.bindValue(6, text(v.sender));
        q.bindValue(7, text(v.action));
        q.bindValue(8, text(v.path));
        q.bindValue(9, text(v.keyword));
        q.bindValue(10, text(v.description));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

bool CaptureViolationTable::removeBefore(const QSqlDatabase &db, quint64 firstRemainingId,
                                         QString *error) {
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("DELETE FROM violations WHERE frame < ?"))) {
        *error = q.lastError().text();
        return false;
    }
    q.bindValue(0, qint64(firstRemainingId));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

ContractViolationList CaptureViolationTable::read(const QSqlDatabase &db, QString *error) {
    ContractViolationList violations;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                               "name = 'violations'"))) {
        *error = q.lastError().text();
        return violations;
    }
    if (!q.next())
        return violations;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT %1 FROM violations ORDER BY rowid").arg(Columns))) {
        *error = q.lastError().text();
        return violations;
    }
    while (q.next()) {
        ContractViolation v;
        v.captureId = q.value(0).isNull() ? 0 : quint64(q.value(0).toLongLong());
        v.timeMs = q.value(1).toLongLong();
        v.session = quint64(q.value(2).toLongLong());
        v.connectionId = quint64(q.value(3).toLongLong());
        v.frameIndex = quint64(q.value(4).toLongLong());
        v.room = q.value(5).toString();
        v.sender = q.value(6).toString();
        v.action = q.value(7).toString();
        v.path = q.value(8).toString();
        v.keyword = q.value(9).toString();
        v.description = q.value(10).toString();
        violations.append(v);
    }
    return violations;
}

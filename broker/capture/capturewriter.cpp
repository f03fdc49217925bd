#include "capturewriter.h"

#include "captureschema.h"
#include "captureviolationtable.h"

#include <QFileInfo>
#include <QSqlError>

#include <sys/stat.h>

namespace {

// What the budget removes at once: 1 % of the frames, at least 10,000 but never more than a
// tenth (a capture of a few thousand huge frames loses a tenth, not all of them).
quint64 evictionChunk(quint64 count) {
    const quint64 chunk = std::max(count / 100, std::min<quint64>(10'000, count / 10));
    return std::max<quint64>(1, std::min(chunk, count));
}

bool fileIdentity(const QString &path, quint64 *device, quint64 *inode) {
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    *device = quint64(st.st_dev);
    *inode = quint64(st.st_ino);
    return true;
}

} // namespace

CaptureWriter::~CaptureWriter() {
    close();
}

QString CaptureWriter::failure(const QString &what, const QSqlQuery &query) const {
    return tr("%1: cannot %2: %3").arg(path(), what, query.lastError().text());
}

bool CaptureWriter::open(const QString &path, OpenMode mode, const CaptureBudget &budget,
                         QString *error) {
    close();
    m_budget = budget;
    const QFileInfo info(path);
    const bool exists = info.exists() && info.size() > 0;
    if (exists) {
        // Never write into a file that is not a capture: it may be anything the user keeps.
        CaptureConnection probe;
        if (!probe.open(path, CaptureConnection::Mode::ReadOnly, error) ||
            !CaptureSchema::check(probe.database(), path, error))
            return false;
    }
    if (mode == OpenMode::Fresh || (info.exists() && info.size() == 0)) {
        for (const QString &file :
             {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
            if (QFileInfo::exists(file) && !QFile::remove(file)) {
                *error = tr("%1: cannot remove the previous capture").arg(file);
                return false;
            }
        }
    }
    const bool create = mode == OpenMode::Fresh || !exists;
    if (!m_connection.open(path, CaptureConnection::Mode::ReadWrite, error))
        return false;
    if (!configure(create, error) || !loadState(error)) {
        close();
        return false;
    }
    if (!fileIdentity(path, &m_device, &m_inode)) {
        *error = tr("%1: cannot find the capture just opened").arg(path);
        close();
        return false;
    }
    return true;
}

bool CaptureWriter::configure(bool create, QString *error) {
    QSqlQuery q(m_connection.database());
    // WAL: readers (the window, a search) read while this writes; a crash keeps every commit.
    // NORMAL syncs at checkpoints only: a killed process loses nothing committed.
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA cache_size = -16384"}) {
        if (!q.exec(QLatin1StringView(pragma))) {
            *error = failure(tr("set it up"), q);
            return false;
        }
        q.finish();
    }
    if (create) {
        if (!m_connection.database().transaction()) {
            *error = tr("%1: cannot create the capture: %2")
                         .arg(path(), m_connection.database().lastError().text());
            return false;
        }
        QString why;
        if (!CaptureSchema::create(m_connection.database(), &why)) {
            m_connection.database().rollback();
            *error = tr("%1: cannot create the capture: %2").arg(path(), why);
            return false;
        }
        if (!m_connection.database().commit()) {
            *error = tr("%1: cannot create the capture: %2")
                         .arg(path(), m_connection.database().lastError().text());
            return false;
        }
    }
    {
        QString why;
        if (!CaptureViolationTable::ensure(m_connection.database(), &why)) {
            *error = tr("%1: cannot set up its violations table: %2").arg(path(), why);
            return false;
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA page_size")) || !q.next()) {
        *error = failure(tr("read its page size"), q);
        return false;
    }
    m_pageSize = q.value(0).toLongLong();
    q.finish();

    m_insertSession.emplace(m_connection.database());
    m_insertRoom.emplace(m_connection.database());
    m_insertClient.emplace(m_connection.database());
    const bool prepared =
        m_insert.prepare(m_connection.handle(),
                         QStringLiteral("INSERT INTO frames (%1) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                             .arg(CaptureSchema::frameColumns())) &&
        m_insertSession->prepare(
            QStringLiteral("INSERT INTO sessions (session, url) VALUES (?, ?)")) &&
        m_insertRoom->prepare(QStringLiteral("INSERT INTO rooms (name) VALUES (?)")) &&
        m_insertClient->prepare(QStringLiteral("INSERT INTO clients (name) VALUES (?)"));
    if (!prepared) {
        *error = tr("%1: cannot prepare the capture's statements: %2")
                     .arg(path(), m_connection.database().lastError().text());
        return false;
    }
    return true;
}

bool CaptureWriter::loadState(QString *error) {
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        *error = failure(tr("read its counters"), q);
        return false;
    }
    quint64 metaNextId = 1;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const quint64 value = q.value(1).toULongLong();
        if (key == QLatin1String("next_id"))
            metaNextId = value;
        else if (key == QLatin1String("discarded_frames"))
            m_discarded = value;
        else if (key == QLatin1String("unwritten_frames"))
            m_unwritten = value;
        else if (key == QLatin1String("unrecorded_frames"))
            m_unrecorded = value;
    }
    q.finish();
    if (!q.exec(QStringLiteral("SELECT min(id), max(id) FROM frames")) || !q.next()) {
        *error = CaptureSchema::damaged(path(), q.lastError().databaseText());
        return false;
    }
    const bool empty = q.value(1).isNull();
    const quint64 maxId = empty ? 0 : q.value(1).toULongLong();
    // Ids are never reused: after the budget discarded every frame, meta still knows the next.
    m_nextId = std::max(maxId + 1, metaNextId);
    m_firstId = empty ? m_nextId : q.value(0).toULongLong();
    m_committedId = m_nextId - 1;
    q.finish();

    const auto loadNames = [&](const char *sql, auto insert) {
        if (!q.exec(QLatin1StringView(sql))) {
            *error = CaptureSchema::damaged(path(), q.lastError().databaseText());
            return false;
        }
        while (q.next())
            insert(q);
        q.finish();
        return true;
    };
    return loadNames("SELECT id, session, url FROM sessions",
                     [this](const QSqlQuery &r) {
                         m_sessions.insert(
                             {quint64(r.value(1).toLongLong()), r.value(2).toString()},
                             r.value(0).toLongLong());
                     }) &&
           loadNames("SELECT id, name FROM rooms",
                     [this](const QSqlQuery &r) {
                         m_rooms.insert(r.value(1).toString(), r.value(0).toLongLong());
                     }) &&
           loadNames("SELECT id, name FROM clients", [this](const QSqlQuery &r) {
               m_clients.insert(r.value(1).toString().toUtf8(), r.value(0).toLongLong());
           });
}

bool CaptureWriter::close(QString *error) {
    QString why;
    bool ok = true;
    if (isOpen()) {
        if (!m_failed && (m_inTransaction || m_countersChanged))
            ok = commit(&why);
        m_insert.finalize();
        m_insertSession.reset();
        m_insertRoom.reset();
        m_insertClient.reset();
    }
    m_connection.close();
    m_sessions.clear();
    m_rooms.clear();
    m_clients.clear();
    m_lastRoom = {};
    m_lastClient = {};
    m_lastSessionUrl = {};
    m_inTransaction = false;
    m_failed = false;
    m_countersChanged = false;
    m_discarded = m_unwritten = m_unrecorded = 0;
    m_firstId = m_nextId = 1;
    m_committedId = 0;
    if (!ok && error)
        *error = why;
    return ok;
}

bool CaptureWriter::begin(QString *error) {
    if (m_inTransaction)
        return true;
    if (!m_connection.database().transaction()) {
        *error = tr("%1: cannot write: %2").arg(path(), m_connection.database().lastError().text());
        return false;
    }
    m_inTransaction = true;
    return true;
}

qint64 CaptureWriter::insertName(QSqlQuery &insert, const QString &name, QString *error) {
    insert.bindValue(0, name);
    if (!insert.exec()) {
        *error = failure(tr("write"), insert);
        return -1;
    }
    return insert.lastInsertId().toLongLong();
}

qint64 CaptureWriter::sessionRef(quint64 session, const QString &url, QString *error) {
    if (session == m_lastSession && m_lastSessionUrl.is(url))
        return m_lastSessionUrl.ref;
    const auto key = std::pair{session, url};
    m_lastSession = session;
    m_lastSessionUrl = {url, -1};
    const auto it = m_sessions.constFind(key);
    if (it != m_sessions.cend())
        return m_lastSessionUrl.ref = *it;
    m_insertSession->bindValue(0, qint64(session));
    m_insertSession->bindValue(1, url.isNull() ? QString(QLatin1String("")) : url);
    if (!m_insertSession->exec()) {
        *error = failure(tr("write"), *m_insertSession);
        return -1;
    }
    const qint64 ref = m_insertSession->lastInsertId().toLongLong();
    m_sessions.insert(key, ref);
    return m_lastSessionUrl.ref = ref;
}

qint64 CaptureWriter::roomRef(const QString &room, QString *error) {
    if (m_lastRoom.is(room))
        return m_lastRoom.ref;
    auto it = m_rooms.constFind(room);
    if (it != m_rooms.cend()) {
        m_lastRoom = {room, *it};
        return *it;
    }
    const qint64 ref =
        insertName(*m_insertRoom, room.isNull() ? QString(QLatin1String("")) : room, error);
    if (ref >= 0) {
        m_rooms.insert(room, ref);
        m_lastRoom = {room, ref};
    }
    return ref;
}

qint64 CaptureWriter::clientRef(const QByteArray &clientId, QString *error) {
    if (m_lastClient.is(clientId))
        return m_lastClient.ref;
    auto it = m_clients.constFind(clientId);
    if (it != m_clients.cend()) {
        m_lastClient = {clientId, *it};
        return *it;
    }
    const qint64 ref = insertName(*m_insertClient, QString::fromUtf8(clientId), error);
    if (ref >= 0) {
        m_clients.insert(clientId, ref);
        m_lastClient = {clientId, ref};
    }
    return ref;
}

bool CaptureWriter::write(const BrokerEventList &events, QString *error) {
    if (events.isEmpty())
        return true;
    if (m_failed) {
        *error = tr("%1: the capture stopped after an earlier error").arg(path());
        return false;
    }
    if (!begin(error))
        return fail();
    SqliteStatement &q = m_insert;
    for (const BrokerEvent &e : events) {
        const qint64 session = sessionRef(e.session, e.sessionUrl, error);
        const qint64 room = roomRef(e.room, error);
        const qint64 client = e.clientId.isEmpty() ? 0 : clientRef(e.clientId, error);
        if (session < 0 || room < 0 || client < 0)
            return fail();
        // Alive until the statement ran: text is bound without a copy.
        const QByteArray detail = e.detail.toUtf8();
        const QByteArray intervention = e.intervention.toUtf8();
        q.bindInt(0, qint64(m_nextId));
        q.bindInt(1, e.timeMs);
        q.bindInt(2, session);
        q.bindInt(3, qint64(e.connectionId));
        q.bindInt(4, int(e.kind));
        q.bindInt(5, int(e.action));
        q.bindInt(6, int(e.outcome));
        q.bindInt(7, int(e.closeReason));
        q.bindInt(8, int(e.binary));
        q.bindInt(9, e.size);
        q.bindInt(10, room);
        if (client > 0)
            q.bindInt(11, client);
        else
            q.bindNull(11);
        q.bindText(12, e.ack);
        q.bindText(13, detail);
        q.bindText(14, intervention);
        q.bindInt(15, int(e.dropped));
        q.bindBlob(16, e.data); // the frame's own bytes, not a copy
        if (!q.exec()) {
            *error = tr("%1: cannot write: %2").arg(path(), q.errorMessage());
            q.reset();
            return fail();
        }
        ++m_nextId;
    }
    return true;
}

void CaptureWriter::addUnwritten(quint64 count) {
    if (count == 0)
        return;
    m_unwritten += count;
    m_countersChanged = true;
}

void CaptureWriter::addUnrecorded(quint64 count) {
    if (count == 0)
        return;
    m_unrecorded += count;
    m_countersChanged = true;
}

qint64 CaptureWriter::usedBytes(QString *error) {
    QSqlQuery q(m_connection.database());
    qint64 pages = 0;
    qint64 free = 0;
    if (!q.exec(QStringLiteral("PRAGMA page_count")) || !q.next()) {
        *error = failure(tr("measure it"), q);
        return -1;
    }
    pages = q.value(0).toLongLong();
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA freelist_count")) || !q.next()) {
        *error = failure(tr("measure it"), q);
        return -1;
    }
    free = q.value(0).toLongLong();
    return (pages - free) * m_pageSize;
}

bool CaptureWriter::evictOverBudget(QString *error, std::optional<Eviction> *eviction) {
    QSqlQuery remove(m_connection.database());
    if (!remove.prepare(QStringLiteral("DELETE FROM frames WHERE id < ?"))) {
        *error = failure(tr("apply its budget"), remove);
        return false;
    }
    while (m_nextId > m_firstId) {
        const quint64 count = m_nextId - m_firstId;
        const qint64 used = usedBytes(error);
        if (used < 0)
            return false;
        const bool overFrames = count > quint64(std::max<qint64>(0, m_budget.maxFrames));
        if (!overFrames && used <= m_budget.maxBytes)
            break;
        quint64 chunk = evictionChunk(count);
        if (overFrames)
            chunk = std::max(chunk, std::min(count, count - quint64(m_budget.maxFrames)));
        if (!begin(error))
            return false;
        remove.bindValue(0, qint64(m_firstId + chunk));
        if (!remove.exec()) {
            *error = failure(tr("apply its budget"), remove);
            return false;
        }
        m_firstId += chunk;
        m_discarded += chunk;
        m_countersChanged = true;
        if (eviction)
            *eviction = Eviction{m_firstId, m_discarded};
        QString why;
        if (!CaptureViolationTable::removeBefore(m_connection.database(), m_firstId, &why)) {
            *error = tr("%1: cannot apply its budget: %2").arg(path(), why);
            return false;
        }
    }
    return true;
}

bool CaptureWriter::writeViolations(const ContractViolationList &violations, QString *error) {
    if (violations.isEmpty())
        return true;
    if (m_failed) {
        *error = tr("%1: the capture stopped after an earlier error").arg(path());
        return false;
    }
    if (!begin(error))
        return fail();
    QString why;
    if (!CaptureViolationTable::insert(m_connection.database(), violations, &why)) {
        *error = tr("%1: cannot write: %2").arg(path(), why);
        return fail();
    }
    return true;
}

bool CaptureWriter::saveCounters(QString *error) {
    if (!m_countersChanged)
        return true;
    if (!begin(error))
        return false;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = ?"));
    const std::pair<const char *, quint64> values[] = {{"next_id", m_nextId},
                                                       {"discarded_frames", m_discarded},
                                                       {"unwritten_frames", m_unwritten},
                                                       {"unrecorded_frames", m_unrecorded}};
    for (const auto &[key, value] : values) {
        q.bindValue(0, qint64(value));
        q.bindValue(1, QString::fromLatin1(key));
        if (!q.exec()) {
            *error = failure(tr("write"), q);
            return false;
        }
    }
    m_countersChanged = false;
    return true;
}

bool CaptureWriter::fileIsStillThere(QString *error) const {
    quint64 device = 0;
    quint64 inode = 0;
    if (fileIdentity(path(), &device, &inode) && device == m_device && inode == m_inode)
        return true;
    *error = tr("%1 was removed or replaced while recording").arg(path());
    return false;
}

bool CaptureWriter::fail() {
    m_failed = true;
    if (m_inTransaction)
        m_connection.database().rollback();
    m_inTransaction = false;
    m_nextId = m_committedId + 1;
    return false;
}

bool CaptureWriter::commit(QString *error, std::optional<Eviction> *eviction) {
    if (!isOpen())
        return true;
    if (m_failed) {
        *error = tr("%1: the capture stopped after an earlier error").arg(path());
        return false;
    }
    if (!fileIsStillThere(error) || !evictOverBudget(error, eviction) || !saveCounters(error))
        return fail();
    if (!m_inTransaction)
        return true;
    if (!m_connection.database().commit()) {
        *error = tr("%1: cannot write: %2").arg(path(), m_connection.database().lastError().text());
        return fail();
    }
    m_inTransaction = false;
    m_committedId = m_nextId - 1;
    return true;
}

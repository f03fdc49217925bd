#include "capturereader.h"

#include "captureschema.h"
#include "captureviolationtable.h"

#include <sqlite3.h>

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// Columns of CaptureSchema::frameColumns().
enum Column {
    Id,
    TimeMs,
    Session,
    Connection,
    Kind,
    Action,
    Outcome,
    CloseReasonColumn,
    Binary,
    Size,
    Room,
    Client,
    Ack,
    Detail,
    Intervention,
    Dropped,
    Data,
};

template <typename Enum> Enum enumOf(qint64 v, int count) {
    return v >= 0 && v < count ? Enum(v) : Enum(0);
}

} // namespace

CaptureReader::~CaptureReader() {
    close();
}

bool CaptureReader::isCapture(const QString &path) {
    return CaptureSchema::hasSqliteMagic(path);
}

bool CaptureReader::open(const QString &path, QString *error) {
    close();
    if (!CaptureSchema::hasSqliteMagic(path)) {
        QFile file(path);
        if (!file.exists())
            *error = tr("%1: no such file").arg(path);
        else if (!file.open(QIODevice::ReadOnly))
            *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        else if (file.size() < 16)
            *error = tr("%1 is not a capture: it is empty or cut short").arg(path);
        else
            *error = tr("%1 is not a capture (not an SQLite database)").arg(path);
        return false;
    }
    if (!m_connection.open(path, CaptureConnection::Mode::ReadOnly, error))
        return false;
    {
        // A file shorter than its header says (a copy cut short) is refused as a whole
        // otherwise; with this, SQLite reads the pages that are there. The connection is
        // read-only, so nothing can be written through it.
        QSqlQuery q(m_connection.database());
        q.exec(QStringLiteral("PRAGMA writable_schema = ON"));
    }
    if (!CaptureSchema::check(m_connection.database(), path, error)) {
        close();
        return false;
    }
    sqlite3 *handle = m_connection.handle();
    const QString range = QStringLiteral("SELECT %1 FROM frames WHERE id >= ? ORDER BY id LIMIT ?");
    const bool prepared =
        m_range.prepare(handle, range.arg(CaptureSchema::frameColumns())) &&
        m_index.prepare(handle, range.arg(CaptureSchema::indexColumns())) &&
        m_one.prepare(handle, QStringLiteral("SELECT %1 FROM frames WHERE id = ?")
                                  .arg(CaptureSchema::frameColumns())) &&
        m_probe.prepare(handle,
                        QStringLiteral("SELECT id FROM frames WHERE id >= ? ORDER BY id LIMIT 1"));
    if (!prepared || !loadNames()) {
        *error = CaptureSchema::damaged(
            path, !prepared ? QString::fromUtf8(sqlite3_errmsg(handle))
                            : m_connection.database().lastError().databaseText());
        close();
        return false;
    }
    // The first frame must be readable; the end may not be (a copy cut short, a bad page).
    QSqlQuery q(m_connection.database());
    if (!q.exec(QStringLiteral("SELECT min(id) FROM frames")) || !q.next()) {
        *error = CaptureSchema::damaged(path, q.lastError().databaseText());
        close();
        return false;
    }
    const quint64 first = q.value(0).toULongLong();
    q.finish();
    if (!q.exec(QStringLiteral("SELECT max(id) FROM frames")) || !q.next()) {
        noteDamage(q.lastError().databaseText());
        m_readableEnd = findReadableEnd(first);
    }
    return true;
}

void CaptureReader::close() {
    m_range.finalize();
    m_index.finalize();
    m_one.finalize();
    m_probe.finalize();
    m_connection.close();
    m_sessions.clear();
    m_rooms.clear();
    m_clients.clear();
    m_warning.clear();
    m_readableEnd.reset();
}

void CaptureReader::noteDamage(const QString &why) const {
    if (m_warning.isEmpty())
        m_warning = tr("%1 is damaged: %2; what could be read is shown").arg(path(), why);
}

bool CaptureReader::loadNames() const {
    // Only the rows added since the last load: names are never changed or removed.
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    const auto load = [&](const QString &sql, qsizetype known, auto add) {
        q.prepare(sql);
        q.bindValue(0, qint64(known));
        if (!q.exec())
            return false;
        while (q.next()) {
            // Ids are 1, 2, ...: a gap (which no writer makes) keeps the list aligned.
            const qint64 id = q.value(0).toLongLong();
            add(id, q);
        }
        q.finish();
        return true;
    };
    // A damaged table can hold any id: a gap past this is not a writer's, and filling it would
    // allocate without bound (fuzz_capturereader asked for 128 GiB).
    constexpr qint64 MaxNameGap = 1 << 16;
    const auto nameIdFits = [](qsizetype known, qint64 id) {
        return id >= 1 && id - 1 <= qint64(known) + MaxNameGap;
    };
    return load(QStringLiteral("SELECT id, session, url FROM sessions WHERE id > ? ORDER BY id"),
                m_sessions.size(),
                [this, nameIdFits](qint64 id, const QSqlQuery &r) {
                    if (!nameIdFits(m_sessions.size(), id))
                        return noteDamage(tr("a name table cannot be read"));
                    m_sessions.resize(std::max<qsizetype>(m_sessions.size(), id - 1));
                    m_sessions.append({quint64(r.value(1).toLongLong()), r.value(2).toString()});
                }) &&
           load(QStringLiteral("SELECT id, name FROM rooms WHERE id > ? ORDER BY id"),
                m_rooms.size(),
                [this, nameIdFits](qint64 id, const QSqlQuery &r) {
                    if (!nameIdFits(m_rooms.size(), id))
                        return noteDamage(tr("a name table cannot be read"));
                    m_rooms.resize(std::max<qsizetype>(m_rooms.size(), id - 1));
                    m_rooms.append(r.value(1).toString());
                }) &&
           load(QStringLiteral("SELECT id, name FROM clients WHERE id > ? ORDER BY id"),
                m_clients.size(), [this, nameIdFits](qint64 id, const QSqlQuery &r) {
                    if (!nameIdFits(m_clients.size(), id))
                        return noteDamage(tr("a name table cannot be read"));
                    m_clients.resize(std::max<qsizetype>(m_clients.size(), id - 1));
                    m_clients.append(r.value(1).toString().toUtf8());
                });
}

quint64 CaptureReader::firstId() const {
    if (!isOpen())
        return 0;
    bool failed = false;
    return probe(0, &failed).value_or(0);
}

quint64 CaptureReader::lastId() const {
    if (!isOpen())
        return 0;
    if (m_readableEnd)
        return *m_readableEnd;
    QSqlQuery q(m_connection.database());
    if (!q.exec(QStringLiteral("SELECT max(id) FROM frames")) || !q.next()) {
        noteDamage(q.lastError().databaseText());
        m_readableEnd = findReadableEnd(firstId());
        return *m_readableEnd;
    }
    const quint64 last = q.value(0).toULongLong();
    // A damaged index can put the largest id before the smallest, or make the first one
    // unreachable (both found by fuzz_capturereader): the end is then what lookups reach, so
    // that the ids stay consistent (count() is lastId - firstId + 1, or 0 with both 0).
    const quint64 first = firstId();
    if (first == 0 && last != 0) { // frames, but a lookup reaches none: nothing to serve
        noteDamage(tr("its frames are out of order"));
        m_readableEnd = 0;
        return 0;
    }
    if (last < first) {
        noteDamage(tr("its frames are out of order"));
        m_readableEnd = findReadableEnd(first);
        return *m_readableEnd;
    }
    return last;
}

quint64 CaptureReader::count() const {
    const quint64 first = firstId();
    const quint64 last = lastId();
    return first == 0 || last < first ? 0 : last - first + 1;
}

std::optional<quint64> CaptureReader::probe(quint64 fromId, bool *failed) const {
    m_probe.bindInt(0, qint64(fromId));
    std::optional<quint64> id;
    if (m_probe.next())
        id = quint64(m_probe.intAt(0));
    *failed = m_probe.failed();
    m_probe.reset();
    return id;
}

quint64 CaptureReader::findReadableEnd(quint64 first) const {
    // The largest id a lookup reaches without an error: the pages holding the newest frames
    // are the ones a cut-short copy lacks.
    if (first == 0)
        return 0;
    quint64 good = first;
    quint64 bad = std::max(metaValue("next_id"), first + 1);
    // Make sure bad is past every readable id.
    bool failed = false;
    while (true) {
        const std::optional<quint64> at = probe(bad, &failed);
        if (failed || !at)
            break;
        good = *at;
        bad = *at + std::max<quint64>(bad - first, 1) * 2;
    }
    while (bad - good > 1) {
        const quint64 mid = good + (bad - good) / 2;
        const std::optional<quint64> at = probe(mid, &failed);
        if (!failed && at)
            good = *at;
        if (failed || !at || *at >= bad)
            bad = mid;
    }
    return good;
}

quint64 CaptureReader::metaValue(const char *key) const {
    if (!isOpen())
        return 0;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.bindValue(0, QString::fromLatin1(key));
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toULongLong();
}

quint64 CaptureReader::discardedCount() const {
    return metaValue("discarded_frames");
}

quint64 CaptureReader::unwrittenCount() const {
    return metaValue("unwritten_frames");
}

quint64 CaptureReader::unrecordedCount() const {
    return metaValue("unrecorded_frames");
}

qint64 CaptureReader::createdMs() const {
    return qint64(metaValue("created_ms"));
}

QString CaptureReader::appVersion() const {
    if (!isOpen())
        return {};
    QSqlQuery q(m_connection.database());
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'app_version'")) || !q.next())
        return {};
    return q.value(0).toString();
}

bool CaptureReader::toEvent(const SqliteStatement &row, BrokerEvent *e) const {
    const qint64 session = row.intAt(Session);
    const qint64 room = row.intAt(Room);
    const qint64 client = row.intAt(Client);
    // A name added after the last load (the writer goes on) is loaded once.
    if ((session > m_sessions.size() || room > m_rooms.size() || client > m_clients.size()) &&
        !loadNames())
        return false;
    e->timeMs = row.intAt(TimeMs);
    if (session >= 1 && session <= m_sessions.size()) {
        e->session = m_sessions.at(session - 1).first;
        e->sessionUrl = m_sessions.at(session - 1).second;
    }
    e->connectionId = quint64(row.intAt(Connection));
    e->kind = enumOf<BrokerEvent::Kind>(row.intAt(Kind), int(BrokerEvent::Kind::RoomRemoved) + 1);
    e->action = enumOf<FrameAction>(row.intAt(Action), int(FrameAction::Error) + 1);
    e->outcome =
        enumOf<BrokerEvent::Outcome>(row.intAt(Outcome), int(BrokerEvent::Outcome::Ignored) + 1);
    e->closeReason = enumOf<CloseReason>(row.intAt(CloseReasonColumn), CloseReasonCount);
    e->binary = row.intAt(Binary) != 0;
    e->size = row.intAt(Size);
    if (room >= 1 && room <= m_rooms.size())
        e->room = m_rooms.at(room - 1);
    if (client >= 1 && client <= m_clients.size())
        e->clientId = m_clients.at(client - 1);
    e->ack = row.bytesAt(Ack);
    if (!row.isNullAt(Detail))
        e->detail = row.textAt(Detail);
    if (!row.isNullAt(Intervention))
        e->intervention = row.textAt(Intervention);
    e->dropped = row.intAt(Dropped) != 0;
    e->data = row.bytesAt(Data);
    return true;
}

bool CaptureReader::read(quint64 id, BrokerEvent *event) const {
    if (!isOpen())
        return false;
    m_one.bindInt(0, qint64(id));
    bool ok = m_one.next();
    if (ok) {
        *event = BrokerEvent();
        ok = toEvent(m_one, event);
    } else if (m_one.failed()) {
        noteDamage(m_one.errorMessage());
    }
    m_one.reset();
    return ok;
}

BrokerEventList CaptureReader::readRange(quint64 fromId, int maxCount, QList<quint64> *ids) const {
    return isOpen() ? readRows(m_range, fromId, maxCount, ids) : BrokerEventList();
}

BrokerEventList CaptureReader::readIndex(quint64 fromId, int maxCount, QList<quint64> *ids) const {
    return isOpen() ? readRows(m_index, fromId, maxCount, ids) : BrokerEventList();
}

BrokerEventList CaptureReader::readRows(SqliteStatement &query, quint64 fromId, int maxCount,
                                        QList<quint64> *ids) const {
    BrokerEventList events;
    if (ids)
        ids->clear();
    if (maxCount <= 0)
        return events;
    events.reserve(std::min(maxCount, 100'000));
    quint64 from = fromId;
    quint64 skip = 1; // after a damaged row: how far the next attempt jumps
    while (events.size() < maxCount) {
        if (m_readableEnd && from > *m_readableEnd)
            break;
        query.bindInt(0, qint64(from));
        query.bindInt(1, maxCount - events.size());
        quint64 last = 0;
        bool any = false;
        bool failed = false;
        while (query.next()) {
            const auto id = quint64(query.intAt(Id));
            // Ids come ascending from an intact file; a damaged index can return them out of
            // order (fuzz_capturereader), which the log's index must never see.
            if (id < from || (any && id <= last)) {
                noteDamage(tr("its frames are out of order"));
                continue;
            }
            BrokerEvent e;
            if (!toEvent(query, &e)) {
                failed = true;
                break;
            }
            last = id;
            any = true;
            if (ids)
                ids->append(last);
            events.append(std::move(e));
        }
        failed = failed || query.failed();
        if (failed)
            noteDamage(query.failed() ? query.errorMessage() : tr("a name table cannot be read"));
        query.reset();
        if (!failed)
            break; // all asked for, or the end
        // Past the damaged rows: try further and further until a read goes through.
        if (any) {
            from = last + 1;
            skip = 1;
        } else {
            from += skip;
            skip *= 2;
        }
        const quint64 end = lastId();
        if (end == 0 || from > end)
            break;
    }
    return events;
}

ContractViolationList CaptureReader::readViolations(QString *error) const {
    QString why;
    ContractViolationList violations = CaptureViolationTable::read(m_connection.database(), &why);
    if (!why.isEmpty())
        *error = CaptureSchema::damaged(path(), why);
    return violations;
}

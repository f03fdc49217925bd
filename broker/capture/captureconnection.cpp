#include "captureconnection.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

#include <atomic>

namespace {

QString uniqueConnectionName() {
    static std::atomic<quint64> counter{0};
    return QStringLiteral("wsmsgbroker-capture-%1").arg(++counter);
}

} // namespace

CaptureConnection::~CaptureConnection() {
    close();
}

bool CaptureConnection::open(const QString &path, Mode mode, QString *error) {
    close();
    if (mode == Mode::ReadOnly && !QFileInfo(path).isFile()) {
        *error = tr("%1: no such file").arg(path);
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = tr("%1: Qt's SQLite driver is missing (Debian: libqt6sql6-sqlite)").arg(path);
        return false;
    }
    m_name = uniqueConnectionName();
    m_path = path;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    // A reader waits for a writer's checkpoint instead of failing; WAL makes that rare.
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open()) {
        *error = tr("%1: cannot open: %2").arg(path, m_db.lastError().text());
        close();
        return false;
    }
    return true;
}

sqlite3 *CaptureConnection::handle() const {
    if (!m_db.isOpen())
        return nullptr;
    const QVariant v = m_db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

void CaptureConnection::close() {
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

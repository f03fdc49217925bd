#include "brokerprocess.h"

#include <QFile>
#include <QTest>

BrokerProcess::BrokerProcess(QObject *parent)
    : QObject(parent) {}

BrokerProcess::~BrokerProcess() {
    if (isRunning())
        stop(3000);
}

bool BrokerProcess::start(const QStringList &extraArguments, int timeoutMs) {
    m_process.start(
        QStringLiteral(WSMSGBROKER_BINARY),
        QStringList{QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0")} +
            extraArguments);
    if (!m_process.waitForStarted(timeoutMs))
        return false;
    if (!QTest::qWaitFor([this] { return m_process.canReadLine() || !isRunning(); }, timeoutMs))
        return false;
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    const QString prefix = QStringLiteral("listening on ");
    if (!line.startsWith(prefix))
        return false;
    m_url = QUrl(line.mid(prefix.size()));
    return m_url.isValid();
}

int BrokerProcess::stop(int timeoutMs) {
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(timeoutMs);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

qint64 BrokerProcess::residentKiB() const {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

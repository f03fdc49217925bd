#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// The real headless broker (wsmsgbroker --headless --port 0) in a child process, so that a
// test can watch its resident memory without counting its own.
class BrokerProcess : public QObject {
    Q_OBJECT
public:
    explicit BrokerProcess(QObject *parent = nullptr);
    ~BrokerProcess() override;

    // Starts it with these extra arguments and waits for its "listening on" line.
    bool start(const QStringList &extraArguments = {}, int timeoutMs = 10000);
    // SIGTERM, then waits for a clean exit; returns its exit code (-1 when it had to be killed).
    int stop(int timeoutMs = 10000);

    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    // VmRSS from /proc/<pid>/status, in KiB; -1 when it cannot be read.
    qint64 residentKiB() const;
    QString standardError() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QUrl m_url;
};

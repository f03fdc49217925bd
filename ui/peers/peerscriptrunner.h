#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QUrl>

class PeerScript;

// Runs one peer script (PeerScript) in a thread of its own against a broker, and interrupts it
// when it runs JavaScript for longer than the time limit without returning (an endless loop):
// that stops this script only. Lives in the thread that started it (the window's, or the
// headless main thread); its signals arrive there.
class PeerScriptRunner : public QObject {
    Q_OBJECT
public:
    enum class State { Running, Stopped, Failed };
    Q_ENUM(State)

    PeerScriptRunner(const QString &fileName, const QUrl &brokerUrl, QObject *parent = nullptr);
    ~PeerScriptRunner() override;

    QString fileName() const { return m_fileName; }
    State state() const { return m_state; }
    int clientCount() const { return m_clientCount; }
    // The error that stopped the script, as "file:line: message" (empty when none).
    QString error() const { return m_error; }

    // How long one piece of JavaScript may run without returning (default 5 s).
    void setTimeLimitMs(int ms) { m_timeLimitMs = ms; }
    int timeLimitMs() const { return m_timeLimitMs; }

    void start();
    void stop();

    // How a client on this machine reaches a broker listening at url: an "any" address becomes
    // the loopback, and the access token, when one is needed, goes into the query.
    static QUrl localBrokerUrl(const QUrl &listening, const QString &token);

signals:
    void output(const QString &line);
    void failed(const QString &error);
    void stateChanged(PeerScriptRunner::State state);
    void clientCountChanged(int count);

private:
    void checkBusy();
    void setState(State state);

    QString m_fileName;
    QUrl m_brokerUrl;
    QThread m_thread;
    PeerScript *m_script = nullptr; // lives in m_thread, deleted when it finishes
    QTimer m_watchdog;
    int m_timeLimitMs = 5000;
    State m_state = State::Stopped;
    int m_clientCount = 0;
    QString m_error;
};

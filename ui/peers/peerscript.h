#pragma once

#include <QAtomicInteger>
#include <QAtomicPointer>
#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class PeerClient;
class QJSEngine;
class QTimer;

// A peer script at work: its JavaScript engine, the clients and timers it made. Lives in a
// thread of its own (PeerScriptRunner makes it), so that a script never runs on the broker's
// or the window's thread; the runner watches busySinceMs() and interrupts a script that does
// not return. Any uncaught error stops this script only: its clients close, its timers stop.
class PeerScript : public QObject {
    Q_OBJECT
public:
    PeerScript(const QString &fileName, const QUrl &brokerUrl);
    ~PeerScript() override;

    // Since when (QDateTime::currentMSecsSinceEpoch) the script has been running JavaScript
    // without returning; 0 while idle. Read from the runner's thread.
    qint64 busySinceMs() const { return m_busySinceMs.loadAcquire(); }
    // Thread-safe: makes the engine throw out of whatever it runs (QJSEngine::setInterrupted).
    void interrupt();

    // The bridge the prelude's API calls (not for C++ callers).
    Q_INVOKABLE int createClient(const QString &id, const QString &room);
    Q_INVOKABLE QString send(int handle, const QString &messageJson, const QStringList &to,
                             bool asking);
    Q_INVOKABLE void answer(int handle, const QString &ack, const QString &messageJson);
    Q_INVOKABLE void closeClient(int handle);
    Q_INVOKABLE int startTimer(int ms, bool repeat);
    Q_INVOKABLE void stopTimer(int id);
    Q_INVOKABLE void log(const QString &text);

public slots:
    // Reads and runs the file (in the script's thread).
    void start();
    // Closes the clients and stops the timers; the script does nothing more.
    void stop();

signals:
    void output(const QString &line);
    // An uncaught error or an interruption: file, line (0: unknown) and what happened. The
    // script has stopped.
    void failed(const QString &file, int line, const QString &message);
    void clientCountChanged(int count);
    void stopped();

private:
    void dispatch(const QJSValueList &arguments);
    // Reports the error (and stops) when result is one; returns whether it was.
    bool checkError(const QJSValue &result);
    QUrl roomUrl(const QString &room) const;
    void fail(int line, const QString &message);

    QString m_fileName;
    QUrl m_brokerUrl;
    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_dispatch;
    QHash<int, PeerClient *> m_clients;
    QHash<int, QTimer *> m_timers;
    int m_nextHandle = 1;
    QAtomicInteger<qint64> m_busySinceMs = 0;
    QAtomicPointer<QJSEngine> m_interruptible; // the engine, for interrupt() from the runner
    QAtomicInteger<bool> m_interrupted = false;
    bool m_stopped = false;
};

#include "peerscriptrunner.h"

#include "peerscript.h"

#include <QDateTime>
#include <QHostAddress>
#include <QUrlQuery>

PeerScriptRunner::PeerScriptRunner(const QString &fileName, const QUrl &brokerUrl, QObject *parent)
    : QObject(parent)
    , m_fileName(fileName)
    , m_brokerUrl(brokerUrl) {
    m_thread.setObjectName(QStringLiteral("peer script"));
    m_watchdog.setInterval(100);
    connect(&m_watchdog, &QTimer::timeout, this, &PeerScriptRunner::checkBusy);
}

PeerScriptRunner::~PeerScriptRunner() {
    m_watchdog.stop();
    if (m_script)
        m_script->interrupt();
    m_thread.quit();
    m_thread.wait();
}

void PeerScriptRunner::start() {
    if (m_script)
        return;
    m_error.clear();
    m_script = new PeerScript(m_fileName, m_brokerUrl);
    m_script->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_script, &QObject::deleteLater);
    connect(m_script, &PeerScript::output, this, &PeerScriptRunner::output);
    connect(m_script, &PeerScript::clientCountChanged, this, [this](int count) {
        m_clientCount = count;
        emit clientCountChanged(count);
    });
    connect(m_script, &PeerScript::failed, this,
            [this](const QString &file, int line, const QString &message) {
                m_error = line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                                   : QStringLiteral("%1: %2").arg(file, message);
                setState(State::Failed);
                emit failed(m_error);
            });
    connect(m_script, &PeerScript::stopped, this, [this] {
        m_watchdog.stop();
        if (m_state == State::Running)
            setState(State::Stopped);
    });
    m_thread.start();
    setState(State::Running);
    m_watchdog.start();
    QMetaObject::invokeMethod(m_script, &PeerScript::start, Qt::QueuedConnection);
}

void PeerScriptRunner::stop() {
    if (!m_script || m_state != State::Running)
        return;
    // A script stuck in JavaScript would never take the queued stop: interrupt it first.
    if (m_script->busySinceMs() != 0)
        m_script->interrupt();
    QMetaObject::invokeMethod(m_script, &PeerScript::stop, Qt::QueuedConnection);
}

void PeerScriptRunner::checkBusy() {
    const qint64 since = m_script ? m_script->busySinceMs() : 0;
    if (since != 0 && QDateTime::currentMSecsSinceEpoch() - since > m_timeLimitMs) {
        m_watchdog.stop();
        m_script->interrupt();
    }
}

void PeerScriptRunner::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QUrl PeerScriptRunner::localBrokerUrl(const QUrl &listening, const QString &token) {
    QUrl url = listening;
    const QHostAddress host(url.host());
    if (host == QHostAddress(QHostAddress::AnyIPv4) || host == QHostAddress(QHostAddress::Any))
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (host == QHostAddress(QHostAddress::AnyIPv6))
        url.setHost(QStringLiteral("::1"));
    if (!token.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("token"), token);
        url.setQuery(query);
    }
    return url;
}

#include "peerscript.h"

#include "peerclient.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QRegularExpression>
#include <QTimer>

namespace {

QString readPrelude() {
    QFile file(QStringLiteral(":/peers/peerscriptprelude.js"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the peer script prelude is missing from the resources");
    return QString::fromUtf8(file.readAll());
}

} // namespace

// Marks the script busy while JavaScript runs, for the runner's watchdog.
class PeerScriptBusy {
public:
    explicit PeerScriptBusy(QAtomicInteger<qint64> &since)
        : m_since(since)
        , m_outer(since.loadRelaxed() == 0) {
        if (m_outer)
            m_since.storeRelease(QDateTime::currentMSecsSinceEpoch());
    }
    ~PeerScriptBusy() {
        if (m_outer)
            m_since.storeRelease(0);
    }
    PeerScriptBusy(const PeerScriptBusy &) = delete;
    PeerScriptBusy &operator=(const PeerScriptBusy &) = delete;

private:
    QAtomicInteger<qint64> &m_since;
    bool m_outer;
};

PeerScript::PeerScript(const QString &fileName, const QUrl &brokerUrl)
    : m_fileName(fileName)
    , m_brokerUrl(brokerUrl) {}

PeerScript::~PeerScript() {
    m_interruptible.storeRelease(nullptr);
    stop();
}

void PeerScript::interrupt() {
    m_interrupted.storeRelease(true);
    if (QJSEngine *engine = m_interruptible.loadAcquire())
        engine->setInterrupted(true);
}

void PeerScript::start() {
    QFile file(m_fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(0, tr("cannot read the script: %1").arg(file.errorString()));
        return;
    }
    const QString program = QString::fromUtf8(file.readAll());
    m_engine = std::make_unique<QJSEngine>();
    m_interruptible.storeRelease(m_engine.get());
    QJSEngine::setObjectOwnership(this, QJSEngine::CppOwnership);

    PeerScriptBusy busy(m_busySinceMs);
    const QJSValue prelude =
        m_engine->evaluate(readPrelude(), QStringLiteral("peerscriptprelude.js"));
    if (checkError(prelude))
        return;
    m_dispatch = prelude.call({m_engine->newQObject(this), m_engine->globalObject()});
    if (checkError(m_dispatch))
        return;
    checkError(m_engine->evaluate(program, m_fileName));
}

void PeerScript::stop() {
    if (m_stopped)
        return;
    m_stopped = true;
    // deleteLater: stop() may run inside a timer's own timeout.
    for (QTimer *timer : std::as_const(m_timers)) {
        timer->stop();
        timer->deleteLater();
    }
    m_timers.clear();
    for (PeerClient *client : std::as_const(m_clients)) {
        client->disconnect(this);
        client->close();
        client->deleteLater();
    }
    m_clients.clear();
    emit clientCountChanged(0);
    emit stopped();
}

int PeerScript::createClient(const QString &id, const QString &room) {
    if (m_stopped)
        return 0;
    const int handle = m_nextHandle++;
    auto *client = new PeerClient(id, roomUrl(room), this);
    m_clients.insert(handle, client);
    connect(client, &PeerClient::registered, this, [this, handle](const QString &registeredId) {
        dispatch({QStringLiteral("registered"), handle, registeredId});
    });
    connect(
        client, &PeerClient::messageReceived, this,
        [this, handle](const QString &from, const QByteArray &message, const QString &ack) {
            dispatch({QStringLiteral("message"), handle, QString::fromUtf8(message), from, ack});
        });
    connect(client, &PeerClient::answerReceived, this,
            [this, handle](const QString &from, const QString &ack, const QByteArray &message) {
                dispatch({QStringLiteral("answer"), handle, ack, from, QString::fromUtf8(message)});
            });
    connect(client, &PeerClient::errorReceived, this,
            [this, handle](const QString &code, const QString &reason) {
                dispatch({QStringLiteral("error"), handle, code, reason});
            });
    connect(client, &PeerClient::closed, this, [this, handle, client](const QString &why) {
        m_clients.remove(handle);
        client->deleteLater();
        emit clientCountChanged(int(m_clients.size()));
        dispatch({QStringLiteral("close"), handle, why});
    });
    client->open();
    emit clientCountChanged(int(m_clients.size()));
    return handle;
}

QString PeerScript::send(int handle, const QString &messageJson, const QStringList &to,
                         bool asking) {
    PeerClient *client = m_clients.value(handle);
    if (!client)
        return {};
    const QString ack = asking ? PeerClient::newAck() : QString();
    client->send(to, messageJson.toUtf8(), ack);
    return ack;
}

void PeerScript::answer(int handle, const QString &ack, const QString &messageJson) {
    if (PeerClient *client = m_clients.value(handle))
        client->answer(ack, messageJson.toUtf8());
}

void PeerScript::closeClient(int handle) {
    if (PeerClient *client = m_clients.value(handle))
        client->close();
}

int PeerScript::startTimer(int ms, bool repeat) {
    if (m_stopped)
        return 0;
    const int id = m_nextHandle++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(!repeat);
    connect(timer, &QTimer::timeout, this, [this, id, repeat] {
        if (!repeat)
            m_timers.take(id)->deleteLater();
        dispatch({QStringLiteral("timer"), id});
    });
    m_timers.insert(id, timer);
    timer->start(ms);
    return id;
}

void PeerScript::stopTimer(int id) {
    if (QTimer *timer = m_timers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

void PeerScript::log(const QString &text) {
    emit output(text);
}

void PeerScript::dispatch(const QJSValueList &arguments) {
    if (m_stopped || !m_dispatch.isCallable())
        return;
    PeerScriptBusy busy(m_busySinceMs);
    checkError(m_dispatch.call(arguments));
}

bool PeerScript::checkError(const QJSValue &result) {
    if (!result.isError())
        return false;
    if (m_interrupted.loadAcquire()) {
        fail(0, tr("the script ran too long without returning and was interrupted"));
        return true;
    }
    // The line in the user's file: the first frame of the stack that is in it (an error the
    // API throws, e.g. a bad argument to send(), is the script's mistake, not the prelude's).
    const QString fileName = QFileInfo(m_fileName).fileName();
    int line = result.property(QStringLiteral("fileName")).toString().endsWith(fileName)
                   ? result.property(QStringLiteral("lineNumber")).toInt()
                   : 0;
    const QString stack = result.property(QStringLiteral("stack")).toString();
    static const QRegularExpression frame(QStringLiteral("([^@\\n]*):(\\d+)(?::\\d+)?$"),
                                          QRegularExpression::MultilineOption);
    for (auto it = frame.globalMatch(stack); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1).endsWith(fileName)) {
            line = match.captured(2).toInt();
            break;
        }
    }
    fail(line, result.toString());
    return true;
}

QUrl PeerScript::roomUrl(const QString &room) const {
    QUrl url = m_brokerUrl; // keeps its query: the access token
    url.setPath(room.startsWith(u'/') ? room : u'/' + room);
    return url;
}

void PeerScript::fail(int line, const QString &message) {
    emit failed(m_fileName, line, message);
    stop();
}

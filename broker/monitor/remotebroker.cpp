#include "remotebroker.h"

#include "monitorprotocol.h"
#include "roomname.h"
#include "trafficrulesparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

namespace {
constexpr int PolicyViolation = 1008; // the broker's answer to a wrong token
}

RemoteBroker::RemoteBroker(QObject *parent)
    : QObject(parent)
    , m_reconnectTimer(this) {
    qRegisterMetaType<BrokerEventList>();
    qRegisterMetaType<BrokerSnapshot>();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RemoteBroker::connectNow);
    m_silenceTimer.setSingleShot(true);
    m_silenceTimer.setInterval(15000);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort(); // reconnects, as for any other drop
    });
}

RemoteBroker::~RemoteBroker() {
    if (m_socket)
        m_socket->disconnect(this);
}

QUrl RemoteBroker::monitorUrl(const QUrl &url) {
    QUrl result = url;
    if (result.scheme() == QLatin1String("http"))
        result.setScheme(QStringLiteral("ws"));
    else if (result.scheme() == QLatin1String("https"))
        result.setScheme(QStringLiteral("wss"));
    if (!result.isValid() || result.host().isEmpty() ||
        (result.scheme() != QLatin1String("ws") && result.scheme() != QLatin1String("wss")))
        return {};
    if (result.path().isEmpty() || result.path() == QLatin1String("/"))
        result.setPath(MonitorPath);
    return result;
}

void RemoteBroker::setReconnectDelays(int firstMs, int maxMs) {
    m_firstDelayMs = std::max(1, firstMs);
    m_maxDelayMs = std::max(m_firstDelayMs, maxMs);
    m_delayMs = m_firstDelayMs;
}

void RemoteBroker::open(const QUrl &url, const QString &token) {
    m_url = monitorUrl(url);
    m_token = token;
    m_delayMs = m_firstDelayMs;
    m_lastError.clear();
    if (!m_url.isValid()) {
        m_lastError = tr("\"%1\" is not a ws:// or wss:// URL").arg(url.toString());
        setState(State::Refused);
        emit errorOccurred(m_lastError);
        return;
    }
    connectNow();
}

void RemoteBroker::close() {
    m_reconnectTimer.stop();
    m_silenceTimer.stop();
    setState(State::Idle);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void RemoteBroker::connectNow() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_greeted = false;
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::textMessageReceived, this, &RemoteBroker::handleMessage);
    connect(socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        // A refused TCP connection ends here too, without disconnected().
        if (state == QAbstractSocket::UnconnectedState)
            handleDisconnected();
    });
    QNetworkRequest request(m_url);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    // Connected only once greeted: the hello says the token was taken (a wrong one is closed).
    if (m_state != State::Reconnecting)
        setState(State::Connecting);
    m_silenceTimer.start();
    socket->open(request);
}

void RemoteBroker::handleDisconnected() {
    QWebSocket *socket = m_socket;
    if (!socket || m_state == State::Idle || m_state == State::Refused)
        return;
    const int code = int(socket->closeCode());
    QString why = socket->closeReason();
    if (why.isEmpty())
        why = socket->errorString();
    socket->disconnect(this);
    socket->deleteLater();
    m_socket = nullptr;
    m_silenceTimer.stop();
    if (code == PolicyViolation && !m_greeted) {
        m_lastError = tr("the broker refused this monitor: %1").arg(why);
        setState(State::Refused);
        emit connectionLost(m_lastError);
        emit errorOccurred(m_lastError);
        return;
    }
    m_lastError = why;
    const bool wasConnected = m_state == State::Connected;
    scheduleReconnect();
    if (wasConnected)
        emit connectionLost(why);
}

void RemoteBroker::scheduleReconnect() {
    setState(State::Reconnecting);
    m_reconnectTimer.start(m_delayMs);
    m_delayMs = std::min(m_delayMs * 2, m_maxDelayMs);
}

void RemoteBroker::handleMessage(const QString &text) {
    m_silenceTimer.start();
    QString type;
    QJsonObject message;
    QString error;
    if (!MonitorProtocol::read(text.toUtf8(), &type, &message, &error)) {
        emit errorOccurred(tr("monitor protocol: %1").arg(error));
        return;
    }
    if (type == QLatin1String("hello")) {
        m_control = message.value(QStringLiteral("role")).toString() == QLatin1String("control");
        const quint64 session = MonitorProtocol::fromHex(message.value(QStringLiteral("session")));
        if (session != m_session) {
            m_session = session;
            m_nextSequence = 0;
            m_droppedTotal = 0;
        }
        m_brokerUrl = QUrl(message.value(QStringLiteral("broker")).toString());
        m_greeted = true;
        m_delayMs = m_firstDelayMs;
        m_lastError.clear();
        setState(State::Connected);
        emit connected(m_control);
    } else if (type == QLatin1String("snapshot")) {
        BrokerSnapshot snapshot = MonitorProtocol::snapshotFrom(message);
        snapshot.counters.unrecordedFrames += m_droppedTotal;
        emit snapshotReady(snapshot);
    } else if (type == QLatin1String("events")) {
        handleEvents(message);
    } else if (type == QLatin1String("dropped")) {
        const auto count = quint64(message.value(QStringLiteral("count")).toDouble());
        m_droppedTotal += count;
        emit eventsDropped(count);
    } else if (type == QLatin1String("rules")) {
        const TrafficRuleList rules = TrafficRulesParser::parse(
            QJsonDocument(message.value(QStringLiteral("rules")).toArray())
                .toJson(QJsonDocument::Compact),
            &error);
        if (error.isEmpty())
            emit trafficRulesChanged(rules);
        else
            emit errorOccurred(tr("monitor protocol: %1").arg(error));
    } else if (type == QLatin1String("error")) {
        emit errorOccurred(message.value(QStringLiteral("message")).toString());
    }
    // "ok" and types of later versions of the broker need nothing here.
}

void RemoteBroker::handleEvents(const QJsonObject &message) {
    quint64 first = 0;
    BrokerEventList events = MonitorProtocol::eventsFrom(message, &first);
    const quint64 end = first + quint64(events.size());
    // A backlog after a reconnect to the same run repeats what arrived before the drop.
    if (m_nextSequence > first)
        events.remove(0, qsizetype(std::min<quint64>(m_nextSequence - first, events.size())));
    m_nextSequence = std::max(m_nextSequence, end);
    if (!events.isEmpty())
        emit eventsReady(events);
}

void RemoteBroker::disconnectClient(quint64 connectionId) {
    if (m_socket && m_state == State::Connected)
        m_socket->sendTextMessage(QString::fromUtf8(MonitorProtocol::disconnect(connectionId)));
}

void RemoteBroker::setTrafficRules(const TrafficRuleList &rules) {
    if (m_socket && m_state == State::Connected)
        m_socket->sendTextMessage(
            QString::fromUtf8(MonitorProtocol::setRules(TrafficRulesParser::serialize(rules))));
}

void RemoteBroker::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

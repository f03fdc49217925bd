#include "monitorhub.h"

#include "broker.h"
#include "monitorprotocol.h"
#include "monitorsession.h"
#include "printabletext.h"
#include "trafficrulesparser.h"
#include "websocketconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMonitor, "wsmsgbroker.monitor", QtWarningMsg)

MonitorHub::MonitorHub(Broker *broker, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_backlogLimit(broker->settings().monitorBacklog) {
    // Direct: the broker hands the socket over while it emits.
    connect(broker, &Broker::monitorOpened, this, &MonitorHub::addMonitor, Qt::DirectConnection);
    connect(broker, &Broker::eventsReady, this, &MonitorHub::handleEvents);
    connect(broker, &Broker::snapshotReady, this, &MonitorHub::handleSnapshot);
    connect(broker, &Broker::stopped, this, &MonitorHub::closeAll);
    connect(broker, &Broker::trafficRulesChanged, this, &MonitorHub::handleRules);
}

MonitorHub::~MonitorHub() = default;

void MonitorHub::addMonitor(WebSocketConnection *socket, bool control) {
    auto owned = std::make_unique<MonitorSession>(socket, control,
                                                  m_broker->settings().monitorMaxQueuedBytes, this);
    MonitorSession *session = owned.get();
    m_sessions.push_back(std::move(owned));
    connect(session, &MonitorSession::commandReceived, this,
            [this, session](const QByteArray &text) { handleCommand(session, text); });
    connect(session, &MonitorSession::closed, this, [this, session] { removeMonitor(session); });
    qCInfo(lcMonitor) << "monitor from" << socket->peerAddress() << socket->peerPort()
                      << (control ? "control" : "read");

    const BrokerSnapshot now = m_broker->snapshot();
    session->send(MonitorProtocol::hello(control, now.session, now.url, int(m_backlogLimit)));
    session->send(MonitorProtocol::snapshot(now));
    session->send(MonitorProtocol::rules(TrafficRulesParser::serialize(m_rules)));
    if (!m_backlog.empty()) {
        const BrokerEventList backlog(m_backlog.begin(), m_backlog.end());
        session->send(MonitorProtocol::events(backlog, m_nextSequence - quint64(backlog.size())));
    }
    emit monitorCountChanged(monitorCount());
}

std::vector<MonitorSession *> MonitorHub::sessions() const {
    // A copy: a write may find a connection gone and remove its session on the way.
    std::vector<MonitorSession *> list;
    list.reserve(m_sessions.size());
    for (const auto &session : m_sessions)
        list.push_back(session.get());
    return list;
}

void MonitorHub::removeMonitor(MonitorSession *session) {
    const auto it = std::find_if(m_sessions.begin(), m_sessions.end(),
                                 [session](const auto &s) { return s.get() == session; });
    if (it == m_sessions.end())
        return;
    // Deleted from the event loop: this runs inside the socket's disconnected().
    it->release()->deleteLater();
    m_sessions.erase(it);
    emit monitorCountChanged(monitorCount());
}

void MonitorHub::handleEvents(const BrokerEventList &events) {
    const quint64 first = m_nextSequence;
    m_nextSequence += quint64(events.size());
    // Encoded once, and only when some monitor takes it.
    QByteArray message;
    for (MonitorSession *session : sessions()) {
        if (!session->takesEvents(events.size()))
            continue;
        if (message.isEmpty())
            message = MonitorProtocol::events(events, first);
        session->send(message);
    }
    if (m_backlogLimit <= 0)
        return;
    const qsizetype skip = std::max<qsizetype>(0, events.size() - m_backlogLimit);
    for (qsizetype i = skip; i < events.size(); ++i) {
        m_backlog.push_back(events.at(i));
        m_backlogBytes += events.at(i).data.size();
    }
    // Bounded in bytes too: a monitor's start is sent whatever waits for it, and 1000 frames
    // of a megabyte would be a gigabyte of it.
    const qint64 maxBytes = m_broker->settings().monitorMaxQueuedBytes;
    while (qsizetype(m_backlog.size()) > m_backlogLimit ||
           (m_backlogBytes > maxBytes && !m_backlog.empty())) {
        m_backlogBytes -= m_backlog.front().data.size();
        m_backlog.pop_front();
    }
}

void MonitorHub::handleSnapshot(const BrokerSnapshot &snapshot) {
    if (m_sessions.empty())
        return;
    const QByteArray message = MonitorProtocol::snapshot(snapshot);
    for (MonitorSession *session : sessions())
        session->sendSnapshot(message);
}

void MonitorHub::handleCommand(MonitorSession *session, const QByteArray &text) {
    QString type;
    QJsonObject command;
    QString error;
    if (!MonitorProtocol::read(text, &type, &command, &error)) {
        session->send(MonitorProtocol::error({}, error));
        return;
    }
    const bool known = type == QLatin1String("disconnect") || type == QLatin1String("setRules");
    if (!known) {
        session->send(MonitorProtocol::error(
            type, tr("unknown request \"%1\"").arg(PrintableText::escape(type.left(40)))));
        return;
    }
    if (!session->isControl()) {
        session->send(MonitorProtocol::error(
            type, tr("%1 needs the control role (--monitor-control-token); this monitor is "
                     "read-only")
                      .arg(type)));
        return;
    }
    if (type == QLatin1String("disconnect")) {
        const double number = command.value(QStringLiteral("connection")).toDouble(-1);
        const quint64 id = number >= 1 ? quint64(number) : 0;
        const BrokerSnapshot now = m_broker->snapshot();
        const bool open =
            std::any_of(now.connections.begin(), now.connections.end(),
                        [id](const ConnectionInfo &c) { return c.connectionId == id; });
        if (!open) {
            session->send(MonitorProtocol::error(
                type,
                tr("no open connection %1")
                    .arg(command.value(QStringLiteral("connection")).toVariant().toString())));
            return;
        }
        m_broker->disconnectClient(id);
        session->send(MonitorProtocol::ok(type, {{QStringLiteral("connection"), double(id)}}));
        return;
    }
    const QJsonValue rules = command.value(QStringLiteral("rules"));
    const TrafficRuleList list = TrafficRulesParser::parse(
        QJsonDocument(rules.toArray()).toJson(QJsonDocument::Compact), &error);
    if (!rules.isArray())
        error = tr("setRules needs \"rules\", an array as in a rules file");
    // A held frame waits for someone to release it, which a monitor cannot do.
    for (const TrafficRule &rule : list) {
        if (error.isEmpty() && rule.enabled && rule.effect == TrafficEffect::Hold)
            error = tr("rule \"%1\": hold needs the broker's own window to release the frames; a "
                       "monitor may delay or drop them")
                        .arg(PrintableText::escape(rule.name));
    }
    if (!error.isEmpty()) {
        session->send(MonitorProtocol::error(type, error));
        // The rules in force again: a monitor that showed its refused ones shows these.
        session->send(MonitorProtocol::rules(TrafficRulesParser::serialize(m_rules)));
        return;
    }
    m_broker->setTrafficRules(list);
    session->send(MonitorProtocol::ok(type, {{QStringLiteral("rules"), int(list.size())}}));
}

void MonitorHub::handleRules(const TrafficRuleList &rules) {
    m_rules = rules;
    const QByteArray message = MonitorProtocol::rules(TrafficRulesParser::serialize(rules));
    for (MonitorSession *session : sessions())
        session->send(message);
}

void MonitorHub::closeAll() {
    for (MonitorSession *session : sessions())
        session->close(WebSocketConnection::CloseGoingAway, tr("broker shutting down"));
}

#include "brokercontroller.h"

#include "broker.h"
#include "brokereventdispatcher.h"

BrokerController::BrokerController(QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("broker"));
    // The broker's loop must not walk every idle socket on each pass (see the dispatcher).
    if (QAbstractEventDispatcher *dispatcher = createBrokerEventDispatcher())
        m_thread.setEventDispatcher(dispatcher);
    m_thread.start();
    qRegisterMetaType<HeldFrame>();
    qRegisterMetaType<HeldFrame::End>();
    qRegisterMetaType<TrafficRuleList>();
}

BrokerController::~BrokerController() {
    destroyBroker();
    m_thread.quit();
    m_thread.wait();
}

void BrokerController::start(const BrokerSettings &settings) {
    m_settings = settings;
    if (m_state == State::Running || m_state == State::Starting) {
        m_restartPending = true;
        stop();
        return;
    }
    if (m_state == State::Stopping) {
        m_restartPending = true;
        return;
    }
    launch();
}

void BrokerController::launch() {
    destroyBroker();
    m_lastError.clear();
    m_broker = new Broker(m_settings);
    m_broker->moveToThread(&m_thread);
    connect(m_broker, &Broker::started, this, [this](const QUrl &url) {
        m_url = url;
        setState(State::Running);
        emit started(url);
    });
    connect(m_broker, &Broker::startFailed, this, [this](const QString &error) {
        m_lastError = error;
        setState(State::Stopped);
        emit startFailed(error);
    });
    connect(m_broker, &Broker::stopped, this, [this] {
        setState(State::Stopped);
        emit stopped();
        if (m_restartPending) {
            m_restartPending = false;
            launch();
        }
    });
    connect(m_broker, &Broker::eventsReady, this, &BrokerController::eventsReady);
    connect(m_broker, &Broker::snapshotReady, this, &BrokerController::snapshotReady);
    connect(m_broker, &Broker::frameHeld, this, &BrokerController::frameHeld);
    connect(m_broker, &Broker::heldFrameEnded, this, &BrokerController::heldFrameEnded);
    connect(m_broker, &Broker::heldFrameRefused, this, &BrokerController::heldFrameRefused);
    connect(m_broker, &Broker::trafficRulesChanged, this, &BrokerController::trafficRulesChanged);
    // A new broker runs the rules the window shows, from its first frame on.
    QMetaObject::invokeMethod(
        m_broker, [broker = m_broker, rules = m_trafficRules] { broker->setTrafficRules(rules); },
        Qt::QueuedConnection);
    setState(State::Starting);
    QMetaObject::invokeMethod(m_broker, &Broker::start, Qt::QueuedConnection);
}

void BrokerController::stop() {
    if (!m_broker || m_state == State::Stopped || m_state == State::Stopping)
        return;
    setState(State::Stopping);
    QMetaObject::invokeMethod(m_broker, &Broker::stop, Qt::QueuedConnection);
}

void BrokerController::disconnectClient(quint64 connectionId) {
    if (m_broker)
        QMetaObject::invokeMethod(
            m_broker, [broker = m_broker, connectionId] { broker->disconnectClient(connectionId); },
            Qt::QueuedConnection);
}

void BrokerController::setTrafficRules(const TrafficRuleList &rules) {
    m_trafficRules = rules;
    if (m_broker)
        QMetaObject::invokeMethod(
            m_broker, [broker = m_broker, rules] { broker->setTrafficRules(rules); },
            Qt::QueuedConnection);
}

void BrokerController::releaseHeld(quint64 ticket, const QByteArray &edited) {
    if (m_broker)
        QMetaObject::invokeMethod(
            m_broker, [broker = m_broker, ticket, edited] { broker->releaseHeld(ticket, edited); },
            Qt::QueuedConnection);
}

void BrokerController::dropHeld(quint64 ticket) {
    if (m_broker)
        QMetaObject::invokeMethod(
            m_broker, [broker = m_broker, ticket] { broker->dropHeld(ticket); },
            Qt::QueuedConnection);
}

void BrokerController::releaseAllHeld() {
    if (m_broker)
        QMetaObject::invokeMethod(m_broker, &Broker::releaseAllHeld, Qt::QueuedConnection);
}

void BrokerController::destroyBroker() {
    if (!m_broker)
        return;
    Broker *broker = m_broker;
    m_broker = nullptr;
    broker->disconnect(this);
    // Destroy it in its own thread, where its sockets and timers live.
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(
            broker, [broker] { delete broker; }, Qt::BlockingQueuedConnection);
    else
        delete broker;
}

void BrokerController::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

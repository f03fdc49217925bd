#pragma once

#include "brokerevent.h"
#include "brokersettings.h"
#include "brokersnapshot.h"
#include "heldframe.h"
#include "trafficrule.h"

#include <QObject>
#include <QThread>
#include <QUrl>

class Broker;

// Runs a Broker in its own thread for the window: the window never blocks the broker and the
// broker never waits for painting. Everything crosses threads through queued signals.
class BrokerController : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit BrokerController(QObject *parent = nullptr);
    ~BrokerController() override;

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    QString lastError() const { return m_lastError; }
    const BrokerSettings &settings() const { return m_settings; }
    // The traffic rules last set: every broker this controller starts runs them.
    const TrafficRuleList &trafficRules() const { return m_trafficRules; }

public slots:
    // Starts a broker with these settings (stopping a running one first).
    void start(const BrokerSettings &settings);
    void stop();
    void disconnectClient(quint64 connectionId);
    // Traffic control (issue 13), passed to the broker's thread. A ticket names a held frame
    // (HeldFrame::ticket); an edited frame that is not a JSON object is refused and stays held.
    void setTrafficRules(const TrafficRuleList &rules);
    void releaseHeld(quint64 ticket, const QByteArray &edited = {});
    void dropHeld(quint64 ticket);
    void releaseAllHeld();

signals:
    void stateChanged(BrokerController::State state);
    void started(const QUrl &url);
    void startFailed(const QString &error);
    void stopped();
    void eventsReady(const BrokerEventList &events);
    void snapshotReady(const BrokerSnapshot &snapshot);
    // The broker's traffic control, forwarded from its thread.
    void frameHeld(const HeldFrame &frame);
    void heldFrameEnded(quint64 ticket, HeldFrame::End end, const QString &intervention);
    void heldFrameRefused(quint64 ticket, const QString &error);
    void trafficRulesChanged(const TrafficRuleList &rules);

private:
    void setState(State state);
    void launch();
    void destroyBroker();

    QThread m_thread;
    Broker *m_broker = nullptr; // lives in m_thread, deleted there
    BrokerSettings m_settings;
    TrafficRuleList m_trafficRules;
    bool m_restartPending = false;
    State m_state = State::Stopped;
    QUrl m_url;
    QString m_lastError;
};

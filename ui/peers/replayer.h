#pragma once

#include "brokerevent.h"
#include "recordedsession.h"
#include "replaycomparer.h"
#include "replayoptions.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <vector>

class ReplayClient;
struct BrokerSnapshot;

// Plays a recording into a running broker: each recorded client not named live is simulated
// (a ReplayClient in its room, with its id, sending what it sent, when the timing says), and
// every frame of the replay is compared with the recording (ReplayComparer). Answers are
// mapped: a simulated client answers the ack of the message that corresponds to the one it
// answered then. What live clients send and receive is seen through the broker's observation
// events (observe()), so the replay needs the broker's events, not a proxy.
class Replayer : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, WaitingForLive, Playing, Finished };
    Q_ENUM(State)

    Replayer(const RecordedSession &recording, const ReplayOptions &options, const QUrl &brokerUrl,
             QObject *parent = nullptr);
    ~Replayer() override;

    State state() const { return m_state; }
    const ReplayComparer &comparer() const { return m_comparer; }
    // Why the replay failed besides differences (a live client that never came); empty if not.
    QString failure() const { return m_failure; }
    bool passed() const { return m_failure.isEmpty() && m_comparer.summary().passed(); }
    int framesSent() const { return m_framesSent; }
    int framesToSend() const { return m_framesToSend; }
    // The live ids not registered yet.
    QStringList missingLiveIds() const;
    // The report: failure, summary, first differences.
    QString report(int maxDifferences = 10) const;

public slots:
    void start();
    void stop();
    // The broker's observation events: live clients' frames, and their registering.
    void observe(const BrokerEventList &events);
    // The broker's state: live clients registered before the replay started.
    void observeSnapshot(const BrokerSnapshot &snapshot);

signals:
    void stateChanged(Replayer::State state);
    void differenceFound(const ReplayComparer::Difference &difference);
    void progress(int sent, int total);
    void finished(bool passed);

private:
    struct Step {
        qint64 dueMs = 0; // into the recording
        QByteArray frame; // as sent, or for an answer its message
        bool answer = false;
        int answerOf = -1;    // answer: the index of the acked message it answers
        int needReceived = 0; // frames received before it in the recording
    };
    struct Simulated {
        QString id;
        QString room;
        ReplayClient *client = nullptr;
        std::vector<Step> steps;
        size_t next = 0;
        int received = 0;
        int channel = -1;               // the comparer's, for what it receives
        bool mapsAnswers = false;       // it answers: the acks of what it receives are kept
        QList<QByteArray> receivedAcks; // acks (JSON strings) of the messages received, in order
        bool registered = false;
    };
    void plan();
    void setState(State state);
    void beginPlaying();
    void pump();
    bool ready(const Simulated &sim, const Step &step, qint64 *waitMs) const;
    void sendStep(Simulated &sim, const Step &step);
    void received(Simulated &sim, const QList<QByteArrayView> &texts);
    void compare(const QString &clientId, bool sent, const QByteArray &data);
    void checkLive();
    void checkDone();
    void finish(const QString &failure = {});

    RecordedSession m_recording;
    ReplayOptions m_options;
    QUrl m_brokerUrl;
    ReplayComparer m_comparer;
    std::vector<std::unique_ptr<Simulated>> m_simulated;
    QSet<QString> m_liveRegistered; // "room\nid"
    State m_state = State::Idle;
    QString m_failure;
    QElapsedTimer m_clock; // since playing began
    QTimer m_stepTimer;    // the next due step (AsRecorded)
    QTimer m_settleTimer;  // quiet after the last step
    QTimer m_deadline;
    int m_framesSent = 0;
    int m_framesToSend = 0;
    QByteArray m_answer; // an answer being built, its capacity kept
};

#include "replayer.h"

#include "brokersnapshot.h"
#include "jsonmembers.h"
#include "replayclient.h"

#include <optional>

namespace {

QString liveKey(const QString &room, const QString &id) {
    return room + u'\n' + id;
}

// The ack of a message frame, as its JSON string; nothing for an answer or a message without.
std::optional<QByteArrayView> messageAck(QByteArrayView frame) {
    static constexpr QByteArrayView Message = R"({"action":"message")";
    if (!frame.startsWith(Message) && JsonMembers::raw(frame, "action") != "\"message\"")
        return std::nullopt;
    const std::optional<QByteArrayView> ack = JsonMembers::raw(frame, "ack");
    // An empty ack is none (the recording's acks are taken so).
    if (!ack || ack->size() <= 2 || ack->front() != '"')
        return std::nullopt;
    return ack;
}

} // namespace

Replayer::Replayer(const RecordedSession &recording, const ReplayOptions &options,
                   const QUrl &brokerUrl, QObject *parent)
    : QObject(parent)
    , m_recording(recording)
    , m_options(options)
    , m_brokerUrl(brokerUrl) {
    m_comparer.setIgnoredPaths(options.ignoredPaths);
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &Replayer::pump);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(options.settleMs);
    connect(&m_settleTimer, &QTimer::timeout, this, [this] { finish(); });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForLive)
            finish(tr("live client(s) %1 did not register within %2 s")
                       .arg(missingLiveIds().join(QStringLiteral(", ")))
                       .arg(m_options.timeoutS));
        else
            finish(tr("the replay did not end within %1 s").arg(m_options.timeoutS));
    });
}

Replayer::~Replayer() = default;

void Replayer::plan() {
    const QList<RecordedSession::Frame> &frames = m_recording.frames();
    const qint64 start = frames.isEmpty() ? 0 : frames.first().timeMs;
    QHash<QString, Simulated *> byId;
    for (const RecordedSession::Client &client : m_recording.clients()) {
        if (m_options.liveIds.contains(client.id))
            continue;
        auto sim = std::make_unique<Simulated>();
        sim->id = client.id;
        sim->room = client.room;
        byId.insert(client.id, sim.get());
        m_simulated.push_back(std::move(sim));
    }
    // Per simulated client: what it received so far (to wait on), and the acks of the messages
    // it received (to map its answers).
    QHash<QString, int> received;
    QHash<QString, QStringList> receivedAcks;
    for (const RecordedSession::Frame &frame : frames) {
        Simulated *sim = byId.value(frame.clientId);
        if (!sim)
            continue;
        if (!frame.sent) {
            ++received[frame.clientId];
            if (frame.action == FrameAction::Message && !frame.ack.isEmpty())
                receivedAcks[frame.clientId].append(frame.ack);
            continue;
        }
        Step step;
        step.dueMs = frame.timeMs - start;
        step.needReceived = received.value(frame.clientId);
        if (frame.action == FrameAction::Answer) {
            step.answer = true;
            step.answerOf = int(receivedAcks.value(frame.clientId).lastIndexOf(frame.ack));
            step.frame = JsonMembers::compact(frame.data, "message").value_or("null");
            // An answer to a message not in the recording cannot be mapped: sent as recorded.
            if (step.answerOf < 0) {
                step.answer = false;
                step.frame = frame.data;
            } else {
                sim->mapsAnswers = true;
            }
        } else {
            step.frame = frame.data;
        }
        sim->steps.push_back(step);
        ++m_framesToSend;
    }
}

void Replayer::start() {
    if (m_state != State::Idle)
        return;
    plan();
    m_comparer.expect(m_recording, m_options.liveIds);
    m_deadline.start(m_options.timeoutS * 1000);
    setState(State::WaitingForLive);
    for (const auto &sim : m_simulated) {
        Simulated *s = sim.get();
        QUrl url = m_brokerUrl;
        url.setPath(s->room);
        s->channel = m_comparer.channel(s->id, false);
        s->client = new ReplayClient(s->id, url, this);
        connect(s->client, &ReplayClient::registered, this, [this, s] {
            s->registered = true;
            checkLive();
        });
        connect(s->client, &ReplayClient::textsReceived, this,
                [this, s](const QList<QByteArrayView> &texts) { received(*s, texts); });
        connect(s->client, &ReplayClient::closed, this, [this, s](const QString &why) {
            if (m_state == State::WaitingForLive || m_state == State::Playing)
                finish(tr("simulated client %1 lost its connection: %2").arg(s->id, why));
        });
        s->client->open();
    }
    checkLive();
}

void Replayer::stop() {
    if (m_state == State::WaitingForLive || m_state == State::Playing)
        finish(tr("stopped"));
}

QStringList Replayer::missingLiveIds() const {
    QStringList missing;
    for (const QString &id : m_options.liveIds) {
        const RecordedSession::Client *client = m_recording.client(id);
        const QString room = client ? client->room : QStringLiteral("/");
        if (!m_liveRegistered.contains(liveKey(room, id)))
            missing << id;
    }
    return missing;
}

void Replayer::observeSnapshot(const BrokerSnapshot &snapshot) {
    for (const ConnectionInfo &connection : snapshot.connections) {
        if (!connection.clientId.isEmpty())
            m_liveRegistered.insert(
                liveKey(connection.room, QString::fromUtf8(connection.clientId)));
    }
    checkLive();
}

void Replayer::observe(const BrokerEventList &events) {
    if (m_state != State::WaitingForLive && m_state != State::Playing)
        return;
    for (const BrokerEvent &e : events) {
        if (e.clientId.isEmpty())
            continue;
        const QString id = QString::fromUtf8(e.clientId);
        if (!m_options.liveIds.contains(id))
            continue;
        switch (e.kind) {
        case BrokerEvent::Kind::ClientRegistered:
            m_liveRegistered.insert(liveKey(e.room, id));
            break;
        case BrokerEvent::Kind::ClientUnregistered:
            m_liveRegistered.remove(liveKey(e.room, id));
            break;
        case BrokerEvent::Kind::FrameIn:
            if (e.action == FrameAction::Send || e.action == FrameAction::Answer)
                compare(id, true, e.data);
            break;
        case BrokerEvent::Kind::FrameOut:
            if (!e.dropped && (e.action == FrameAction::Message || e.action == FrameAction::Answer))
                compare(id, false, e.data);
            break;
        default:
            break;
        }
    }
    checkLive();
    checkDone();
}

void Replayer::checkLive() {
    if (m_state != State::WaitingForLive || !missingLiveIds().isEmpty())
        return;
    for (const auto &sim : m_simulated) {
        if (!sim->registered)
            return;
    }
    beginPlaying();
}

void Replayer::beginPlaying() {
    setState(State::Playing);
    m_deadline.start(m_options.timeoutS * 1000 +
                     int(m_recording.durationMs() / std::max(m_options.speed, 0.001)));
    m_clock.start();
    pump();
}

bool Replayer::ready(const Simulated &sim, const Step &step, qint64 *waitMs) const {
    if (step.answer && step.answerOf >= sim.receivedAcks.size())
        return false; // the message it answers has not come yet
    switch (m_options.timing) {
    case ReplayOptions::Timing::AsFastAsPossible:
        return true;
    case ReplayOptions::Timing::WaitForInput:
        return sim.received >= step.needReceived;
    case ReplayOptions::Timing::AsRecorded: {
        const qint64 due = qint64(double(step.dueMs) / std::max(m_options.speed, 0.001));
        const qint64 wait = due - m_clock.elapsed();
        if (wait <= 0)
            return true;
        *waitMs = std::min(*waitMs, wait);
        return false;
    }
    }
    return false;
}

void Replayer::pump() {
    if (m_state != State::Playing)
        return;
    qint64 waitMs = std::numeric_limits<qint64>::max();
    const int before = m_framesSent;
    for (const auto &sim : m_simulated) {
        while (sim->next < sim->steps.size() && ready(*sim, sim->steps[sim->next], &waitMs))
            sendStep(*sim, sim->steps[sim->next++]);
        // What this pass made ready leaves in one write.
        sim->client->flush();
    }
    if (m_framesSent != before)
        emit progress(m_framesSent, m_framesToSend);
    if (waitMs != std::numeric_limits<qint64>::max())
        m_stepTimer.start(int(std::min<qint64>(waitMs, 1 << 30)));
    checkDone();
}

void Replayer::sendStep(Simulated &sim, const Step &step) {
    ++m_framesSent;
    if (!step.answer) {
        sim.client->queueText(step.frame);
        return;
    }
    m_answer.resize(0);
    m_answer.append(R"({"action":"answer","ack":)")
        .append(sim.receivedAcks[step.answerOf])
        .append(R"(,"message":)")
        .append(step.frame)
        .append('}');
    sim.client->queueText(m_answer);
}

void Replayer::received(Simulated &sim, const QList<QByteArrayView> &texts) {
    if (m_state != State::WaitingForLive && m_state != State::Playing)
        return;
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    for (const QByteArrayView text : texts) {
        ++sim.received;
        if (sim.mapsAnswers) {
            if (const std::optional<QByteArrayView> ack = messageAck(text))
                sim.receivedAcks.append(ack->toByteArray());
        }
        if (const ReplayComparer::Difference *difference =
                m_comparer.actual(sim.channel, text, now))
            emit differenceFound(*difference);
    }
    if (m_settleTimer.isActive())
        m_settleTimer.start();
    pump();
}

void Replayer::compare(const QString &clientId, bool sent, const QByteArray &data) {
    if (m_state != State::WaitingForLive && m_state != State::Playing)
        return;
    if (const ReplayComparer::Difference *difference =
            m_comparer.actual(clientId, sent, data, m_clock.isValid() ? m_clock.elapsed() : 0))
        emit differenceFound(*difference);
    if (m_settleTimer.isActive())
        m_settleTimer.start();
}

void Replayer::checkDone() {
    if (m_state != State::Playing || m_framesSent < m_framesToSend)
        return;
    if (m_comparer.complete())
        finish();
    else if (!m_settleTimer.isActive())
        m_settleTimer.start();
}

void Replayer::finish(const QString &failure) {
    if (m_state == State::Finished)
        return;
    m_failure = failure;
    m_stepTimer.stop();
    m_settleTimer.stop();
    m_deadline.stop();
    m_comparer.finish();
    for (const auto &sim : m_simulated) {
        if (sim->client) {
            sim->client->disconnect(this);
            sim->client->close();
        }
    }
    setState(State::Finished);
    emit finished(passed());
}

QString Replayer::report(int maxDifferences) const {
    const QString summary = m_comparer.report(maxDifferences);
    return m_failure.isEmpty() ? summary : tr("replay failed: %1").arg(m_failure) + u'\n' + summary;
}

void Replayer::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

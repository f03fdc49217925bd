#include "trafficcontrolstage.h"

#include "clientconnection.h"
#include "deliverypipeline.h"
#include "room.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimerEvent>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// Generations of rules, for every stage of every broker: a connection's note from an earlier
// stage or rule set never looks current. 0 is never used (a connection starts with it).
quint32 nextGeneration() {
    static std::atomic<quint32> generation{0};
    quint32 g = ++generation;
    if (g == 0)
        g = ++generation;
    return g;
}

} // namespace

TrafficControlStage::TrafficControlStage(Host &host, QObject *parent)
    : QObject(parent)
    , m_host(host) {}

TrafficControlStage::~TrafficControlStage() = default;

QString TrafficControlStage::name() const {
    return tr("traffic control");
}

TrafficControlStage::Kind TrafficControlStage::kindOf(TrafficEffect effect) {
    switch (effect) {
    case TrafficEffect::Delay:
        return Kind::Delay;
    case TrafficEffect::Throttle:
        return Kind::Throttle;
    default:
        return Kind::Hold;
    }
}

void TrafficControlStage::learnReceiver(ClientConnection *receiver) {
    const TrafficMatcher::Candidates candidates =
        m_matcher.candidatesFor(receiver->room()->name, receiver->clientId());
    quint32 actions = 0;
    quint32 fromNamed = 0;
    for (size_t action = 0; action < candidates.size(); ++action) {
        for (int index : candidates[action]) {
            if (m_matcher.rule(index).match.from.isEmpty())
                actions |= 1U << action;
            else
                fromNamed |= 1U << action;
        }
    }
    receiver->trafficActions = actions;
    receiver->trafficActionsFromNamedSenders = fromNamed;
    receiver->trafficGeneration = m_generation;
}

void TrafficControlStage::setRules(const TrafficRuleList &rules) {
    m_matcher = TrafficMatcher(rules);
    m_generation = nextGeneration();
    m_senderIds.clear();
    for (const TrafficRule &rule : rules) {
        if (rule.enabled && !rule.match.from.isEmpty() &&
            std::find(m_senderIds.begin(), m_senderIds.end(), rule.match.from) == m_senderIds.end())
            m_senderIds.push_back(rule.match.from);
    }
    for (auto &[id, receiver] : m_receivers)
        receiver.candidatesKnown = false;
    std::vector<quint64> orphaned;
    for (const auto &[ticket, t] : m_tickets) {
        const int index = m_matcher.indexOf(t.rule);
        if (index < 0 || kindOf(m_matcher.rule(index).effect) != t.kind ||
            (t.kind == Kind::Hold && m_matcher.rule(index).effect != TrafficEffect::Hold))
            orphaned.push_back(ticket);
    }
    // Oldest first; a release may hold what waited behind it again, under the new rules.
    for (quint64 ticket : orphaned) {
        if (m_tickets.contains(ticket))
            releaseTicket(ticket, HeldFrame::End::Released);
    }
    for (auto it = m_mutedPings.begin(); it != m_mutedPings.end();) {
        const int index = m_matcher.indexOf(it->first);
        if (index >= 0 && m_matcher.rule(index).effect == TrafficEffect::IgnorePings) {
            ++it;
            continue;
        }
        for (quint64 receiverId : it->second)
            m_host.setAnswersPings(receiverId, true);
        it = m_mutedPings.erase(it);
    }
}

DeliveryStage::Verdict TrafficControlStage::process(Delivery &delivery, quint64 ticket) {
    Receiver &receiver = m_receivers[delivery.receiverId];
    // Worked out again when the rules change or the receiver registers under another id.
    const QByteArray &clientId =
        delivery.receiver ? delivery.receiver->clientId() : receiver.clientId;
    if (!receiver.candidatesKnown || clientId != receiver.clientId) [[unlikely]] {
        receiver.clientId = clientId;
        receiver.candidates =
            delivery.receiver ? m_matcher.candidatesFor(delivery.receiver->room()->name, clientId)
                              : TrafficMatcher::Candidates();
        receiver.candidatesKnown = true;
    }
    const std::vector<int> &candidates = receiver.candidates[size_t(delivery.action)];
    if (candidates.empty()) [[likely]]
        return Verdict::Pass;
    const int index = m_matcher.firstMatch(candidates, delivery);
    if (index < 0)
        return Verdict::Pass;
    const TrafficRule &rule = m_matcher.rule(index);
    const qint64 now = nowMs();
    switch (rule.effect) {
    case TrafficEffect::Hold:
        return hold(delivery, ticket, rule, Kind::Hold, now, 0);
    case TrafficEffect::Delay: {
        const qint64 arrived = delivery.waitingSinceMs > 0 ? delivery.waitingSinceMs : now;
        const qint64 jitter =
            rule.jitterMs > 0 ? QRandomGenerator::global()->bounded(rule.jitterMs + 1) : 0;
        const qint64 due = arrived + std::max(rule.ms, 0) + jitter;
        if (due <= now) {
            // It waited behind another frame for longer than its own delay.
            delivery.note(tr("delayed %1 by rule %2").arg(duration(now - arrived), rule.name));
            return Verdict::Pass;
        }
        return hold(delivery, ticket, rule, Kind::Delay, arrived, due - now);
    }
    case TrafficEffect::Drop:
        if (rule.probability >= 1.0 ||
            QRandomGenerator::global()->generateDouble() < rule.probability) {
            delivery.note(tr("dropped by rule %1").arg(rule.name));
            return Verdict::Drop;
        }
        return Verdict::Pass;
    case TrafficEffect::Duplicate:
        for (int copy = 2; copy <= rule.copies; ++copy) {
            Delivery extra = delivery;
            extra.note(tr("copy %1 of %2 by rule %3").arg(copy).arg(rule.copies).arg(rule.name));
            m_host.writeCopy(extra);
        }
        delivery.note(tr("duplicated ×%1 by rule %2").arg(rule.copies).arg(rule.name));
        return Verdict::Pass;
    case TrafficEffect::Close: {
        const int seen = ++receiver.matches[rule.name];
        if (seen == std::max(rule.after, 1)) {
            m_host.closeAfterWrite(
                delivery.receiverId, rule.closeCode,
                tr("closed by rule %1 after %2 matching frames").arg(rule.name).arg(seen));
            delivery.note(tr("the connection closed with %1 after it by rule %2")
                              .arg(rule.closeCode)
                              .arg(rule.name));
        }
        return Verdict::Pass;
    }
    case TrafficEffect::Throttle: {
        if (rule.bytesPerSecond <= 0)
            return Verdict::Pass; // not a rate (the rules file refuses it; the window may not)
        if (receiver.throttleFreeAtMs <= double(now)) {
            receiver.throttleFreeAtMs =
                double(now) + double(delivery.frame.size()) * 1000.0 / double(rule.bytesPerSecond);
            return Verdict::Pass;
        }
        const qint64 wait = qint64(std::ceil(receiver.throttleFreeAtMs - double(now)));
        return hold(delivery, ticket, rule, Kind::Throttle, now, std::max<qint64>(wait, 1));
    }
    case TrafficEffect::IgnorePings: {
        std::set<quint64> &muted = m_mutedPings[rule.name];
        if (muted.insert(delivery.receiverId).second) {
            m_host.setAnswersPings(delivery.receiverId, false);
            delivery.note(tr("pings no longer answered by rule %1").arg(rule.name));
        }
        return Verdict::Pass;
    }
    }
    return Verdict::Pass;
}

DeliveryStage::Verdict TrafficControlStage::hold(Delivery &delivery, quint64 ticket,
                                                 const TrafficRule &rule, Kind kind, qint64 sinceMs,
                                                 qint64 waitMs) {
    if (const QString refusal = pipeline()->holdRefusal(delivery); !refusal.isEmpty()) {
        delivery.note(tr("not held by rule %1: %2").arg(rule.name, refusal));
        return Verdict::Drop;
    }
    Ticket t;
    t.kind = kind;
    t.rule = rule.name;
    t.receiverId = delivery.receiverId;
    t.sinceMs = sinceMs;
    if (kind == Kind::Hold) {
        HeldFrame &f = t.frame;
        f.ticket = ticket;
        f.connectionId = delivery.receiverId;
        if (delivery.receiver) {
            f.room = delivery.receiver->room()->name;
            f.receiverId = delivery.receiver->clientId();
        }
        f.senderId = delivery.senderClientId;
        f.action = delivery.action;
        f.ack = delivery.ack;
        f.frame = delivery.frame;
        f.rule = rule.name;
        f.heldAtMs = sinceMs;
        // Announced from the event loop: whoever answers it may release it at once, which
        // must not happen inside process().
        QMetaObject::invokeMethod(
            this, [this, ticket] { announce(ticket); }, Qt::QueuedConnection);
    } else {
        t.timerId = startTimer(std::chrono::milliseconds(waitMs), Qt::PreciseTimer);
        m_timers.emplace(t.timerId, ticket);
    }
    m_tickets.emplace(ticket, std::move(t));
    return Verdict::Hold;
}

void TrafficControlStage::announce(quint64 ticket) {
    const auto it = m_tickets.find(ticket);
    if (it == m_tickets.end() || it->second.announced)
        return;
    it->second.announced = true;
    emit frameHeld(it->second.frame);
}

void TrafficControlStage::timerEvent(QTimerEvent *event) {
    const auto it = m_timers.find(event->timerId());
    if (it == m_timers.end())
        return;
    const quint64 ticket = it->second;
    if (m_tickets.contains(ticket))
        releaseTicket(ticket, HeldFrame::End::Released);
}

QString TrafficControlStage::duration(qint64 ms) {
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString TrafficControlStage::noteFor(const Ticket &t) const {
    const qint64 waited = nowMs() - t.sinceMs;
    switch (t.kind) {
    case Kind::Delay:
        return tr("delayed %1 by rule %2").arg(duration(waited), t.rule);
    case Kind::Throttle:
        return tr("throttled %1 by rule %2").arg(duration(waited), t.rule);
    case Kind::Hold:
        break;
    }
    const QString held = tr("held %1 by rule %2").arg(duration(waited), t.rule);
    return t.edited ? tr("%1; edited").arg(held) : held;
}

QString TrafficControlStage::releaseNote(quint64 ticket, qint64 heldMs) const {
    Q_UNUSED(heldMs);
    return ticket == m_releasing ? m_releaseNote : QString();
}

void TrafficControlStage::releaseTicket(quint64 ticket, HeldFrame::End end) {
    const Ticket &t = m_tickets.at(ticket);
    const QString note = noteFor(t);
    if (t.kind == Kind::Throttle) {
        // The write it waited for counts against the receiver's rate from now.
        const Delivery *held = pipeline()->held(ticket);
        const int index = m_matcher.indexOf(t.rule);
        Receiver &receiver = m_receivers[t.receiverId];
        if (held && index >= 0 && m_matcher.rule(index).bytesPerSecond > 0)
            receiver.throttleFreeAtMs =
                std::max(receiver.throttleFreeAtMs, double(nowMs())) +
                double(held->frame.size()) * 1000.0 / double(m_matcher.rule(index).bytesPerSecond);
    }
    endTicket(ticket, end, note);
    m_releasing = ticket;
    m_releaseNote = note;
    pipeline()->release(ticket);
    m_releasing = 0;
}

void TrafficControlStage::endTicket(quint64 ticket, HeldFrame::End end, const QString &note) {
    const auto it = m_tickets.find(ticket);
    if (it->second.timerId != 0) {
        killTimer(it->second.timerId);
        m_timers.erase(it->second.timerId);
    }
    const bool wasHold = it->second.kind == Kind::Hold;
    if (wasHold)
        announce(ticket); // ends are never reported before the frame was
    m_tickets.erase(it);
    if (wasHold)
        emit heldFrameEnded(ticket, end, note);
}

QString TrafficControlStage::releaseHeld(quint64 ticket, const QByteArray &edited) {
    const auto it = m_tickets.find(ticket);
    if (it == m_tickets.end() || it->second.kind != Kind::Hold)
        return tr("no frame is held under ticket %1").arg(ticket);
    if (!edited.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(edited, &error);
        if (error.error != QJsonParseError::NoError)
            return tr("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset);
        if (!doc.isObject())
            return tr("a frame must be a JSON object");
        pipeline()->held(ticket)->frame = edited;
        it->second.edited = true;
    }
    releaseTicket(ticket, edited.isEmpty() ? HeldFrame::End::Released : HeldFrame::End::Edited);
    return {};
}

bool TrafficControlStage::dropHeld(quint64 ticket) {
    const auto it = m_tickets.find(ticket);
    if (it == m_tickets.end() || it->second.kind != Kind::Hold)
        return false;
    const QString note = tr("%1; dropped by the user").arg(noteFor(it->second));
    endTicket(ticket, HeldFrame::End::Dropped, note);
    pipeline()->drop(ticket, note);
    return true;
}

void TrafficControlStage::releaseAllHeld() {
    std::vector<quint64> held;
    for (const auto &[ticket, t] : m_tickets) {
        if (t.kind == Kind::Hold)
            held.push_back(ticket);
    }
    for (quint64 ticket : held) {
        if (m_tickets.contains(ticket))
            releaseTicket(ticket, HeldFrame::End::Released);
    }
}

void TrafficControlStage::forgetReceiver(quint64 receiverId, const QString &why) {
    std::vector<quint64> gone;
    for (const auto &[ticket, t] : m_tickets) {
        if (t.receiverId == receiverId)
            gone.push_back(ticket);
    }
    for (quint64 ticket : gone)
        endTicket(ticket, HeldFrame::End::Dropped, why);
    m_receivers.erase(receiverId);
    for (auto &[rule, muted] : m_mutedPings)
        muted.erase(receiverId);
}

void TrafficControlStage::forgetAll(const QString &why) {
    std::vector<quint64> gone;
    for (const auto &[ticket, t] : m_tickets)
        gone.push_back(ticket);
    for (quint64 ticket : gone)
        endTicket(ticket, HeldFrame::End::Dropped, why);
}

int TrafficControlStage::heldCount() const {
    return int(std::count_if(m_tickets.begin(), m_tickets.end(),
                             [](const auto &entry) { return entry.second.kind == Kind::Hold; }));
}

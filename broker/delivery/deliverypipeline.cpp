#include "deliverypipeline.h"

#include <QDateTime>

#include <algorithm>

DeliveryPipeline::DeliveryPipeline(Output &output)
    : m_output(output) {}

DeliveryPipeline::~DeliveryPipeline() = default;

DeliveryStage *DeliveryPipeline::install(std::unique_ptr<DeliveryStage> stage, int position) {
    DeliveryStage *raw = stage.get();
    raw->m_pipeline = this;
    const auto at = position < 0 || position >= int(m_stages.size()) ? m_stages.end()
                                                                     : m_stages.begin() + position;
    const size_t index = size_t(at - m_stages.begin());
    m_stages.insert(at, std::move(stage));
    // Held deliveries keep pointing at their own stage.
    for (auto &[ticket, held] : m_held) {
        if (held.stage >= index)
            ++held.stage;
    }
    return raw;
}

std::unique_ptr<DeliveryStage> DeliveryPipeline::uninstall(DeliveryStage *stage) {
    const auto it = std::find_if(m_stages.begin(), m_stages.end(),
                                 [stage](const auto &s) { return s.get() == stage; });
    if (it == m_stages.end())
        return {};
    const size_t index = size_t(it - m_stages.begin());
    std::vector<quint64> released;
    for (auto &[ticket, held] : m_held) {
        if (held.stage == index)
            released.push_back(ticket);
    }
    std::sort(released.begin(), released.end()); // oldest first
    // Released before the stage goes, so that they pass the stages after it, and those held by
    // later stages keep their place.
    for (quint64 ticket : released)
        release(ticket);
    std::unique_ptr<DeliveryStage> owned = std::move(m_stages[index]);
    m_stages.erase(m_stages.begin() + qsizetype(index));
    for (auto &[ticket, held] : m_held) {
        if (held.stage > index)
            --held.stage;
    }
    owned->m_pipeline = nullptr;
    return owned;
}

void DeliveryPipeline::deliverThroughStages(Delivery &&delivery) {
    const auto blocked = m_receivers.find(delivery.receiverId);
    if (blocked != m_receivers.end()) {
        if (const QString refusal = holdRefusal(delivery); !refusal.isEmpty()) {
            delivery.note(refusal);
            m_output.discard(std::move(delivery));
            return;
        }
        delivery.waitingSinceMs = QDateTime::currentMSecsSinceEpoch();
        blocked->second.bytes += delivery.frame.size();
        ++m_pendingCount;
        blocked->second.waiting.push_back(std::move(delivery));
        return;
    }
    run(std::move(delivery), 0);
}

bool DeliveryPipeline::run(Delivery &&delivery, size_t first) {
    for (size_t i = first; i < m_stages.size(); ++i) {
        const quint64 ticket = m_nextTicket;
        switch (m_stages[i]->process(delivery, ticket)) {
        case DeliveryStage::Verdict::Pass:
            break;
        case DeliveryStage::Verdict::Drop:
            m_output.discard(std::move(delivery));
            return true;
        case DeliveryStage::Verdict::Hold: {
            ++m_nextTicket;
            const quint64 receiverId = delivery.receiverId;
            const qint64 bytes = delivery.frame.size();
            m_held.emplace(
                ticket, Held{std::move(delivery), i, QDateTime::currentMSecsSinceEpoch(), bytes});
            Blocked &blocked = m_receivers[receiverId];
            blocked.heldTicket = ticket;
            blocked.bytes += bytes;
            ++m_pendingCount;
            return false;
        }
        }
    }
    m_output.write(std::move(delivery));
    return true;
}

Delivery *DeliveryPipeline::held(quint64 ticket) {
    const auto it = m_held.find(ticket);
    return it == m_held.end() ? nullptr : &it->second.delivery;
}

DeliveryPipeline::Held DeliveryPipeline::takeHeld(quint64 ticket) {
    const auto it = m_held.find(ticket);
    Held held = std::move(it->second);
    m_held.erase(it);
    --m_pendingCount;
    const auto blocked = m_receivers.find(held.delivery.receiverId);
    if (blocked != m_receivers.end() && blocked->second.heldTicket == ticket) {
        blocked->second.heldTicket = 0;
        blocked->second.bytes -= held.bytes;
    }
    return held;
}

bool DeliveryPipeline::release(quint64 ticket) {
    if (!m_held.contains(ticket))
        return false;
    Held held = takeHeld(ticket);
    const quint64 receiverId = held.delivery.receiverId;
    const qint64 heldMs = QDateTime::currentMSecsSinceEpoch() - held.sinceMs;
    const QString note = m_stages[held.stage]->releaseNote(ticket, heldMs);
    held.delivery.note(note.isEmpty()
                           ? tr("held %1 ms by %2").arg(heldMs).arg(m_stages[held.stage]->name())
                           : note);
    if (run(std::move(held.delivery), held.stage + 1))
        drain(receiverId);
    return true;
}

bool DeliveryPipeline::drop(quint64 ticket, const QString &why) {
    if (!m_held.contains(ticket))
        return false;
    Held held = takeHeld(ticket);
    const quint64 receiverId = held.delivery.receiverId;
    held.delivery.note(why);
    m_output.discard(std::move(held.delivery));
    drain(receiverId);
    return true;
}

void DeliveryPipeline::drain(quint64 receiverId) {
    // Looked up on every turn: a write may cut the receiver off, which forgets it.
    while (true) {
        const auto blocked = m_receivers.find(receiverId);
        if (blocked == m_receivers.end())
            return;
        if (blocked->second.heldTicket != 0)
            return;
        if (blocked->second.waiting.empty()) {
            m_receivers.erase(blocked);
            return;
        }
        Delivery next = std::move(blocked->second.waiting.front());
        blocked->second.waiting.pop_front();
        blocked->second.bytes -= next.frame.size();
        --m_pendingCount;
        run(std::move(next), 0);
    }
}

void DeliveryPipeline::forgetReceiver(quint64 receiverId) {
    dropFor(receiverId, tr("dropped: the receiver left"));
}

void DeliveryPipeline::dropAll(const QString &why) {
    std::vector<quint64> receivers;
    receivers.reserve(m_receivers.size());
    for (const auto &[id, blocked] : m_receivers)
        receivers.push_back(id);
    std::sort(receivers.begin(), receivers.end());
    for (quint64 id : receivers)
        dropFor(id, why);
}

void DeliveryPipeline::dropFor(quint64 receiverId, const QString &why) {
    const auto blocked = m_receivers.find(receiverId);
    if (blocked == m_receivers.end())
        return;
    Blocked gone = std::move(blocked->second);
    m_receivers.erase(blocked);
    m_pendingCount -= int(gone.waiting.size()) + (gone.heldTicket != 0 ? 1 : 0);
    if (gone.heldTicket != 0) {
        const auto it = m_held.find(gone.heldTicket);
        Delivery delivery = std::move(it->second.delivery);
        m_held.erase(it);
        delivery.note(why);
        m_output.discard(std::move(delivery));
    }
    for (Delivery &delivery : gone.waiting) {
        delivery.note(why);
        m_output.discard(std::move(delivery));
    }
}

int DeliveryPipeline::waitingCount() const {
    int count = 0;
    for (const auto &[id, blocked] : m_receivers)
        count += int(blocked.waiting.size());
    return count;
}

qint64 DeliveryPipeline::pendingBytes(quint64 receiverId) const {
    const auto blocked = m_receivers.find(receiverId);
    return blocked == m_receivers.end() ? 0 : blocked->second.bytes;
}

QString DeliveryPipeline::holdRefusal(const Delivery &delivery) const {
    if (m_maxPending > 0 && m_pendingCount >= m_maxPending)
        return tr("dropped: %1 frames held or waiting (limit %2)")
            .arg(m_pendingCount)
            .arg(m_maxPending);
    const qint64 bytes = pendingBytes(delivery.receiverId) + delivery.frame.size();
    if (m_maxPendingBytes > 0 && bytes > m_maxPendingBytes)
        return tr("dropped: %1 bytes held or waiting for the receiver (limit %2)")
            .arg(bytes)
            .arg(m_maxPendingBytes);
    return {};
}

#include "ackindex.h"

#include <algorithm>

namespace {

bool isFrame(const BrokerEvent &e, BrokerEvent::Kind kind, FrameAction action) {
    return e.kind == kind && e.action == action;
}

} // namespace

AckIndex::AckIndex(EventOfSerial eventOfSerial)
    : m_eventOfSerial(std::move(eventOfSerial)) {}

bool AckIndex::isIndexed(const BrokerEvent &event) {
    return !event.ack.isEmpty() &&
           (event.kind == BrokerEvent::Kind::FrameIn || event.kind == BrokerEvent::Kind::FrameOut);
}

bool AckIndex::isAsk(const BrokerEvent &event) {
    return isFrame(event, BrokerEvent::Kind::FrameIn, FrameAction::Send) && !event.ack.isEmpty() &&
           (event.outcome == BrokerEvent::Outcome::Done ||
            event.outcome == BrokerEvent::Outcome::PartlyDelivered);
}

void AckIndex::add(const BrokerEvent &event, quint64 serial) {
    if (!isIndexed(event))
        return;
    const Key key{event.room, event.ack};
    m_serials[key].append(serial);

    if (isSend(event))
        m_newestSend.insert(AskerKey{event.room, event.ack, event.connectionId}, serial);
    m_entries.push_back(Entry{serial, key, event.connectionId, isSend(event)});
    while (serial - m_entries.front().serial >= m_window)
        forgetOldest();
}

void AckIndex::setWindow(quint64 serials) {
    m_window = std::max<quint64>(serials, 1);
    while (!m_entries.empty() && m_entries.back().serial - m_entries.front().serial >= m_window)
        forgetOldest();
}

void AckIndex::removeOldest(quint64 serial) {
    if (!m_entries.empty() && m_entries.front().serial == serial)
        forgetOldest();
}

void AckIndex::forgetOldest() {
    const Entry entry = std::move(m_entries.front());
    m_entries.pop_front();
    const quint64 serial = entry.serial;
    const Key &key = entry.key;
    const auto it = m_serials.find(key);
    Q_ASSERT(it != m_serials.end() && it->first() == serial);
    it->removeFirst();
    if (it->isEmpty())
        m_serials.erase(it);
    if (!entry.send)
        return;
    const auto newest = m_newestSend.find(AskerKey{key.room, key.ack, entry.connectionId});
    if (newest != m_newestSend.end() && *newest == serial)
        m_newestSend.erase(newest);
}

std::optional<BrokerEvent> AckIndex::eventOf(quint64 serial) const {
    const Entry *entry = entryOf(serial);
    BrokerEvent header;
    if (!entry || !m_eventOfSerial(serial, &header))
        return std::nullopt;
    header.ack = entry->key.ack;
    return header;
}

const AckIndex::Entry *AckIndex::entryOf(quint64 serial) const {
    const auto it =
        std::lower_bound(m_entries.cbegin(), m_entries.cend(), serial,
                         [](const Entry &entry, quint64 value) { return entry.serial < value; });
    return it != m_entries.cend() && it->serial == serial ? &*it : nullptr;
}

void AckIndex::clear() {
    m_serials.clear();
    m_newestSend.clear();
    m_entries.clear();
}

QList<quint64> AckIndex::serials(const QString &room, const QByteArray &ack) const {
    return m_serials.value(Key{room, ack});
}

quint64 AckIndex::forwardedAnswer(quint64 sendSerial) const {
    const std::optional<BrokerEvent> send = eventOf(sendSerial);
    if (!send)
        return NoSerial;
    quint64 found = NoSerial;
    forEachInAsk(sendSerial, [&](quint64 serial, const BrokerEvent &e) {
        if (isFrame(e, BrokerEvent::Kind::FrameOut, FrameAction::Answer) &&
            e.connectionId == send->connectionId) {
            found = serial;
            return false;
        }
        return true;
    });
    return found;
}

quint64 AckIndex::sendOfForwardedAnswer(quint64 answerSerial) const {
    const std::optional<BrokerEvent> answer = eventOf(answerSerial);
    if (!answer)
        return NoSerial;
    const quint64 send =
        m_newestSend.value(AskerKey{answer->room, answer->ack, answer->connectionId}, NoSerial);
    // A send after the answer is a new ask; the answer's own send was replaced by it.
    return send < answerSerial ? send : NoSerial;
}

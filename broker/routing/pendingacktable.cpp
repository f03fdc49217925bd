#include "pendingacktable.h"

int PendingAckTable::remember(const QByteArray &key, quint64 asker, const QByteArray &ackJson,
                              QVarLengthArray<quint64, 2> recipients, qint64 deadlineMs) {
    int evicted = 0;
    auto existing = m_entries.find(key);
    if (existing != m_entries.end())
        remove(existing); // a reused ack replaces the old ask, as in the original
    while (pendingFor(asker) >= m_maxPerConnection) {
        remove(m_entries.find(m_byAsker.constFind(asker)->front()));
        ++evicted;
    }
    while (int(m_entries.size()) >= m_maxTotal) {
        remove(m_entries.find(m_order.front()));
        ++evicted;
    }
    std::list<QByteArray> &askerList = m_byAsker[asker];
    Entry e;
    e.asker = asker;
    e.ackJson = ackJson;
    e.recipients = std::move(recipients);
    e.deadlineMs = deadlineMs;
    e.globalPos = m_order.insert(m_order.end(), key);
    e.askerPos = askerList.insert(askerList.end(), key);
    m_entries.insert(key, std::move(e));
    return evicted;
}

PendingAckTable::TakeResult PendingAckTable::take(const QByteArray &key, quint64 answerer,
                                                  Entry *taken) {
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return TakeResult::UnknownAck;
    if (!it->recipients.contains(answerer))
        return TakeResult::NotRecipient;
    *taken = *it;
    remove(it);
    return TakeResult::Taken;
}

int PendingAckTable::forgetAsker(quint64 asker) {
    int n = 0;
    for (auto mine = m_byAsker.find(asker); mine != m_byAsker.end(); mine = m_byAsker.find(asker)) {
        remove(m_entries.find(mine->front()));
        ++n;
    }
    return n;
}

int PendingAckTable::expire(qint64 nowMs) {
    int n = 0;
    while (!m_order.empty()) {
        auto it = m_entries.find(m_order.front());
        if (it->deadlineMs > nowMs)
            break;
        remove(it);
        ++n;
    }
    return n;
}

qint64 PendingAckTable::nextDeadlineMs() const {
    if (m_order.empty())
        return -1;
    return m_entries.value(m_order.front()).deadlineMs;
}

int PendingAckTable::pendingFor(quint64 asker) const {
    auto it = m_byAsker.constFind(asker);
    return it == m_byAsker.constEnd() ? 0 : int(it->size());
}

void PendingAckTable::remove(QHash<QByteArray, Entry>::iterator it) {
    m_order.erase(it->globalPos);
    auto mine = m_byAsker.find(it->asker);
    mine->erase(it->askerPos);
    if (mine->empty())
        m_byAsker.erase(mine);
    m_entries.erase(it);
}

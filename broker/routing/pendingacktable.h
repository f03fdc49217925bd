#pragma once

#include <QByteArray>
#include <QHash>
#include <QVarLengthArray>

#include <list>

// Acks waiting for their first answer ("fastest wins"). Keys are room and ack together, so
// rooms never see each other's acks. The time to live is the same for all, so insertion order
// is expiry order: one list serves expiry and the broker-wide bound, and one list per asker
// serves the per-connection bound. Every operation is O(1) apart from the recipients check.
class PendingAckTable {
public:
    struct Entry {
        quint64 asker = 0;
        QByteArray ackJson;
        QVarLengthArray<quint64, 2> recipients;
        qint64 deadlineMs = 0;
        std::list<QByteArray>::iterator globalPos;
        std::list<QByteArray>::iterator askerPos;
    };
    enum class TakeResult { Taken, UnknownAck, NotRecipient };

    PendingAckTable(int maxPerConnection, int maxTotal)
        : m_maxPerConnection(maxPerConnection)
        , m_maxTotal(maxTotal) {}

    static QByteArray makeKey(const QByteArray &roomKey, const QByteArray &ack) {
        QByteArray key;
        key.reserve(roomKey.size() + ack.size() + 1);
        key.append(roomKey).append('\0').append(ack);
        return key;
    }

    // Remembers an ask; an older pending ask with the same key is replaced. Returns how many
    // older entries the bounds pushed out.
    int remember(const QByteArray &key, quint64 asker, const QByteArray &ackJson,
                 QVarLengthArray<quint64, 2> recipients, qint64 deadlineMs);
    // Takes the entry if answerer is one of its recipients.
    TakeResult take(const QByteArray &key, quint64 answerer, Entry *taken);
    // Drops every ask of a connection that left; returns how many.
    int forgetAsker(quint64 asker);
    // Drops the asks whose time is up; returns how many.
    int expire(qint64 nowMs);
    // When the oldest entry expires, or -1 when there is none.
    qint64 nextDeadlineMs() const;

    int size() const { return int(m_entries.size()); }
    int pendingFor(quint64 asker) const;

private:
    void remove(QHash<QByteArray, Entry>::iterator it);

    int m_maxPerConnection;
    int m_maxTotal;
    QHash<QByteArray, Entry> m_entries;
    std::list<QByteArray> m_order;                   // all keys, oldest first
    QHash<quint64, std::list<QByteArray>> m_byAsker; // each asker's keys, oldest first
};

#pragma once

#include "brokerevent.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <deque>
#include <functional>
#include <optional>

// The log's rows that carried an ack, by room and ack, named by serial (FrameLogModel::serialAt),
// and the few questions about asks that the log itself must answer for every row it stores: is
// this an ask, has it been answered, which send does an answer belong to. The frame log keeps it
// up to date; AckPairing builds whole send/answer groups over it.
//
// Its memory is bounded: it covers the rows of the newest `window()` serials only (about 100
// bytes per row that carried an ack). An answer to a send older than that is not paired.
class AckIndex {
public:
    static constexpr quint64 NoSerial = ~quint64(0);
    static constexpr quint64 DefaultWindow = 250000;
    // The event of a serial still in the log without its bytes (FrameLogModel::headerAt), or
    // false when it has left. The index adds the ack it keeps.
    using EventOfSerial = std::function<bool(quint64 serial, BrokerEvent *header)>;

    explicit AckIndex(EventOfSerial eventOfSerial);

    // Whether an event is indexed at all: a frame that carried an ack.
    static bool isIndexed(const BrokerEvent &event);
    // A send with an ack that reached at least one recipient: it can be answered.
    static bool isAsk(const BrokerEvent &event);

    // How many of the newest serials the index covers; older entries are forgotten.
    quint64 window() const { return m_window; }
    void setWindow(quint64 serials);
    // Entries in the index (rows that carried an ack, within the window).
    qsizetype size() const { return qsizetype(m_entries.size()); }

    // Adds a row; serials arrive in increasing order. Entries past the window go.
    void add(const BrokerEvent &event, quint64 serial);
    // Removes the oldest row of the log, which is the oldest entry of its list (if indexed).
    void removeOldest(quint64 serial);
    void clear();

    // Serials of the rows that carried this ack in this room, oldest first.
    QList<quint64> serials(const QString &room, const QByteArray &ack) const;
    // The header of an indexed row with its ack; nullopt when it is not in the index.
    std::optional<BrokerEvent> eventOf(quint64 serial) const;

    // The serial of the answer forwarded to the asker of a send, or NoSerial.
    quint64 forwardedAnswer(quint64 sendSerial) const;
    // The send a forwarded answer (FrameOut answer) belongs to, or NoSerial: the asker's newest
    // send of that ack before it.
    quint64 sendOfForwardedAnswer(quint64 answerSerial) const;

    // Serials with the same room and ack after the send, up to the asker's next send reusing
    // the ack; calls visit(serial, event) for each in order until visit returns false.
    template <typename Visit> void forEachInAsk(quint64 sendSerial, Visit &&visit) const {
        const std::optional<BrokerEvent> send = eventOf(sendSerial);
        if (!send)
            return;
        const QList<quint64> list = serials(send->room, send->ack);
        auto it = std::upper_bound(list.cbegin(), list.cend(), sendSerial);
        for (; it != list.cend(); ++it) {
            const std::optional<BrokerEvent> entry = eventOf(*it);
            if (!entry)
                return;
            const BrokerEvent &e = *entry;
            // The asker reusing its ack starts a new ask.
            if (e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send &&
                e.connectionId == send->connectionId)
                return;
            if (!visit(*it, e))
                return;
        }
    }

private:
    struct Key {
        QString room;
        QByteArray ack;
        friend bool operator==(const Key &a, const Key &b) {
            return a.ack == b.ack && a.room == b.room;
        }
        friend size_t qHash(const Key &key, size_t seed = 0) {
            return qHashMulti(seed, key.room, key.ack);
        }
    };

    // An asker's newest send of an ack: where its forwarded answer belongs.
    struct AskerKey {
        QString room;
        QByteArray ack;
        quint64 connectionId;
        friend bool operator==(const AskerKey &a, const AskerKey &b) {
            return a.connectionId == b.connectionId && a.ack == b.ack && a.room == b.room;
        }
        friend size_t qHash(const AskerKey &key, size_t seed = 0) {
            return qHashMulti(seed, key.room, key.ack, key.connectionId);
        }
    };
    void forgetOldest();
    static bool isSend(const BrokerEvent &event) {
        return event.kind == BrokerEvent::Kind::FrameIn && event.action == FrameAction::Send;
    }

    EventOfSerial m_eventOfSerial;
    QHash<Key, QList<quint64>> m_serials;
    // The key of every indexed serial, oldest first (the log's rows do not keep their acks):
    // a deque searched by serial costs no hashing per row, as a hash by serial did.
    struct Entry {
        quint64 serial;
        Key key;
        quint64 connectionId;
        bool send;
    };
    const Entry *entryOf(quint64 serial) const;
    QHash<AskerKey, quint64> m_newestSend;
    std::deque<Entry> m_entries;
    quint64 m_window = DefaultWindow;
};

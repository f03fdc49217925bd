#include "router.h"

#include "brokersnapshot.h"
#include "clientconnection.h"
#include "room.h"

#include <QDateTime>
#include <QSet>
#include <QStringList>
#include <QVarLengthArray>

Router::Router(const BrokerSettings &settings, BrokerCounters &counters, ConnectionLookup lookup)
    : m_duplicateIds(settings.duplicateIds)
    , m_ackTtlMs(settings.ackTtlMs)
    , m_counters(counters)
    , m_lookup(std::move(lookup))
    , m_acks(settings.maxPendingAcksPerConnection, settings.maxPendingAcks) {}

RoutingResult Router::route(ClientConnection *from, const ParsedRequest &req, RoutingOutput &out) {
    switch (req.action) {
    case FrameAction::Register:
        return registerId(from, req, out);
    case FrameAction::Unregister:
        return unregisterId(from, out);
    case FrameAction::Send:
        return send(from, req, out);
    case FrameAction::Answer:
        return answer(from, req, out);
    default:
        return {};
    }
}

RoutingResult Router::reject(ClientConnection *conn, FrameError code, const QString &reason,
                             QByteArrayView ackJson, RoutingOutput &out) {
    ++m_counters.errorsSent;
    RoutingResult result;
    result.outcome = BrokerEvent::Outcome::Rejected;
    result.detail =
        QStringLiteral("%1: %2").arg(QLatin1StringView(FrameCodec::errorCodeName(code)), reason);
    out.deliver(conn, FrameAction::Error, FrameCodec::error(code, reason, ackJson), {}, conn);
    return result;
}

RoutingResult Router::registerId(ClientConnection *conn, const ParsedRequest &req,
                                 RoutingOutput &out) {
    Room *room = conn->room();
    if (conn->clientId() == req.id) {
        // Registering again under the same id changes nothing but is answered.
        out.deliver(conn, FrameAction::Registered, FrameCodec::registered(conn->clientIdJson()), {},
                    conn);
        return {BrokerEvent::Outcome::Done, {}, false};
    }
    ClientConnection *holder = room->clients.value(req.id);
    if (holder) {
        if (m_duplicateIds == BrokerSettings::DuplicateIdPolicy::Reject) {
            return reject(
                conn, FrameError::IdTaken,
                tr("id \"%1\" is held by another connection").arg(QString::fromUtf8(req.id)), {},
                out);
        }
        releaseId(holder, tr("taken over by connection #%1").arg(conn->id()), true, out);
    }
    QString renamedFrom;
    if (conn->isRegistered()) {
        renamedFrom = QString::fromUtf8(conn->clientId());
        releaseId(conn, tr("renamed to \"%1\"").arg(QString::fromUtf8(req.id)), false, out);
    }
    conn->setClientId(req.id);
    room->clients.insert(req.id, conn);
    QString detail;
    if (!renamedFrom.isEmpty())
        detail = tr("renamed from \"%1\"").arg(renamedFrom);
    else if (holder)
        detail = tr("took the id over from connection #%1").arg(holder->id());
    out.idRegistered(conn, detail);
    out.deliver(conn, FrameAction::Registered, FrameCodec::registered(conn->clientIdJson()), {},
                conn);
    return {BrokerEvent::Outcome::Done, {}, false};
}

RoutingResult Router::unregisterId(ClientConnection *conn, RoutingOutput &out) {
    if (!conn->isRegistered())
        return {BrokerEvent::Outcome::Ignored, tr("not registered"), false};
    releaseId(conn, tr("unregistered by the client"), true, out);
    return {BrokerEvent::Outcome::Done, {}, false};
}

RoutingResult Router::send(ClientConnection *conn, const ParsedRequest &req, RoutingOutput &out) {
    if (!conn->isRegistered())
        return reject(conn, FrameError::NotRegistered, tr("register before sending"), req.ackJson,
                      out);
    Room *room = conn->room();
    const QByteArray frame = FrameCodec::message(req.message, conn->clientIdJson(), req.ackJson);
    QVarLengthArray<quint64, 2> recipients;
    QStringList unknown;
    int delivered = 0;
    // Each distinct id once: a linear look back for the usual handful of destinations, a set
    // for long lists (up to maxDestinations), where the look back would be quadratic.
    const bool manyDestinations = req.dest.size() > 16;
    QSet<QByteArrayView> seenIds;
    if (manyDestinations)
        seenIds.reserve(req.dest.size());
    for (qsizetype i = 0; i < req.dest.size(); ++i) {
        const QByteArray &dest = req.dest.at(i);
        bool seen = false;
        if (manyDestinations) {
            const qsizetype before = seenIds.size();
            seenIds.insert(dest);
            seen = seenIds.size() == before;
        } else {
            for (qsizetype j = 0; j < i && !seen; ++j)
                seen = req.dest.at(j) == dest;
        }
        if (seen)
            continue;
        // Sending to itself may have cut the sender off as a slow consumer: it has then left,
        // perhaps taking its room along, and the rest of this send is not delivered.
        if (conn->isClosing()) {
            ++m_counters.undelivered;
            m_counters.countSkipped(SkippedDelivery::SenderClosing);
            continue;
        }
        ClientConnection *target = room->clients.value(dest);
        if (!target) {
            ++m_counters.skippedUnknownId;
            m_counters.countSkipped(SkippedDelivery::UnknownId);
            if (unknown.size() < 20)
                unknown.append(QString::fromUtf8(dest));
            continue;
        }
        if (target->isClosing()) {
            ++m_counters.undelivered;
            m_counters.countSkipped(SkippedDelivery::ReceiverClosing);
            if (unknown.size() < 20)
                unknown.append(tr("%1 (closing)").arg(QString::fromUtf8(dest)));
            continue;
        }
        out.deliver(target, FrameAction::Message, frame, req.ack, conn);
        ++delivered;
        ++m_counters.delivered;
        if (req.hasAck())
            recipients.append(target->id());
    }
    RoutingResult result;
    if (req.hasAck() && !recipients.isEmpty() && !conn->isClosing()) {
        const int evicted = m_acks.remember(
            PendingAckTable::makeKey(room->key, req.ack), conn->id(), req.ackJson.toByteArray(),
            std::move(recipients), QDateTime::currentMSecsSinceEpoch() + m_ackTtlMs);
        m_counters.acksEvicted += quint64(evicted);
        result.ackRemembered = true;
    }
    if (unknown.isEmpty()) {
        // No text on the common path: a translated, formatted string per send was a tenth of
        // the observed broker's time. The message frames that follow say it.
        result.outcome = BrokerEvent::Outcome::Done;
    } else {
        result.outcome = delivered ? BrokerEvent::Outcome::PartlyDelivered
                                   : BrokerEvent::Outcome::SkippedUnknownId;
        result.detail = tr("delivered to %n client(s); not delivered to: %1", nullptr, delivered)
                            .arg(unknown.join(QStringLiteral(", ")));
    }
    return result;
}

RoutingResult Router::answer(ClientConnection *conn, const ParsedRequest &req, RoutingOutput &out) {
    if (!conn->isRegistered())
        return reject(conn, FrameError::NotRegistered, tr("register before answering"), req.ackJson,
                      out);
    PendingAckTable::Entry entry;
    const auto taken =
        m_acks.take(PendingAckTable::makeKey(conn->room()->key, req.ack), conn->id(), &entry);
    QString dropped;
    SkippedDelivery why = SkippedDelivery::AnswerUnknownAck;
    if (taken == PendingAckTable::TakeResult::UnknownAck) {
        dropped = tr("no pending ask with this ack (unknown, expired or already answered)");
    } else if (taken == PendingAckTable::TakeResult::NotRecipient) {
        dropped = tr("this client did not receive the ask");
        why = SkippedDelivery::AnswerNotRecipient;
    } else {
        ClientConnection *asker = m_lookup(entry.asker);
        if (!asker || asker->isClosing()) {
            dropped = tr("the asker has left");
            why = SkippedDelivery::AnswerAskerLeft;
        } else {
            out.deliver(asker, FrameAction::Answer,
                        FrameCodec::answer(req.ackJson, conn->clientIdJson(), req.message), req.ack,
                        conn);
            ++m_counters.answersForwarded;
            return {BrokerEvent::Outcome::Done, {}, false};
        }
    }
    ++m_counters.droppedAnswers;
    m_counters.countSkipped(why);
    return {BrokerEvent::Outcome::DroppedAnswer, dropped, false};
}

void Router::releaseId(ClientConnection *conn, const QString &why, bool notifyClient,
                       RoutingOutput &out) {
    if (!conn->isRegistered())
        return;
    Room *room = conn->room();
    const QByteArray idJson = conn->clientIdJson();
    if (room->clients.value(conn->clientId()) == conn)
        room->clients.remove(conn->clientId());
    out.idReleased(conn, why);
    conn->clearClientId();
    if (notifyClient && !conn->isClosing())
        out.deliver(conn, FrameAction::Unregistered, FrameCodec::unregistered(idJson), {}, conn);
}

void Router::forget(ClientConnection *conn, RoutingOutput &out) {
    releaseId(conn, tr("connection closed"), false, out);
    m_acks.forgetAsker(conn->id());
}

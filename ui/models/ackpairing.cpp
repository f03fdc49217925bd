#include "ackpairing.h"

#include "ackindex.h"
#include "brokerevent.h"
#include "framecodec.h"
#include "framelogmodel.h"

#include <algorithm>

namespace {

// How far back a message or answer row looks for the send it belongs to.
constexpr int MaxSendCandidates = 64;

bool isFrame(const BrokerEvent &e, BrokerEvent::Kind kind, FrameAction action) {
    return e.kind == kind && e.action == action;
}

// A message frame names its sender in "from". When the asker had an id and the frame was
// recorded whole, the check keeps apart two askers of one room that happen to use the same ack.
bool isFromAsker(const BrokerEvent &message, const BrokerEvent &send) {
    if (send.clientId.isEmpty() || message.data.size() < message.size)
        return true;
    const QByteArray from = QByteArrayLiteral("\"from\":") + FrameCodec::quote(send.clientId);
    return message.data.contains(from);
}

} // namespace

QList<quint64> AckPairing::Group::serials() const {
    QList<quint64> all;
    if (!isValid())
        return all;
    all.reserve(messages.size() + droppedAnswers.size() + 3);
    all.append(send);
    all.append(messages);
    if (answer != NoSerial)
        all.append(answer);
    if (forwardedAnswer != NoSerial)
        all.append(forwardedAnswer);
    all.append(droppedAnswers);
    std::sort(all.begin(), all.end());
    return all;
}

bool AckPairing::Group::contains(quint64 serial) const {
    return isValid() && (serial == send || serial == answer || serial == forwardedAnswer ||
                         messages.contains(serial) || droppedAnswers.contains(serial));
}

bool AckPairing::isAsk(const BrokerEvent &event) {
    return AckIndex::isAsk(event);
}

AckPairing::Group AckPairing::forSend(const FrameLogModel &log, int sendRow) {
    Group group;
    if (sendRow < 0 || sendRow >= log.rowCount())
        return group;
    const BrokerEvent &send = log.eventAt(sendRow);
    if (!isFrame(send, BrokerEvent::Kind::FrameIn, FrameAction::Send) || send.ack.isEmpty())
        return group;
    group.send = log.serialAt(sendRow);

    QList<quint64> recipients; // connection ids the message went to
    QList<quint64> otherAnswers;
    // Times of the winning answer and of the answer forwarded to the asker (-1: none yet).
    qint64 answerTimeMs = -1;
    qint64 forwardedTimeMs = -1;
    log.ackIndex().forEachInAsk(group.send, [&](quint64 serial, const BrokerEvent &e) {
        if (isFrame(e, BrokerEvent::Kind::FrameOut, FrameAction::Message)) {
            // The index has no bytes: the sender's name is in the whole frame.
            if (isFromAsker(log.eventAt(log.rowOfSerial(serial)), send)) {
                group.messages.append(serial);
                recipients.append(e.connectionId);
            }
        } else if (isFrame(e, BrokerEvent::Kind::FrameIn, FrameAction::Answer)) {
            // Only a recipient's answer can win; without recorded messages, trust the broker.
            const bool fromRecipient = recipients.isEmpty() || recipients.contains(e.connectionId);
            if (e.outcome == BrokerEvent::Outcome::Done && fromRecipient && answerTimeMs < 0) {
                group.answer = serial;
                answerTimeMs = e.timeMs;
            } else if (e.outcome != BrokerEvent::Outcome::Done && fromRecipient) {
                group.droppedAnswers.append(serial);
            }
        } else if (isFrame(e, BrokerEvent::Kind::FrameOut, FrameAction::Answer) &&
                   e.connectionId == send.connectionId && forwardedTimeMs < 0) {
            group.forwardedAnswer = serial;
            forwardedTimeMs = e.timeMs;
        }
        return true;
    });
    if (forwardedTimeMs >= 0)
        group.roundTripMs = forwardedTimeMs - send.timeMs;
    else if (answerTimeMs >= 0)
        group.roundTripMs = answerTimeMs - send.timeMs;
    return group;
}

quint64 AckPairing::forwardedAnswer(const FrameLogModel &log, int sendRow) {
    return log.ackIndex().forwardedAnswer(log.serialAt(sendRow));
}

int AckPairing::sendOfForwardedAnswer(const FrameLogModel &log, int answerRow) {
    const quint64 send = log.ackIndex().sendOfForwardedAnswer(log.serialAt(answerRow));
    return send == NoSerial ? -1 : log.rowOfSerial(send);
}

AckPairing::Group AckPairing::find(const FrameLogModel &log, int row) {
    if (row < 0 || row >= log.rowCount())
        return Group();
    const BrokerEvent &e = log.eventAt(row);
    if (e.ack.isEmpty() ||
        (e.kind != BrokerEvent::Kind::FrameIn && e.kind != BrokerEvent::Kind::FrameOut))
        return Group();
    if (isFrame(e, BrokerEvent::Kind::FrameIn, FrameAction::Send))
        return forSend(log, row);

    // Try the sends with this ack before the row, newest first.
    const quint64 serial = log.serialAt(row);
    const QList<quint64> serials = log.serialsWithAck(e.room, e.ack);
    auto it = std::lower_bound(serials.cbegin(), serials.cend(), serial);
    for (int steps = 0; it != serials.cbegin() && steps < MaxSendCandidates; ++steps) {
        --it;
        const int candidate = log.rowOfSerial(*it);
        if (log.kindAt(candidate) != BrokerEvent::Kind::FrameIn ||
            log.actionAt(candidate) != FrameAction::Send)
            continue;
        Group group = forSend(log, candidate);
        if (group.contains(serial))
            return group;
    }
    return Group();
}

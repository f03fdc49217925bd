#include "askscenario.h"

#include "benchclient.h"
#include "benchworker.h"
#include "incomingframe.h"
#include "jsonscanner.h"

void AskScenario::beginTraffic(BenchClient &client) {
    const int partner = client.index() ^ 1;
    for (int i = 0; i < options().window; ++i)
        sendNext(client, partner, quotedId(partner), options().size, true);
}

void AskScenario::messageReceived(BenchClient &receiver, const IncomingFrame &frame) {
    BenchPayload payload;
    if (!acceptDelivery(receiver, frame, payload, false))
        return;
    WorkerStats &stats = receiver.worker().stats();
    qint64 asker = -1;
    qint64 seq = -1;
    if (!frame.hasAck() || !parseAck(frame.ack(), &asker, &seq) || asker != payload.sender ||
        seq != payload.seq) {
        ++stats.malformed;
        stats.noteProblem(QStringLiteral("ask delivered without its ack (got \"%1\")")
                              .arg(QString::fromUtf8(frame.ack())));
        return;
    }
    // The answer carries the question's fields back, so the asker can check and time it.
    BenchPayload answer;
    answer.sender = receiver.index();
    answer.seq = payload.seq;
    answer.dest = payload.sender;
    answer.sentNs = payload.sentNs;
    receiver.sendAnswer(frame.ack(), answer);
}

void AskScenario::answerReceived(BenchClient &asker, const IncomingFrame &frame) {
    WorkerStats &stats = asker.worker().stats();
    BenchPayload answer;
    qint64 ackAsker = -1;
    qint64 ackSeq = -1;
    if (!answer.parse(frame.message()) || !parseAck(frame.ack(), &ackAsker, &ackSeq)) {
        ++stats.malformed;
        stats.noteProblem(
            QStringLiteral("unreadable answer: ack \"%1\", message %2")
                .arg(QString::fromUtf8(frame.ack()), QString::fromUtf8(frame.message())));
        return;
    }
    const int partner = asker.index() ^ 1;
    if (ackAsker != asker.index() || answer.dest != asker.index() || answer.sender != partner ||
        answer.seq != ackSeq || frame.from() != QByteArrayView(clientId(partner))) {
        ++stats.misrouted;
        stats.noteProblem(QStringLiteral("%1 received an answer for ack \"%2\" from \"%3\"")
                              .arg(QString::fromUtf8(asker.id()), QString::fromUtf8(frame.ack()),
                                   QString::fromUtf8(frame.from())));
        return;
    }
    switch (asker.answers.record(answer.seq)) {
    case ReceiveStream::Result::InOrder:
        break;
    case ReceiveStream::Result::Late:
        ++stats.outOfOrder;
        break;
    case ReceiveStream::Result::Duplicate:
        ++stats.duplicated;
        return;
    case ReceiveStream::Result::Invalid:
        ++stats.malformed;
        return;
    }
    recordMeasured(asker, answer.sentNs);
    --asker.inFlight;
    if (isSending())
        sendNext(asker, partner, quotedId(partner), options().size, true);
}

bool AskScenario::parseAck(QByteArrayView ack, qint64 *asker, qint64 *seq) const {
    const QByteArrayView tag(runTag());
    if (!ack.startsWith(tag) || ack.size() <= tag.size() || ack.at(tag.size()) != '.')
        return false;
    const QByteArrayView rest = ack.sliced(tag.size() + 1);
    const qsizetype dot = rest.indexOf('.');
    if (dot <= 0)
        return false;
    return JsonScanner::toInteger(rest.first(dot), *asker) &&
           JsonScanner::toInteger(rest.sliced(dot + 1), *seq);
}

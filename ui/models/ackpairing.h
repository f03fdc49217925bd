#pragma once

#include "ackindex.h"

#include <QList>
#include <QtGlobal>

class FrameLogModel;
struct BrokerEvent;

// Pairs a `send` that carried an ack with what it caused, using the log's ack index (AckIndex): the
// `message` frames delivered to its recipients, the `answer` that won ("fastest wins"), the
// answer forwarded back to the asker, and answers the broker dropped. Rows are named by serial
// (FrameLogModel::serialAt), so a group stays valid while older rows leave the log.
class AckPairing {
public:
    static constexpr quint64 NoSerial = AckIndex::NoSerial;

    struct Group {
        quint64 send = NoSerial;
        QList<quint64> messages;            // FrameOut message, one per recipient
        quint64 answer = NoSerial;          // FrameIn answer that won
        quint64 forwardedAnswer = NoSerial; // FrameOut answer to the asker
        QList<quint64> droppedAnswers;      // FrameIn answers from recipients that lost
        qint64 roundTripMs = -1;            // forwarded answer (or winning answer) minus send

        bool isValid() const { return send != NoSerial; }
        bool isAnswered() const { return forwardedAnswer != NoSerial || answer != NoSerial; }
        // Every serial of the group, in log order.
        QList<quint64> serials() const;
        bool contains(quint64 serial) const;
    };

    // The group a row belongs to: the row may be the send itself, one of its messages or
    // answers. An invalid group when the row is not part of an ask still in the log.
    static Group find(const FrameLogModel &log, int row);
    // The group of a send row (invalid when the row is not a send with an ack).
    static Group forSend(const FrameLogModel &log, int sendRow);
    // The serial of the answer forwarded to the asker of a send, or NoSerial. Cheaper than
    // forSend: the model asks this for every visible send.
    static quint64 forwardedAnswer(const FrameLogModel &log, int sendRow);
    // The send row a forwarded answer (FrameOut answer) belongs to, or -1.
    static int sendOfForwardedAnswer(const FrameLogModel &log, int answerRow);

    // A send with an ack that reached at least one recipient: it can be answered.
    static bool isAsk(const BrokerEvent &event);
};

#include "askrelationtext.h"

#include "displaytext.h"
#include "framelogmodel.h"

QString AskRelationText::describe(const FrameLogModel &log, const AckPairing::Group &group) {
    if (!group.isValid())
        return QString();
    const int sendRow = log.rowOfSerial(group.send);
    if (sendRow < 0)
        return QString();
    const BrokerEvent send = log.eventAt(sendRow);
    QString text =
        tr("Ask <b>%1</b>: delivered to %n recipient(s)", nullptr, int(group.messages.size()))
            .arg(DisplayText::visible(DisplayText::elided(QString::fromUtf8(send.ack)))
                     .toHtmlEscaped());
    if (group.isAnswered()) {
        const int answerRow = log.rowOfSerial(
            group.answer != AckPairing::NoSerial ? group.answer : group.forwardedAnswer);
        const QString by = answerRow >= 0 ? DisplayText::clientName(log.clientIdAt(answerRow),
                                                                    log.connectionIdAt(answerRow))
                                          : QString();
        text += tr("; answered by <b>%1</b> after <b>%2 ms</b>")
                    .arg(by.toHtmlEscaped())
                    .arg(group.roundTripMs);
    } else {
        text += tr("; <b>no answer yet</b>");
    }
    if (!group.droppedAnswers.isEmpty())
        text += tr("; %n later answer(s) dropped", nullptr, int(group.droppedAnswers.size()));
    return text;
}

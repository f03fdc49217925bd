// ConsoleClientWidget and the history of sent messages: what a sent message is recorded as, and
// recalling one with Up and Down brings back where and how it went, not only its text.
#include "consoleclientwidget.h"

#include "jsoneditor.h"
#include "savedmessagesstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

namespace {

SentMessage::Kind kindOf(ConsoleClientWidget::ComposerMode mode) {
    using Mode = ConsoleClientWidget::ComposerMode;
    switch (mode) {
    case Mode::Json:
        break;
    case Mode::RawText:
        return SentMessage::Kind::RawText;
    case Mode::RawBinaryHex:
        return SentMessage::Kind::RawBinaryHex;
    case Mode::RawBinaryText:
        return SentMessage::Kind::RawBinaryText;
    }
    return SentMessage::Kind::Send;
}

ConsoleClientWidget::ComposerMode modeOf(SentMessage::Kind kind) {
    using Mode = ConsoleClientWidget::ComposerMode;
    switch (kind) {
    case SentMessage::Kind::Send:
    case SentMessage::Kind::Answer:
        break;
    case SentMessage::Kind::RawText:
        return Mode::RawText;
    case SentMessage::Kind::RawBinaryHex:
        return Mode::RawBinaryHex;
    case SentMessage::Kind::RawBinaryText:
        return Mode::RawBinaryText;
    }
    return Mode::Json;
}

} // namespace

SentMessage ConsoleClientWidget::sentMessage(const QString &text) const {
    SentMessage entry;
    entry.text = text;
    entry.kind = kindOf(composerMode());
    entry.room = room();
    if (entry.kind == SentMessage::Kind::Send) {
        entry.destinations = destinations().trimmed();
        entry.expectAnswer = expectsAnswer();
    }
    return entry;
}

QString ConsoleClientWidget::recallText() const {
    return m_recallLabel->isHidden() ? QString() : m_recallLabel->text();
}

void ConsoleClientWidget::showHistoryEntry(qsizetype index) {
    const QList<SentMessage> &entries = m_store->sentMessages();
    if (index >= entries.size()) {
        // Back at the draft: the fields it had.
        m_destEdit->setText(m_draftFields.destinations);
        setComposerMode(m_draftFields.mode);
        setExpectAnswer(m_draftFields.expectAnswer);
        m_recallLabel->hide();
        return;
    }
    if (m_recallLabel->isHidden())
        m_draftFields = {destinations(), composerMode(), expectsAnswer()};
    const SentMessage &entry = entries.at(index);
    setComposerMode(modeOf(entry.kind));
    if (entry.kind == SentMessage::Kind::Send || entry.kind == SentMessage::Kind::Answer)
        m_destEdit->setText(entry.destinations);
    if (entry.kind == SentMessage::Kind::Send)
        setExpectAnswer(entry.expectAnswer);

    QString how;
    switch (entry.kind) {
    case SentMessage::Kind::Send:
        how = entry.destinations.isEmpty() ? tr("Sent") : tr("Sent to %1").arg(entry.destinations);
        break;
    case SentMessage::Kind::Answer:
        how = tr("Answered %1").arg(entry.destinations);
        break;
    case SentMessage::Kind::RawText:
    case SentMessage::Kind::RawBinaryHex:
    case SentMessage::Kind::RawBinaryText:
        how = tr("Sent as a raw frame");
        break;
    }
    // The room matters when it is not this client's: the ids named there may not be here.
    if (!entry.room.isEmpty() && entry.room != room())
        how = tr("%1, in room %2").arg(how, entry.room);
    m_recallLabel->setText(tr("History: %1").arg(how));
    m_recallLabel->setToolTip(
        tr("Recalled from the history of sent messages; Down returns to your draft"));
    m_recallLabel->show();
}

// ConsoleClientWidget's fields: the URL and id, the destination field and its completion, the
// composer's mode and options, saved messages, the automatic answer, and the conversation's
// context menu.
#include "consoleclientwidget.h"

#include "destinationcompletionmodel.h"
#include "displaytext.h"

#include "consoleclient.h"
#include "consoleconversationmodel.h"
#include "consolejson.h"
#include "jsoneditor.h"
#include "roomname.h"
#include "savedmessagesstore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QToolButton>

QUrl ConsoleClientWidget::url() const {
    return QUrl::fromUserInput(m_urlEdit->text().trimmed());
}

void ConsoleClientWidget::setUrl(const QUrl &url) {
    m_urlEdit->setText(url.toString());
    m_client->setUrl(url);
    emit summaryChanged();
}

QString ConsoleClientWidget::clientId() const {
    return m_idEdit->text().trimmed();
}

void ConsoleClientWidget::setClientId(const QString &id) {
    m_idEdit->setText(id);
    m_client->setClientId(id);
    emit summaryChanged();
}

QString ConsoleClientWidget::room() const {
    return roomNameOf(url());
}

QString ConsoleClientWidget::problemText() const {
    return m_problemLabel->text();
}

QString ConsoleClientWidget::destinations() const {
    return m_destEdit->text();
}

void ConsoleClientWidget::setDestinations(const QString &text) {
    m_destEdit->setText(text);
}

void ConsoleClientWidget::setCompletionIds(const QStringList &ids) {
    m_completionIds = ids;
    m_completionIds.removeAll(m_client->registeredId());
    m_completionIds.sort(Qt::CaseInsensitive);
    m_completionModel->setStringList(m_completionIds);
}

ConsoleClientWidget::ComposerMode ConsoleClientWidget::composerMode() const {
    return ComposerMode(m_modeCombo->currentData().toInt());
}

void ConsoleClientWidget::setComposerMode(ComposerMode mode) {
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(int(mode)));
}

bool ConsoleClientWidget::expectsAnswer() const {
    return m_expectAnswerCheck->isChecked();
}

void ConsoleClientWidget::setExpectAnswer(bool expect) {
    m_expectAnswerCheck->setChecked(expect);
}

bool ConsoleClientWidget::canSend() const {
    if (!m_client->isOpen())
        return false;
    switch (composerMode()) {
    case ComposerMode::Json:
        return m_editor->isValid() && !ConsoleClient::parseDestinations(destinations()).isEmpty();
    case ComposerMode::RawBinaryHex:
        return ConsoleClient::parseHex(m_editor->toPlainText()).has_value();
    case ComposerMode::RawText:
    case ComposerMode::RawBinaryText:
        return true;
    }
    return false;
}

void ConsoleClientWidget::updateDestinationCompletion() {
    const QString text = m_destEdit->text();
    const qsizetype comma = text.lastIndexOf(u',');
    const QString prefix = text.mid(comma + 1).trimmed();
    // Offer only ids not listed yet.
    const QStringList listed = ConsoleClient::parseDestinations(text.left(comma + 1));
    QStringList offered;
    for (const QString &id : m_completionIds) {
        if (!listed.contains(id))
            offered.append(id);
    }
    m_completionModel->setStringList(offered);
    if (prefix.isEmpty() && comma < 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() > 0)
        m_completer->complete();
    else
        m_completer->popup()->hide();
}

void ConsoleClientWidget::insertCompletion(const QString &completion) {
    const QString text = m_destEdit->text();
    const qsizetype comma = text.lastIndexOf(u',');
    QString head = text.left(comma + 1);
    if (comma >= 0)
        head += u' ';
    m_destEdit->setText(head + completion);
}

void ConsoleClientWidget::updateSavedMenu() {
    QMenu *menu = m_savedButton->menu();
    menu->clear();
    QAction *save = menu->addAction(tr("Save Current Message As…"), this,
                                    &ConsoleClientWidget::saveCurrentMessage);
    save->setEnabled(!m_editor->toPlainText().trimmed().isEmpty());
    const QStringList names = m_store->savedNames();
    if (!names.isEmpty()) {
        menu->addSeparator();
        for (const QString &name : names) {
            QAction *load = menu->addAction(name);
            load->setToolTip(m_store->savedMessage(name).left(400));
            connect(load, &QAction::triggered, this,
                    [this, name] { m_editor->setPlainText(m_store->savedMessage(name)); });
        }
        menu->addSeparator();
        QMenu *remove = menu->addMenu(tr("Delete"));
        for (const QString &name : names) {
            remove->addAction(name, this, [this, name] { m_store->removeSavedMessage(name); });
        }
    }
    menu->addSeparator();
    QAction *clearHistory = menu->addAction(tr("Clear History of Sent Messages"), m_store,
                                            &SavedMessagesStore::clearHistory);
    clearHistory->setEnabled(!m_store->history().isEmpty());
}

void ConsoleClientWidget::saveCurrentMessage() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Message"), tr("Name of the saved message:"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (ok && !name.isEmpty())
        m_store->saveMessage(name, m_editor->toPlainText());
}

void ConsoleClientWidget::applyAutoAnswer() {
    const auto mode = ConsoleClient::AutoAnswer(m_autoAnswerCombo->currentData().toInt());
    m_autoAnswerValueEdit->setEnabled(mode == ConsoleClient::AutoAnswer::FixedValue);
    const bool valid = m_client->setAutoAnswerValue(m_autoAnswerValueEdit->text());
    // Red text while invalid; otherwise the inherited palette, disabled look included.
    QPalette editPalette;
    if (!valid) {
        editPalette = m_autoAnswerValueEdit->palette();
        for (const auto group : {QPalette::Active, QPalette::Inactive})
            editPalette.setColor(group, QPalette::Text, QColor(0xd0, 0x30, 0x30));
    }
    m_autoAnswerValueEdit->setPalette(editPalette);
    const QString error =
        valid ? QString() : ConsoleJson::check(m_autoAnswerValueEdit->text()).error;
    m_autoAnswerValueEdit->setToolTip(error);
    // Said next to the field: red text alone does not say that nothing is being answered.
    const bool offByError = mode == ConsoleClient::AutoAnswer::FixedValue && !valid;
    m_autoAnswerProblem->setText(offByError ? tr("Not JSON, nothing is answered") : QString());
    m_autoAnswerProblem->setToolTip(error);
    m_autoAnswerProblem->setVisible(offByError);
    // An invalid fixed value answers nothing rather than an old value.
    m_client->setAutoAnswer(mode == ConsoleClient::AutoAnswer::FixedValue && !valid
                                ? ConsoleClient::AutoAnswer::Off
                                : mode);
}

void ConsoleClientWidget::showConversationMenu(const QPoint &pos) {
    const QModelIndex index = m_conversationView->indexAt(pos);
    QMenu menu(this);
    if (index.isValid()) {
        const QString text = index.data(ConsoleConversationModel::MessageRole).toString();
        menu.addAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy Message"), this,
                       [text] { QApplication::clipboard()->setText(text); });
        QAction *toEditor = menu.addAction(tr("Copy into Editor"), this,
                                           [this, text] { m_editor->setPlainText(text); });
        toEditor->setEnabled(ConsoleJson::isValid(text));
        const auto kind =
            ConsoleConversationModel::Kind(index.data(ConsoleConversationModel::KindRole).toInt());
        const QString peer = index.data(ConsoleConversationModel::PeerRole).toString();
        if (kind == ConsoleConversationModel::Kind::Received && !peer.isEmpty()) {
            menu.addAction(tr("Reply to %1").arg(DisplayText::visible(DisplayText::elided(peer))),
                           this, [this, peer] {
                               setDestinations(peer);
                               m_editor->setFocus();
                           });
        }
        menu.addSeparator();
    }
    QAction *clear =
        menu.addAction(QIcon(QStringLiteral(":/icons/clear.svg")), tr("Clear Conversation"),
                       m_client->conversation(), &ConsoleConversationModel::clear);
    clear->setEnabled(m_client->conversation()->count() > 0);
    menu.exec(m_conversationView->viewport()->mapToGlobal(pos));
}

#include "consoleclientwidget.h"

#include "destinationcompletionmodel.h"
#include "displaytext.h"

#include "jsoneditor.h"
#include "savedmessagesstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using State = ConsoleClient::State;
using Column = ConsoleConversationModel::Column;

namespace {

QColor stateColor(State state) {
    // Fixed hues with white text: readable on light and dark themes alike.
    switch (state) {
    case State::Registered:
        return QColor(0x2e, 0x8b, 0x57);
    case State::Connected:
        return QColor(0x2f, 0x6f, 0xb3);
    case State::Connecting:
    case State::Closing:
        return QColor(0xc0, 0x80, 0x00);
    case State::Disconnected:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

} // namespace

ConsoleClientWidget::ConsoleClientWidget(SavedMessagesStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_client(new ConsoleClient(this)) {
    buildUi();

    connect(m_client, &ConsoleClient::stateChanged, this, [this] {
        updateBadge();
        updateControls();
        emit summaryChanged();
    });
    connect(m_client, &ConsoleClient::registeredIdChanged, this, [this] {
        updateControls();
        emit summaryChanged();
    });
    connect(m_store, &SavedMessagesStore::historyChanged, this,
            [this] { m_editor->setHistory(m_store->history()); });
    m_editor->setHistory(m_store->history());

    updateBadge();
    updateControls();
}

ConsoleClientWidget::~ConsoleClientWidget() = default;

void ConsoleClientWidget::buildUi() {
    // Connection row.
    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(tr("ws://host:port/room"));
    m_urlEdit->setToolTip(tr("Broker URL; its path names the room"));
    m_urlEdit->setClearButtonEnabled(true);
    m_idEdit = new QLineEdit(this);
    m_idEdit->setObjectName(QStringLiteral("idEdit"));
    m_idEdit->setPlaceholderText(tr("client id"));
    m_idEdit->setToolTip(tr("The id this client registers with"));
    m_idEdit->setMaximumWidth(180);
    m_connectButton =
        new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setToolTip(tr("Open the connection and register the id"));
    m_disconnectButton =
        new QPushButton(QIcon(QStringLiteral(":/icons/disconnect.svg")), tr("Disconnect"), this);
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    m_registerButton = new QPushButton(tr("Unregister"), this);
    m_registerButton->setObjectName(QStringLiteral("registerButton"));
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("stateBadge"));
    m_badge->setAlignment(Qt::AlignCenter);

    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(new QLabel(tr("URL:"), this));
    connectionRow->addWidget(m_urlEdit, 3);
    connectionRow->addWidget(new QLabel(tr("Id:"), this));
    connectionRow->addWidget(m_idEdit, 1);
    connectionRow->addWidget(m_connectButton);
    connectionRow->addWidget(m_disconnectButton);
    connectionRow->addWidget(m_registerButton);
    connectionRow->addWidget(m_badge);

    connect(m_urlEdit, &QLineEdit::editingFinished, this, [this] {
        m_client->setUrl(url());
        emit summaryChanged();
    });
    connect(m_idEdit, &QLineEdit::editingFinished, this, [this] {
        m_client->setClientId(clientId());
        emit summaryChanged();
    });
    connect(m_idEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_client->isOpen())
            m_client->registerId();
        else
            connectClient();
    });
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &ConsoleClientWidget::connectClient);
    connect(m_connectButton, &QPushButton::clicked, this, &ConsoleClientWidget::connectClient);
    connect(m_disconnectButton, &QPushButton::clicked, this,
            &ConsoleClientWidget::disconnectClient);
    connect(m_registerButton, &QPushButton::clicked, this,
            &ConsoleClientWidget::toggleRegistration);

    // Auto-answer row.
    m_autoAnswerCombo = new QComboBox(this);
    m_autoAnswerCombo->setObjectName(QStringLiteral("autoAnswerCombo"));
    m_autoAnswerCombo->addItem(tr("Off"), int(ConsoleClient::AutoAnswer::Off));
    m_autoAnswerCombo->addItem(tr("Echo the message"), int(ConsoleClient::AutoAnswer::Echo));
    m_autoAnswerCombo->addItem(tr("Fixed value"), int(ConsoleClient::AutoAnswer::FixedValue));
    m_autoAnswerCombo->setToolTip(tr("Answer every incoming message that carries an ack"));
    m_autoAnswerValueEdit = new QLineEdit(m_client->autoAnswerValue(), this);
    m_autoAnswerValueEdit->setObjectName(QStringLiteral("autoAnswerValueEdit"));
    m_autoAnswerValueEdit->setPlaceholderText(tr("JSON value to answer with"));
    m_autoAnswerValueEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *autoAnswerRow = new QHBoxLayout;
    autoAnswerRow->addWidget(new QLabel(tr("Auto-answer:"), this));
    autoAnswerRow->addWidget(m_autoAnswerCombo);
    autoAnswerRow->addWidget(m_autoAnswerValueEdit, 1);
    m_autoAnswerProblem = new QLabel(this);
    m_autoAnswerProblem->setObjectName(QStringLiteral("autoAnswerProblem"));
    QPalette problemPalette = m_autoAnswerProblem->palette();
    problemPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_autoAnswerProblem->setPalette(problemPalette);
    m_autoAnswerProblem->hide();
    autoAnswerRow->addWidget(m_autoAnswerProblem);
    connect(m_autoAnswerCombo, &QComboBox::currentIndexChanged, this,
            &ConsoleClientWidget::applyAutoAnswer);
    connect(m_autoAnswerValueEdit, &QLineEdit::textChanged, this,
            &ConsoleClientWidget::applyAutoAnswer);

    // Conversation.
    m_conversationView = new QTableView(this);
    m_conversationView->setObjectName(QStringLiteral("conversationView"));
    m_conversationView->setModel(m_client->conversation());
    m_conversationView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conversationView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conversationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversationView->setAlternatingRowColors(true);
    m_conversationView->setShowGrid(false);
    m_conversationView->setWordWrap(false);
    m_conversationView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_conversationView->verticalHeader()->hide();
    m_conversationView->verticalHeader()->setDefaultSectionSize(
        m_conversationView->fontMetrics().height() + 6);
    QHeaderView *header = m_conversationView->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(Column::MessageColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_conversationView->fontMetrics();
    header->resizeSection(Column::TimeColumn,
                          fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    header->resizeSection(Column::EventColumn, fm.horizontalAdvance(tr("unregistered")) + 40);
    header->resizeSection(Column::PeerColumn, fm.horizontalAdvance(QLatin1Char('m')) * 10);
    header->resizeSection(Column::AckColumn, fm.horizontalAdvance(QLatin1Char('m')) * 8);
    header->resizeSection(Column::AnswerColumn,
                          fm.horizontalAdvance(tr("waiting for an answer")) + 16);
    connect(m_conversationView, &QWidget::customContextMenuRequested, this,
            &ConsoleClientWidget::showConversationMenu);
    // Both: a mouse press makes the row current before it selects it (and a click on the
    // current row only selects it), while the keyboard selects before moving the current row.
    connect(m_conversationView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConsoleClientWidget::updateControls);
    connect(m_conversationView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConsoleClientWidget::updateControls);
    connect(m_client->conversation(), &QAbstractItemModel::dataChanged, this,
            &ConsoleClientWidget::updateControls);
    // Follow the newest entry unless the user scrolled up.
    connect(m_client->conversation(), &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_conversationView->verticalScrollBar();
        m_followTail = bar->value() >= bar->maximum();
    });
    connect(m_client->conversation(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_conversationView->scrollToBottom();
    });

    // Composer.
    m_destEdit = new QLineEdit(this);
    m_destEdit->setObjectName(QStringLiteral("destinationEdit"));
    m_destEdit->setPlaceholderText(tr("destination ids, comma separated"));
    m_destEdit->setClearButtonEnabled(true);
    m_completionModel = new DestinationCompletionModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_destEdit);
    connect(m_destEdit, &QLineEdit::textEdited, this,
            &ConsoleClientWidget::updateDestinationCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &ConsoleClientWidget::insertCompletion);
    connect(m_destEdit, &QLineEdit::textChanged, this, &ConsoleClientWidget::updateControls);

    m_modeCombo = new QComboBox(this);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItem(tr("JSON message"), int(ComposerMode::Json));
    m_modeCombo->addItem(tr("Raw text frame"), int(ComposerMode::RawText));
    m_modeCombo->addItem(tr("Raw binary frame (hex)"), int(ComposerMode::RawBinaryHex));
    m_modeCombo->addItem(tr("Raw binary frame (text bytes)"), int(ComposerMode::RawBinaryText));
    m_modeCombo->setToolTip(tr("Raw modes send the editor's text exactly as typed, "
                               "without the protocol around it"));
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_editor->setValidationEnabled(composerMode() == ComposerMode::Json);
        updateControls();
    });

    auto *destRow = new QHBoxLayout;
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_destEdit);
    destRow->addWidget(toLabel);
    destRow->addWidget(m_destEdit, 1);
    destRow->addWidget(m_modeCombo);

    m_editor = new JsonEditor(this);
    m_editor->setObjectName(QStringLiteral("messageEditor"));
    m_editor->setMinimumHeight(m_editor->fontMetrics().height() * 4);
    connect(m_editor, &JsonEditor::checkChanged, this, &ConsoleClientWidget::updateControls);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (composerMode() != ComposerMode::Json)
            updateControls();
        // Edited: no longer the message the history recalled.
        if (m_recallLabel && m_editor->historyIndex() >= m_editor->history().size())
            m_recallLabel->hide();
    });
    connect(m_editor, &JsonEditor::submitRequested, this, &ConsoleClientWidget::sendFromComposer);
    connect(m_editor, &JsonEditor::historyShown, this, &ConsoleClientWidget::showHistoryEntry);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answerLabel = new QLabel(this);
    m_answerLabel->setObjectName(QStringLiteral("answerLabel"));
    m_answerLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_recallLabel = new QLabel(this);
    m_recallLabel->setObjectName(QStringLiteral("recallLabel"));
    m_recallLabel->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_problemLabel, 1);
    statusRow->addWidget(m_recallLabel);
    statusRow->addWidget(m_answerLabel);

    m_expectAnswerCheck = new QCheckBox(tr("E&xpect an answer"), this);
    m_expectAnswerCheck->setObjectName(QStringLiteral("expectAnswerCheck"));
    m_expectAnswerCheck->setToolTip(
        tr("Send a fresh ack and show the answer with its round-trip time"));
    m_beautifyButton = new QPushButton(tr("&Beautify"), this);
    m_beautifyButton->setObjectName(QStringLiteral("beautifyButton"));
    m_compactButton = new QPushButton(tr("Co&mpact"), this);
    m_compactButton->setObjectName(QStringLiteral("compactButton"));
    m_savedButton = new QToolButton(this);
    m_savedButton->setObjectName(QStringLiteral("savedButton"));
    m_savedButton->setText(tr("&Saved"));
    m_savedButton->setToolTip(tr("Named saved messages, shared by all console clients"));
    m_savedButton->setPopupMode(QToolButton::InstantPopup);
    m_savedButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *savedMenu = new QMenu(m_savedButton);
    m_savedButton->setMenu(savedMenu);
    connect(savedMenu, &QMenu::aboutToShow, this, &ConsoleClientWidget::updateSavedMenu);
    m_answerButton = new QPushButton(tr("&Answer"), this);
    m_answerButton->setObjectName(QStringLiteral("answerButton"));
    m_answerButton->setToolTip(tr("Send the editor's JSON as the answer to the selected message"));
    m_sendButton = new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), tr("Send"), this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    m_sendButton->setDefault(true);
    connect(m_beautifyButton, &QPushButton::clicked, m_editor, &JsonEditor::beautify);
    connect(m_compactButton, &QPushButton::clicked, m_editor, &JsonEditor::compact);
    connect(m_answerButton, &QPushButton::clicked, this, &ConsoleClientWidget::answerSelected);
    connect(m_sendButton, &QPushButton::clicked, this, &ConsoleClientWidget::sendFromComposer);
    // Ctrl+Enter sends from anywhere in the tab, the destination field included.
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ConsoleClientWidget::sendFromComposer);
    }

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_expectAnswerCheck);
    buttonRow->addSpacing(8);
    buttonRow->addWidget(m_beautifyButton);
    buttonRow->addWidget(m_compactButton);
    buttonRow->addWidget(m_savedButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_answerButton);
    buttonRow->addWidget(m_sendButton);

    auto *composer = new QWidget(this);
    auto *composerLayout = new QVBoxLayout(composer);
    composerLayout->setContentsMargins(0, 0, 0, 0);
    composerLayout->addLayout(destRow);
    composerLayout->addWidget(m_editor, 1);
    composerLayout->addLayout(statusRow);
    composerLayout->addLayout(buttonRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_conversationView);
    splitter->addWidget(composer);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(connectionRow);
    layout->addLayout(autoAnswerRow);
    layout->addWidget(splitter, 1);

    applyAutoAnswer();
}

QIcon ConsoleClientWidget::stateIcon(State state) {
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(stateColor(state));
    painter.drawEllipse(QRectF(3, 3, 10, 10));
    return QIcon(pixmap);
}

void ConsoleClientWidget::connectClient() {
    m_client->setUrl(url());
    m_client->setClientId(clientId());
    m_client->connectToBroker();
}

void ConsoleClientWidget::disconnectClient() {
    m_client->disconnectFromBroker();
}

void ConsoleClientWidget::toggleRegistration() {
    if (m_client->state() == State::Registered) {
        m_client->unregister();
    } else {
        m_client->setClientId(clientId());
        m_client->registerId();
    }
}

bool ConsoleClientWidget::sendFromComposer() {
    if (!canSend())
        return false;
    const QString text = m_editor->toPlainText();
    bool sent = false;
    switch (composerMode()) {
    case ComposerMode::Json:
        sent =
            m_client->send(ConsoleClient::parseDestinations(destinations()), text, expectsAnswer());
        break;
    case ComposerMode::RawText:
        sent = m_client->sendRawText(text);
        break;
    case ComposerMode::RawBinaryHex:
        sent = m_client->sendRawBinary(ConsoleClient::parseHex(text).value_or(QByteArray()));
        break;
    case ComposerMode::RawBinaryText:
        sent = m_client->sendRawBinary(text.toUtf8());
        break;
    }
    if (sent)
        m_store->addToHistory(sentMessage(text));
    return sent;
}

QPersistentModelIndex ConsoleClientWidget::answerableSelection() const {
    const QModelIndex current = m_conversationView->selectionModel()->currentIndex();
    if (!current.isValid() || !current.data(ConsoleConversationModel::CanAnswerRole).toBool() ||
        !m_conversationView->selectionModel()->isRowSelected(current.row(), {}))
        return {};
    return QPersistentModelIndex(current);
}

bool ConsoleClientWidget::answerSelected() {
    const QPersistentModelIndex selected = answerableSelection();
    if (!selected.isValid() || !m_editor->isValid() || !m_client->isOpen())
        return false;
    const bool sent = m_client->answer(
        selected.data(ConsoleConversationModel::AckRole).toString(), m_editor->toPlainText(),
        selected.data(ConsoleConversationModel::PeerRole).toString());
    if (sent) {
        SentMessage entry;
        entry.text = m_editor->toPlainText();
        entry.kind = SentMessage::Kind::Answer;
        entry.destinations = selected.data(ConsoleConversationModel::PeerRole).toString();
        entry.room = room();
        m_store->addToHistory(entry);
    }
    return sent;
}

void ConsoleClientWidget::selectConversationRow(int row) {
    const QModelIndex index = m_client->conversation()->index(row, 0);
    m_conversationView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ConsoleClientWidget::focusComposer() {
    if (m_destEdit->text().isEmpty())
        m_destEdit->setFocus();
    else
        m_editor->setFocus();
}

void ConsoleClientWidget::updateControls() {
    const State state = m_client->state();
    const bool open = m_client->isOpen();
    m_connectButton->setText(state == State::Disconnected ? tr("Connect") : tr("Reconnect"));
    m_connectButton->setToolTip(state == State::Disconnected
                                    ? tr("Open the connection and register the id")
                                    : tr("Close this connection and open a new one"));
    m_disconnectButton->setEnabled(state != State::Disconnected);
    m_registerButton->setEnabled(open);
    m_registerButton->setText(state == State::Registered ? tr("Unregister") : tr("Register"));

    const ComposerMode mode = composerMode();
    const bool json = mode == ComposerMode::Json;
    m_destEdit->setEnabled(json);
    m_expectAnswerCheck->setEnabled(json);
    m_beautifyButton->setEnabled(json && m_editor->isValid());
    m_compactButton->setEnabled(json && m_editor->isValid());

    QString problem;
    if (json && !m_editor->isValid())
        problem = m_editor->errorText();
    else if (mode == ComposerMode::RawBinaryHex &&
             !ConsoleClient::parseHex(m_editor->toPlainText()).has_value())
        problem = tr("Not hex: type pairs of hex digits, e.g. 7b 22 61 22 7d");
    m_problemLabel->setText(problem);
    QPalette labelPalette = m_problemLabel->palette();
    if (m_editor->lastCheck().empty && json) {
        labelPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    } else {
        labelPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    }
    m_problemLabel->setPalette(labelPalette);

    const QPersistentModelIndex selected = answerableSelection();
    const bool canAnswer = selected.isValid() && json && open && m_editor->isValid();
    m_answerButton->setVisible(selected.isValid());
    m_answerButton->setEnabled(canAnswer);
    if (selected.isValid()) {
        m_answerLabel->setText(
            tr("Answering %1 (ack %2)")
                .arg(DisplayText::visible(DisplayText::elided(
                         selected.data(ConsoleConversationModel::PeerRole).toString())),
                     DisplayText::visible(DisplayText::elided(
                         selected.data(ConsoleConversationModel::AckRole).toString()))));
    } else {
        m_answerLabel->clear();
    }

    m_sendButton->setEnabled(canSend());
    if (!open)
        m_sendButton->setToolTip(tr("Connect first"));
    else if (json && ConsoleClient::parseDestinations(destinations()).isEmpty())
        m_sendButton->setToolTip(tr("Name at least one destination"));
    else
        m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
}

void ConsoleClientWidget::updateBadge() {
    const State state = m_client->state();
    const QColor color = stateColor(state);
    m_badge->setText(ConsoleClient::stateName(state));
    m_badge->setStyleSheet(QStringLiteral("QLabel { background-color: %1; color: white; "
                                          "border-radius: 9px; padding: 2px 10px; }")
                               .arg(color.name()));
}

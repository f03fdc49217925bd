#include "logfilterbar.h"

#include "displaytext.h"
#include "framefilterproxymodel.h"
#include "rowpalette.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

LogFilterBar::LogFilterBar(FrameFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_text(new QLineEdit(this))
    , m_regex(new QToolButton(this))
    , m_caseSensitive(new QToolButton(this))
    , m_condition(new QToolButton(this))
    , m_direction(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_room(new QLineEdit(this))
    , m_client(new QLineEdit(this))
    , m_clear(new QToolButton(this))
    , m_problem(new QLabel(this)) {
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(140);
    m_text->addAction(QIcon(QStringLiteral(":/icons/filter.svg")), QLineEdit::LeadingPosition);
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_regex->setObjectName(QStringLiteral("regexToggle"));
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setCheckable(true);
    m_regex->setToolTip(tr("Treat the text as a regular expression"));
    m_caseSensitive->setText(QStringLiteral("Aa"));
    m_caseSensitive->setCheckable(true);
    m_caseSensitive->setToolTip(tr("Match case"));
    m_condition->setObjectName(QStringLiteral("conditionToggle"));
    m_condition->setText(QStringLiteral("{ }"));
    m_condition->setCheckable(true);
    m_condition->setToolTip(tr("JSON condition, e.g. message.price > 100"));
    updatePlaceholder();

    m_direction->addItem(tr("In and out"), int(FrameFilterProxyModel::Direction::Both));
    m_direction->addItem(tr("Received"), int(FrameFilterProxyModel::Direction::In));
    m_direction->addItem(tr("Sent"), int(FrameFilterProxyModel::Direction::Out));
    m_direction->setToolTip(tr("Direction of the frames to show"));

    // Every name the action column shows: protocol actions, frames that are not one, and the
    // broker's own events.
    m_action->addItem(tr("All actions"), AllActions);
    for (FrameAction a : {FrameAction::Register, FrameAction::Unregister, FrameAction::Send,
                          FrameAction::Answer, FrameAction::Registered, FrameAction::Unregistered,
                          FrameAction::Message, FrameAction::Error})
        m_action->addItem(QString::fromLatin1(FrameCodec::actionName(a)), int(a));
    m_action->insertSeparator(m_action->count());
    BrokerEvent unparsed;
    m_action->addItem(DisplayText::actionName(unparsed), int(FrameAction::None));
    unparsed.binary = true;
    m_action->addItem(DisplayText::actionName(unparsed), BinaryFrames);
    m_action->insertSeparator(m_action->count());
    m_action->addItem(tr("All system events"), AllSystemEvents);
    for (BrokerEvent::Kind k :
         {BrokerEvent::Kind::ConnectionOpened, BrokerEvent::Kind::ConnectionClosed,
          BrokerEvent::Kind::ClientRegistered, BrokerEvent::Kind::ClientUnregistered,
          BrokerEvent::Kind::RoomCreated, BrokerEvent::Kind::RoomRemoved})
        m_action->addItem(DisplayText::systemEventName(k), FirstSystemEvent + int(k));
    m_action->setToolTip(tr("Show only rows with this action or system event"));
    m_action->setObjectName(QStringLiteral("actionFilter"));
    // As wide as their entries where there is room; in a small window they may shrink to a
    // few characters so that the bar fits beside the docks (the list still opens wide).
    for (QComboBox *combo : {m_direction, m_action}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(combo->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 8 +
                               28);
        combo->view()->setMinimumWidth(combo->view()->sizeHintForColumn(0) + 24);
    }

    m_room->setObjectName(QStringLiteral("roomFilter"));
    m_room->setPlaceholderText(tr("Room"));
    m_room->setToolTip(tr("Rooms whose name contains this text (the leading / is optional)"));
    m_room->setClearButtonEnabled(true);
    m_client->setObjectName(QStringLiteral("clientFilter"));
    m_client->setPlaceholderText(tr("Client id"));
    m_client->setToolTip(tr("Clients whose id contains this text"));
    m_client->setClearButtonEnabled(true);
    // Wide enough for a typical room name (the issue saw "R…" at 1024 px), not so wide that the
    // bar pushes the window past a small screen; the tooltip says the rest in any language.
    for (QLineEdit *field : {m_room, m_client}) {
        const QFontMetrics fm = field->fontMetrics();
        const int room = fm.horizontalAdvance(QStringLiteral("/sensor")) + 24;
        field->setMinimumWidth(room);
        field->setMaximumWidth(
            std::max(room, std::min(fm.horizontalAdvance(field->placeholderText()) + 40, 170)));
    }
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setToolTip(tr("Clear every filter"));
    m_clear->hide();
    m_problem->setObjectName(QStringLiteral("filterProblem"));
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_problem->setPalette(warning);
    m_problem->hide();

    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(layout);
    rows->addWidget(m_problem);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_regex);
    layout->addWidget(m_caseSensitive);
    layout->addWidget(m_condition);
    layout->addWidget(m_direction);
    layout->addWidget(m_action);
    layout->addWidget(m_room);
    layout->addWidget(m_client);
    layout->addWidget(m_clear);

    connect(m_text, &QLineEdit::textChanged, this, &LogFilterBar::applyText);
    connect(m_regex, &QToolButton::toggled, this, &LogFilterBar::toggleRegex);
    connect(m_condition, &QToolButton::toggled, this, &LogFilterBar::toggleCondition);
    connect(m_caseSensitive, &QToolButton::toggled, this, &LogFilterBar::applyText);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setDirection(FrameFilterProxyModel::Direction(m_direction->currentData().toInt()));
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, &LogFilterBar::applyAction);
    connect(m_room, &QLineEdit::textChanged, this, &LogFilterBar::applyRoomText);
    connect(m_client, &QLineEdit::textChanged, this, &LogFilterBar::applyClientText);
    connect(m_clear, &QToolButton::clicked, this, &LogFilterBar::clearAll);
    connect(m_proxy, &FrameFilterProxyModel::validityChanged, this, &LogFilterBar::showValidity);
    connect(m_proxy, &FrameFilterProxyModel::filterChanged, this, &LogFilterBar::updateClearButton);
}

void LogFilterBar::applyAction() {
    const int key = m_action->currentData().toInt();
    QList<FrameAction> actions;
    QList<BrokerEvent::Kind> kinds;
    if (key == AllSystemEvents) {
        for (int k = int(BrokerEvent::Kind::ConnectionOpened);
             k <= int(BrokerEvent::Kind::RoomRemoved); ++k)
            kinds.append(BrokerEvent::Kind(k));
    } else if (key >= FirstSystemEvent) {
        kinds.append(BrokerEvent::Kind(key - FirstSystemEvent));
    } else if (key >= 0 && key != BinaryFrames) {
        actions.append(FrameAction(key));
    }
    m_proxy->setActions(actions, key == BinaryFrames, kinds);
}

void LogFilterBar::setRoom(const QString &room) {
    m_settingExactly = true;
    // The root room is named "" by the broker and shown as "/".
    m_room->setText(room.isEmpty() ? QStringLiteral("/") : room);
    m_settingExactly = false;
    m_proxy->setRoomFilter(room, FrameFilterProxyModel::Match::Exact);
}

void LogFilterBar::setClient(const QString &clientId) {
    m_settingExactly = true;
    m_client->setText(clientId);
    m_settingExactly = false;
    m_proxy->setClientFilter(clientId.toUtf8(), FrameFilterProxyModel::Match::Exact);
}

void LogFilterBar::showOnlyRoom(const QString &room) {
    setRoom(room);
    m_client->clear();
}

void LogFilterBar::showOnlyClient(const QString &room, const QString &clientId) {
    setRoom(room);
    setClient(clientId);
}

void LogFilterBar::applyRoomText(const QString &text) {
    if (m_settingExactly)
        return;
    if (text.isEmpty())
        m_proxy->clearRoomFilter();
    else
        m_proxy->setRoomFilter(text, FrameFilterProxyModel::Match::Substring);
}

void LogFilterBar::applyClientText(const QString &text) {
    if (!m_settingExactly)
        m_proxy->setClientFilter(text.toUtf8(), FrameFilterProxyModel::Match::Substring);
}

void LogFilterBar::updateClearButton() {
    m_clear->setVisible(m_proxy->isFiltering() || !m_text->text().isEmpty());
}

void LogFilterBar::clearAll() {
    m_text->clear();
    // The proxy goes back to plain text: so do the toggles.
    for (QToolButton *mode : {m_regex, m_condition}) {
        const QSignalBlocker blocker(mode);
        mode->setChecked(false);
    }
    updatePlaceholder();
    m_direction->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    m_room->clear();
    m_client->clear();
    m_proxy->clearFilters();
}

void LogFilterBar::toggleRegex(bool on) {
    if (on) {
        const QSignalBlocker blocker(m_condition);
        m_condition->setChecked(false);
    }
    updatePlaceholder();
    applyText();
}

void LogFilterBar::toggleCondition(bool on) {
    if (on) {
        const QSignalBlocker blocker(m_regex);
        m_regex->setChecked(false);
    }
    updatePlaceholder();
    applyText();
}

void LogFilterBar::updatePlaceholder() {
    const bool condition = m_condition->isChecked();
    // Case does not apply to a condition: its strings compare exactly.
    m_caseSensitive->setEnabled(!condition);
    m_text->setPlaceholderText(
        condition ? tr("JSON condition: message.price > 100 && message.type == \"order\"")
        : m_regex->isChecked() ? tr("Regular expression over text, room, client or action")
                               : tr("Filter: text, room, client or action"));
}

void LogFilterBar::applyText() {
    // The mode going off goes first: the text is then judged as plain text once (cheap), never
    // twice as a condition or a regular expression.
    if (!m_condition->isChecked())
        m_proxy->setConditionMode(false);
    m_proxy->setRegularExpression(m_regex->isChecked());
    m_proxy->setConditionMode(m_condition->isChecked());
    m_proxy->setTextCaseSensitivity(m_caseSensitive->isChecked() ? Qt::CaseSensitive
                                                                 : Qt::CaseInsensitive);
    m_proxy->setFilterText(m_text->text());
}

void LogFilterBar::showValidity(bool valid, const QString &error) {
    // Mark an invalid regular expression or condition as you type; the log keeps showing
    // every row.
    QPalette p = palette();
    if (!valid)
        p.setColor(QPalette::Base, RowPalette::problemBackground(palette()));
    m_text->setPalette(p);
    const QString problem =
        valid ? QString()
        : m_proxy->isConditionMode()
            ? tr("Invalid condition, the text filter is off: %1").arg(error)
            : tr("Invalid regular expression, the text filter is off: %1").arg(error);
    m_text->setToolTip(problem);
    m_problem->setText(problem);
    m_problem->setVisible(!valid);
}

#include "logfilterbar.h"

#include "framefilterproxymodel.h"
#include "rowpalette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

LogFilterBar::LogFilterBar(FrameFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_text(new QLineEdit(this))
    , m_regex(new QToolButton(this))
    , m_caseSensitive(new QToolButton(this))
    , m_direction(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_room(new QLineEdit(this))
    , m_client(new QLineEdit(this))
    , m_clear(new QToolButton(this)) {
    m_text->setPlaceholderText(tr("Filter: text, room, client or action"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(220);
    m_text->addAction(QIcon(QStringLiteral(":/icons/filter.svg")), QLineEdit::LeadingPosition);
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setCheckable(true);
    m_regex->setToolTip(tr("Treat the text as a regular expression"));
    m_caseSensitive->setText(QStringLiteral("Aa"));
    m_caseSensitive->setCheckable(true);
    m_caseSensitive->setToolTip(tr("Match case"));

    m_direction->addItem(tr("In and out"), int(FrameFilterProxyModel::Direction::Both));
    m_direction->addItem(tr("Received"), int(FrameFilterProxyModel::Direction::In));
    m_direction->addItem(tr("Sent"), int(FrameFilterProxyModel::Direction::Out));
    m_direction->setToolTip(tr("Direction of the frames to show"));

    m_action->addItem(tr("All actions"), -1);
    for (FrameAction a : {FrameAction::Register, FrameAction::Unregister, FrameAction::Send,
                          FrameAction::Answer, FrameAction::Registered, FrameAction::Unregistered,
                          FrameAction::Message, FrameAction::Error})
        m_action->addItem(QString::fromLatin1(FrameCodec::actionName(a)), int(a));
    m_action->setToolTip(tr("Show only frames with this action"));

    m_room->setPlaceholderText(tr("Room"));
    m_room->setClearButtonEnabled(true);
    m_room->setMaximumWidth(110);
    m_client->setPlaceholderText(tr("Client id"));
    m_client->setClearButtonEnabled(true);
    m_client->setMaximumWidth(110);
    m_clear->setText(tr("Show all"));
    m_clear->setToolTip(tr("Clear every filter"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_regex);
    layout->addWidget(m_caseSensitive);
    layout->addWidget(m_direction);
    layout->addWidget(m_action);
    layout->addWidget(m_room);
    layout->addWidget(m_client);
    layout->addWidget(m_clear);

    connect(m_text, &QLineEdit::textChanged, this, &LogFilterBar::applyText);
    connect(m_regex, &QToolButton::toggled, this, &LogFilterBar::applyText);
    connect(m_caseSensitive, &QToolButton::toggled, this, &LogFilterBar::applyText);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setDirection(FrameFilterProxyModel::Direction(m_direction->currentData().toInt()));
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, [this] {
        const int a = m_action->currentData().toInt();
        m_proxy->setActions(a < 0 ? QList<FrameAction>{} : QList<FrameAction>{FrameAction(a)});
    });
    connect(m_room, &QLineEdit::textChanged, this, [this](const QString &room) {
        if (room.isEmpty())
            m_proxy->clearRoomFilter();
        else
            m_proxy->setRoomFilter(room);
    });
    connect(m_client, &QLineEdit::textChanged, this,
            [this](const QString &id) { m_proxy->setClientFilter(id.toUtf8()); });
    connect(m_clear, &QToolButton::clicked, this, &LogFilterBar::clearAll);
    connect(m_proxy, &FrameFilterProxyModel::validityChanged, this, &LogFilterBar::showValidity);
}

void LogFilterBar::setRoom(const QString &room) {
    m_room->setText(room);
}

void LogFilterBar::setClient(const QString &clientId) {
    m_client->setText(clientId);
}

void LogFilterBar::clearAll() {
    m_text->clear();
    m_direction->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    m_room->clear();
    m_client->clear();
    m_proxy->clearFilters();
}

void LogFilterBar::applyText() {
    m_proxy->setRegularExpression(m_regex->isChecked());
    m_proxy->setTextCaseSensitivity(m_caseSensitive->isChecked() ? Qt::CaseSensitive
                                                                 : Qt::CaseInsensitive);
    m_proxy->setFilterText(m_text->text());
}

void LogFilterBar::showValidity(bool valid, const QString &error) {
    // Mark an invalid regular expression as you type; the log keeps showing every row.
    QPalette p = palette();
    if (!valid)
        p.setColor(QPalette::Base, RowPalette::problemBackground(palette()));
    m_text->setPalette(p);
    m_text->setToolTip(valid ? QString() : tr("Invalid regular expression: %1").arg(error));
}

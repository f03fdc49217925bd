// ConsolePanel's controls for all tabs: the room field and buttons beside the tabs (or on the
// empty page), the tab menu, reconnecting and closing every tab, and the Add Clients dialog.
#include "consolepanel.h"

#include "consoleclient.h"
#include "consoleclientwidget.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

QWidget *ConsolePanel::makeCornerWidget() {
    auto *corner = new QWidget(m_tabs);
    // The room new clients join: the broker's rooms to pick from, or any name typed.
    m_roomCombo = new QComboBox(corner);
    m_roomCombo->setObjectName(QStringLiteral("newClientRoom"));
    m_roomCombo->setEditable(true);
    m_roomCombo->setInsertPolicy(QComboBox::NoInsert);
    m_roomCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_roomCombo->setMinimumContentsLength(10);
    m_roomCombo->setToolTip(tr("The room New Client and Add N Clients open clients in: one of "
                               "the broker's rooms, or a new name"));
    m_roomCombo->addItem(QStringLiteral("/"));
    m_roomCombo->setCurrentIndex(-1); // empty: the room of the broker's URL
    m_roomCombo->lineEdit()->setPlaceholderText(QStringLiteral("/"));
    auto *roomLabel = new QLabel(tr("Room:"), corner);
    roomLabel->setBuddy(m_roomCombo);

    auto *newButton = new QToolButton(corner);
    newButton->setObjectName(QStringLiteral("newClientButton"));
    newButton->setIcon(QIcon(QStringLiteral(":/icons/client.svg")));
    newButton->setText(tr("New Client"));
    newButton->setToolTip(tr("Open a new console client in this room"));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    newButton->setAutoRaise(true);
    connect(newButton, &QToolButton::clicked, this, [this] { addClient(); });
    auto *addManyButton = new QToolButton(corner);
    addManyButton->setObjectName(QStringLiteral("addClientsButton"));
    addManyButton->setText(tr("Add N Clients…"));
    addManyButton->setToolTip(tr("Open several connected clients at once in one room"));
    addManyButton->setAutoRaise(true);
    connect(addManyButton, &QToolButton::clicked, this, &ConsolePanel::showAddClientsDialog);

    auto *scriptButton = new QToolButton(corner);
    scriptButton->setObjectName(QStringLiteral("runScriptCornerButton"));
    scriptButton->setText(tr("Run Script…"));
    scriptButton->setToolTip(tr("Run a JavaScript file of simulated clients (scripted peers)"));
    scriptButton->setAutoRaise(true);
    connect(scriptButton, &QToolButton::clicked, this, &ConsolePanel::chooseAndRunScript);

    // What applies to every tab at once.
    m_allTabsButton = new QToolButton(corner);
    m_allTabsButton->setObjectName(QStringLiteral("allTabsButton"));
    m_allTabsButton->setText(tr("All Tabs"));
    m_allTabsButton->setToolTip(tr("Reconnect the disconnected clients or close every tab"));
    m_allTabsButton->setAutoRaise(true);
    m_allTabsButton->setPopupMode(QToolButton::InstantPopup);
    auto *allMenu = new QMenu(m_allTabsButton);
    m_reconnectAllAction = allMenu->addAction(QIcon(QStringLiteral(":/icons/start.svg")),
                                              tr("Reconnect Disconnected Clients"), this,
                                              &ConsolePanel::reconnectDisconnected);
    m_reconnectAllAction->setObjectName(QStringLiteral("reconnectAll"));
    m_closeAllAction =
        allMenu->addAction(tr("Close All Tabs"), this, &ConsolePanel::closeAllClients);
    m_closeAllAction->setObjectName(QStringLiteral("closeAllTabs"));
    m_allTabsButton->setMenu(allMenu);
    connect(allMenu, &QMenu::aboutToShow, this, &ConsolePanel::updateTabActions);

    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->setSpacing(2);
    cornerLayout->addWidget(roomLabel);
    cornerLayout->addWidget(m_roomCombo);
    cornerLayout->addWidget(newButton);
    cornerLayout->addWidget(addManyButton);
    cornerLayout->addWidget(scriptButton);
    cornerLayout->addWidget(m_allTabsButton);
    return corner;
}

void ConsolePanel::showTabMenu(const QPoint &pos) {
    const int index = m_tabs->tabBar()->tabAt(pos);
    ConsoleClientWidget *widget = clientWidget(index);
    updateTabActions();
    QMenu menu(this);
    if (widget) {
        if (widget->client()->state() == ConsoleClient::State::Disconnected)
            menu.addAction(QIcon(QStringLiteral(":/icons/start.svg")), tr("Reconnect"), widget,
                           &ConsoleClientWidget::connectClient);
        menu.addAction(tr("Close Tab"), this, [this, widget] { closeClient(indexOf(widget)); });
        QAction *others = menu.addAction(tr("Close Other Tabs"), this, [this, widget] {
            for (int i = clientCount() - 1; i >= 0; --i) {
                if (clientWidget(i) != widget)
                    closeClient(i);
            }
        });
        others->setEnabled(clientCount() > 1);
        menu.addSeparator();
    }
    menu.addAction(m_reconnectAllAction);
    menu.addAction(m_closeAllAction);
    menu.exec(m_tabs->tabBar()->mapToGlobal(pos));
}

void ConsolePanel::updateTabActions() {
    const int disconnected = disconnectedCount();
    m_reconnectAllAction->setText(tr("Reconnect %n Disconnected Client(s)", nullptr, disconnected));
    m_reconnectAllAction->setEnabled(disconnected > 0);
    m_closeAllAction->setEnabled(clientCount() > 0);
}

int ConsolePanel::disconnectedCount() const {
    int count = 0;
    for (int i = 0; i < clientCount(); ++i)
        count += clientWidget(i)->client()->state() == ConsoleClient::State::Disconnected ? 1 : 0;
    return count;
}

int ConsolePanel::reconnectDisconnected() {
    int count = 0;
    for (int i = 0; i < clientCount(); ++i) {
        ConsoleClientWidget *widget = clientWidget(i);
        if (widget->client()->state() != ConsoleClient::State::Disconnected)
            continue;
        widget->connectClient();
        ++count;
    }
    return count;
}

void ConsolePanel::closeAllClients() {
    for (int i = clientCount() - 1; i >= 0; --i)
        closeClient(i);
}

QString ConsolePanel::newClientRoom() const {
    const QString room = m_roomCombo->currentText().trimmed();
    if (room.isEmpty())
        return m_defaultUrl.isEmpty() ? QStringLiteral("/") : roomOf(m_defaultUrl);
    return room.startsWith(u'/') ? room : u'/' + room;
}

void ConsolePanel::setNewClientRoom(const QString &room) {
    m_roomCombo->setCurrentText(room);
}

void ConsolePanel::updateRoomChoices() {
    // Keep what the user typed or picked; only the list changes.
    const QString current = m_roomCombo->currentText();
    QStringList rooms = m_knownRooms;
    if (!rooms.contains(QStringLiteral("/")))
        rooms.prepend(QStringLiteral("/"));
    QStringList shown;
    for (int i = 0; i < m_roomCombo->count(); ++i)
        shown.append(m_roomCombo->itemText(i));
    if (shown == rooms)
        return;
    m_roomCombo->clear();
    m_roomCombo->addItems(rooms);
    m_roomCombo->setCurrentText(current);
}

void ConsolePanel::showAddClientsDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add Clients"));
    auto *name = new QLineEdit(m_lastAddName, &dialog);
    auto *count = new QSpinBox(&dialog);
    count->setRange(1, 100);
    count->setValue(m_lastAddCount);
    auto *room = new QComboBox(&dialog);
    room->setEditable(true);
    room->setInsertPolicy(QComboBox::NoInsert);
    room->addItems(m_knownRooms.contains(QStringLiteral("/"))
                       ? m_knownRooms
                       : QStringList{QStringLiteral("/")} + m_knownRooms);
    room->setCurrentText(newClientRoom());
    auto *preview = new QLabel(&dialog);
    const auto updatePreview = [&] {
        preview->setText(count->value() == 1
                             ? tr("Id: %1-1").arg(name->text())
                             : tr("Ids: %1-1 … %1-%2").arg(name->text()).arg(count->value()));
    };
    updatePreview();
    connect(name, &QLineEdit::textChanged, &dialog, updatePreview);
    connect(count, &QSpinBox::valueChanged, &dialog, updatePreview);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(name, &QLineEdit::textChanged, &dialog, [&] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!name->text().trimmed().isEmpty());
    });
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Base &name:"), name);
    form->addRow(tr("&Count:"), count);
    form->addRow(tr("&Room:"), room);
    form->addRow(QString(), preview);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastAddName = name->text().trimmed();
    m_lastAddCount = count->value();
    setNewClientRoom(room->currentText().trimmed()); // the last room used is offered next
    addClients(m_lastAddName, m_lastAddCount, newClientRoom());
}

void ConsolePanel::updatePage() {
    const bool empty = clientCount() == 0;
    const bool wasEmpty = m_stack->currentWidget() == m_emptyPage;
    m_stack->setCurrentWidget(empty ? m_emptyPage : static_cast<QWidget *>(m_tabs));
    if (wasEmpty && !empty)
        emit clientsShown();
    // One room field and one set of buttons: beside the tabs, or on the empty page.
    const bool onEmptyPage = m_corner->parentWidget() == m_emptyPage;
    if (empty && !onEmptyPage) {
        m_tabs->setCornerWidget(nullptr, Qt::TopRightCorner);
        m_emptyPageButtons->insertWidget(1, m_corner);
        m_corner->show();
    } else if (!empty && onEmptyPage) {
        m_emptyPageButtons->removeWidget(m_corner);
        m_tabs->setCornerWidget(m_corner, Qt::TopRightCorner);
        m_corner->show();
    }
}

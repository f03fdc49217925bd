#include "consolepanel.h"

#include "brokerevent.h"
#include "brokersnapshot.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "roomname.h"
#include "savedmessagesstore.h"

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
#include <QVBoxLayout>

ConsolePanel::ConsolePanel(QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_store(new SavedMessagesStore(settings, this)) {
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("consoleTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->tabBar()->setExpanding(false);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &ConsolePanel::closeClient);

    m_corner = makeCornerWidget();
    m_tabs->setCornerWidget(m_corner, Qt::TopRightCorner);
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this,
            &ConsolePanel::showTabMenu);

    // Shown while there is no tab, so the panel explains itself.
    m_emptyPage = new QWidget(this);
    auto *emptyLabel =
        new QLabel(QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                       .arg(tr("Test console"),
                            tr("Pretend to be a client of the broker: register an id, talk to "
                               "your own clients, answer them, or send malformed frames.")),
                   m_emptyPage);
    emptyLabel->setWordWrap(true);
    emptyLabel->setAlignment(Qt::AlignCenter);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->setContentsMargins(40, 20, 40, 20);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyLabel);
    // The room field and the buttons beside the tabs come here while there is none.
    m_emptyPageButtons = new QHBoxLayout;
    m_emptyPageButtons->addStretch(1);
    m_emptyPageButtons->addStretch(1);
    emptyLayout->addLayout(m_emptyPageButtons);
    emptyLayout->addStretch(1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    updatePage();
}

ConsolePanel::~ConsolePanel() {
    // The tabs are destroyed by ~QWidget, after this object has stopped being a ConsolePanel; an
    // editor losing focus then still emits summaryChanged, whose handler must not run any more
    // (UBSan: member call on a QWidget that is no longer a ConsolePanel).
    for (auto *widget : findChildren<ConsoleClientWidget *>())
        disconnect(widget, nullptr, this, nullptr);
}

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

int ConsolePanel::clientCount() const {
    return m_tabs->count();
}

ConsoleClientWidget *ConsolePanel::clientWidget(int index) const {
    return qobject_cast<ConsoleClientWidget *>(m_tabs->widget(index));
}

ConsoleClientWidget *ConsolePanel::currentClientWidget() const {
    return qobject_cast<ConsoleClientWidget *>(m_tabs->currentWidget());
}

int ConsolePanel::indexOf(ConsoleClientWidget *widget) const {
    return m_tabs->indexOf(widget);
}

void ConsolePanel::setCurrentClientWidget(ConsoleClientWidget *widget) {
    m_tabs->setCurrentWidget(widget);
}

QString ConsolePanel::roomOf(const QUrl &url) {
    return roomNameOf(url);
}

ConsoleClientWidget *ConsolePanel::addClient(const QUrl &url, const QString &id, bool connectNow) {
    auto *widget = new ConsoleClientWidget(m_store, m_tabs);
    QUrl where = url;
    if (where.isEmpty() && !m_defaultUrl.isEmpty()) {
        where = m_defaultUrl;
        where.setPath(newClientRoom());
    }
    widget->setUrl(where);
    widget->setClientId(id.isEmpty() ? unusedId(QStringLiteral("console")) : id);
    connect(widget, &ConsoleClientWidget::summaryChanged, this, [this, widget] {
        updateTab(widget);
        updateCompletion(widget);
    });
    const int index = m_tabs->addTab(widget, widget->clientId());
    updateTab(widget);
    updateCompletion(widget);
    m_tabs->setCurrentIndex(index);
    updatePage();
    if (connectNow)
        widget->connectClient();
    return widget;
}

QList<ConsoleClientWidget *> ConsolePanel::addClients(const QString &baseName, int count,
                                                      const QString &room) {
    QUrl url = m_defaultUrl;
    url.setPath(room.startsWith(u'/') ? room : u'/' + room);
    QList<ConsoleClientWidget *> widgets;
    for (int i = 1; i <= count; ++i)
        widgets.append(addClient(url, QStringLiteral("%1-%2").arg(baseName).arg(i), true));
    return widgets;
}

void ConsolePanel::setDefaultUrl(const QUrl &url) {
    const QUrl previous = m_defaultUrl;
    m_defaultUrl = url;
    m_roomCombo->lineEdit()->setPlaceholderText(roomOf(url));
    if (previous.isEmpty())
        return;
    for (int i = 0; i < clientCount(); ++i) {
        ConsoleClientWidget *widget = clientWidget(i);
        const QUrl current = widget->url();
        if (widget->client()->state() != ConsoleClient::State::Disconnected ||
            current.scheme() != previous.scheme() || current.host() != previous.host() ||
            current.port() != previous.port())
            continue;
        QUrl moved = url;
        moved.setPath(current.path());
        moved.setQuery(current.query());
        widget->setUrl(moved);
    }
}

void ConsolePanel::setKnownClients(const QString &room, const QStringList &ids) {
    if (ids.isEmpty())
        m_knownClients.remove(room);
    else
        m_knownClients.insert(room, ids);
    for (int i = 0; i < clientCount(); ++i) {
        if (clientWidget(i)->room() == room)
            updateCompletion(clientWidget(i));
    }
}

void ConsolePanel::updateFromSnapshot(const BrokerSnapshot &snapshot) {
    QHash<QString, QStringList> known;
    QStringList rooms;
    for (const ConnectionInfo &connection : snapshot.connections) {
        const QString room = connection.room.isEmpty() ? QStringLiteral("/") : connection.room;
        if (!rooms.contains(room))
            rooms.append(room);
        if (!connection.clientId.isEmpty())
            known[connection.room].append(QString::fromUtf8(connection.clientId));
    }
    rooms.sort();
    if (rooms != m_knownRooms) {
        m_knownRooms = rooms;
        updateRoomChoices();
    }
    if (known == m_knownClients)
        return;
    m_knownClients = known;
    for (int i = 0; i < clientCount(); ++i)
        updateCompletion(clientWidget(i));
}

void ConsolePanel::applyBrokerEvents(const QList<BrokerEvent> &events) {
    for (const BrokerEvent &e : events) {
        if (e.kind != BrokerEvent::Kind::FrameIn || e.action != FrameAction::Send ||
            e.outcome != BrokerEvent::Outcome::SkippedUnknownId || e.ack.isEmpty())
            continue;
        const QString ack = QString::fromUtf8(e.ack);
        const QString clientId = QString::fromUtf8(e.clientId);
        for (int i = 0; i < clientCount(); ++i) {
            ConsoleClientWidget *widget = clientWidget(i);
            // The same broker, room and id: the ask is this client's (its ack is random).
            if (widget->client()->registeredId() == clientId && widget->room() == e.room &&
                isDefaultBroker(widget->url()))
                widget->client()->markAskReachedNoOne(ack, e.detail);
        }
    }
}

void ConsolePanel::openClientTo(const QString &room, const QString &destId) {
    ConsoleClientWidget *target = nullptr;
    ConsoleClientWidget *current = currentClientWidget();
    if (current && current->room() == room && isDefaultBroker(current->url())) {
        target = current;
    } else {
        for (int i = 0; i < clientCount() && !target; ++i) {
            ConsoleClientWidget *widget = clientWidget(i);
            if (widget->room() == room && isDefaultBroker(widget->url()))
                target = widget;
        }
    }
    if (!target) {
        QUrl url = m_defaultUrl;
        url.setPath(room);
        target = addClient(url, {}, true);
    }
    m_tabs->setCurrentWidget(target);
    target->setDestinations(destId);
    emit activationRequested();
    target->focusComposer();
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

void ConsolePanel::closeClient(int index) {
    ConsoleClientWidget *widget = clientWidget(index);
    if (!widget)
        return;
    m_tabs->removeTab(index);
    widget->deleteLater();
    updatePage();
}

void ConsolePanel::updateTab(ConsoleClientWidget *widget) {
    const int index = m_tabs->indexOf(widget);
    if (index < 0)
        return;
    const ConsoleClient::State state = widget->client()->state();
    m_tabs->setTabText(index, widget->clientId().isEmpty() ? tr("(no id)") : widget->clientId());
    m_tabs->setTabIcon(index, ConsoleClientWidget::stateIcon(state));
    m_tabs->setTabToolTip(
        index, tr("%1\n%2").arg(widget->url().toString(), ConsoleClient::stateName(state)));
}

void ConsolePanel::updateCompletion(ConsoleClientWidget *widget) {
    widget->setCompletionIds(isDefaultBroker(widget->url()) ? m_knownClients.value(widget->room())
                                                            : QStringList());
}

void ConsolePanel::updatePage() {
    const bool empty = clientCount() == 0;
    m_stack->setCurrentWidget(empty ? m_emptyPage : static_cast<QWidget *>(m_tabs));
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

bool ConsolePanel::isDefaultBroker(const QUrl &url) const {
    // Completion only knows the ids of the window's broker.
    return m_defaultUrl.isEmpty() ||
           (url.host() == m_defaultUrl.host() && url.port() == m_defaultUrl.port());
}

QString ConsolePanel::unusedId(const QString &base) const {
    QStringList used;
    for (int i = 0; i < clientCount(); ++i)
        used.append(clientWidget(i)->clientId());
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!used.contains(id))
            return id;
    }
}

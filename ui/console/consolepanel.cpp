#include "consolepanel.h"

#include "brokerevent.h"
#include "brokersnapshot.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "peerscriptlistmodel.h"
#include "peerscriptrunner.h"
#include "roomname.h"
#include "savedmessagesstore.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

ConsolePanel::ConsolePanel(QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_store(new SavedMessagesStore(settings, this))
    , m_scripts(new PeerScriptListModel(this)) {
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
    if (previous.isEmpty()) {
        for (const QString &file : std::exchange(m_pendingScripts, {}))
            runScript(file);
        return;
    }
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

void ConsolePanel::runScript(const QString &fileName) {
    if (m_defaultUrl.isEmpty()) {
        m_pendingScripts.append(fileName);
        return;
    }
    QUrl url = m_defaultUrl;
    url.setPath(QStringLiteral("/"));
    emit scriptStarted(m_scripts->run(fileName, PeerScriptRunner::localBrokerUrl(url, {})));
}

void ConsolePanel::chooseAndRunScript() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Run Peer Script"), m_lastScriptDir,
                                                      tr("JavaScript (*.js);;All files (*)"));
    if (file.isEmpty())
        return;
    m_lastScriptDir = QFileInfo(file).absolutePath();
    runScript(file);
}

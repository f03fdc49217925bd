#include "mainwindow.h"

#include "ackpairing.h"
#include "actioncountmodel.h"
#include "brokercontroller.h"
#include "brokersettingschange.h"
#include "connectiontreemodel.h"
#include "consolepanel.h"
#include "displaytext.h"
#include "framedetailsview.h"
#include "framefilterproxymodel.h"
#include "framelogfile.h"
#include "framelogmodel.h"
#include "logfilterbar.h"
#include "logmatchhint.h"
#include "ratehistory.h"
#include "recentlyclosedmodel.h"
#include "statisticsview.h"
#include "tailfollower.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QIcon icon(const char *name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1StringView(name)));
}

// A label in the status bar that copies its text when clicked.
class ClickToCopyLabel : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void mousePressEvent(QMouseEvent *) override {
        if (!m_copyText.isEmpty())
            QApplication::clipboard()->setText(m_copyText);
    }

public:
    QString m_copyText;
};

} // namespace

MainWindow::MainWindow(const BrokerSettings &broker, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_brokerSettings(broker)
    , m_controller(new BrokerController(this))
    , m_log(new FrameLogModel(this))
    , m_proxy(new FrameFilterProxyModel(this))
    , m_tree(new ConnectionTreeModel(this))
    , m_closed(new RecentlyClosedModel(this))
    , m_rates(new RateHistory(this))
    , m_actionCounts(new ActionCountModel(this)) {
    setWindowTitle(tr("WSMsgBroker"));
    setWindowIcon(icon("wsmsgbroker"));
    setObjectName(QStringLiteral("MainWindow"));

    m_settings->beginGroup(QStringLiteral("inspector"));
    m_inspectorOptions.logCapacity =
        m_settings->value(QStringLiteral("logCapacity"), m_inspectorOptions.logCapacity).toInt();
    m_inspectorOptions.unansweredThresholdMs = m_settings
                                                   ->value(QStringLiteral("unansweredThresholdMs"),
                                                           m_inspectorOptions.unansweredThresholdMs)
                                                   .toInt();
    m_inspectorOptions.language = m_settings->value(QStringLiteral("language")).toString();
    m_settings->endGroup();
    m_log->setCapacity(std::clamp(m_inspectorOptions.logCapacity, 1000, 10000000));
    m_log->setUnansweredThresholdMs(m_inspectorOptions.unansweredThresholdMs);
    m_proxy->setSourceModel(m_log);

    // Central: the frame log with its filters and banners.
    auto *central = new QWidget(this);
    m_filterBar = new LogFilterBar(m_proxy, central);
    m_banner = new QLabel(central);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setContentsMargins(6, 3, 6, 3);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_logView = new QTableView(central);
    m_logView->setObjectName(QStringLiteral("frameLog"));
    m_logView->setModel(m_proxy);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logView->setWordWrap(false);
    m_logView->setShowGrid(false);
    m_logView->setAlternatingRowColors(true);
    m_logView->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, which keeps 100,000 rows cheap.
    m_logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->horizontalHeader()->setHighlightSections(false);
    const int charWidth = m_logView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_logView->setColumnWidth(FrameLogModel::TimeColumn, charWidth * 13);
    m_logView->setColumnWidth(FrameLogModel::RoomColumn, charWidth * 9);
    m_logView->setColumnWidth(FrameLogModel::ClientColumn, charWidth * 12);
    m_logView->setColumnWidth(FrameLogModel::DirectionColumn, charWidth * 7);
    m_logView->setColumnWidth(FrameLogModel::ActionColumn, charWidth * 11);
    m_logView->setColumnWidth(FrameLogModel::SizeColumn, charWidth * 7);
    m_follower = new TailFollower(m_logView);
    new LogMatchHint(m_proxy, m_logView);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_logView, 1);
    setCentralWidget(central);

    createActions();
    createDocks();
    createStatusBar();

    connect(m_controller, &BrokerController::eventsReady, m_log, &FrameLogModel::appendEvents);
    connect(m_controller, &BrokerController::eventsReady, m_actionCounts,
            &ActionCountModel::addEvents);
    connect(m_controller, &BrokerController::snapshotReady, this, &MainWindow::applySnapshot);
    connect(m_controller, &BrokerController::stateChanged, this, &MainWindow::updateBrokerState);
    connect(m_controller, &BrokerController::startFailed, this, &MainWindow::updateBrokerState);
    connect(m_log, &FrameLogModel::droppedCountChanged, this, &MainWindow::updateBanner);
    connect(m_log, &FrameLogModel::pendingCountChanged, this, &MainWindow::updateBanner);
    connect(m_log, &FrameLogModel::pausedChanged, this, &MainWindow::updateBanner);
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedFrame);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("resume"))
            m_pauseAction->setChecked(false);
        else if (link == QLatin1String("dismiss"))
            m_log->resetDroppedCount();
        else if (link == QLatin1String("dismiss-unrecorded")) {
            m_unrecordedSeen = m_unrecorded;
            updateBanner();
        } else if (link == QLatin1String("settings"))
            showSettings();
    });

    m_settings->beginGroup(QStringLiteral("window"));
    if (!restoreGeometry(m_settings->value(QStringLiteral("geometry")).toByteArray()))
        resize(1440, 900);
    restoreState(m_settings->value(QStringLiteral("state")).toByteArray());
    m_settings->endGroup();
    updateBrokerState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open =
        file->addAction(icon("open"), tr("&Open Log…"), this, &MainWindow::openLogInteractively);
    open->setShortcut(QKeySequence::Open);
    QAction *save = file->addAction(icon("export"), tr("&Export Log…"), this,
                                    &MainWindow::exportLogInteractively);
    save->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *brokerMenu = menuBar()->addMenu(tr("&Broker"));
    m_startStopAction = brokerMenu->addAction(icon("stop"), tr("S&top Broker"));
    m_startStopAction->setShortcut(tr("Ctrl+R"));
    connect(m_startStopAction, &QAction::triggered, this, [this] {
        if (m_controller->state() == BrokerController::State::Stopped)
            startBroker();
        else
            stopBroker();
    });
    QAction *copyUrl = brokerMenu->addAction(icon("copy"), tr("&Copy URL"), this, [this] {
        QApplication::clipboard()->setText(m_controller->url().toString());
    });
    copyUrl->setShortcut(tr("Ctrl+Shift+C"));
    brokerMenu->addSeparator();
    QAction *settingsAction =
        brokerMenu->addAction(icon("settings"), tr("&Settings…"), this, &MainWindow::showSettings);
    settingsAction->setShortcut(QKeySequence::Preferences);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));

    QMenu *logMenu = menuBar()->addMenu(tr("&Log"));
    m_pauseAction = logMenu->addAction(icon("pause"), tr("&Pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(tr("Ctrl+P"));
    m_pauseAction->setToolTip(tr("Pause the log; frames keep being recorded and appear on resume"));
    connect(m_pauseAction, &QAction::toggled, m_log, &FrameLogModel::setPaused);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_pauseAction->setIcon(icon(paused ? "resume" : "pause"));
        m_pauseAction->setText(paused ? tr("&Resume") : tr("&Pause"));
    });
    m_clearAction = logMenu->addAction(icon("clear"), tr("&Clear"), this, [this] {
        m_log->clear();
        m_actionCounts->clear();
        m_details->clear();
    });
    m_clearAction->setShortcut(tr("Ctrl+L"));
    m_followAction = logMenu->addAction(tr("&Follow Newest Frames"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(tr("Ctrl+End"));
    connect(m_followAction, &QAction::toggled, m_follower, &TailFollower::setFollowing);
    connect(m_follower, &TailFollower::followingChanged, m_followAction, &QAction::setChecked);
    logMenu->addSeparator();
    QAction *filter = logMenu->addAction(icon("filter"), tr("&Filter…"), this, [this] {
        m_filterBar->textEdit()->setFocus();
        m_filterBar->textEdit()->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    logMenu->addAction(tr("Show &All Frames"), m_filterBar, &LogFilterBar::clearAll);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About WSMsgBroker"), this, [this] {
        QMessageBox::about(this, tr("About WSMsgBroker"),
                           tr("<h3>WSMsgBroker %1</h3><p>A WebSocket message broker for the "
                              "wsmsgbroker protocol that shows its traffic live.</p>")
                               .arg(QStringLiteral(WSMSGBROKER_VERSION)));
    });

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_startStopAction);
    tools->addAction(settingsAction);
    tools->addSeparator();
    tools->addAction(m_pauseAction);
    tools->addAction(m_clearAction);
    tools->addSeparator();
    tools->addAction(open);
    tools->addAction(save);
}

void MainWindow::createDocks() {
    const auto addDock = [this](QWidget *content, const QString &title, const QString &name,
                                Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(content);
        addDockWidget(area, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };

    m_treeView = new QTreeView(this);
    m_treeView->setObjectName(QStringLiteral("connectionTree"));
    m_treeView->setModel(m_tree);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->setColumnWidth(ConnectionTreeModel::IdColumn, 170);
    connect(m_tree, &QAbstractItemModel::rowsInserted, m_treeView,
            [this](const QModelIndex &parent) {
                if (!parent.isValid())
                    m_treeView->expandAll(); // new rooms open, so their clients show at once
            });
    connect(m_treeView, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_treeView->indexAt(pos);
        const QList<QAction *> actions = connectionActions(index);
        if (actions.isEmpty())
            return;
        QMenu menu;
        menu.addActions(actions);
        menu.exec(m_treeView->viewport()->mapToGlobal(pos));
        qDeleteAll(actions);
    });
    QDockWidget *treeDock = addDock(m_treeView, tr("Rooms and Clients"),
                                    QStringLiteral("roomsDock"), Qt::LeftDockWidgetArea);

    auto *closedSort = new QSortFilterProxyModel(this);
    closedSort->setSourceModel(m_closed);
    m_closedView = new QTableView(this);
    m_closedView->setObjectName(QStringLiteral("recentlyClosed"));
    m_closedView->setModel(closedSort);
    m_closedView->verticalHeader()->hide();
    m_closedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_closedView->horizontalHeader()->setStretchLastSection(true);
    m_closedView->setWordWrap(false);
    QDockWidget *closedDock = addDock(m_closedView, tr("Recently Closed"),
                                      QStringLiteral("closedDock"), Qt::LeftDockWidgetArea);
    splitDockWidget(treeDock, closedDock, Qt::Vertical);

    m_details = new FrameDetailsView(this);
    m_details->setObjectName(QStringLiteral("frameDetails"));
    QDockWidget *detailsDock = addDock(m_details, tr("Frame Details"),
                                       QStringLiteral("detailsDock"), Qt::RightDockWidgetArea);

    m_statistics = new StatisticsView(m_rates, m_actionCounts, this);
    QDockWidget *statsDock = addDock(m_statistics, tr("Statistics"),
                                     QStringLiteral("statisticsDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(detailsDock, statsDock);
    detailsDock->raise();

    m_console = new ConsolePanel(m_settings, this);
    m_console->setObjectName(QStringLiteral("console"));
    QDockWidget *consoleDock = addDock(m_console, tr("Test Console"), QStringLiteral("consoleDock"),
                                       Qt::BottomDockWidgetArea);
    consoleDock->toggleViewAction()->setShortcut(tr("Ctrl+T"));
    connect(this, &MainWindow::sendMessageRequested, m_console, &ConsolePanel::openClientTo);
    connect(m_console, &ConsolePanel::activationRequested, consoleDock, [consoleDock] {
        consoleDock->show();
        consoleDock->raise();
    });
    connect(m_controller, &BrokerController::eventsReady, m_console,
            &ConsolePanel::applyBrokerEvents);
    connect(m_controller, &BrokerController::snapshotReady, m_console,
            &ConsolePanel::updateFromSnapshot);
    connect(m_controller, &BrokerController::started, m_console, [this](QUrl url) {
        url.setPath(QStringLiteral("/"));
        m_console->setDefaultUrl(url);
    });
    resizeDocks({treeDock, detailsDock}, {330, 380}, Qt::Horizontal);
    resizeDocks({consoleDock}, {300}, Qt::Vertical);
}

void MainWindow::createStatusBar() {
    auto *url = new ClickToCopyLabel(this);
    url->setToolTip(tr("Click to copy the broker's URL"));
    url->setCursor(Qt::PointingHandCursor);
    m_urlLabel = url;
    m_roomsLabel = new QLabel(this);
    m_clientsLabel = new QLabel(this);
    m_ratesLabel = new QLabel(this);
    m_problemsLabel = new QLabel(this);
    statusBar()->addWidget(m_urlLabel, 1);
    statusBar()->addPermanentWidget(m_roomsLabel);
    statusBar()->addPermanentWidget(m_clientsLabel);
    statusBar()->addPermanentWidget(m_ratesLabel);
    statusBar()->addPermanentWidget(m_problemsLabel);
    applySnapshot({});
}

void MainWindow::startBroker() {
    m_rates->clear();
    m_controller->start(m_brokerSettings);
}

void MainWindow::stopBroker() {
    m_controller->stop();
}

void MainWindow::updateBrokerState() {
    using State = BrokerController::State;
    const State state = m_controller->state();
    const bool stopped = state == State::Stopped;
    m_startStopAction->setText(stopped ? tr("S&tart Broker") : tr("S&top Broker"));
    m_startStopAction->setIcon(icon(stopped ? "start" : "stop"));
    auto *url = static_cast<ClickToCopyLabel *>(m_urlLabel);
    url->m_copyText.clear();
    switch (state) {
    case State::Running:
        url->m_copyText = m_controller->url().toString();
        url->setText(tr("Listening on <b>%1</b>").arg(url->m_copyText.toHtmlEscaped()));
        break;
    case State::Starting:
        url->setText(tr("Starting…"));
        break;
    case State::Stopping:
        url->setText(tr("Stopping…"));
        break;
    case State::Stopped:
        url->setText(m_controller->lastError().isEmpty()
                         ? tr("Broker stopped")
                         : tr("<b>Broker not running:</b> %1")
                               .arg(m_controller->lastError().toHtmlEscaped()));
        break;
    }
    updateBanner();
}

void MainWindow::updateBanner() {
    // One line above the log for what the user must know: the broker could not start,
    // the log is paused with frames waiting, or the ring buffer dropped old frames.
    QStringList parts;
    bool problem = false;
    if (m_controller->state() == BrokerController::State::Stopped &&
        !m_controller->lastError().isEmpty()) {
        parts << tr("The broker could not start: %1. <a href=\"settings\">Change the address or "
                    "port…</a>")
                     .arg(m_controller->lastError().toHtmlEscaped());
        problem = true;
    }
    if (m_log->isPaused())
        parts << tr("Paused: %n new frame(s) waiting. <a href=\"resume\">Resume</a>", nullptr,
                    m_log->pendingCount());
    if (m_log->droppedCount() > 0) {
        parts << tr("%n older frame(s) left the log (it keeps the newest %1). <a "
                    "href=\"dismiss\">Dismiss</a>",
                    nullptr, int(std::min<quint64>(m_log->droppedCount(), INT_MAX)))
                     .arg(QLocale().toString(m_log->capacity()));
    }
    if (m_unrecorded > m_unrecordedSeen) {
        parts << tr("%n frame(s) came faster than the log records (%1 a second) and were only "
                    "counted. <a href=\"dismiss-unrecorded\">Dismiss</a>",
                    nullptr, int(std::min<quint64>(m_unrecorded - m_unrecordedSeen, INT_MAX)))
                     .arg(QLocale().toString(m_brokerSettings.maxRecordedFramesPerSecond));
    }
    m_banner->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    QPalette p = palette();
    p.setColor(QPalette::Window,
               problem ? QColor(0xf4, 0xc7, 0xc3) : p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText,
               problem ? QColor(0x40, 0x10, 0x10) : p.color(QPalette::ToolTipText));
    m_banner->setPalette(p);
    m_banner->setVisible(!parts.isEmpty());
}

void MainWindow::applySnapshot(const BrokerSnapshot &snapshot) {
    m_tree->applySnapshot(snapshot);
    m_closed->applySnapshot(snapshot);
    if (snapshot.timeMs > 0)
        m_rates->addCounters(snapshot.timeMs, snapshot.counters.framesIn,
                             snapshot.counters.framesOut);
    m_statistics->setCounters(snapshot.counters, snapshot.pendingAcks);
    if (snapshot.counters.unrecordedFrames != m_unrecorded) {
        // A new broker counts from zero again.
        if (snapshot.counters.unrecordedFrames < m_unrecorded)
            m_unrecordedSeen = 0;
        m_unrecorded = snapshot.counters.unrecordedFrames;
        updateBanner();
    }

    QSet<QString> rooms;
    int registered = 0;
    for (const ConnectionInfo &c : snapshot.connections) {
        rooms.insert(c.room);
        registered += c.clientId.isEmpty() ? 0 : 1;
    }
    m_roomsLabel->setText(tr("%n room(s)", nullptr, int(rooms.size())));
    m_clientsLabel->setText(
        tr("%n client(s)", nullptr, registered) +
        (snapshot.connections.size() > registered
             ? tr(" (+%1 unregistered)").arg(snapshot.connections.size() - registered)
             : QString()));
    m_ratesLabel->setText(tr("in %1/s · out %2/s")
                              .arg(QLocale().toString(m_rates->currentIn(), 'f', 0),
                                   QLocale().toString(m_rates->currentOut(), 'f', 0)));
    const BrokerCounters &c = snapshot.counters;
    const quint64 dropped = c.skippedUnknownId + c.droppedAnswers + c.undelivered;
    m_problemsLabel->setText(
        tr("dropped %1 · errors %2")
            .arg(QLocale().toString(dropped), QLocale().toString(c.errorsSent)));
    m_problemsLabel->setToolTip(
        tr("Unknown destinations %1, dropped answers %2, undelivered %3; error replies %4")
            .arg(c.skippedUnknownId)
            .arg(c.droppedAnswers)
            .arg(c.undelivered)
            .arg(c.errorsSent));
}

void MainWindow::showSelectedFrame() {
    const QModelIndex current = m_logView->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        m_log->setPairedSerials({});
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    m_details->setEvent(m_log->eventAt(row));

    const AckPairing::Group group = AckPairing::find(*m_log, row);
    m_log->setPairedSerials(group.isValid() ? group.serials() : QList<quint64>{});
    if (!group.isValid()) {
        m_details->setRelationText({});
        return;
    }
    const BrokerEvent &send = m_log->eventAt(m_log->rowOfSerial(group.send));
    QString text =
        tr("Ask <b>%1</b>: delivered to %n recipient(s)", nullptr, int(group.messages.size()))
            .arg(QString::fromUtf8(send.ack).toHtmlEscaped());
    if (group.isAnswered()) {
        const int answerRow = m_log->rowOfSerial(
            group.answer != AckPairing::NoSerial ? group.answer : group.forwardedAnswer);
        const QString by = answerRow >= 0
                               ? DisplayText::clientName(m_log->eventAt(answerRow).clientId,
                                                         m_log->eventAt(answerRow).connectionId)
                               : QString();
        text += tr("; answered by <b>%1</b> after <b>%2 ms</b>")
                    .arg(by.toHtmlEscaped())
                    .arg(group.roundTripMs);
    } else {
        text += tr("; <b>no answer yet</b>");
    }
    if (!group.droppedAnswers.isEmpty())
        text += tr("; %n later answer(s) dropped", nullptr, int(group.droppedAnswers.size()));
    m_details->setRelationText(text);
}

QList<QAction *> MainWindow::connectionActions(const QModelIndex &index) {
    QList<QAction *> actions;
    if (!index.isValid())
        return actions;
    const QString room = index.data(ConnectionTreeModel::RoomNameRole).toString();
    if (index.data(ConnectionTreeModel::IsRoomRole).toBool()) {
        auto *filterRoom = new QAction(icon("filter"), tr("Show Only This Room in the Log"), this);
        filterRoom->setObjectName(QStringLiteral("showOnlyRoom"));
        connect(filterRoom, &QAction::triggered, this,
                [this, room] { m_filterBar->showOnlyRoom(room); });
        actions << filterRoom;
        return actions;
    }
    const quint64 connectionId = index.data(ConnectionTreeModel::ConnectionIdRole).toULongLong();
    const QString clientId = index.data(ConnectionTreeModel::ClientIdRole).toString();
    if (!clientId.isEmpty()) {
        auto *send = new QAction(icon("send"), tr("Send Message…"), this);
        connect(send, &QAction::triggered, this,
                [this, room, clientId] { emit sendMessageRequested(room, clientId); });
        auto *copy = new QAction(icon("copy"), tr("Copy Id"), this);
        connect(copy, &QAction::triggered, this,
                [clientId] { QApplication::clipboard()->setText(clientId); });
        auto *filterClient =
            new QAction(icon("filter"), tr("Show Only This Client in the Log"), this);
        filterClient->setObjectName(QStringLiteral("showOnlyClient"));
        connect(filterClient, &QAction::triggered, this,
                [this, room, clientId] { m_filterBar->showOnlyClient(room, clientId); });
        actions << send << copy << filterClient;
    }
    auto *filterRoom = new QAction(icon("room"), tr("Show Only This Room in the Log"), this);
    filterRoom->setObjectName(QStringLiteral("showOnlyRoom"));
    connect(filterRoom, &QAction::triggered, this,
            [this, room] { m_filterBar->showOnlyRoom(room); });
    auto *disconnectAction = new QAction(icon("disconnect"), tr("Disconnect"), this);
    disconnectAction->setObjectName(QStringLiteral("disconnectClient"));
    connect(disconnectAction, &QAction::triggered, this,
            [this, connectionId] { m_controller->disconnectClient(connectionId); });
    actions << filterRoom << disconnectAction;
    return actions;
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_brokerSettings, m_inspectorOptions, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    BrokerSettings broker = dialog.brokerSettings();
    const SettingsDialog::InspectorOptions inspector = dialog.inspectorOptions();
    const BrokerSettingsChange change(m_brokerSettings, m_inspectorOptions, broker, inspector);
    if (change.isEmpty())
        return;
    // Only a running broker with clients has something to lose: ask before cutting them off.
    const bool running = m_controller->state() != BrokerController::State::Stopped;
    bool restart = change.needsRestart() && running;
    const int clients = m_tree->connectionCount();
    if (restart && clients > 0) {
        QMessageBox ask(QMessageBox::Warning, tr("Restart the Broker?"),
                        tr("These settings take effect when the broker restarts."), {}, this);
        ask.setObjectName(QStringLiteral("restartConfirmation"));
        ask.setInformativeText(tr("Restarting disconnects %n client(s).", nullptr, clients));
        QPushButton *restartButton = ask.addButton(tr("&Restart"), QMessageBox::AcceptRole);
        ask.addButton(QMessageBox::Cancel);
        ask.setDefaultButton(restartButton);
        ask.exec();
        if (ask.clickedButton() != restartButton) {
            restart = false;
            broker = m_brokerSettings; // the display options still apply
        }
    }
    m_brokerSettings = broker;
    m_inspectorOptions = inspector;
    m_brokerSettings.save(*m_settings);
    m_settings->beginGroup(QStringLiteral("inspector"));
    m_settings->setValue(QStringLiteral("logCapacity"), m_inspectorOptions.logCapacity);
    m_settings->setValue(QStringLiteral("unansweredThresholdMs"),
                         m_inspectorOptions.unansweredThresholdMs);
    m_settings->setValue(QStringLiteral("language"), m_inspectorOptions.language);
    m_settings->endGroup();
    m_log->setCapacity(m_inspectorOptions.logCapacity);
    m_log->setUnansweredThresholdMs(m_inspectorOptions.unansweredThresholdMs);
    if (restart)
        startBroker(); // restarts with the new settings
}

bool MainWindow::exportLog(const QString &fileName, QString *error) {
    BrokerEventList events;
    events.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        events.append(m_log->eventAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row()));
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    const auto format = fileName.endsWith(QLatin1String(".har"), Qt::CaseInsensitive)
                            ? FrameLogFile::Format::Har
                            : FrameLogFile::Format::JsonLines;
    return FrameLogFile::write(&file, format, events, m_controller->url(), error);
}

bool MainWindow::openLog(const QString &fileName, QString *error) {
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(fileName, file.errorString());
        return false;
    }
    BrokerEventList events;
    if (!FrameLogFile::read(&file, &events, error)) {
        *error = tr("%1: %2").arg(fileName, *error);
        return false;
    }
    m_pauseAction->setChecked(false); // an opened log is shown at once, not held back
    m_log->clear();
    m_actionCounts->clear();
    m_log->appendEvents(events);
    m_actionCounts->addEvents(events);
    return true;
}

void MainWindow::exportLogInteractively() {
    QString selected;
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export Log"), QStringLiteral("frames.jsonl"),
        tr("JSON Lines (*.jsonl);;HAR, as browsers save it (*.har)"), &selected);
    if (fileName.isEmpty())
        return;
    QString error;
    if (!exportLog(fileName, &error))
        QMessageBox::warning(this, tr("Export Log"), error);
    else
        statusBar()->showMessage(
            tr("Saved %n frame(s) to %1", nullptr, m_proxy->rowCount()).arg(fileName), 5000);
}

void MainWindow::openLogInteractively() {
    const QString fileName = QFileDialog::getOpenFileName(
        this, tr("Open Log"), {}, tr("Frame logs (*.jsonl *.har *.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!openLog(fileName, &error))
        QMessageBox::warning(this, tr("Open Log"), error);
}

void MainWindow::saveLayout() {
    m_settings->beginGroup(QStringLiteral("window"));
    m_settings->setValue(QStringLiteral("geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("state"), saveState());
    m_settings->endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    event->accept();
}

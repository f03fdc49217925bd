// The window's furniture: menus and tool bar, the docks around the log, the status bar.
#include "mainwindow.h"

#include "brokercontroller.h"
#include "clicktocopylabel.h"
#include "connectiontreemodel.h"
#include "consolepanel.h"
#include "displaytext.h"
#include "framedetailsview.h"
#include "framediffview.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "inspectoricon.h"
#include "logfilterbar.h"
#include "peerscriptspanel.h"
#include "recentlyclosedmodel.h"
#include "remotebroker.h"
#include "sessioncapture.h"
#include "statisticsview.h"
#include "tailfollower.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

#include <algorithm>

void MainWindow::createActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open =
        file->addAction(icon("open"), tr("&Open…"), this, &MainWindow::openLogInteractively);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a capture, JSON Lines log or HAR in a window of its own"));
    QAction *openLast = file->addAction(tr("Open &Last Session"), this, [this] {
        if (!m_session->lastSessionPath().isEmpty())
            openFile(m_session->lastSessionPath());
    });
    openLast->setObjectName(QStringLiteral("openLastSession"));
    openLast->setEnabled(!m_session->lastSessionPath().isEmpty());
    file->addAction(tr("Save Capture &As…"), this, &MainWindow::saveCaptureInteractively)
        ->setShortcut(QKeySequence::SaveAs);
    QAction *save = file->addAction(icon("export"), tr("&Export Log…"), this,
                                    &MainWindow::exportLogInteractively);
    save->setShortcut(QKeySequence::Save);
    file->addSeparator();
    createAttachActions(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *brokerMenu = menuBar()->addMenu(tr("&Broker"));
    m_startStopAction = brokerMenu->addAction(icon("stop"), tr("S&top Broker"));
    m_startStopAction->setShortcut(tr("Ctrl+R"));
    m_startStopAction->setObjectName(QStringLiteral("startStopBroker"));
    connect(m_startStopAction, &QAction::triggered, this, [this] {
        if (m_controller->state() == BrokerController::State::Stopped)
            startBroker();
        else
            stopBroker();
    });
    QAction *copyUrl = brokerMenu->addAction(icon("copy"), tr("&Copy URL"), this, [this] {
        QApplication::clipboard()->setText(
            (m_remote ? m_remote->url() : m_controller->url()).toString(QUrl::RemoveQuery));
    });
    copyUrl->setShortcut(tr("Ctrl+Shift+C"));
    QAction *replay =
        brokerMenu->addAction(tr("Re&play Recording…"), this, &MainWindow::replayInteractively);
    replay->setObjectName(QStringLiteral("replayRecording"));
    replay->setToolTip(tr("Play a capture, JSON Lines log or HAR into this broker, simulating "
                          "its clients, and compare what happens with the recording"));
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
    m_pauseAction->setObjectName(QStringLiteral("pauseLog"));
    connect(m_pauseAction, &QAction::toggled, m_log, &FrameLogModel::setPaused);
    connect(m_log, &FrameLogModel::pausedChanged, m_pauseAction, &QAction::setChecked);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_pauseAction->setIcon(icon(paused ? "resume" : "pause"));
        m_pauseAction->setText(paused ? tr("&Resume") : tr("&Pause"));
    });
    m_clearAction = logMenu->addAction(icon("clear"), tr("&Clear"), this, [this] {
        m_inspector->clear();
        m_details->clear();
    });
    m_clearAction->setShortcut(tr("Ctrl+L"));
    m_followAction = logMenu->addAction(tr("&Follow Newest Frames"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(tr("Ctrl+End"));
    m_followAction->setObjectName(QStringLiteral("followNewest"));
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
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        const QList<std::pair<QString, QString>> rows = {
            {tr("Ctrl+F"), tr("Filter the log")},
            {tr("Ctrl+P"), tr("Pause / resume the log")},
            {tr("Ctrl+L"), tr("Clear the log")},
            {tr("Ctrl+End"), tr("Follow the newest frames again")},
            {tr("Ctrl+R"), tr("Start / stop the broker")},
            {tr("Ctrl+T"), tr("Show the test console")},
            {tr("Ctrl+Shift+C"), tr("Copy the broker's URL")},
            {tr("Ctrl+O / Ctrl+S"), tr("Open / export a log")},
            {tr("Ctrl+Enter"), tr("Send, in the console")},
            {tr("Up / Down"), tr("The console's history, in its editor")}};
        QString text = QStringLiteral("<table cellspacing=4>");
        for (const auto &[key, what] : rows)
            text += QStringLiteral("<tr><td nowrap><b>%1</b></td><td>%2</td></tr>")
                        .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
        text += QStringLiteral("</table>");
        QMessageBox box(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), text, QMessageBox::Close,
                        this);
        box.setTextFormat(Qt::RichText);
        box.exec();
    });
    keys->setObjectName(QStringLiteral("keyboardShortcuts"));
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
    m_details->diffView()->attach(m_logView, m_log);
    QDockWidget *detailsDock = addDock(m_details, tr("Frame Details"),
                                       QStringLiteral("detailsDock"), Qt::RightDockWidgetArea);

    // Panels with many rows scroll inside a low dock rather than hold the window taller than
    // the screen: with a console client the window's least height was 820 px.
    const auto scrolling = [this](QWidget *panel) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(panel);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        return scroll;
    };
    m_statistics = new StatisticsView(m_rates, m_actionCounts, this);
    QDockWidget *statsDock = addDock(scrolling(m_statistics), tr("Statistics"),
                                     QStringLiteral("statisticsDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(detailsDock, statsDock);
    detailsDock->raise();

    m_console = new ConsolePanel(m_settings, this);
    m_console->setObjectName(QStringLiteral("console"));
    QDockWidget *consoleDock = addDock(scrolling(m_console), tr("Test Console"),
                                       QStringLiteral("consoleDock"), Qt::BottomDockWidgetArea);
    consoleDock->toggleViewAction()->setShortcut(tr("Ctrl+T"));
    connect(this, &MainWindow::sendMessageRequested, m_console, &ConsolePanel::openClientTo);
    connect(m_console, &ConsolePanel::clientsShown, this, [this, consoleDock] {
        // The empty console is kept low; its connection rows, a conversation and the composer
        // need about half of the window (at two fifths the conversation had three rows).
        const int wanted = std::max(360, height() / 2);
        if (!consoleDock->isFloating() && consoleDock->height() < wanted)
            resizeDocks({consoleDock}, {wanted}, Qt::Vertical);
    });
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
    // Peer scripts, beside the console that runs them.
    auto *scripts = new PeerScriptsPanel(m_console->scripts(), this);
    scripts->setObjectName(QStringLiteral("peerScripts"));
    QDockWidget *scriptsDock = addDock(scripts, tr("Peer Scripts"), QStringLiteral("scriptsDock"),
                                       Qt::BottomDockWidgetArea);
    tabifyDockWidget(consoleDock, scriptsDock);
    // Out of the way until a script runs (or View opens it): a first start shows the console.
    scriptsDock->hide();
    consoleDock->raise();
    connect(scripts, &PeerScriptsPanel::runScriptRequested, m_console,
            &ConsolePanel::chooseAndRunScript);
    connect(m_console, &ConsolePanel::scriptStarted, scripts, [scripts, scriptsDock](int row) {
        scriptsDock->show();
        scriptsDock->raise();
        scripts->showScript(row);
    });

    createTrafficDocks();
    createReplayDock();
    createContractsDock(menuBar()->actions().constFirst()->menu());
    createPlotsDock();
    createLastValuesDock();
    setUpConnectionViews();
}

void MainWindow::runScript(const QString &path) {
    m_console->runScript(path);
}

void MainWindow::arrangeDocksForWidth(int windowWidth) {
    const auto dock = [this](const char *name) {
        return findChild<QDockWidget *>(QString::fromLatin1(name));
    };
    const auto share = [windowWidth](double part, int least, int most) {
        return std::clamp(int(windowWidth * part), least, most);
    };
    if (windowWidth < NarrowWindowWidth) {
        // Three columns leave the log no room for its summary: the frame's details and the
        // statistics join Recently Closed on the left, as tabs.
        addDockWidget(Qt::LeftDockWidgetArea, dock("detailsDock"));
        addDockWidget(Qt::LeftDockWidgetArea, dock("statisticsDock"));
        tabifyDockWidget(dock("closedDock"), dock("detailsDock"));
        tabifyDockWidget(dock("detailsDock"), dock("statisticsDock"));
        addDockWidget(Qt::LeftDockWidgetArea, dock("lastValuesDock"));
        tabifyDockWidget(dock("statisticsDock"), dock("lastValuesDock"));
        addDockWidget(Qt::LeftDockWidgetArea, dock("rulesDock"));
        addDockWidget(Qt::LeftDockWidgetArea, dock("heldDock"));
        tabifyDockWidget(dock("statisticsDock"), dock("rulesDock"));
        tabifyDockWidget(dock("rulesDock"), dock("heldDock"));
        dock("detailsDock")->raise();
        resizeDocks({dock("roomsDock")}, {share(0.3, 250, 420)}, Qt::Horizontal);
        resizeDocks({dock("roomsDock"), dock("detailsDock")}, {220, 260}, Qt::Vertical);
    } else {
        // About a quarter of the window on each side; the log keeps half of it and more.
        resizeDocks({dock("roomsDock"), dock("detailsDock")},
                    {share(0.22, 250, 420), share(0.24, 260, 460)}, Qt::Horizontal);
    }
    // Small until clients are added: an empty console should not take the log's height.
    resizeDocks({dock("consoleDock")}, {170}, Qt::Vertical);
}

namespace {

// An empty table has nothing to scroll to sideways: no scroll bar under its bare header.
void noHorizontalScrollBarWhileEmpty(QAbstractItemView *view) {
    const auto update = [view] {
        view->setHorizontalScrollBarPolicy(view->model()->rowCount() == 0 ? Qt::ScrollBarAlwaysOff
                                                                          : Qt::ScrollBarAsNeeded);
    };
    QAbstractItemModel *model = view->model();
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, update);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, view, update);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, update);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, view, update);
    update();
}

// Columns in this order, each as wide as its header (in the window's language) or as the
// sample text its values need, whichever is wider.
void arrangeColumns(QHeaderView *header, const QList<std::pair<int, QString>> &columnsAndSamples) {
    const QFontMetrics fm = header->fontMetrics();
    for (int visual = 0; visual < columnsAndSamples.size(); ++visual) {
        const auto &[logical, sample] = columnsAndSamples.at(visual);
        header->moveSection(header->visualIndex(logical), visual);
        const QString title = header->model()->headerData(logical, Qt::Horizontal).toString();
        header->resizeSection(
            logical, std::max(fm.horizontalAdvance(title) + 20, fm.horizontalAdvance(sample) + 16));
    }
}

} // namespace

void MainWindow::setUpConnectionViews() {
    // The live counters right after the id, where a narrow dock still shows them; where the
    // client connects from and since when come last.
    using Tree = ConnectionTreeModel;
    const QString count = QStringLiteral("000000");
    arrangeColumns(m_treeView->header(), {{Tree::IdColumn, QStringLiteral("sensor-0000")},
                                          {Tree::FramesInColumn, count},
                                          {Tree::FramesOutColumn, count},
                                          {Tree::PendingAcksColumn, count},
                                          {Tree::QueuedBytesColumn, count},
                                          {Tree::BytesInColumn, QStringLiteral("000.0 KiB")},
                                          {Tree::BytesOutColumn, QStringLiteral("000.0 KiB")},
                                          {Tree::ConnectedForColumn, QStringLiteral("00 min 00 s")},
                                          {Tree::RemoteColumn, QStringLiteral("127.0.0.1:00000")}});
    // The id column holds "(unregistered)" too, indented under its room.
    m_treeView->header()->resizeSection(
        Tree::IdColumn,
        std::max(m_treeView->header()->sectionSize(Tree::IdColumn),
                 m_treeView->fontMetrics().horizontalAdvance(
                     QCoreApplication::translate("ConnectionTreeModel", "(unregistered)")) +
                     m_treeView->indentation() * 2 + 8));
    noHorizontalScrollBarWhileEmpty(m_treeView);

    // Who, why and when first; the detail is also the reason's tooltip.
    using Closed = RecentlyClosedModel;
    arrangeColumns(m_closedView->horizontalHeader(),
                   {{Closed::ClientColumn, QStringLiteral("sensor-0000")},
                    {Closed::ReasonColumn, DisplayText::closeReason(CloseReason::SlowConsumer)},
                    {Closed::ClosedAtColumn, QStringLiteral("00:00:00.000")},
                    {Closed::RoomColumn, QStringLiteral("/room-0")},
                    {Closed::DetailColumn, QStringLiteral("close code 1000: going away")},
                    {Closed::ConnectedAtColumn, QStringLiteral("00:00:00.000")},
                    {Closed::RemoteColumn, QStringLiteral("127.0.0.1:00000")}});
    noHorizontalScrollBarWhileEmpty(m_closedView);
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

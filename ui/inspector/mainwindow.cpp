#include "mainwindow.h"

#include "askrelationtext.h"
#include "brokercontroller.h"
#include "brokersettingschange.h"
#include "brokertotals.h"
#include "clicktocopylabel.h"
#include "connectiontreemodel.h"
#include "contractfailuretext.h"
#include "displaytext.h"
#include "dockwidthkeeper.h"
#include "framedetailsview.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "inspectoricon.h"
#include "logfilterbar.h"
#include "ratehistory.h"
#include "replayer.h"
#include "sessioncapture.h"
#include "statisticsview.h"
#include "tailfollower.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

MainWindow::MainWindow(const BrokerSettings &broker, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_brokerSettings(broker)
    , m_controller(new BrokerController(this))
    , m_inspector(new Inspector(this))
    , m_log(m_inspector->log())
    , m_proxy(m_inspector->logProxy())
    , m_tree(m_inspector->connections())
    , m_closed(m_inspector->recentlyClosed())
    , m_rates(m_inspector->rates())
    , m_actionCounts(m_inspector->actionCounts())
    , m_totals(new BrokerTotals(this)) {
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
    m_session = std::make_unique<SessionCapture>(m_settings);
    startRecording();
    m_log->setUnansweredThresholdMs(m_inspectorOptions.unansweredThresholdMs);

    // Central: the frame log with its filters and banners.
    auto *central = new QWidget(this);
    m_filterBar = new LogFilterBar(m_proxy, central);
    m_filterBar->setObjectName(QStringLiteral("logFilterBar"));
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setContentsMargins(6, 3, 6, 3);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_logView = new FrameLogView(m_proxy, m_log, central);
    m_logView->setObjectName(QStringLiteral("frameLog"));
    m_follower = m_logView->follower();
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

    m_inspector->attach(m_controller);
    connect(m_inspector, &Inspector::snapshotApplied, this, &MainWindow::applySnapshot);
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
        else if (link == QLatin1String("open-last"))
            openFile(m_session->lastSessionPath());
        else if (link == QLatin1String("dismiss-last")) {
            m_lastSessionOffered = true;
            updateBanner();
        } else if (link == QLatin1String("dismiss-unrecorded")) {
            m_unrecordedSeen = m_unrecorded;
            m_unwrittenSeen = m_inspector->unwrittenFrames();
            updateBanner();
        } else if (link == QLatin1String("settings"))
            showSettings();
    });

    m_settings->beginGroup(QStringLiteral("window"));
    const bool restored =
        restoreGeometry(m_settings->value(QStringLiteral("geometry")).toByteArray());
    if (!restoreState(m_settings->value(QStringLiteral("state")).toByteArray()))
        arrangeDocksForWidth(restored ? width() : firstStartSize().width());
    if (!restored)
        fitFirstStartToScreen();
    m_settings->endGroup();
    new DockWidthKeeper(this, {findChild<QDockWidget *>(QStringLiteral("roomsDock")),
                               findChild<QDockWidget *>(QStringLiteral("detailsDock")),
                               findChild<QDockWidget *>(QStringLiteral("statisticsDock"))});
    updateBrokerState();
}

QSize MainWindow::firstStartSize() const {
    return QSize(1440, 900).boundedTo(screen()->availableGeometry().size());
}

void MainWindow::fitFirstStartToScreen() {
    // 1440x900 where it fits; a smaller screen gets all of it (a window larger than the
    // screen hides its docks and status bar).
    const QRect available = screen()->availableGeometry();
    const QSize preferred(1440, 900);
    const QSize size = firstStartSize();
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    if (size != preferred)
        setWindowState(windowState() | Qt::WindowMaximized);
    // The first layout may ask for more height than the screen has (word-wrapped labels
    // measured at a dock's width before it got one); once shown, fit the screen again.
    QTimer::singleShot(0, this, [this] {
        const QSize fitting = this->size().boundedTo(screen()->availableGeometry().size());
        if (fitting != this->size())
            resize(fitting);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::startRecording() {
    m_lastSessionOffered = !m_session->lastSessionCrashed();
    QString error;
    if (m_session->isEnabled() &&
        !m_inspector->startRecording(m_session->path(), m_session->budget(), &error))
        m_recordingError = error; // the log keeps what it can in memory
    connect(m_inspector, &Inspector::recordingFailed, this, [this](const QString &why) {
        m_recordingError = why;
        updateBanner();
    });
    connect(m_inspector, &Inspector::discardedFramesChanged, this, &MainWindow::updateBanner);
    connect(m_inspector, &Inspector::unwrittenFramesChanged, this, &MainWindow::updateBanner);
}

void MainWindow::startBroker() {
    // Statistics and Recently Closed keep the earlier runs: they follow the snapshot's session.
    m_controller->start(m_brokerSettings);
}

void MainWindow::stopBroker() {
    m_controller->stop();
}

void MainWindow::updateBrokerState() {
    if (m_remote) {
        updateAttachState();
        return;
    }
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
    addAttachBanner(&parts, &problem);
    if (!m_lastSessionOffered)
        parts << tr("The last session ended unexpectedly; its capture was kept. <a "
                    "href=\"open-last\">Open it</a> · <a href=\"dismiss-last\">Dismiss</a>");
    if (!m_recordingError.isEmpty()) {
        parts << tr("This session is not recorded to disk: %1. The log keeps the newest "
                    "frames in memory.")
                     .arg(m_recordingError.toHtmlEscaped());
        problem = true;
    }
    if (m_inspector->discardedFrames() > 0)
        parts << tr("The capture's budget (%1 MiB, %2 frames) discarded the %n oldest frame(s).",
                    nullptr, int(std::min<quint64>(m_inspector->discardedFrames(), INT_MAX)))
                     .arg(QLocale().toString(m_session->budget().maxBytes >> 20),
                          QLocale().toString(m_session->budget().maxFrames));
    if (m_log->isPaused())
        parts << tr("Paused: %n new frame(s) waiting. <a href=\"resume\">Resume</a>", nullptr,
                    m_log->pendingCount());
    if (m_log->droppedCount() > 0) {
        parts << tr("%n older frame(s) left the log (it keeps the newest %1). <a "
                    "href=\"dismiss\">Dismiss</a>",
                    nullptr, int(std::min<quint64>(m_log->droppedCount(), INT_MAX)))
                     .arg(QLocale().toString(m_log->capacity()));
    }
    // One line, one Dismiss, for both ways frames went unrecorded: over the broker's
    // per-second limit (counted only), or refused by the capture's writer (rows kept, bytes not).
    QStringList unrecorded;
    const quint64 unwritten = m_inspector->unwrittenFrames();
    if (unwritten > m_unwrittenSeen)
        unrecorded << tr("%n frame(s) came faster than the capture could write them: their rows "
                         "are in the log, their bytes were not recorded.",
                         nullptr, int(std::min<quint64>(unwritten - m_unwrittenSeen, INT_MAX)));
    if (m_unrecorded > m_unrecordedSeen && m_remote)
        unrecorded << tr("%n frame(s) were only counted: the broker records at most %1 a second, "
                         "and drops what its monitor connection to this window cannot take.",
                         nullptr, int(std::min<quint64>(m_unrecorded - m_unrecordedSeen, INT_MAX)))
                          .arg(QLocale().toString(m_brokerSettings.maxRecordedFramesPerSecond));
    else if (m_unrecorded > m_unrecordedSeen)
        unrecorded << tr("%n frame(s) came faster than the log records (%1 a second) and were "
                         "only counted.",
                         nullptr, int(std::min<quint64>(m_unrecorded - m_unrecordedSeen, INT_MAX)))
                          .arg(QLocale().toString(m_brokerSettings.maxRecordedFramesPerSecond));
    if (!unrecorded.isEmpty())
        parts << unrecorded.join(QLatin1Char(' ')) +
                     QStringLiteral(" <a href=\"dismiss-unrecorded\">%1</a>").arg(tr("Dismiss"));
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
    m_totals->applySnapshot(snapshot);
    m_statistics->setCounters(m_totals->counters(), snapshot.pendingAcks, m_totals->restarts());
    updateContractStatistics();
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
    const BrokerCounters &c = m_totals->counters();
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
    const int row = m_logView->currentLogRow();
    if (row < 0) {
        m_details->clear();
        return;
    }
    m_details->setEvent(m_log->eventAt(row), !m_log->isUnrecorded(row));
    m_details->setRelationText(AskRelationText::describe(*m_log, m_inspector->askGroup(row)));
    m_details->setContractText(ContractFailureText::describe(*m_log, row));
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
        actions << filterRoom << trafficActions(index);
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
            [this, connectionId] { disconnectConnection(connectionId); });
    actions << filterRoom << disconnectAction << trafficActions(index);
    return actions;
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_brokerSettings, m_inspectorOptions, m_session->options(),
                          m_session->defaultFolder(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The capture applies live, without the broker (SessionCapture::apply).
    QString captureError;
    if (!m_session->apply(dialog.captureOptions(), m_inspector, &captureError))
        QMessageBox::warning(this, tr("Capture"), captureError);
    m_recordingError =
        m_session->isEnabled() && !m_inspector->recorder() ? captureError : QString();
    updateBanner();
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

void MainWindow::saveLayout() {
    m_settings->beginGroup(QStringLiteral("window"));
    m_settings->setValue(QStringLiteral("geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("state"), saveState());
    m_settings->endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    m_inspector->stopRecording();
    m_session->markCleanExit();
    event->accept();
}

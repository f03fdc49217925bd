// Traffic control in the window (issue 13): the Rules and Held docks over their models, the
// tree's entries that add a rule, and the rules kept across sessions. What reaches the broker
// goes through BrokerController, in its thread (attached: through the RemoteBroker).
#include "mainwindow.h"

#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "displaytext.h"
#include "heldframemodel.h"
#include "heldframespanel.h"
#include "inspectoricon.h"
#include "remotebroker.h"
#include "trafficrulemodel.h"
#include "trafficrulespanel.h"
#include "trafficrulesparser.h"

#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>

void MainWindow::createTrafficDocks() {
    m_trafficRules = new TrafficRuleModel(this);
    m_heldFrames = new HeldFrameModel(this);
    m_rulesPanel = new TrafficRulesPanel(m_trafficRules, this);
    m_rulesPanel->setObjectName(QStringLiteral("rulesPanel"));
    m_heldPanel = new HeldFramesPanel(m_heldFrames, this);
    m_heldPanel->setObjectName(QStringLiteral("heldPanel"));

    const auto addDock = [this](QWidget *content, const QString &title, const QString &name) {
        // In a scroll area, as the statistics: their rows of buttons would otherwise hold the
        // right-hand docks, and the window, wider than a narrow screen allows.
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(scroll);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    QDockWidget *rulesDock = addDock(m_rulesPanel, tr("Rules"), QStringLiteral("rulesDock"));
    m_heldDock = addDock(m_heldPanel, tr("Held"), QStringLiteral("heldDock"));
    auto *statsDock = findChild<QDockWidget *>(QStringLiteral("statisticsDock"));
    tabifyDockWidget(statsDock, rulesDock);
    tabifyDockWidget(rulesDock, m_heldDock);
    findChild<QDockWidget *>(QStringLiteral("detailsDock"))->raise();

    connect(m_trafficRules, &TrafficRuleModel::rulesEdited, this, &MainWindow::applyTrafficRules);
    connect(m_controller, &BrokerController::trafficRulesChanged, m_trafficRules,
            [this](const TrafficRuleList &rules) {
                if (!m_remote) // attached: the dock shows the rules of the broker shown
                    m_trafficRules->setRules(rules);
            });

    connect(m_controller, &BrokerController::frameHeld, m_heldFrames, &HeldFrameModel::addFrame);
    connect(m_controller, &BrokerController::heldFrameEnded, this,
            [this](quint64 ticket, HeldFrame::End, const QString &intervention) {
                m_heldFrames->endFrame(ticket);
                if (!intervention.isEmpty())
                    statusBar()->showMessage(DisplayText::visible(intervention), 5000);
            });
    connect(m_controller, &BrokerController::heldFrameRefused, m_heldFrames,
            &HeldFrameModel::refuseRelease);
    // A stopped broker dropped what it held (and said so); nothing can be released any more.
    connect(m_controller, &BrokerController::stopped, m_heldFrames, &HeldFrameModel::clear);
    connect(m_heldPanel, &HeldFramesPanel::releaseRequested, m_controller,
            [this](quint64 ticket) { m_controller->releaseHeld(ticket); });
    connect(m_heldPanel, &HeldFramesPanel::releaseEditedRequested, m_controller,
            &BrokerController::releaseHeld);
    connect(m_heldPanel, &HeldFramesPanel::dropRequested, m_controller,
            &BrokerController::dropHeld);
    connect(m_heldPanel, &HeldFramesPanel::releaseAllRequested, m_controller,
            &BrokerController::releaseAllHeld);

    connect(m_heldFrames, &QAbstractItemModel::rowsInserted, this, [this] {
        // The first frame held: the user is waiting for it, show it.
        if (m_heldFrames->rowCount() == 1) {
            m_heldDock->show();
            m_heldDock->raise();
        }
        updateHeldTitle();
    });
    connect(m_heldFrames, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateHeldTitle);
    connect(m_heldFrames, &QAbstractItemModel::modelReset, this, &MainWindow::updateHeldTitle);
    loadTrafficRules();
}

void MainWindow::updateHeldTitle() {
    const int held = m_heldFrames->rowCount();
    m_heldDock->setWindowTitle(held == 0 ? tr("Held") : tr("Held (%1)").arg(held));
}

QList<QAction *> MainWindow::trafficActions(const QModelIndex &index) {
    QList<QAction *> actions;
    const QString room = index.data(ConnectionTreeModel::RoomNameRole).toString();
    if (index.data(ConnectionTreeModel::IsRoomRole).toBool()) {
        auto *delay = new QAction(tr("Delay This Room…"), this);
        delay->setObjectName(QStringLiteral("delayRoom"));
        connect(delay, &QAction::triggered, this, [this, room] {
            // Not blocking: the broker's events keep coming while the user chooses.
            auto *ask = new QInputDialog(this);
            ask->setObjectName(QStringLiteral("delayRoomDialog"));
            ask->setAttribute(Qt::WA_DeleteOnClose);
            ask->setWindowTitle(tr("Delay This Room"));
            ask->setLabelText(tr("Delay every frame to the clients of %1 by (ms):")
                                  .arg(DisplayText::roomName(room)));
            ask->setInputMode(QInputDialog::IntInput);
            ask->setIntRange(1, 3600000);
            ask->setIntValue(300);
            connect(ask, &QInputDialog::intValueSelected, this, [this, room](int ms) {
                TrafficRule rule;
                rule.name =
                    m_trafficRules->unusedName(tr("delay %1").arg(DisplayText::roomName(room)));
                rule.match.room = room;
                rule.effect = TrafficEffect::Delay;
                rule.ms = ms;
                addTrafficRule(rule);
            });
            ask->open();
        });
        actions << delay;
        return actions;
    }
    const QString clientId = index.data(ConnectionTreeModel::ClientIdRole).toString();
    if (clientId.isEmpty())
        return actions; // a rule names the receiver by its id
    auto *hold = new QAction(icon("pause"), tr("Hold Frames to This Client"), this);
    hold->setObjectName(QStringLiteral("holdFramesToClient"));
    connect(hold, &QAction::triggered, this, [this, room, clientId] {
        TrafficRule rule;
        rule.name = m_trafficRules->unusedName(tr("hold %1").arg(clientId));
        rule.match.room = room;
        rule.match.to = clientId.toUtf8();
        rule.effect = TrafficEffect::Hold;
        addTrafficRule(rule);
    });
    actions << hold;
    return actions;
}

void MainWindow::addTrafficRule(const TrafficRule &rule) {
    m_trafficRules->addRule(rule);
    statusBar()->showMessage(tr("Added the traffic rule \"%1\": %2, %3")
                                 .arg(DisplayText::visible(rule.name),
                                      TrafficRuleModel::matchSummary(rule.match),
                                      TrafficRuleModel::effectSummary(rule)),
                             5000);
}

void MainWindow::loadTrafficRules() {
    m_settings->beginGroup(QStringLiteral("traffic"));
    const QByteArray saved = m_settings->value(QStringLiteral("rules")).toByteArray();
    m_settings->endGroup();
    if (saved.isEmpty())
        return;
    QString error;
    const TrafficRuleList rules = TrafficRulesParser::parse(saved, &error);
    if (!error.isEmpty())
        return; // written by another version: start without rules rather than half of them
    m_trafficRules->setRules(rules);
    m_controller->setTrafficRules(rules);
}

void MainWindow::applyTrafficRules(const TrafficRuleList &rules) {
    // Attached, the rules are the other broker's (control role); they are not this window's
    // to keep in its settings.
    if (m_remote) {
        m_remote->setTrafficRules(rules);
        return;
    }
    m_controller->setTrafficRules(rules);
    saveTrafficRules();
}

void MainWindow::saveTrafficRules() {
    m_settings->beginGroup(QStringLiteral("traffic"));
    m_settings->setValue(QStringLiteral("rules"),
                         TrafficRulesParser::serialize(m_trafficRules->rules()));
    m_settings->endGroup();
}

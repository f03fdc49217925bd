// The window attached to a broker elsewhere (issue 16): File → Attach to Broker… and --attach.
// The Inspector then takes its events and snapshots from a RemoteBroker (the broker's monitor
// endpoint) instead of the window's own BrokerController, so the tree, log, details, pairing,
// statistics and capture work as they do for the local broker; the title, the status bar and
// the banner say which broker is shown and whether the connection holds.
#include "mainwindow.h"

#include "attachdialog.h"
#include "brokercontroller.h"
#include "clicktocopylabel.h"
#include "consolepanel.h"
#include "inspector.h"
#include "remotebroker.h"
#include "trafficrulemodel.h"
#include "trafficrulespanel.h"

#include <QAction>
#include <QLabel>
#include <QMenu>

void MainWindow::createAttachActions(QMenu *fileMenu) {
    QAction *attach =
        fileMenu->addAction(tr("A&ttach to Broker…"), this, &MainWindow::attachInteractively);
    attach->setObjectName(QStringLiteral("attachToBroker"));
    attach->setToolTip(tr("Show a headless broker running elsewhere, through its monitor "
                          "endpoint (--monitor-token)"));
    m_detachAction = fileMenu->addAction(tr("&Detach from Broker"), this, &MainWindow::detach);
    m_detachAction->setObjectName(QStringLiteral("detachFromBroker"));
    m_detachAction->setToolTip(tr("Show this window's own broker again"));
    m_detachAction->setEnabled(false);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("dismiss-attach-error")) {
            m_attachError.clear();
            updateBanner();
        } else if (link == QLatin1String("attach")) {
            attachInteractively();
        }
    });
}

void MainWindow::attachInteractively() {
    AttachDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.remember();
    attachTo(dialog.url(), dialog.token());
}

void MainWindow::attachTo(const QUrl &url, const QString &token) {
    if (!m_remote) {
        // The window's own broker stops: one broker at a time feeds the Inspector.
        disconnect(m_controller, nullptr, m_inspector, nullptr);
        m_controller->stop();
        m_remote = new RemoteBroker(this);
        m_remote->setObjectName(QStringLiteral("remoteBroker"));
        m_inspector->attach(m_remote);
        connect(m_remote, &RemoteBroker::stateChanged, this, &MainWindow::updateAttachState);
        connect(m_remote, &RemoteBroker::connectionLost, this, [this](const QString &why) {
            m_attachLost = why.isEmpty() ? tr("connection closed") : why;
            updateAttachState();
        });
        connect(m_remote, &RemoteBroker::connected, this, [this] {
            m_attachLost.clear();
            // The console's clients go to the broker shown, at the address the monitor used
            // (the broker's own may be 0.0.0.0); its --token, if any, is theirs to add.
            QUrl clients = m_remote->url();
            clients.setPath(QStringLiteral("/"));
            clients.setQuery(QString());
            m_console->setDefaultUrl(clients);
            updateAttachState();
        });
        connect(m_remote, &RemoteBroker::trafficRulesChanged, m_trafficRules,
                &TrafficRuleModel::setRules);
        connect(m_remote, &RemoteBroker::eventsReady, m_console, &ConsolePanel::applyBrokerEvents);
        connect(m_remote, &RemoteBroker::snapshotReady, m_console,
                &ConsolePanel::updateFromSnapshot);
        connect(m_remote, &RemoteBroker::errorOccurred, this, [this](const QString &message) {
            m_attachError = message;
            updateBanner();
        });
    } else {
        m_remote->close();
    }
    m_attachLost.clear();
    m_attachError.clear();
    m_inspector->clear();
    m_remote->open(url, token);
    updateAttachState();
}

void MainWindow::detach() {
    if (!m_remote)
        return;
    m_remote->close();
    delete m_remote;
    m_remote = nullptr;
    m_attachLost.clear();
    m_attachError.clear();
    m_inspector->clear();
    m_inspector->attach(m_controller);
    m_trafficRules->setRules(m_controller->trafficRules());
    m_rulesPanel->setEnabled(true);
    setWindowTitle(tr("WSMsgBroker"));
    m_detachAction->setEnabled(false);
    m_startStopAction->setEnabled(true);
    startBroker();
    updateBrokerState();
}

void MainWindow::disconnectConnection(quint64 connectionId) {
    if (m_remote)
        m_remote->disconnectClient(connectionId);
    else
        m_controller->disconnectClient(connectionId);
}

void MainWindow::updateAttachState() {
    using State = RemoteBroker::State;
    const QString shown = m_remote->url().toDisplayString(QUrl::RemoveQuery);
    setWindowTitle(tr("WSMsgBroker — attached to %1").arg(shown));
    m_detachAction->setEnabled(true);
    m_startStopAction->setEnabled(false);
    // Only the control role may change the rules of the broker shown.
    m_rulesPanel->setEnabled(m_remote->state() == State::Connected && m_remote->isControl());
    auto *label = static_cast<ClickToCopyLabel *>(m_urlLabel);
    label->m_copyText = shown;
    switch (m_remote->state()) {
    case State::Connected:
        label->setText((m_remote->isControl() ? tr("Attached to <b>%1</b> (control)")
                                              : tr("Attached to <b>%1</b> (read-only)"))
                           .arg(shown.toHtmlEscaped()));
        break;
    case State::Connecting:
        label->setText(tr("Attaching to %1…").arg(shown.toHtmlEscaped()));
        break;
    case State::Reconnecting:
        label->setText(tr("Reconnecting to %1…").arg(shown.toHtmlEscaped()));
        break;
    case State::Refused:
        label->setText(tr("<b>Not attached:</b> %1").arg(m_remote->lastError().toHtmlEscaped()));
        break;
    case State::Idle:
        label->setText(tr("Detached"));
        break;
    }
    updateBanner();
}

void MainWindow::addAttachBanner(QStringList *parts, bool *problem) const {
    if (!m_remote)
        return;
    const QString shown = m_remote->url().toDisplayString(QUrl::RemoveQuery).toHtmlEscaped();
    if (m_remote->state() == RemoteBroker::State::Refused) {
        parts->append(tr("%1 refused this window: %2. <a href=\"attach\">Attach again…</a>")
                          .arg(shown, m_remote->lastError().toHtmlEscaped()));
        *problem = true;
    } else if (m_remote->state() == RemoteBroker::State::Reconnecting) {
        parts->append(m_attachLost.isEmpty()
                          ? tr("Cannot reach %1 (%2); reconnecting…")
                                .arg(shown, m_remote->lastError().toHtmlEscaped())
                          : tr("The connection to %1 was lost (%2); reconnecting…")
                                .arg(shown, m_attachLost.toHtmlEscaped()));
        *problem = true;
    }
    if (!m_attachError.isEmpty())
        parts->append(tr("The broker answered: %1 <a href=\"dismiss-attach-error\">Dismiss</a>")
                          .arg(m_attachError.toHtmlEscaped()));
}

// MainWindow's replay (issue 14): Broker → Replay Recording… plays a recording into the window's
// broker, and the Replay dock shows how it compares.
#include "mainwindow.h"

#include "brokercontroller.h"
#include "peerscriptrunner.h"
#include "replaydialog.h"
#include "replayer.h"
#include "replaypanel.h"

#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>

void MainWindow::createReplayDock() {
    m_replayPanel = new ReplayPanel(this);
    m_replayPanel->setObjectName(QStringLiteral("replayPanel"));
    m_replayDock = new QDockWidget(tr("Replay"), this);
    m_replayDock->setObjectName(QStringLiteral("replayDock"));
    m_replayDock->setWidget(m_replayPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_replayDock);
    m_viewMenu->addAction(m_replayDock->toggleViewAction());
    if (auto *consoleDock = findChild<QDockWidget *>(QStringLiteral("consoleDock"))) {
        tabifyDockWidget(consoleDock, m_replayDock);
        consoleDock->raise();
    }
    m_replayDock->hide(); // until a replay starts
    connect(m_replayPanel, &ReplayPanel::stopRequested, this, [this] {
        if (m_replayer)
            m_replayer->stop();
    });
    connect(m_replayPanel, &ReplayPanel::replayAgainRequested, this, [this] {
        if (m_replayer)
            startReplay(m_replayRecording, m_replayOptions);
    });
}

void MainWindow::replayInteractively() {
    showReplayDialog(m_replayPath, m_replayOptions);
}

void MainWindow::showReplayDialog(const QString &path, const ReplayOptions &options) {
    ReplayDialog dialog(this);
    if (!path.isEmpty() && dialog.loadRecording(path))
        dialog.setOptions(options);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_replayPath = dialog.recordingPath();
    startReplay(dialog.recording(), dialog.options());
}

bool MainWindow::replayFile(const QString &path, const ReplayOptions &options, QString *error) {
    RecordedSession recording;
    if (!recording.load(path, error))
        return false;
    m_replayPath = path;
    startReplay(recording, options);
    return true;
}

void MainWindow::startReplay(const RecordedSession &recording, const ReplayOptions &options) {
    if (m_controller->state() != BrokerController::State::Running) {
        QMessageBox::warning(this, tr("Replay Recording"),
                             tr("The broker is not running: start it first (Broker → Start)."));
        return;
    }
    m_replayRecording = recording;
    m_replayOptions = options;
    m_replayPanel->setReplayer(nullptr);
    m_replayer = std::make_unique<Replayer>(
        recording, options,
        PeerScriptRunner::localBrokerUrl(m_controller->url(), m_controller->settings().token));
    connect(m_controller, &BrokerController::eventsReady, m_replayer.get(), &Replayer::observe);
    connect(m_controller, &BrokerController::snapshotReady, m_replayer.get(),
            &Replayer::observeSnapshot);
    m_replayPanel->setReplayer(m_replayer.get());
    m_replayDock->show();
    m_replayDock->raise();
    // Room for the side-by-side frames, as the console takes when it gets its first client.
    if (!m_replayDock->isFloating() && m_replayDock->height() < height() / 2)
        resizeDocks({m_replayDock}, {std::max(360, height() / 2)}, Qt::Vertical);
    m_replayer->start();
}

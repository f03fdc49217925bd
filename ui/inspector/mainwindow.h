#pragma once

#include "brokersettings.h"
#include "brokersnapshot.h"
#include "recordedsession.h"
#include "replayoptions.h"
#include "settingsdialog.h"

#include <QMainWindow>

#include <memory>

class ActionCountModel;
class BrokerController;
class BrokerTotals;
class ConnectionTreeModel;
class ContractChecker;
class ContractViolationModel;
class ConsolePanel;
class FrameDetailsView;
class FrameFilterProxyModel;
class FrameLogModel;
class FrameLogView;
class HeldFrameModel;
class HeldFramesPanel;
class Inspector;
class LogFilterBar;
class QAction;
class QDockWidget;
class QLabel;
class QSettings;
class QTableView;
class QTreeView;
class RateHistory;
class RemoteBroker;
class RecentlyClosedModel;
class ReplayPanel;
class Replayer;
class SessionCapture;
class StatisticsView;
class TailFollower;
class TrafficRuleModel;
class TrafficRulesPanel;
struct TrafficRule;

// The inspector window: the broker's rooms and clients, every frame in a log that can be
// filtered, paused and exported, the selected frame in detail, and traffic statistics. It holds
// the actions, docks and status bar; the models and what feeds them are the Inspector's, the
// broker runs in its own thread (BrokerController). Tests reach the parts by objectName
// (findChild), the models through findChild<Inspector *>().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // settings persists the window's layout and the settings dialog's values; broker is what
    // to listen with now (saved settings overlaid with the command line).
    MainWindow(const BrokerSettings &broker, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The context menu's actions for a row of the rooms and clients tree.
    QList<QAction *> connectionActions(const QModelIndex &index);

    // Opens a saved capture, JSON Lines log or HAR in a window of its own.
    void openFile(const QString &path);
    // Runs a peer script from the console against this window's broker, shown in its dock.
    void runScript(const QString &path);
    // Plays a recording into this window's broker, shown in the Replay dock; false (with the
    // error naming the file) when it is not a recording.
    bool replayFile(const QString &path, const ReplayOptions &options, QString *error);
    // The Replay dialog with this recording and these options chosen (--replay in the window).
    void showReplayDialog(const QString &path, const ReplayOptions &options);
    Replayer *replayer() const { return m_replayer.get(); }
    // Shows the broker of this monitor URL instead of the window's own, which stops
    // (mainwindowattach.cpp); detach() starts the own one again.
    void attachTo(const QUrl &url, const QString &token);
    void detach();
    RemoteBroker *remoteBroker() const { return m_remote; }

public slots:
    void startBroker();
    void stopBroker();

signals:
    // The console asks to message this client ("Send message…").
    void sendMessageRequested(const QString &room, const QString &clientId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    void createAttachActions(QMenu *fileMenu);
    void attachInteractively();
    void updateAttachState();
    void addAttachBanner(QStringList *parts, bool *problem) const;
    // Disconnect in the tree: the window's broker, or the attached one (control role).
    void disconnectConnection(quint64 connectionId);
    // Traffic control (issue 13, mainwindowtraffic.cpp): the Rules and Held docks, the tree's
    // entries that add rules, the rules kept in the settings.
    void createTrafficDocks();
    void createReplayDock();
    void replayInteractively();
    void startReplay(const RecordedSession &recording, const ReplayOptions &options);
    // Message contracts (issue 15): the Contracts dock, its menu entries and the setting.
    void createContractsDock(QMenu *fileMenu);
    void loadSchemas(const QString &path, bool interactive);
    void clearSchemas();
    void loadSchemasInteractively(bool folder);
    // Plots of JSON paths (issue 15, mainwindowplots.cpp): the Plots dock, a plot per path
    // pinned with the details' Plot This Path, a click on a point selects its frame.
    void createPlotsDock();
    void updatePlots();
    void selectPlottedFrame(quint64 serial);
    // Last values (issue 15, mainwindowlastvalues.cpp): the dock over the Inspector's model.
    void createLastValuesDock();
    QList<QAction *> trafficActions(const QModelIndex &index);
    void addTrafficRule(const TrafficRule &rule);
    void updateHeldTitle();
    void loadTrafficRules();
    void saveTrafficRules();
    // The Rules dock's edits: to the window's broker (and the settings), or the attached one.
    void applyTrafficRules(const QList<TrafficRule> &rules);
    // First start: a window that fits the screen, and docks in proportion to its width (below
    // NarrowWindowWidth, all on the left).
    static constexpr int NarrowWindowWidth = 1280;
    QSize firstStartSize() const;
    void fitFirstStartToScreen();
    void arrangeDocksForWidth(int windowWidth);
    void setUpConnectionViews();
    void applySnapshot(const BrokerSnapshot &snapshot);
    void updateBrokerState();
    void updateBanner();
    void showSelectedFrame();
    void showSettings();
    void exportLogInteractively();
    void openLogInteractively();
    void saveCaptureInteractively();
    void startRecording();
    void saveLayout();

    QSettings *m_settings;
    BrokerSettings m_brokerSettings;
    SettingsDialog::InspectorOptions m_inspectorOptions;
    quint64 m_unrecorded = 0;     // frames the broker handled but did not record for the log
    quint64 m_unrecordedSeen = 0; // as many as the user dismissed
    quint64 m_unwrittenSeen = 0;  // frames the capture's writer refused, as many dismissed
    std::unique_ptr<SessionCapture> m_session;
    QString m_recordingError;         // why this session is not recorded, shown in the banner
    bool m_lastSessionOffered = true; // the banner no longer offers the crashed last session
    BrokerController *m_controller;
    RemoteBroker *m_remote = nullptr; // while attached to a broker elsewhere
    QString m_attachLost;             // why the attached connection dropped, until it is back
    QString m_attachError;            // the attached broker's last refusal, until dismissed
    QAction *m_detachAction = nullptr;
    Inspector *m_inspector;
    // The Inspector's models, which the views show (owned by the Inspector).
    FrameLogModel *m_log;
    FrameFilterProxyModel *m_proxy;
    ConnectionTreeModel *m_tree;
    RecentlyClosedModel *m_closed;
    RateHistory *m_rates;
    ActionCountModel *m_actionCounts;
    BrokerTotals *m_totals; // the statistics' counters, added up over broker restarts

    FrameLogView *m_logView = nullptr;
    TailFollower *m_follower = nullptr;
    LogFilterBar *m_filterBar = nullptr;
    QLabel *m_banner = nullptr;
    QTreeView *m_treeView = nullptr;
    QTableView *m_closedView = nullptr;
    FrameDetailsView *m_details = nullptr;
    StatisticsView *m_statistics = nullptr;
    ConsolePanel *m_console = nullptr;
    ReplayPanel *m_replayPanel = nullptr;
    QDockWidget *m_replayDock = nullptr;
    std::unique_ptr<Replayer> m_replayer;
    RecordedSession m_replayRecording; // for Replay Again
    ReplayOptions m_replayOptions;
    QString m_replayPath;
    TrafficRuleModel *m_trafficRules = nullptr;
    HeldFrameModel *m_heldFrames = nullptr;
    TrafficRulesPanel *m_rulesPanel = nullptr;
    HeldFramesPanel *m_heldPanel = nullptr;
    QDockWidget *m_heldDock = nullptr;
    void updateContractStatistics();
    ContractChecker *m_contractChecker = nullptr;
    ContractViolationModel *m_contractViolations = nullptr;
    QLabel *m_contractsStatus = nullptr;
    QAction *m_clearSchemasAction = nullptr;
    QDockWidget *m_plotsDock = nullptr;
    QWidget *m_plotsPanel = nullptr; // the plots, stacked

    QAction *m_startStopAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_followAction = nullptr;
    QMenu *m_viewMenu = nullptr;

    QLabel *m_urlLabel = nullptr;
    QLabel *m_roomsLabel = nullptr;
    QLabel *m_clientsLabel = nullptr;
    QLabel *m_ratesLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
};

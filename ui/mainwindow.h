#pragma once

#include "brokersettings.h"
#include "brokersnapshot.h"
#include "settingsdialog.h"

#include <QMainWindow>

class ActionCountModel;
class BrokerController;
class ConnectionTreeModel;
class ConsolePanel;
class FrameDetailsView;
class FrameFilterProxyModel;
class FrameLogModel;
class LogFilterBar;
class QAction;
class QLabel;
class QSettings;
class QTableView;
class QTreeView;
class RateHistory;
class RecentlyClosedModel;
class StatisticsView;
class TailFollower;

// The inspector: the broker's rooms and clients, every frame in a log that can be filtered,
// paused and exported, the selected frame in detail, and traffic statistics. It starts the
// broker (in its own thread) when shown.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // settings persists the window's layout and the settings dialog's values; broker is what
    // to listen with now (saved settings overlaid with the command line).
    MainWindow(const BrokerSettings &broker, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    BrokerController *controller() const { return m_controller; }
    FrameLogModel *logModel() const { return m_log; }
    FrameFilterProxyModel *logProxy() const { return m_proxy; }
    ConnectionTreeModel *connectionModel() const { return m_tree; }
    RecentlyClosedModel *recentlyClosedModel() const { return m_closed; }
    QTableView *logView() const { return m_logView; }
    QTreeView *connectionView() const { return m_treeView; }
    FrameDetailsView *detailsView() const { return m_details; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    StatisticsView *statisticsView() const { return m_statistics; }
    ConsolePanel *consolePanel() const { return m_console; }
    QAction *pauseAction() const { return m_pauseAction; }
    QLabel *bannerLabel() const { return m_banner; }

    // Writes the (filtered) log; the format follows the file name (.har, else JSON Lines).
    bool exportLog(const QString &fileName, QString *error);
    // Shows a saved JSON Lines log or a Chrome HAR in the log (the live broker keeps running).
    bool openLog(const QString &fileName, QString *error);
    // The context menu's actions for a row of the rooms and clients tree.
    QList<QAction *> connectionActions(const QModelIndex &index);

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
    void applySnapshot(const BrokerSnapshot &snapshot);
    void updateBrokerState();
    void updateBanner();
    void showSelectedFrame();
    void showSettings();
    void exportLogInteractively();
    void openLogInteractively();
    void saveLayout();

    QSettings *m_settings;
    BrokerSettings m_brokerSettings;
    SettingsDialog::InspectorOptions m_inspectorOptions;
    quint64 m_unrecorded = 0;     // frames the broker handled but did not record for the log
    quint64 m_unrecordedSeen = 0; // as many as the user dismissed
    BrokerController *m_controller;
    FrameLogModel *m_log;
    FrameFilterProxyModel *m_proxy;
    ConnectionTreeModel *m_tree;
    RecentlyClosedModel *m_closed;
    RateHistory *m_rates;
    ActionCountModel *m_actionCounts;

    QTableView *m_logView = nullptr;
    TailFollower *m_follower = nullptr;
    LogFilterBar *m_filterBar = nullptr;
    QLabel *m_banner = nullptr;
    QTreeView *m_treeView = nullptr;
    QTableView *m_closedView = nullptr;
    FrameDetailsView *m_details = nullptr;
    StatisticsView *m_statistics = nullptr;
    ConsolePanel *m_console = nullptr;

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

#pragma once

#include "brokerevent.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class ConsoleClientWidget;
class PeerScriptListModel;
class QAction;
class QComboBox;
class QHBoxLayout;
class QSettings;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class SavedMessagesStore;

struct BrokerSnapshot;

// The test console: the contents of the main window's console dock, one tab per simulated
// client. The window tells it where the running broker listens (setDefaultUrl) and which ids
// each room holds (setKnownClients or updateFromSnapshot); the inspector's "Send message…"
// calls openClientTo().
class ConsolePanel : public QWidget {
    Q_OBJECT
public:
    // settings holds the shared history and saved messages; it is not owned and must outlive
    // the panel. nullptr uses a default QSettings.
    explicit ConsolePanel(QSettings *settings = nullptr, QWidget *parent = nullptr);
    ~ConsolePanel() override;

    QUrl defaultUrl() const { return m_defaultUrl; }
    SavedMessagesStore *savedMessages() const { return m_store; }

    int clientCount() const;
    ConsoleClientWidget *clientWidget(int index) const;
    ConsoleClientWidget *currentClientWidget() const;
    int indexOf(ConsoleClientWidget *widget) const;
    void setCurrentClientWidget(ConsoleClientWidget *widget);

    // A new tab. An empty url means the default URL, an empty id a fresh "console-N".
    ConsoleClientWidget *addClient(const QUrl &url = {}, const QString &id = {},
                                   bool connectNow = false);
    // count tabs with ids baseName-1..count in room (on the default broker), all connected.
    QList<ConsoleClientWidget *> addClients(const QString &baseName, int count,
                                            const QString &room);

    // The room a URL names, as the broker names rooms ("/" for the empty path).
    static QString roomOf(const QUrl &url);

    // The room New Client opens a client in: the room field's text, "/" when it is empty.
    QString newClientRoom() const;
    void setNewClientRoom(const QString &room);
    // The rooms the room fields offer: those of the window's broker, from its snapshots.
    QStringList knownRooms() const { return m_knownRooms; }
    int disconnectedCount() const;

    // The peer scripts run from the console, against the default broker.
    PeerScriptListModel *scripts() const { return m_scripts; }

public slots:
    // The running broker's URL with the room new clients start in. Disconnected tabs that
    // pointed at the previous broker follow it to the new address.
    void setDefaultUrl(const QUrl &url);
    // The ids registered in a room of the default broker, for destination completion.
    void setKnownClients(const QString &room, const QStringList &ids);
    // All rooms at once from a broker snapshot (rooms not in it have no ids).
    void updateFromSnapshot(const BrokerSnapshot &snapshot);
    // What the window's broker observed: an ask of one of this panel's clients that reached no
    // one (the wire says nothing about unknown ids) is marked so instead of waiting forever.
    void applyBrokerEvents(const QList<BrokerEvent> &events);
    // Focuses a tab in room (the current one when it is there, else the first, else a new
    // connected one) with destId as its destination.
    void openClientTo(const QString &room, const QString &destId);
    void showAddClientsDialog();
    void closeClient(int index);
    void closeAllClients();
    // Connects again every tab whose client is disconnected; returns how many.
    int reconnectDisconnected();
    // Runs a peer script against the default broker (scriptStarted tells the window); before
    // the broker listens, once it does.
    void runScript(const QString &fileName);
    // Asks for a script file, then runs it.
    void chooseAndRunScript();

signals:
    // openClientTo() wants the console shown: the window raises its dock.
    void activationRequested();
    // The first client tab appeared (the empty page gave way): the window gives the console
    // room for a conversation, which the empty page did not need.
    void clientsShown();
    // A peer script started, in this row of scripts(): the window shows the scripts.
    void scriptStarted(int row);

private:
    QWidget *makeCornerWidget();
    void showTabMenu(const QPoint &pos);
    void updateTabActions();
    void updateRoomChoices();
    void updateTab(ConsoleClientWidget *widget);
    void updateCompletion(ConsoleClientWidget *widget);
    void updatePage();
    bool isDefaultBroker(const QUrl &url) const;
    QString unusedId(const QString &base) const;

    SavedMessagesStore *m_store = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_emptyPage = nullptr;
    QWidget *m_corner = nullptr;               // the room field and the tabs' buttons
    QHBoxLayout *m_emptyPageButtons = nullptr; // where they go while there is no tab
    QUrl m_defaultUrl;
    QHash<QString, QStringList> m_knownClients;
    QStringList m_knownRooms;         // sorted, "/" for the root room
    QComboBox *m_roomCombo = nullptr; // the room New Client uses, editable
    QToolButton *m_allTabsButton = nullptr;
    QAction *m_reconnectAllAction = nullptr;
    QAction *m_closeAllAction = nullptr;
    PeerScriptListModel *m_scripts = nullptr;
    QString m_lastScriptDir;
    QStringList m_pendingScripts; // run once the broker listens (--script at start)
    int m_lastAddCount = 3;
    QString m_lastAddName = QStringLiteral("client");
};

#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "logfilterbar.h"
#include "mainwindow.h"

#include "recordingclient.h"
#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWebSocket>

#include <memory>

// The tree's "Show only this client / room" and the filter bar, with real clients in two rooms
// (issue 19, defect 4 and the filters' rough edges).
class TestLogFilters : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showOnlyCommandsShowWhatTheySay();
    void typedFiltersAndNothingMatches();

private:
    void connectClient(const QString &room, const QByteArray &id);
    QModelIndex clientIndex(const QString &room, const QString &id) const;
    void trigger(const QModelIndex &index, const char *actionName);
    // "room client" of every row the log shows.
    QSet<QString> shownRoomsAndClients() const;
    template <typename T> T *child(const char *name = nullptr) const {
        return name ? m_window->findChild<T *>(QString::fromLatin1(name))
                    : m_window->findChild<T *>();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<RecordingClient>> m_clients;
};

void TestLogFilters::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(child<BrokerController>()->state(), BrokerController::State::Running);
    connectClient(QStringLiteral("/chat"), "dave");
    connectClient(QStringLiteral("/chat"), "alice");
    connectClient(QStringLiteral("/iot"), "alice");
    connectClient(QStringLiteral("/iot"), "sensor");
    QTRY_COMPARE(child<ConnectionTreeModel>()->connectionCount(), 4);
    QTRY_VERIFY(clientIndex(QStringLiteral("/iot"), QStringLiteral("sensor")).isValid());
    // The log has every registration (events come in batches, after the replies).
    const auto registrations = [this] {
        const FrameLogModel *log = child<FrameLogModel>();
        int count = 0;
        for (int r = 0; r < log->rowCount(); ++r)
            count += log->eventAt(r).action == FrameAction::Registered;
        return count;
    };
    QTRY_COMPARE(registrations(), 4);
}

void TestLogFilters::cleanup() {
    m_clients.clear();
    m_window.reset();
    m_settings.reset();
}

void TestLogFilters::connectClient(const QString &room, const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = child<BrokerController>()->url();
    url.setPath(room);
    client->socket.open(url);
    QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState);
    client->socket.sendTextMessage(
        QString::fromUtf8(R"({"action":"register","id":")" + id + R"("})"));
    QTRY_VERIFY(client->registered());
    m_clients.push_back(std::move(client));
}

QModelIndex TestLogFilters::clientIndex(const QString &room, const QString &id) const {
    const ConnectionTreeModel *tree = child<ConnectionTreeModel>();
    const QModelIndex roomIndex = tree->indexOfRoom(room);
    for (int r = 0; r < tree->rowCount(roomIndex); ++r) {
        const QModelIndex index = tree->index(r, 0, roomIndex);
        if (index.data(ConnectionTreeModel::ClientIdRole).toString() == id)
            return index;
    }
    return {};
}

void TestLogFilters::trigger(const QModelIndex &index, const char *actionName) {
    QVERIFY(index.isValid());
    const QList<QAction *> actions = m_window->connectionActions(index);
    const auto found = std::find_if(actions.begin(), actions.end(), [&](QAction *a) {
        return a->objectName() == QLatin1String(actionName);
    });
    QVERIFY2(found != actions.end(), actionName);
    (*found)->trigger();
    qDeleteAll(actions);
}

QSet<QString> TestLogFilters::shownRoomsAndClients() const {
    const FrameFilterProxyModel *proxy = child<FrameFilterProxyModel>();
    QSet<QString> shown;
    for (int r = 0; r < proxy->rowCount(); ++r)
        shown.insert(proxy->index(r, 0).data(FrameLogModel::RoomRole).toString() +
                     QLatin1Char(' ') +
                     proxy->index(r, FrameLogModel::ClientColumn).data().toString());
    return shown;
}

void TestLogFilters::showOnlyCommandsShowWhatTheySay() {
    auto *room = child<QLineEdit>("roomFilter");
    auto *client = child<QLineEdit>("clientFilter");
    auto *clear = child<QToolButton>("clearFilters");
    QVERIFY(room && client && clear);
    QVERIFY(!clear->isVisible());

    // The issue's path: only dave, only /iot, only alice (of /iot).
    trigger(clientIndex(QStringLiteral("/chat"), QStringLiteral("dave")), "showOnlyClient");
    QCOMPARE(room->text(), QStringLiteral("/chat"));
    QCOMPARE(client->text(), QStringLiteral("dave"));
    QCOMPARE(shownRoomsAndClients(), QSet<QString>{QStringLiteral("/chat dave")});
    QVERIFY(clear->isVisible());

    trigger(child<ConnectionTreeModel>()->indexOfRoom(QStringLiteral("/iot")), "showOnlyRoom");
    QCOMPARE(room->text(), QStringLiteral("/iot"));
    QVERIFY(client->text().isEmpty());
    // Every client of /iot (and its connections' rows before they registered), only /iot.
    QCOMPARE(shownRoomsAndClients(),
             (QSet<QString>{QStringLiteral("/iot alice"), QStringLiteral("/iot sensor"),
                            QStringLiteral("/iot #3"), QStringLiteral("/iot #4")}));

    trigger(clientIndex(QStringLiteral("/iot"), QStringLiteral("alice")), "showOnlyClient");
    QCOMPARE(client->text(), QStringLiteral("alice"));
    QCOMPARE(shownRoomsAndClients(), QSet<QString>{QStringLiteral("/iot alice")});

    // "Only this room" from a client row: its room, no client filter.
    trigger(clientIndex(QStringLiteral("/chat"), QStringLiteral("alice")), "showOnlyRoom");
    QCOMPARE(shownRoomsAndClients(),
             (QSet<QString>{QStringLiteral("/chat dave"), QStringLiteral("/chat alice"),
                            QStringLiteral("/chat #1"), QStringLiteral("/chat #2")}));

    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(room->text().isEmpty());
    QCOMPARE(child<FrameFilterProxyModel>()->rowCount(), child<FrameLogModel>()->rowCount());
    QVERIFY(!clear->isVisible());
}

void TestLogFilters::typedFiltersAndNothingMatches() {
    auto *room = child<QLineEdit>("roomFilter");
    auto *client = child<QLineEdit>("clientFilter");
    auto *hint = child<QLabel>("logMatchHint");
    QVERIFY(hint);
    QTest::keyClicks(room, QStringLiteral("io"));
    QTest::keyClicks(client, QStringLiteral("ali"));
    QCOMPARE(shownRoomsAndClients(), QSet<QString>{QStringLiteral("/iot alice")});
    QVERIFY(!hint->isVisible());

    QTest::keyClicks(client, QStringLiteral("x"));
    QCOMPARE(child<FrameFilterProxyModel>()->rowCount(), 0);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("0 of %1 frame(s) match the filters")
                               .arg(child<FrameLogModel>()->rowCount()));
}

QTEST_MAIN(TestLogFilters)
#include "tst_logfilters.moc"

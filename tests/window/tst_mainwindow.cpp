#include "ackpairing.h"
#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "framedetailsview.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "logfilterbar.h"
#include "mainwindow.h"
#include "pairedrowdelegate.h"
#include "recentlyclosedmodel.h"

#include "recordingclient.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QTableView>

#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTrafficOfTwoRooms();
    void reportsAPortInUse();

private:
    std::unique_ptr<RecordingClient> connectClient(const QString &room, const QByteArray &id);
    int findRow(const std::function<bool(const BrokerEvent &)> &match) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    Inspector *m_inspector = nullptr;
    BrokerController *m_controller = nullptr;
    QUrl m_url;
};

void TestMainWindow::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_inspector = m_window->findChild<Inspector *>();
    m_controller = m_window->findChild<BrokerController *>();
    QVERIFY(m_inspector && m_controller);
    // Every model the window shows is checked while the real traffic feeds it.
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_inspector->log()),
          static_cast<QAbstractItemModel *>(m_inspector->logProxy()),
          static_cast<QAbstractItemModel *>(m_inspector->connections()),
          static_cast<QAbstractItemModel *>(m_inspector->recentlyClosed())})
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     model);
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(m_controller->state(), BrokerController::State::Running);
    m_url = m_controller->url();
    QVERIFY(m_url.port() > 0);
}

void TestMainWindow::cleanup() {
    m_window.reset();
    m_settings.reset();
}

std::unique_ptr<RecordingClient> TestMainWindow::connectClient(const QString &room,
                                                               const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = m_url;
    url.setPath(room);
    client->socket.open(url);
    [&] { QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState); }();
    client->send(R"({"action":"register","id":")" + id + R"("})");
    [&] { QTRY_VERIFY(client->hasAction(QStringLiteral("registered"))); }();
    return client;
}

int TestMainWindow::findRow(const std::function<bool(const BrokerEvent &)> &match) const {
    const FrameLogModel *log = m_inspector->log();
    for (int r = 0; r < log->rowCount(); ++r) {
        if (match(log->eventAt(r)))
            return r;
    }
    return -1;
}

void TestMainWindow::showsTrafficOfTwoRooms() {
    auto alice = connectClient(QStringLiteral("/chat"), "alice");
    auto bob = connectClient(QStringLiteral("/chat"), "bob");
    auto sensor = connectClient(QStringLiteral("/iot"), "sensor");
    alice->send(R"({"action":"send","dest":"bob","message":{"hello":"bob"},"ack":"k1"})");
    QTRY_VERIFY(bob->hasAction(QStringLiteral("message")));
    bob->send(R"({"action":"answer","ack":"k1","message":"hi alice"})");
    QTRY_VERIFY(alice->hasAction(QStringLiteral("answer")));
    sensor->send(R"({"action":"send","dest":["nobody"],"message":42})");

    // The tree: two rooms, three registered clients.
    ConnectionTreeModel *tree = m_inspector->connections();
    QTRY_COMPARE(tree->connectionCount(), 3);
    QVERIFY(tree->indexOfRoom(QStringLiteral("/chat")).isValid());
    QVERIFY(tree->indexOfRoom(QStringLiteral("/iot")).isValid());
    QCOMPARE(tree->rowCount(tree->indexOfRoom(QStringLiteral("/chat"))), 2);

    // The log: the ask, its message, the answer both ways, the undeliverable send.
    FrameLogModel *log = m_inspector->log();
    QTRY_VERIFY(findRow([](const BrokerEvent &e) {
                    return e.kind == BrokerEvent::Kind::FrameIn && e.clientId == "sensor" &&
                           e.action == FrameAction::Send;
                }) >= 0);
    const int sendRow = findRow([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send &&
               e.ack == "k1";
    });
    const int messageRow = findRow([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Message &&
               e.ack == "k1";
    });
    const int answerRow = findRow([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Answer;
    });
    const int lostRow = findRow([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameIn && e.clientId == "sensor" &&
               e.action == FrameAction::Send;
    });
    QVERIFY(sendRow >= 0 && messageRow > sendRow && answerRow > messageRow && lostRow >= 0);
    QVERIFY(log->index(lostRow, 0).data(FrameLogModel::IsProblemRole).toBool());
    QVERIFY(!log->index(sendRow, 0).data(FrameLogModel::IsProblemRole).toBool());

    // Pairing and details: selecting the send highlights its message and answer.
    FrameFilterProxyModel *proxy = m_inspector->logProxy();
    auto *logView = m_window->findChild<QTableView *>(QStringLiteral("frameLog"));
    QVERIFY(logView);
    logView->setCurrentIndex(proxy->mapFromSource(log->index(sendRow, 0)));
    auto *paired = qobject_cast<PairedRowDelegate *>(logView->itemDelegate());
    QVERIFY(paired);
    QVERIFY(paired->isPaired(log->serialAt(messageRow)));
    QVERIFY(paired->isPaired(log->serialAt(answerRow)));
    QVERIFY(!paired->isPaired(log->serialAt(lostRow)));
    auto *details = m_window->findChild<FrameDetailsView *>(QStringLiteral("frameDetails"));
    QVERIFY(details);
    QCOMPARE(details->rawText(), QString::fromUtf8(log->eventAt(sendRow).data));
    QVERIFY(details->prettyText().contains(QStringLiteral("\n  \"dest\": \"bob\"")));
    const QLabel *relation = details->findChildren<QLabel *>().at(1);
    QVERIFY2(relation->text().contains(QStringLiteral("answered by <b>bob</b>")),
             qPrintable(relation->text()));

    // A filter narrows the log to one room, for new frames too.
    auto *filterBar = m_window->findChild<LogFilterBar *>(QStringLiteral("logFilterBar"));
    QVERIFY(filterBar);
    filterBar->setRoom(QStringLiteral("/iot"));
    QVERIFY(proxy->rowCount() > 0);
    for (int r = 0; r < proxy->rowCount(); ++r)
        QCOMPARE(proxy->index(r, 0).data(FrameLogModel::RoomRole).toString(),
                 QStringLiteral("/iot"));
    const int iotRows = proxy->rowCount();
    sensor->send(R"({"action":"send","dest":"sensor","message":"to myself"})");
    alice->send(R"({"action":"send","dest":"bob","message":"not shown"})");
    QTRY_COMPARE(proxy->rowCount(), iotRows + 2); // the send and the message to itself
    filterBar->clearAll();
    QCOMPARE(proxy->rowCount(), log->rowCount());

    // Export then re-open: the same frames, in both formats.
    QTRY_VERIFY(bob->received.size() >= 2);
    const int exported = proxy->rowCount();
    QString error;
    const QString jsonl = m_dir.filePath(QStringLiteral("log.jsonl"));
    const QString har = m_dir.filePath(QStringLiteral("log.har"));
    QVERIFY2(m_inspector->exportLog(jsonl, m_url, &error), qPrintable(error));
    QVERIFY2(m_inspector->exportLog(har, m_url, &error), qPrintable(error));
    BrokerEventList before;
    for (int r = 0; r < log->rowCount(); ++r)
        before.append(log->eventAt(r));
    QVERIFY2(m_inspector->openLog(jsonl, &error), qPrintable(error));
    QCOMPARE(log->rowCount(), exported);
    for (int r = 0; r < exported; ++r) {
        QCOMPARE(log->eventAt(r).data, before.at(r).data);
        QCOMPARE(log->eventAt(r).kind, before.at(r).kind);
        QCOMPARE(log->eventAt(r).clientId, before.at(r).clientId);
        QCOMPARE(log->eventAt(r).outcome, before.at(r).outcome);
        QCOMPARE(log->eventAt(r).timeMs, before.at(r).timeMs);
    }
    QVERIFY2(m_inspector->openLog(har, &error), qPrintable(error));
    int frames = 0;
    for (const BrokerEvent &e : before)
        frames +=
            (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut) ? 1 : 0;
    QCOMPARE(log->rowCount(), frames);
    QVERIFY(findRow([](const BrokerEvent &e) {
                return e.action == FrameAction::Answer && e.ack == "k1";
            }) >= 0);

    // Disconnecting a client from the tree's context menu closes it and lists it as closed.
    const QModelIndex sensorIndex = tree->indexOfRoom(QStringLiteral("/iot"))
                                        .model()
                                        ->index(0, 0, tree->indexOfRoom(QStringLiteral("/iot")));
    QCOMPARE(sensorIndex.data(ConnectionTreeModel::ClientIdRole).toString(),
             QStringLiteral("sensor"));
    const QList<QAction *> actions = m_window->connectionActions(sensorIndex);
    auto it = std::find_if(actions.begin(), actions.end(), [](QAction *a) {
        return a->objectName() == QLatin1String("disconnectClient");
    });
    QVERIFY(it != actions.end());
    (*it)->trigger();
    qDeleteAll(actions);
    QTRY_COMPARE(sensor->socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(sensor->socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
    RecentlyClosedModel *closed = m_inspector->recentlyClosed();
    QTRY_VERIFY(closed->rowCount() >= 1);
    QCOMPARE(closed->connectionAt(0).clientId, QByteArray("sensor"));
    QCOMPARE(closed->connectionAt(0).closeReason, CloseReason::ClosedByUser);
    QTRY_VERIFY(!tree->indexOfRoom(QStringLiteral("/iot")).isValid());
}

void TestMainWindow::reportsAPortInUse() {
    // A second window on the first one's port: the failure is said, not swallowed.
    QSettings other(m_dir.filePath(QStringLiteral("other.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = quint16(m_url.port());
    MainWindow second(broker, &other);
    second.show();
    second.startBroker();
    const auto *controller = second.findChild<BrokerController *>();
    QTRY_COMPARE(controller->state(), BrokerController::State::Stopped);
    QVERIFY(!controller->lastError().isEmpty());
    const auto *banner = second.findChild<QLabel *>(QStringLiteral("banner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QString::number(m_url.port())), qPrintable(banner->text()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "logfilterbar.h"
#include "mainwindow.h"
#include "ratehistory.h"
#include "recentlyclosedmodel.h"
#include "statisticsview.h"

#include "rawwebsocket.h"
#include "recordingclient.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// How the window shows a connection's end (issue 19, rough edges): the close is listed under the
// client's id, a lost connection has its own reason, and a broker restart keeps Recently Closed
// and the statistics.
class TestConnectionEnds : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void closeIsListedUnderTheClient();
    void lostConnectionHasItsOwnReason();
    void stopAndStartKeepRecentlyClosedAndStatistics();
    void settingsRestartKeepsRecentlyClosed();

private:
    std::unique_ptr<RecordingClient> connectClient(const QString &room, const QByteArray &id);
    BrokerController *controller() const { return m_window->findChild<BrokerController *>(); }
    Inspector *inspector() const { return m_window->findChild<Inspector *>(); }
    QString countersText() const { return m_window->findChild<StatisticsView *>()->countersText(); }
    // "client | reason" of every Recently Closed row.
    QStringList closedRows() const;
    void waitForSnapshots(int count);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestConnectionEnds::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Running);
}

void TestConnectionEnds::cleanup() {
    m_window.reset();
    m_settings.reset();
}

std::unique_ptr<RecordingClient> TestConnectionEnds::connectClient(const QString &room,
                                                                   const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = controller()->url();
    url.setPath(room);
    client->socket.open(url);
    [&] { QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState); }();
    client->send(R"({"action":"register","id":")" + id + R"("})");
    [&] { QTRY_VERIFY(client->registered()); }();
    return client;
}

QStringList TestConnectionEnds::closedRows() const {
    const RecentlyClosedModel *closed = inspector()->recentlyClosed();
    QStringList rows;
    for (int r = 0; r < closed->rowCount(); ++r)
        rows.append(closed->index(r, RecentlyClosedModel::ClientColumn).data().toString() +
                    QStringLiteral(" | ") +
                    closed->index(r, RecentlyClosedModel::ReasonColumn).data().toString());
    return rows;
}

void TestConnectionEnds::waitForSnapshots(int count) {
    QSignalSpy snapshots(inspector(), &Inspector::snapshotApplied);
    QTRY_VERIFY(snapshots.size() >= count);
}

void TestConnectionEnds::closeIsListedUnderTheClient() {
    auto alice = connectClient(QStringLiteral("/chat"), "alice");
    auto bob = connectClient(QStringLiteral("/chat"), "bob");
    alice->socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("see you"));
    const FrameLogModel *log = inspector()->log();
    const auto closedRow = [log] {
        for (int r = 0; r < log->rowCount(); ++r) {
            if (log->eventAt(r).kind == BrokerEvent::Kind::ConnectionClosed)
                return r;
        }
        return -1;
    };
    QTRY_VERIFY(closedRow() >= 0);

    // Filtering on alice shows how she left, with the reason.
    m_window->findChild<LogFilterBar *>()->setClient(QStringLiteral("alice"));
    const FrameFilterProxyModel *proxy = inspector()->logProxy();
    QStringList shown;
    for (int r = 0; r < proxy->rowCount(); ++r)
        shown.append(
            proxy->index(r, FrameLogModel::ClientColumn).data().toString() + QStringLiteral(" | ") +
            proxy->index(r, FrameLogModel::ActionColumn).data().toString() + QStringLiteral(" | ") +
            proxy->index(r, FrameLogModel::SummaryColumn).data().toString());
    const QString closeLine =
        QStringLiteral("alice | closed | client closed: close code 1000: see you");
    QVERIFY2(shown.contains(closeLine), qPrintable(shown.join(u'\n')));
    QVERIFY2(
        shown.contains(QStringLiteral("alice | id released | released alice (connection closed)")),
        qPrintable(shown.join(u'\n')));
}

void TestConnectionEnds::lostConnectionHasItsOwnReason() {
    RawWebSocket carol;
    QUrl url = controller()->url();
    url.setPath(QStringLiteral("/net"));
    QCOMPARE(carol.open(url), 101);
    carol.sendText(R"({"action":"register","id":"carol"})");
    QVERIFY(carol.waitForTexts(1));
    QTRY_COMPARE(inspector()->connections()->connectionCount(), 1);
    carol.reset();

    QTRY_COMPARE(closedRows(), QStringList{QStringLiteral("carol | connection lost")});
    const RecentlyClosedModel *closed = inspector()->recentlyClosed();
    QVERIFY(closed->index(0, 0).data(RecentlyClosedModel::IsProblemRole).toBool());
    QVERIFY(
        closed->index(0, RecentlyClosedModel::DetailColumn).data().toString().contains(u"1006"));
    // The log says the same, and the statistics count it apart from peers that closed.
    const FrameLogModel *log = inspector()->log();
    QString summary;
    for (int r = 0; r < log->rowCount(); ++r) {
        if (log->eventAt(r).kind == BrokerEvent::Kind::ConnectionClosed)
            summary = log->index(r, FrameLogModel::SummaryColumn).data().toString();
    }
    QVERIFY2(summary.startsWith(QStringLiteral("connection lost")), qPrintable(summary));
    QTRY_VERIFY2(countersText().contains(QStringLiteral("closed: connection lost")),
                 qPrintable(countersText()));
    QVERIFY(!countersText().contains(QStringLiteral("closed: client closed")));
}

void TestConnectionEnds::stopAndStartKeepRecentlyClosedAndStatistics() {
    auto alice = connectClient(QStringLiteral("/chat"), "alice");
    auto bob = connectClient(QStringLiteral("/chat"), "bob");
    for (int i = 0; i < 3; ++i)
        alice->send(R"({"action":"send","dest":"bob","message":)" + QByteArray::number(i) + "}");
    const QString delivered3 =
        QStringLiteral("Messages delivered</td><td align=right nowrap><b>3</b>");
    QTRY_VERIFY2(countersText().contains(delivered3), qPrintable(countersText()));
    QTRY_VERIFY(!inspector()->rates()->samples().isEmpty());

    auto *startStop = m_window->findChild<QAction *>(QStringLiteral("startStopBroker"));
    QVERIFY(startStop);
    startStop->trigger();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Stopped);
    QTRY_COMPARE(closedRows().size(), 2);
    startStop->trigger();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Running);
    waitForSnapshots(2);

    // The clients the stop cut off are still listed, and the counts go on.
    QCOMPARE(closedRows(), (QStringList{QStringLiteral("bob | broker stopped"),
                                        QStringLiteral("alice | broker stopped")}));
    QVERIFY(inspector()
                ->recentlyClosed()
                ->index(0, 0)
                .data(RecentlyClosedModel::IsEarlierRunRole)
                .toBool());
    QVERIFY2(countersText().contains(delivered3), qPrintable(countersText()));
    QVERIFY2(countersText().contains(QStringLiteral("Broker restarted 1 time")),
             qPrintable(countersText()));
    QVERIFY(!inspector()->rates()->samples().isEmpty());

    // A connection of the new run is listed above them.
    auto carol = connectClient(QStringLiteral("/chat"), "carol");
    carol->socket.close();
    QTRY_COMPARE(closedRows().size(), 3);
    QCOMPARE(closedRows().first(), QStringLiteral("carol | client closed"));
    QVERIFY(!inspector()
                 ->recentlyClosed()
                 ->index(0, 0)
                 .data(RecentlyClosedModel::IsEarlierRunRole)
                 .toBool());
}

void TestConnectionEnds::settingsRestartKeepsRecentlyClosed() {
    auto dave = connectClient(QStringLiteral("/iot"), "dave");
    QSignalSpy started(controller(), &BrokerController::started);
    // What OK in Settings does when a broker setting changed (after asking).
    m_window->startBroker();
    QTRY_COMPARE(started.size(), 1);
    waitForSnapshots(2);
    QCOMPARE(closedRows(), QStringList{QStringLiteral("dave | broker stopped")});
}

QTEST_MAIN(TestConnectionEnds)
#include "tst_connectionends.moc"

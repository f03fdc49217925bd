#include "brokercontroller.h"
#include "framelogmodel.h"
#include "mainwindow.h"
#include "newframesindicator.h"

#include <QAction>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <memory>

// Selecting a frame while traffic flows stops following the newest frames, so the selected row
// stays on screen; Resume after Pause does not jump away from it; a button says how many frames
// arrived below (issue 19, rough edges).
class TestFollowSelection : public QObject {
    Q_OBJECT

private slots:
    void selectingStopsFollowing();
};

void TestFollowSelection::selectingStopsFollowing() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.resize(1200, 800);
    window.show();
    window.startBroker();
    auto *controller = window.findChild<BrokerController *>();
    QTRY_COMPARE(controller->state(), BrokerController::State::Running);

    // One client that keeps messaging itself.
    QWebSocket client;
    QUrl url = controller->url();
    url.setPath(QStringLiteral("/flow"));
    client.open(url);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.sendTextMessage(QStringLiteral(R"({"action":"register","id":"me"})"));
    QTimer traffic;
    connect(&traffic, &QTimer::timeout, &client, [&client] {
        client.sendTextMessage(
            QStringLiteral(R"({"action":"send","dest":"me","message":{"n":1}})"));
    });
    traffic.start(5);

    auto *view = window.findChild<QTableView *>(QStringLiteral("frameLog"));
    auto *follow = window.findChild<QAction *>(QStringLiteral("followNewest"));
    auto *pause = window.findChild<QAction *>(QStringLiteral("pauseLog"));
    auto *indicator = window.findChild<NewFramesIndicator *>();
    QVERIFY(view && follow && pause && indicator);
    QVERIFY(follow->isChecked());
    // Enough rows that the view scrolls, and it follows them.
    const int visibleRows =
        view->viewport()->height() / view->verticalHeader()->defaultSectionSize();
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > visibleRows * 2, 20000);
    QTRY_VERIFY(view->verticalScrollBar()->value() > 0);
    QVERIFY(!indicator->isVisible());

    const auto rowOnScreen = [view](const QModelIndex &index) {
        return view->viewport()->rect().contains(view->visualRect(index).center());
    };
    // Click a row in the middle of the screen.
    const QModelIndex clicked = view->indexAt(QPoint(5, view->viewport()->height() / 2));
    QVERIFY(clicked.isValid());
    const QPersistentModelIndex selected(clicked);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(clicked).center());
    QCOMPARE(view->currentIndex().row(), selected.row());
    QVERIFY(!follow->isChecked());

    const int rowsAtClick = view->model()->rowCount();
    QTRY_VERIFY(view->model()->rowCount() > rowsAtClick + visibleRows);
    QTest::qWait(300);
    QVERIFY(rowOnScreen(selected));
    QVERIFY(!follow->isChecked());
    QTRY_VERIFY(indicator->isVisible());
    QVERIFY(indicator->newRows() > 0);
    QVERIFY(indicator->text().contains(QLatin1String("Ctrl+End")));

    // Pause, frames wait; Resume keeps the selection on screen.
    pause->setChecked(true);
    QTest::qWait(200);
    pause->setChecked(false);
    QTest::qWait(300);
    QVERIFY(rowOnScreen(selected));
    QVERIFY(!follow->isChecked());

    // Ctrl+End follows again and the indicator goes.
    follow->trigger();
    QVERIFY(follow->isChecked());
    QTRY_VERIFY(!rowOnScreen(selected));
    QVERIFY(!indicator->isVisible());
    traffic.stop();
}

QTEST_MAIN(TestFollowSelection)
#include "tst_followselection.moc"

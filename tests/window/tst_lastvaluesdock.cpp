// The "Last Values" dock (issue 15): listed in View, tabbed with Statistics, its tree filling
// from real clients' traffic, and a double-click on an action row selecting that frame in the
// log (or saying why it cannot).
#include "brokercontroller.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "lastvaluesmodel.h"
#include "mainwindow.h"
#include "windowundertest.h"

#include "recordingclient.h"
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWebSocket>

#include <memory>

using Model = LastValuesModel;

class TestLastValuesDock : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void dockIsListedAndTabbed();
    void showsLiveTrafficAndSelectsTheFrame();

private:
    void doubleClick(const QModelIndex &index);
    template <typename T> T *child(const char *name = nullptr) const {
        return name ? m_window->findChild<T *>(QString::fromLatin1(name))
                    : m_window->findChild<T *>();
    }

    WindowUnderTest m_ui;
    MainWindow *m_window = nullptr;
};

void TestLastValuesDock::init() {
    QVERIFY(m_ui.open());
    m_window = m_ui.window();
}

void TestLastValuesDock::cleanup() {
    m_ui.close();
    m_window = nullptr;
}

void TestLastValuesDock::doubleClick(const QModelIndex &index) {
    auto *view = child<QTreeView>("lastValues");
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QVERIFY(view->viewport()->rect().contains(at));
    // What a real double-click sends: press, release, then the double-click (Qt 6.4's
    // QTest::mouseDClick sends the last one only, which a view takes for a press).
    QSignalSpy clicked(view, &QAbstractItemView::doubleClicked);
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(clicked.size(), 1);
}

void TestLastValuesDock::dockIsListedAndTabbed() {
    auto *dock = child<QDockWidget>("lastValuesDock");
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Last Values"));
    QMenu *view = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text() == QLatin1String("&View"))
            view = menu->menu();
    }
    QVERIFY(view);
    QVERIFY(view->actions().contains(dock->toggleViewAction()));
    auto *stats = child<QDockWidget>("statisticsDock");
    QVERIFY(m_window->tabifiedDockWidgets(stats).contains(dock));
    QVERIFY(!dock->isHidden());
}

void TestLastValuesDock::showsLiveTrafficAndSelectsTheFrame() {
    RecordingClient *alice = m_ui.connectClient(QStringLiteral("/shop"), "alice");
    RecordingClient *sensor = m_ui.connectClient(QStringLiteral("/iot"), "sensor");
    QVERIFY(alice && sensor && m_ui.connectClient(QStringLiteral("/shop"), "shop"));
    for (int price : {10, 20, 30})
        alice->send(R"({"action":"send","dest":"shop","message":{"price":)" +
                    QByteArray::number(price) + "}}");
    sensor->send(R"({"action":"send","dest":"nobody","message":{"celsius":21.5}})");

    auto *dock = child<QDockWidget>("lastValuesDock");
    dock->show();
    dock->raise();
    auto *view = child<QTreeView>("lastValues");
    QVERIFY(view);
    auto *model = qobject_cast<LastValuesModel *>(view->model());
    QVERIFY(model);
    QTRY_VERIFY(
        model->indexOf(QStringLiteral("/shop"), QStringLiteral("alice"), QStringLiteral("send"))
            .siblingAtColumn(Model::CountColumn)
            .data()
            .toString() == QLatin1String("3"));
    QTRY_VERIFY(
        model->indexOf(QStringLiteral("/iot"), QStringLiteral("sensor"), QStringLiteral("send"))
            .isValid());
    const QModelIndex send =
        model->indexOf(QStringLiteral("/shop"), QStringLiteral("alice"), QStringLiteral("send"));
    QCOMPARE(send.siblingAtColumn(Model::LastMessageColumn).data().toString(),
             QStringLiteral(R"({"price":30})"));
    // New rooms and clients open: their actions show without a click.
    QTRY_VERIFY(view->isExpanded(send.parent()));
    QVERIFY(view->isExpanded(send.parent().parent()));
    QVERIFY(view->isExpanded(model->indexOf(QStringLiteral("/iot"), QStringLiteral("sensor"))));
    QVERIFY(view->visualRect(send).isValid());

    // A double-click selects the row's frame in the log.
    auto *logView = child<FrameLogView>("frameLog");
    const FrameLogModel *log = child<FrameLogModel>();
    QTRY_VERIFY(log->rowOfSerial(send.data(Model::SerialRole).toULongLong()) >= 0);
    const int logRow = log->rowOfSerial(send.data(Model::SerialRole).toULongLong());
    doubleClick(send);
    QCOMPARE(logView->currentLogRow(), logRow);
    QVERIFY(log->eventAt(logRow).data.contains("\"price\":30"));
    QCOMPARE(log->eventAt(logRow).kind, BrokerEvent::Kind::FrameIn);

    // The sensor's row selects the sensor's frame.
    const QModelIndex celsius =
        model->indexOf(QStringLiteral("/iot"), QStringLiteral("sensor"), QStringLiteral("send"));
    doubleClick(celsius);
    QVERIFY(log->eventAt(logView->currentLogRow()).data.contains("\"celsius\":21.5"));

    // Hidden by the log's filter: the selection stays, the status bar says why.
    child<QLineEdit>("roomFilter")->setText(QStringLiteral("iot"));
    QTRY_VERIFY(!child<FrameFilterProxyModel>()->isRefiltering());
    doubleClick(send);
    QVERIFY(log->eventAt(logView->currentLogRow()).data.contains("\"celsius\":21.5"));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("That frame is hidden by the log's filters"));

    // A double-click on a client row does neither.
    child<QLineEdit>("roomFilter")->clear();
    doubleClick(send.parent());
    QVERIFY(log->eventAt(logView->currentLogRow()).data.contains("\"celsius\":21.5"));

    // More traffic updates the row in place.
    alice->send(R"({"action":"send","dest":"shop","message":{"price":40}})");
    QTRY_COMPARE(send.siblingAtColumn(Model::LastMessageColumn).data().toString(),
                 QStringLiteral(R"({"price":40})"));
    QCOMPARE(send.siblingAtColumn(Model::CountColumn).data().toString(), QStringLiteral("4"));

    // Clear empties it with the log.
    QAction *clear = m_window->findChild<QAction *>(QStringLiteral("clearLog"));
    if (!clear) {
        for (QAction *a : m_window->findChildren<QAction *>()) {
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+L")))
                clear = a;
        }
    }
    QVERIFY(clear);
    clear->trigger();
    QCOMPARE(model->rowCount(), 0);
}

QTEST_MAIN(TestLastValuesDock)
#include "tst_lastvaluesdock.moc"

// Plots of JSON paths in the window (issue 15, "Watch a value"), offscreen, with a real broker
// and real clients: Plot This Path in the details' JSON tab pins the member under the mouse (and
// is disabled on what is not a number), the Plots dock shows the plot with points arriving live,
// hovering names a point's frame, clicking it selects that row in the log, by room regroups,
// and the remove button takes the plot away.

#include "brokercontroller.h"
#include "framedetailsview.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "mainwindow.h"
#include "pathplotmodel.h"
#include "pathplotwidget.h"
#include "recordingclient.h"
#include "windowundertest.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

const QString Price = QStringLiteral("message.price");

} // namespace

class TestPathPlots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }
    void init();
    void cleanup();
    void pinFromTheDetailsThenPlotLive();

private:
    // The log row of the newest frame in whose bytes contain marker, or -1.
    int rowWith(const QByteArray &marker) const;
    void waitForRow(const QByteArray &marker) { QTRY_VERIFY(rowWith(marker) >= 0); }
    // Selects a row and opens the JSON tab's context menu on the first occurrence of text.
    std::unique_ptr<QMenu> menuOn(int row, const QString &text);

    WindowUnderTest m_ui;
    MainWindow *m_window = nullptr;
    FrameLogModel *m_log = nullptr;
    FrameLogView *m_logView = nullptr;
    FrameDetailsView *m_details = nullptr;
    PathPlotModel *m_plots = nullptr;
};

void TestPathPlots::init() {
    QVERIFY(m_ui.open({{QStringLiteral("capture/enabled"), false}}, QSize(1400, 900)));
    m_window = m_ui.window();
    auto *inspector = m_window->findChild<Inspector *>();
    QVERIFY(inspector);
    m_log = inspector->log();
    m_plots = inspector->plots();
    m_logView = m_window->findChild<FrameLogView *>(QStringLiteral("frameLog"));
    m_details = m_window->findChild<FrameDetailsView *>(QStringLiteral("frameDetails"));
    QVERIFY(m_logView && m_details);
}

void TestPathPlots::cleanup() {
    m_ui.close();
    m_window = nullptr;
}

int TestPathPlots::rowWith(const QByteArray &marker) const {
    for (int r = m_log->rowCount() - 1; r >= 0; --r) {
        if (m_log->kindAt(r) == BrokerEvent::Kind::FrameIn &&
            m_log->eventAt(r).data.contains(marker))
            return r;
    }
    return -1;
}

std::unique_ptr<QMenu> TestPathPlots::menuOn(int row, const QString &text) {
    if (!m_logView->selectLogRow(row))
        return nullptr;
    const int position = int(m_details->prettyText().indexOf(text));
    if (position < 0)
        return nullptr;
    return std::unique_ptr<QMenu>(m_details->jsonContextMenu(position + 1));
}

void TestPathPlots::pinFromTheDetailsThenPlotLive() {
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("plotsDock"));
    QVERIFY(dock);
    QVERIFY(dock->isHidden()); // until a path is pinned
    // The View menu lists it.
    const QList<QMenu *> menus = m_window->findChildren<QMenu *>();
    QVERIFY(std::any_of(menus.begin(), menus.end(), [&](const QMenu *menu) {
        return menu->title() == QStringLiteral("&View") &&
               menu->actions().contains(dock->toggleViewAction());
    }));
    RecordingClient *alice = m_ui.connectClient(QStringLiteral("/shop"), "alice");
    RecordingClient *bob = m_ui.connectClient(QStringLiteral("/shop"), "bob");
    QVERIFY(alice && bob);
    alice->send(R"({"action":"send","dest":"bob","message":{"price":10,"item":"tea"}})");
    waitForRow(R"("price":10,)");

    // On a string: disabled, saying why.
    std::unique_ptr<QMenu> menu = menuOn(rowWith(R"("price":10,)"), QStringLiteral("\"tea\""));
    QVERIFY(menu);
    auto *plot = menu->findChild<QAction *>(QStringLiteral("plotThisPath"));
    QVERIFY(plot);
    QVERIFY(!plot->isEnabled());
    QVERIFY2(plot->toolTip().contains(QStringLiteral("message.item is not a number")),
             qPrintable(plot->toolTip()));
    // The text view's own entries are still there.
    QVERIFY(menu->actions().size() > 2);

    // On the number's key: pins message.price, back-filled with the frame shown.
    menu = menuOn(rowWith(R"("price":10,)"), QStringLiteral("\"price\""));
    QVERIFY(menu);
    plot = menu->findChild<QAction *>(QStringLiteral("plotThisPath"));
    QVERIFY(plot && plot->isEnabled());
    plot->trigger();
    menu.reset();
    QCOMPARE(m_plots->paths(), QStringList{Price});
    QTRY_VERIFY(dock->isVisible());
    auto *widget = dock->findChild<PathPlotWidget *>(QStringLiteral("pathPlot"));
    QVERIFY(widget);
    QCOMPARE(widget->path(), Price);
    QCOMPARE(int(m_plots->series(Price).size()), 1);
    QTRY_VERIFY(widget->height() > 100);

    // Live: each client's line grows.
    for (int i = 1; i <= 5; ++i) {
        alice->send(R"({"action":"send","dest":"bob","message":{"price":)" +
                    QByteArray::number(10 + i) + "}}");
        bob->send(R"({"action":"send","dest":"alice","message":{"price":)" +
                  QByteArray::number(100 + i * 10) + "}}");
    }
    bob->send(R"({"action":"send","dest":"alice","message":{"price":500}})");
    waitForRow(R"("price":500)");
    waitForRow(R"("price":15})");
    QCOMPARE(int(m_plots->series(Price).size()), 2);
    const PathPlotModel::Series &bobs = m_plots->series(Price).at(1);
    QCOMPARE(bobs.label, QStringLiteral("bob"));
    QCOMPARE(int(bobs.points.size()), 6);
    QCOMPARE(int(m_plots->series(Price).at(0).points.size()), 6);

    // Hover names the frame; a click selects its row and shows it in the details.
    const QPointF top = widget->pointPosition(1, 5);
    QVERIFY(widget->rect().contains(top.toPoint()));
    const QString tip = widget->toolTipAt(top.toPoint());
    QVERIFY2(tip.contains(QStringLiteral("message.price = 500")) &&
                 tip.contains(QStringLiteral("bob")) && tip.contains(QStringLiteral("/shop")),
             qPrintable(tip));
    QVERIFY(widget->toolTipAt(QPoint(1, widget->height() - 1)).isEmpty());
    QSignalSpy clicked(widget, &PathPlotWidget::pointClicked);
    QTest::mouseClick(widget, Qt::LeftButton, {}, top.toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toULongLong(), bobs.points.back().serial);
    QCOMPARE(m_logView->currentLogRow(), rowWith(R"("price":500)"));
    QVERIFY(m_details->prettyText().contains(QStringLiteral("\"price\": 500")));
    // A click away from every point selects nothing else.
    QTest::mouseClick(widget, Qt::LeftButton, {}, QPoint(1, widget->height() - 1));
    QCOMPARE(clicked.size(), 1);

    // By room: one line for /shop, with all twelve values.
    auto *grouping = dock->findChild<QComboBox *>(QStringLiteral("plotGrouping"));
    QVERIFY(grouping);
    grouping->setCurrentIndex(grouping->findText(QStringLiteral("By room")));
    QCOMPARE(m_plots->grouping(Price), PathPlotModel::Grouping::ByRoom);
    QCOMPARE(int(m_plots->series(Price).size()), 1);
    QCOMPARE(m_plots->series(Price).at(0).label, QStringLiteral("/shop"));
    QCOMPARE(int(m_plots->series(Price).at(0).points.size()), 12);

    // A second path at once, pinned from another frame: two plots stacked.
    alice->send(R"({"action":"send","dest":"bob","message":{"stock":{"qty":3}}})");
    waitForRow(R"("qty":3)");
    menu = menuOn(rowWith(R"("qty":3)"), QStringLiteral("3"));
    QVERIFY(menu);
    menu->findChild<QAction *>(QStringLiteral("plotThisPath"))->trigger();
    menu.reset();
    QCOMPARE(m_plots->paths(), (QStringList{Price, QStringLiteral("message.stock.qty")}));
    QTRY_COMPARE(dock->findChildren<PathPlotWidget *>().size(), 2);

    // Remove the first: its plot goes, the other stays.
    auto *remove = dock->findChild<QToolButton *>(QStringLiteral("removePlot"));
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_plots->paths(), QStringList{QStringLiteral("message.stock.qty")});
    QTRY_COMPARE(dock->findChildren<PathPlotWidget *>().size(), 1);
    QCOMPARE(dock->findChild<PathPlotWidget *>()->path(), QStringLiteral("message.stock.qty"));
}

QTEST_MAIN(TestPathPlots)
#include "tst_pathplots.moc"

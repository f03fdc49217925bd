#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "mainwindow.h"

#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// A filter change resets the log's filter model (and re-filters it in slices): the selected
// frame stays selected and in view when the new filter still shows it, is unselected when it
// hides it, and is selected again when the filter is cleared (issue 12).
class TestFilterSelection : public QObject {
    Q_OBJECT

private slots:
    void selectedFrameSurvivesFilterChanges();
};

namespace {

// Frames in two rooms, alternating; more than a re-filtering judges at once, so the rows near
// the end come in a later slice.
BrokerEventList traffic(int count) {
    BrokerEventList events;
    for (int i = 0; i < count; ++i) {
        BrokerEvent e;
        e.timeMs = 1700000000000 + i;
        e.connectionId = quint64(1 + i % 2);
        e.room = i % 2 ? QStringLiteral("/odd") : QStringLiteral("/even");
        e.clientId = i % 2 ? "odd" : "even";
        e.kind = BrokerEvent::Kind::FrameIn;
        e.action = FrameAction::Send;
        e.data = R"({"action":"send","dest":"x","message":)" + QByteArray::number(i) + '}';
        e.size = e.data.size();
        events.append(e);
    }
    return events;
}

} // namespace

void TestFilterSelection::selectedFrameSurvivesFilterChanges() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("capture/enabled"), false);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.resize(1200, 800);
    window.show();
    auto *inspector = window.findChild<Inspector *>();
    FrameLogModel *log = inspector->log();
    FrameFilterProxyModel *proxy = inspector->logProxy();
    auto *view = window.findChild<QTableView *>(QStringLiteral("frameLog"));
    QVERIFY(inspector && view);
    constexpr int Rows = 90000;
    inspector->addEvents(traffic(Rows));
    QTRY_COMPARE(log->rowCount(), Rows);

    const auto selectedLogRow = [&] {
        const QModelIndex current = view->currentIndex();
        return current.isValid() && view->selectionModel()->isRowSelected(current.row())
                   ? proxy->mapToSource(current).row()
                   : -1;
    };
    const auto inView = [&] {
        const QRect rect = view->visualRect(view->currentIndex());
        return rect.isValid() && view->viewport()->rect().intersects(rect);
    };
    // A frame of /odd near the end, selected as a click does.
    const int chosen = Rows - 101;
    QCOMPARE(log->roomAt(chosen), QStringLiteral("/odd"));
    view->selectionModel()->setCurrentIndex(proxy->mapFromSource(log->index(chosen, 0)),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    view->scrollTo(view->currentIndex());
    QCOMPARE(selectedLogRow(), chosen);

    proxy->setRoomFilter(QStringLiteral("/odd"));
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), Rows / 2, 60000);
    QTRY_COMPARE(selectedLogRow(), chosen);
    QTRY_VERIFY(inView());

    // A filter that hides it: nothing is selected.
    proxy->setRoomFilter(QStringLiteral("/even"));
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), Rows / 2, 60000);
    QCOMPARE(selectedLogRow(), -1);

    // Cleared: the frame is selected and shown again.
    proxy->clearFilters();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), Rows, 60000);
    QTRY_COMPARE(selectedLogRow(), chosen);
    QTRY_VERIFY(inView());

    // A row the user selects while a filter shows the frame wins over the remembered one.
    const int other = 11; // /odd
    proxy->setRoomFilter(QStringLiteral("/odd"));
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), Rows / 2, 60000);
    QTRY_COMPARE(selectedLogRow(), chosen);
    view->selectionModel()->setCurrentIndex(proxy->mapFromSource(log->index(other, 0)),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    proxy->clearFilters();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), Rows, 60000);
    QTRY_COMPARE(selectedLogRow(), other);
}

QTEST_MAIN(TestFilterSelection)
#include "tst_filterselection.moc"

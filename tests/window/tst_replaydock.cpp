#include "brokercontroller.h"
#include "brokerevents.h"
#include "framelogfile.h"
#include "mainwindow.h"
#include "replaydifferencemodel.h"
#include "replayer.h"

#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace BrokerEvents;

// A recording replayed into the window's broker (Broker → Replay Recording…, here through
// replayFile()): the Replay dock comes up, says how it went, lists the difference and shows the
// recorded and the replayed frame side by side (issue 14).
class TestReplayDock : public QObject {
    Q_OBJECT

private slots:
    void differenceShownSideBySide();
    void notARecordingIsNamed();
};

void TestReplayDock::differenceShownSideBySide() {
    QTemporaryDir dir;
    // shop sends warehouse an order; the recording says warehouse got qty 5 (it was sent 2).
    const BrokerEventList events{
        send(1, QStringLiteral("/orders"), "shop", {"warehouse"}, R"({"qty":2})", {}, BaseTimeMs),
        message(2, QStringLiteral("/orders"), "warehouse", "shop", R"({"qty":5})", {},
                BaseTimeMs + 1),
    };
    const QString path = dir.filePath(QStringLiteral("orders.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(FrameLogFile::write(&file, FrameLogFile::Format::JsonLines, events,
                                QUrl(QStringLiteral("ws://127.0.0.1:1/")), nullptr));
    file.close();

    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.resize(1400, 900);
    window.show();
    window.startBroker();
    auto *controller = window.findChild<BrokerController *>();
    QTRY_COMPARE(controller->state(), BrokerController::State::Running);

    QString error;
    ReplayOptions options;
    options.settleMs = 200;
    QVERIFY2(window.replayFile(path, options, &error), qPrintable(error));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("replayDock"));
    QVERIFY(dock && dock->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(window.replayer()->state(), Replayer::State::Finished, 10000);
    auto *status = window.findChild<QLabel *>(QStringLiteral("replayStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("Replay differs")), qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("0 frames matched, 1 differing")));

    auto *list = window.findChild<QTableView *>(QStringLiteral("replayDifferences"));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, ReplayDifferenceModel::ClientColumn).data().toString(),
             QStringLiteral("warehouse received"));
    QCOMPARE(list->model()->index(0, ReplayDifferenceModel::ChangesColumn).data().toString(),
             QStringLiteral("message.qty"));
    // The first difference is selected and shown.
    QCOMPARE(list->currentIndex().row(), 0);
    auto *expected = window.findChild<QPlainTextEdit *>(QStringLiteral("replayExpected"));
    auto *actual = window.findChild<QPlainTextEdit *>(QStringLiteral("replayActual"));
    QVERIFY2(expected->toPlainText().contains(QStringLiteral("\"qty\": 5")),
             qPrintable(expected->toPlainText()));
    QVERIFY2(actual->toPlainText().contains(QStringLiteral("\"qty\": 2")),
             qPrintable(actual->toPlainText()));
    auto *changes = window.findChild<QTableView *>(QStringLiteral("replayChanges"));
    QCOMPARE(changes->model()->rowCount(), 1);
    QCOMPARE(changes->model()->headerData(2, Qt::Horizontal).toString(),
             QStringLiteral("Recorded"));
}

void TestReplayDock::notARecordingIsNamed() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are not frames\n");
    file.close();
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    QString error;
    QVERIFY(!window.replayFile(path, {}, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!window.replayer());
}

QTEST_MAIN(TestReplayDock)
#include "tst_replaydock.moc"

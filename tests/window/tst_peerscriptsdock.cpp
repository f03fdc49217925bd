#include "brokercontroller.h"
#include "mainwindow.h"
#include "peerscriptlistmodel.h"
#include "peerscriptrunner.h"
#include "recordingclient.h"
#include "testfiles.h"

#include <QDockWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int Timeout = 10000;

} // namespace

// A peer script run from the window (as --script or Run Script… does): its dock shows it
// running, its output and its error; Stop and Run Again work on it, with real clients (issue 14).
class TestPeerScriptsDock : public QObject {
    Q_OBJECT

private slots:
    void scriptRunsStopsAndRunsAgain();
    void failingScriptShowsItsError();
};

void TestPeerScriptsDock::scriptRunsStopsAndRunsAgain() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.resize(1200, 800);
    window.show();
    const QString script = writeTestFile(dir, QStringLiteral("echo.js"), R"(
client("echo", "/lab")
    .on("registered", () => console.log("echo is ready"))
    .on("message", (msg, from, answer) => answer({echo: msg, to: from}));
)");
    // Given before the broker listens, as --script does: it starts once it does.
    window.runScript(script);
    window.startBroker();
    auto *controller = window.findChild<BrokerController *>();
    QTRY_COMPARE(controller->state(), BrokerController::State::Running);

    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("scriptsDock"));
    auto *list = window.findChild<QTableView *>(QStringLiteral("peerScriptList"));
    auto *output = window.findChild<QPlainTextEdit *>(QStringLiteral("peerScriptOutput"));
    auto *stop = window.findChild<QPushButton *>(QStringLiteral("stopScriptButton"));
    auto *again = window.findChild<QPushButton *>(QStringLiteral("runScriptAgainButton"));
    QVERIFY(dock && list && output && stop && again);
    QTRY_VERIFY(dock->isVisible());
    auto *model = qobject_cast<PeerScriptListModel *>(list->model());
    QVERIFY(model);
    QCOMPARE(model->rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(output->toPlainText().contains(QStringLiteral("echo is ready")),
                             Timeout);
    const auto cell = [model](int column) { return model->index(0, column).data().toString(); };
    QCOMPARE(cell(PeerScriptListModel::ScriptColumn), QStringLiteral("echo.js"));
    QCOMPARE(cell(PeerScriptListModel::StateColumn), QStringLiteral("Running"));
    QCOMPARE(cell(PeerScriptListModel::ClientsColumn), QStringLiteral("1"));

    // A real client asks the scripted peer.
    RecordingClient client;
    QUrl url = controller->url();
    url.setPath(QStringLiteral("/lab"));
    client.socket.open(url);
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    client.send(R"({"action":"register","id":"me"})");
    client.send(R"({"action":"send","dest":"echo","message":"hi","ack":"a"})");
    QTRY_VERIFY_WITH_TIMEOUT(client.hasAction(QStringLiteral("answer")), Timeout);

    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE(cell(PeerScriptListModel::StateColumn), QStringLiteral("Stopped"));
    QCOMPARE(cell(PeerScriptListModel::ClientsColumn), QStringLiteral("0"));
    QVERIFY(!stop->isEnabled());

    QTest::mouseClick(again, Qt::LeftButton);
    QTRY_COMPARE(cell(PeerScriptListModel::StateColumn), QStringLiteral("Running"));
    QTRY_COMPARE_WITH_TIMEOUT(output->toPlainText().count(QStringLiteral("echo is ready")), 2,
                              Timeout);
    QCOMPARE(model->rowCount(), 1);
}

void TestPeerScriptsDock::failingScriptShowsItsError() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.show();
    window.startBroker();
    auto *controller = window.findChild<BrokerController *>();
    QTRY_COMPARE(controller->state(), BrokerController::State::Running);
    const QString script = writeTestFile(dir, QStringLiteral("typo.js"),
                                         "const c = client(\"x\", \"/r\");\nc.sned({}, \"y\");\n");
    window.runScript(script);
    auto *list = window.findChild<QTableView *>(QStringLiteral("peerScriptList"));
    auto *output = window.findChild<QPlainTextEdit *>(QStringLiteral("peerScriptOutput"));
    const QModelIndex state = list->model()->index(0, PeerScriptListModel::StateColumn);
    QTRY_COMPARE_WITH_TIMEOUT(state.data().toString(), QStringLiteral("Failed"), Timeout);
    const QString message =
        list->model()->index(0, PeerScriptListModel::MessageColumn).data().toString();
    QVERIFY2(message.startsWith(script + QStringLiteral(":2: TypeError")), qPrintable(message));
    QVERIFY(output->toPlainText().contains(message));
}

QTEST_MAIN(TestPeerScriptsDock)
#include "tst_peerscriptsdock.moc"

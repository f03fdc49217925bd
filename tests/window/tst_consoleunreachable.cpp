#include "brokercontroller.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "consoleconversationmodel.h"
#include "consolepanel.h"
#include "mainwindow.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// An ask from the console to an id nobody holds: the wire says nothing (as the original), but
// the window's broker observed that it reached no one, so the console stops waiting for an
// answer (issue 19, console rough edges).
using Kind = ConsoleConversationEntry::Kind;

class TestConsoleUnreachable : public QObject {
    Q_OBJECT

private slots:
    void askToNobodyStopsWaiting();
    void refusedAskStopsWaiting();
};

namespace {

int lastSent(const ConsoleConversationModel *log) {
    for (int row = log->count() - 1; row >= 0; --row) {
        if (log->entry(row).kind == Kind::Sent)
            return row;
    }
    return -1;
}

ConsoleClientWidget *connected(ConsolePanel *panel, const QUrl &url, const QString &id) {
    ConsoleClientWidget *widget = panel->addClient(url, id);
    widget->connectClient();
    if (!QTest::qWaitFor(
            [&] { return widget->client()->state() == ConsoleClient::State::Registered; }))
        return nullptr;
    return widget;
}

// The window with its broker running, and its console.
struct RunningWindow {
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    std::unique_ptr<MainWindow> window;
    BrokerController *controller = nullptr;
    ConsolePanel *panel = nullptr;

    bool start() {
        BrokerSettings broker;
        broker.port = 0;
        window = std::make_unique<MainWindow>(broker, &settings);
        window->show();
        window->startBroker();
        controller = window->findChild<BrokerController *>();
        panel = window->findChild<ConsolePanel *>(QStringLiteral("console"));
        return controller && panel && QTest::qWaitFor([this] {
                   return controller->state() == BrokerController::State::Running;
               });
    }
};

} // namespace

void TestConsoleUnreachable::askToNobodyStopsWaiting() {
    RunningWindow window;
    QVERIFY(window.start());
    ConsolePanel *panel = window.panel;
    QUrl url = window.controller->url();
    url.setPath(QStringLiteral("/chat"));
    ConsoleClientWidget *alice = connected(panel, url, QStringLiteral("alice"));
    ConsoleClientWidget *bob = connected(panel, url, QStringLiteral("bob"));
    QVERIFY(alice && bob);
    const ConsoleConversationModel *log = alice->client()->conversation();

    // To nobody: not waiting any more, and the answer column says so.
    QVERIFY(alice->client()->send({QStringLiteral("nobody")}, QStringLiteral("1"), true));
    const int toNobody = lastSent(log);
    QTRY_VERIFY(log->entry(toNobody).unreachable);
    QCOMPARE(alice->client()->pendingAskCount(), 0);
    const QModelIndex answer = log->index(toNobody, ConsoleConversationModel::AnswerColumn);
    QCOMPARE(answer.data().toString(), QStringLiteral("reached no one"));
    QVERIFY2(answer.data(Qt::ToolTipRole).toString().contains(QStringLiteral("nobody")),
             qPrintable(answer.data(Qt::ToolTipRole).toString()));

    // To bob and nobody: it reached bob, so it still waits for bob's answer.
    QVERIFY(alice->client()->send({QStringLiteral("bob"), QStringLiteral("nobody")},
                                  QStringLiteral("2"), true));
    const int toBob = lastSent(log);
    QTRY_COMPARE(
        bob->client()->conversation()->entry(bob->client()->conversation()->count() - 1).kind,
        Kind::Received);
    QTest::qWait(200); // the broker's events for the window come in batches
    QVERIFY(!log->entry(toBob).unreachable);
    QCOMPARE(alice->client()->pendingAskCount(), 1);
    QCOMPARE(log->index(toBob, ConsoleConversationModel::AnswerColumn).data().toString(),
             QStringLiteral("waiting for an answer"));
}

// The broker refuses the send outright (here: not registered) and says so in an error that
// carries the ask's ack: no answer will come, so the console stops waiting for one.
void TestConsoleUnreachable::refusedAskStopsWaiting() {
    RunningWindow window;
    QVERIFY(window.start());
    ConsoleClientWidget *carol =
        connected(window.panel, window.controller->url(), QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(carol->client()->unregister());
    QTRY_COMPARE(carol->client()->state(), ConsoleClient::State::Connected);
    const ConsoleConversationModel *log = carol->client()->conversation();

    QVERIFY(carol->client()->send({QStringLiteral("dave")}, QStringLiteral("3"), true));
    const int refused = lastSent(log);
    QTRY_VERIFY(log->entry(refused).unreachable);
    QCOMPARE(carol->client()->pendingAskCount(), 0);
    const QModelIndex answer = log->index(refused, ConsoleConversationModel::AnswerColumn);
    QCOMPARE(answer.data().toString(), QStringLiteral("reached no one"));
    QVERIFY2(answer.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not-registered")),
             qPrintable(answer.data(Qt::ToolTipRole).toString()));
}

QTEST_MAIN(TestConsoleUnreachable)
#include "tst_consoleunreachable.moc"

#include "hostilebench.h"

#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "consolepanel.h"
#include "eventlooplatencyprobe.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "hostilecontent.h"
#include "mainwindow.h"

#include <QTableView>
#include <QTest>
#include <QWebSocket>

#include <cstdio>

namespace {

int rowOf(const FrameLogModel *log, FrameAction action, int from) {
    for (int row = log->rowCount() - 1; row >= from; --row) {
        if (log->eventAt(row).action == action)
            return row;
    }
    return -1;
}

} // namespace

int HostileBench::run(MainWindow *window, const QUrl &brokerUrl) {
    auto *panel = window->findChild<ConsolePanel *>(QStringLiteral("console"));
    auto *logView = window->findChild<QTableView *>(QStringLiteral("frameLog"));
    auto *proxy = window->findChild<FrameFilterProxyModel *>();
    const FrameLogModel *log = window->findChild<FrameLogModel *>();
    if (!panel || !logView || !proxy || !log) {
        std::fprintf(stderr, "wsmsgbroker-uibench: the window has no console or log\n");
        return 1;
    }
    EventLoopLatencyProbe probe;
    // max_ms and p99_ms: from the send until a second after the frame was selected; log_max_ms:
    // until the log, the tree and the console had shown it (before the details pane did).
    std::printf("%-20s %10s %10s %10s %10s\n", "case", "max_ms", "p99_ms", "log_max_ms", "ticks");
    int failures = 0;
    const QList<HostileCase> cases = HostileContent::cases();
    for (int i = 0; i < cases.size(); ++i) {
        const HostileCase &hostile = cases.at(i);
        QUrl url = brokerUrl;
        url.setPath(hostile.room);
        const QString watcherId = QStringLiteral("watcher-%1").arg(i);
        ConsoleClientWidget *watcher = panel->addClient(url, watcherId);
        watcher->connectClient();
        QWebSocket sender;
        sender.open(url);
        const bool ready = QTest::qWaitFor([&] {
            return watcher->client()->state() == ConsoleClient::State::Registered &&
                   sender.state() == QAbstractSocket::ConnectedState;
        });
        bool registered = false;
        QObject::connect(&sender, &QWebSocket::textMessageReceived, &sender,
                         [&](const QString &text) {
                             registered |= text.contains(QLatin1String("\"registered\""));
                         });
        sender.sendTextMessage(QString::fromUtf8(
            "{\"action\":\"register\",\"id\":" + HostileContent::jsonString(hostile.id) + '}'));
        if (!ready || !QTest::qWaitFor([&] { return registered; })) {
            std::printf("%-20s did not connect\n", qPrintable(hostile.name));
            ++failures;
            continue;
        }
        QTest::qWait(200); // the connections' own rows painted before measuring
        const int before = log->rowCount();

        // From the frame's send until the window shows it in the log, the tree, the console and
        // the details pane, and one more second of painting.
        probe.start();
        sender.sendTextMessage(
            QString::fromUtf8(HostileContent::sendFrame(hostile, watcherId.toUtf8())));
        const bool logged = QTest::qWaitFor(
            [&] { return rowOf(log, FrameAction::Message, std::max(0, before - 1)) >= 0; }, 20000);
        QTest::qWait(500); // the log, the tree and the console painted
        const qint64 shownMax = probe.maxLatenessMs();
        const int sendRow = rowOf(log, FrameAction::Send, std::max(0, before - 1));
        if (logged && sendRow >= 0)
            logView->setCurrentIndex(proxy->mapFromSource(log->index(sendRow, 0)));
        QTest::qWait(1000);
        probe.stop();
        if (!logged || sendRow < 0) {
            std::printf("%-20s not shown in the log\n", qPrintable(hostile.name));
            ++failures;
            continue;
        }
        std::printf("%-20s %10lld %10lld %10lld %10d\n", qPrintable(hostile.name),
                    probe.maxLatenessMs(), probe.percentileMs(99), shownMax, probe.sampleCount());
        std::fflush(stdout);
        sender.close();
    }
    return failures == 0 ? 0 : 1;
}

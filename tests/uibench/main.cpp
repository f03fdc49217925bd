// wsmsgbroker-uibench: opens the inspector window with its broker on a free port, prints
// "listening on URL", then measures for the given seconds how late the window's event loop
// answers (while a load generator such as wsmsgbroker-bench drives the broker), and prints
// the lateness, the log's rows and dropped frames, and the process's resident memory.
#include "brokercontroller.h"
#include "eventlooplatencyprobe.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

qint64 residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("duration"), QStringLiteral("Seconds to measure."),
                      QStringLiteral("s"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("capacity"), QStringLiteral("Frames kept in the log."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.process(app);

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("uibench.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("inspector/logCapacity"),
                      parser.value(QStringLiteral("capacity")).toInt());
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.show();
    auto *controller = window.findChild<BrokerController *>();
    const FrameLogModel *log = window.findChild<Inspector *>()->log();
    EventLoopLatencyProbe probe;
    QObject::connect(controller, &BrokerController::started, &app, [&](const QUrl &url) {
        std::printf("listening on %s\n", qPrintable(url.toString()));
        std::fflush(stdout);
        probe.start();
        QTimer::singleShot(parser.value(QStringLiteral("duration")).toInt() * 1000, &app, [&] {
            probe.stop();
            std::printf("ui event loop lateness: p50 %lld ms, p99 %lld ms, max %lld ms (%d ticks "
                        "of 10 ms)\n",
                        probe.percentileMs(50), probe.percentileMs(99), probe.maxLatenessMs(),
                        probe.sampleCount());
            std::printf(
                "log: %d rows (capacity %d), %llu dropped by the ring buffer; RSS %lld KiB\n",
                log->rowCount(), log->capacity(),
                static_cast<unsigned long long>(log->droppedCount()), residentKiB());
            app.quit();
        });
    });
    QObject::connect(controller, &BrokerController::startFailed, &app, [&](const QString &error) {
        std::fprintf(stderr, "wsmsgbroker-uibench: %s\n", qPrintable(error));
        app.exit(1);
    });
    window.startBroker();
    return app.exec();
}

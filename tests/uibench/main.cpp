// wsmsgbroker-uibench: opens the inspector window with its broker on a free port, prints
// "listening on URL", then measures for the given seconds how late the window's event loop
// answers (while a load generator such as wsmsgbroker-bench drives the broker), and prints
// the lateness, the log's rows and dropped frames, and the process's resident memory.
#include "brokercontroller.h"
#include "capturesearchbench.h"
#include "eventlooplatencyprobe.h"
#include "framelogmodel.h"
#include "hostilebench.h"
#include "inspector.h"
#include "intervalreporter.h"
#include "mainwindow.h"
#include "residentmemory.h"
#include "scalebench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("duration"), QStringLiteral("Seconds to measure."),
                      QStringLiteral("s"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("capacity"), QStringLiteral("Frames kept in the log."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("scale"),
                      QStringLiteral("Feed this many frames into the window (log capacity "
                                     "10,000,000, recording), then scroll and filter."),
                      QStringLiteral("frames")});
    parser.addOption({QStringLiteral("rate"),
                      QStringLiteral("Frames per second of --scale's feed (the broker's "
                                     "recording limit)."),
                      QStringLiteral("n"), QStringLiteral("200000")});
    parser.addOption({QStringLiteral("capture-mib"),
                      QStringLiteral("Disk budget of --scale's capture, in MiB."),
                      QStringLiteral("n"), QStringLiteral("8192")});
    parser.addOption({QStringLiteral("keep-feeding"),
                      QStringLiteral("--scale: go on feeding while scrolling and filtering.")});
    parser.addOption({QStringLiteral("capture-search"),
                      QStringLiteral("Write a capture of this many frames, open it and search "
                                     "it with --pattern."),
                      QStringLiteral("frames")});
    parser.addOption({QStringLiteral("pattern"),
                      QStringLiteral("The regular expression of --capture-search."),
                      QStringLiteral("regex"), QStringLiteral("widget 7[0-9]7\"")});
    parser.addOption({QStringLiteral("report-every"),
                      QStringLiteral("Also print lateness and RSS every this many seconds."),
                      QStringLiteral("s"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("hostile"),
                      QStringLiteral("Show each hostile-content case (issue 18) and print the "
                                     "lateness while it is shown, instead of --duration.")});
    parser.process(app);
    const auto count = [&parser](const QString &option) {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value <= 0) {
            std::fprintf(stderr, "wsmsgbroker-uibench: --%s wants a positive number, not '%s'\n",
                         qPrintable(option), qPrintable(parser.value(option)));
            std::exit(2);
        }
        return value;
    };
    if (parser.isSet(QStringLiteral("scale")))
        return runScaleBench(
            quint64(count(QStringLiteral("scale"))), int(count(QStringLiteral("rate"))),
            count(QStringLiteral("capture-mib")),
            parser.isSet(QStringLiteral("capacity")) ? int(count(QStringLiteral("capacity")))
                                                     : 10000000,
            parser.isSet(QStringLiteral("keep-feeding")));
    if (parser.isSet(QStringLiteral("capture-search")))
        return runCaptureSearchBench(quint64(count(QStringLiteral("capture-search"))),
                                     parser.value(QStringLiteral("pattern")));

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
    std::unique_ptr<IntervalReporter> intervals;
    bool everyOk = false;
    const int every = parser.value(QStringLiteral("report-every")).toInt(&everyOk);
    if (!everyOk || every < 0) {
        std::fprintf(stderr, "wsmsgbroker-uibench: --report-every: not a number of seconds: %s\n",
                     qPrintable(parser.value(QStringLiteral("report-every"))));
        return 2;
    }
    if (every > 0)
        intervals = std::make_unique<IntervalReporter>(log, every);
    QObject::connect(controller, &BrokerController::started, &app, [&](const QUrl &url) {
        std::printf("listening on %s\n", qPrintable(url.toString()));
        std::fflush(stdout);
        if (parser.isSet(QStringLiteral("hostile"))) {
            app.exit(HostileBench::run(&window, url));
            return;
        }
        probe.start();
        if (intervals)
            intervals->start();
        QTimer::singleShot(parser.value(QStringLiteral("duration")).toInt() * 1000, &app, [&] {
            probe.stop();
            std::printf("ui event loop lateness: p50 %lld ms, p99 %lld ms, max %lld ms (%d ticks "
                        "of 10 ms)\n",
                        probe.percentileMs(50), probe.percentileMs(99), probe.maxLatenessMs(),
                        probe.sampleCount());
            std::printf(
                "log: %d rows (capacity %d), %llu dropped by the ring buffer; RSS %lld KiB\n",
                log->rowCount(), log->capacity(),
                static_cast<unsigned long long>(log->droppedCount()), ResidentMemory::kib());
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

#include "scalebench.h"

#include "residentmemory.h"

#include "benchphases.h"
#include "brokersettings.h"
#include "capturerecorder.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "mainwindow.h"
#include "syntheticfeed.h"

#include <QApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>

namespace {

qint64 fileBytes(const QString &path) {
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace

int runScaleBench(quint64 frames, int framesPerSecond, qint64 captureMiB, int capacity,
                  bool keepFeeding) {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("uibench.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("inspector/logCapacity"), capacity);
    settings.setValue(QStringLiteral("capture/folder"), dir.filePath(QStringLiteral("captures")));
    settings.setValue(QStringLiteral("capture/maxMiB"), captureMiB);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.resize(1400, 900);
    window.show();
    auto *inspector = window.findChild<Inspector *>();
    FrameLogModel *log = inspector->log();
    FrameFilterProxyModel *proxy = inspector->logProxy();
    auto *view = window.findChild<QTableView *>(QStringLiteral("frameLog"));
    if (!inspector->recorder()) {
        std::fprintf(stderr, "wsmsgbroker-uibench: the window is not recording\n");
        return 1;
    }
    std::printf("scale: %llu frames at %d frames/s into Inspector::addEvents, log capacity %d, "
                "recording to %s\n",
                static_cast<unsigned long long>(frames), framesPerSecond, log->capacity(),
                qPrintable(inspector->capturePath()));
    std::fflush(stdout);

    SyntheticFeed feed(framesPerSecond);
    if (!keepFeeding)
        feed.setLimit(frames);
    QObject::connect(&feed, &SyntheticFeed::eventsReady, inspector, &Inspector::addEvents);
    QElapsedTimer feedClock;
    BenchPhases phases;
    quint64 written = 0;
    QObject::connect(inspector->recorder(), &CaptureRecorder::written, qApp,
                     [&written](quint64 lastId) { written = lastId; });
    const auto rows = [log, proxy, inspector, &written] {
        // Rows whose whole event is in memory are the newest ones.
        int lo = 0;
        int hi = log->rowCount();
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (log->isInMemory(mid))
                hi = mid;
            else
                lo = mid + 1;
        }
        return QStringLiteral("log %1 rows (%2 whole in memory), shown %3, writer %4 behind")
            .arg(log->rowCount())
            .arg(log->rowCount() - lo)
            .arg(proxy->rowCount())
            .arg(inspector->recorder()->nextId() - 1 - written);
    };
    phases.add({QStringLiteral("record"),
                [&] {
                    feedClock.start();
                    feed.start();
                },
                [&](int) { return feed.framesSent() >= frames; },
                int(frames * 1000 / quint64(framesPerSecond)) + 60000,
                [&] {
                    return rows() + QStringLiteral(", fed at %1 frames/s, %2 skipped, %3 unwritten")
                                        .arg(qint64(feed.framesSent()) * 1000 /
                                             std::max<qint64>(1, feedClock.elapsed()))
                                        .arg(feed.framesSkipped())
                                        .arg(inspector->recorder()->unwrittenCount());
                }});
    QRandomGenerator random(12);
    const auto jump = [&](int step) {
        const int count = proxy->rowCount();
        if (count > 0) {
            const QModelIndex target = proxy->index(int(random.bounded(count)), 0);
            view->setCurrentIndex(target);
            view->scrollTo(target, QAbstractItemView::PositionAtCenter);
        }
        return step >= 39;
    };
    const auto page = [&](int step) {
        view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return step >= 39;
    };
    const auto refiltered = [&](int step) {
        return step > 0 && !proxy->isRefiltering() && !proxy->isSearchingCapture();
    };
    phases.add({QStringLiteral("jump"), {}, jump, 10000, rows});
    phases.add({QStringLiteral("page down"), [&] { view->scrollTo(proxy->index(0, 0)); }, page,
                10000, rows});
    phases.add({QStringLiteral("filter room"),
                [&] { proxy->setRoomFilter(QStringLiteral("/room3")); }, refiltered, 20000, rows});
    phases.add({QStringLiteral("jump (room)"), {}, jump, 10000, rows});
    phases.add({QStringLiteral("filter client"),
                [&] {
                    proxy->clearRoomFilter();
                    proxy->setClientFilter("a7");
                },
                refiltered, 20000, rows});
    phases.add({QStringLiteral("filter action"),
                [&] {
                    proxy->setClientFilter({});
                    proxy->setActions({FrameAction::Answer});
                },
                refiltered, 20000, rows});
    phases.add({QStringLiteral("page (action)"), {}, page, 10000, rows});
    phases.add({QStringLiteral("filter text"),
                [&] {
                    proxy->setActions({});
                    proxy->setFilterText(QStringLiteral("widget 777\""));
                },
                refiltered, 60000, rows});
    phases.add({QStringLiteral("clear"), [&] { proxy->clearFilters(); }, refiltered, 20000, rows});
    phases.add({QStringLiteral("jump (all)"), {}, jump, 10000, rows});

    QObject::connect(&phases, &BenchPhases::finished, qApp, [&] {
        feed.stop();
        CaptureRecorder *recorder = inspector->recorder();
        recorder->flush();
        const quint64 recorded = recorder->nextId() - 1;
        const quint64 inCapture = recorded - inspector->discardedFrames();
        const qint64 bytes = fileBytes(recorder->path());
        std::printf("fed %llu frames; capture holds %llu (%llu discarded by its budget): %lld "
                    "bytes, %.1f bytes per frame; log %d rows; RSS %lld MiB\n",
                    static_cast<unsigned long long>(feed.framesSent()),
                    static_cast<unsigned long long>(inCapture),
                    static_cast<unsigned long long>(inspector->discardedFrames()), bytes,
                    double(bytes) / double(std::max<quint64>(1, inCapture)), log->rowCount(),
                    ResidentMemory::kib() / 1024);
        std::fflush(stdout);
        qApp->quit();
    });
    phases.start();
    return qApp->exec();
}

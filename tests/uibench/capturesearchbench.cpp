#include "capturesearchbench.h"

#include "benchphases.h"
#include "capturerecorder.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "logfilewindow.h"
#include "syntheticfeed.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

int runCaptureSearchBench(quint64 frames, const QString &pattern) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("search.wscap"));
    QElapsedTimer clock;
    clock.start();
    {
        CaptureRecorder recorder;
        QString error;
        if (!recorder.open(path, CaptureBudget::unlimited(), &error, true)) {
            std::fprintf(stderr, "wsmsgbroker-uibench: %s\n", qPrintable(error));
            return 1;
        }
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        constexpr quint64 Batch = 10000;
        for (quint64 n = 0; n < frames; n += Batch) {
            BrokerEventList batch;
            batch.reserve(qsizetype(Batch));
            for (quint64 i = n; i < std::min(frames, n + Batch); ++i)
                batch.append(SyntheticFeed::frame(i, t0 + qint64(i / 200)));
            recorder.append(batch);
            // The recorder's queue is bounded (MaxQueuedEvents): let the writer catch up.
            if (n % 100000 == 100000 - Batch)
                recorder.flush();
        }
        if (!recorder.flush(&error)) {
            std::fprintf(stderr, "wsmsgbroker-uibench: %s\n", qPrintable(error));
            return 1;
        }
        if (recorder.unwrittenCount() > 0)
            std::fprintf(stderr, "wsmsgbroker-uibench: %llu frames not written\n",
                         static_cast<unsigned long long>(recorder.unwrittenCount()));
        recorder.close();
    }
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    std::printf("capture: %llu frames written in %.1f s, %lld bytes, %.1f bytes per frame\n",
                static_cast<unsigned long long>(frames), double(clock.elapsed()) / 1000.0, bytes,
                double(bytes) / double(std::max<quint64>(1, frames)));
    std::fflush(stdout);

    auto *window = new LogFileWindow;
    window->resize(1400, 900);
    window->show();
    auto *inspector = window->findChild<Inspector *>();
    FrameFilterProxyModel *proxy = inspector->logProxy();
    QElapsedTimer searchClock;
    qint64 firstRowMs = -1;
    QObject::connect(proxy, &QAbstractItemModel::rowsInserted, qApp, [&] {
        if (firstRowMs < 0 && searchClock.isValid())
            firstRowMs = searchClock.elapsed();
    });
    BenchPhases phases;
    bool loaded = false;
    phases.add({QStringLiteral("open"),
                [&] {
                    QObject::connect(window, &LogFileWindow::loadFinished, qApp,
                                     [&] { loaded = true; });
                    QString error;
                    if (!window->open(path, &error))
                        std::fprintf(stderr, "wsmsgbroker-uibench: %s\n", qPrintable(error));
                },
                [&](int) { return loaded; }, 60000,
                [&] { return QStringLiteral("%1 rows").arg(inspector->log()->rowCount()); }});
    phases.add({QStringLiteral("regex"),
                [&] {
                    searchClock.start();
                    proxy->setRegularExpression(true);
                    proxy->setFilterText(pattern);
                },
                [&](int step) {
                    return step > 0 && !proxy->isSearchingCapture() && !proxy->isRefiltering();
                },
                60000,
                [&] {
                    return QStringLiteral("/%1/: first row after %2 ms, done after %3 ms, %4 rows")
                        .arg(pattern)
                        .arg(firstRowMs)
                        .arg(searchClock.elapsed())
                        .arg(proxy->rowCount());
                }});
    QObject::connect(&phases, &BenchPhases::finished, qApp, [&] {
        delete window;
        qApp->quit();
    });
    phases.start();
    return qApp->exec();
}

// capture-crash-writer FILE: records the numbered event stream (CaptureEvents::numbered) into
// FILE at the broker's recording limit, 2,000 events every 10 ms, and prints "committed N" to
// standard output after each commit. tst_capturecrash kills it with SIGKILL mid-write.

#include "captureevents.h"
#include "capturerecorder.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fputs("usage: capture-crash-writer FILE\n", stderr);
        return 2;
    }
    CaptureRecorder recorder;
    QString error;
    if (!recorder.open(app.arguments().at(1), CaptureBudget(), &error, true)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QObject::connect(&recorder, &CaptureRecorder::written, [](quint64 lastId) {
        std::printf("committed %llu\n", qulonglong(lastId));
        std::fflush(stdout);
    });
    QObject::connect(&recorder, &CaptureRecorder::failed, [](const QString &why) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        QCoreApplication::exit(1);
    });
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const quint64 first = recorder.nextId();
        recorder.append(CaptureEvents::numberedBatch(first, 2000));
    });
    timer.start();
    return app.exec();
}

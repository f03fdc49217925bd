// Crash safety: a child process records under load and is killed with SIGKILL; the capture then
// opens and holds every frame up to about the last commit before the kill (everything the
// child had reported as committed, and at most one commit interval more is lost): ids
// consecutive from 1, each frame whole and right.

#include "captureevents.h"
#include "capturereader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace CaptureEvents;

class TestCaptureCrash : public QObject {
    Q_OBJECT

private slots:
    void killedWriterLosesAtMostTheLastCommit();
};

void TestCaptureCrash::killedWriterLosesAtMostTheLastCommit() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("crash.wscap"));
    QProcess child;
    QByteArray out;
    connect(&child, &QProcess::readyReadStandardOutput, this,
            [&] { out += child.readAllStandardOutput(); });
    child.start(QStringLiteral(CAPTURE_CRASH_WRITER), {file});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    // Under load for a while: at least 300,000 frames committed (1.5 s at 200,000 a second).
    const auto lastCommitted = [&] {
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            if (lines.at(i).startsWith("committed "))
                return lines.at(i).mid(10).toULongLong();
        }
        return 0ULL;
    };
    QTRY_VERIFY_WITH_TIMEOUT(lastCommitted() >= 300'000 || child.state() != QProcess::Running,
                             30'000);
    QCOMPARE(child.state(), QProcess::Running);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    out += child.readAllStandardOutput();
    const quint64 committed = lastCommitted();
    QVERIFY(committed >= 300'000);

    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(file, &error), qPrintable(error));
    QVERIFY2(reader.warning().isEmpty(), qPrintable(reader.warning()));
    QCOMPARE(reader.firstId(), quint64(1));
    const quint64 last = reader.lastId();
    // Everything reported committed is there; what came after is at most about a second of
    // frames (the commit interval and the output's lag at 200,000 frames/s).
    QVERIFY2(last >= committed, qPrintable(QStringLiteral("%1 < %2").arg(last).arg(committed)));
    QVERIFY2(last - committed <= 200'000,
             qPrintable(QStringLiteral("%1 after %2").arg(last).arg(committed)));
    QCOMPARE(reader.count(), last);
    QList<quint64> ids;
    quint64 expected = 1;
    while (expected <= last) {
        const BrokerEventList events = reader.readRange(expected, 20'000, &ids);
        QVERIFY(!events.isEmpty());
        for (qsizetype i = 0; i < events.size(); ++i, ++expected) {
            QCOMPARE(ids.at(i), expected);
            const QString diff = difference(events.at(i), numbered(expected));
            QVERIFY2(diff.isEmpty(),
                     qPrintable(QStringLiteral("id %1: %2").arg(expected).arg(diff)));
        }
    }
    QCOMPARE(expected, last + 1);
}

QTEST_GUILESS_MAIN(TestCaptureCrash)
#include "tst_capturecrash.moc"

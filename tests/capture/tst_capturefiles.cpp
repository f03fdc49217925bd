// Files that are not captures, or damaged ones: a clear one-line message naming the file, and
// what is readable is read.

#include "captureevents.h"
#include "capturereader.h"
#include "capturerecorder.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CaptureEvents;

class TestCaptureFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void notACapture_data();
    void notACapture();
    void sqliteButNotACapture();
    void newerVersion();
    void truncatedCopyOpensWhatIsReadable();
    void damagedPagesAreSkipped();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray m_capture; // the bytes of a capture of Frames events, checkpointed
    QTemporaryDir m_dir;
    static constexpr quint64 Frames = 40'000;
};

void TestCaptureFiles::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString file = path(QStringLiteral("whole.wscap"));
    {
        CaptureRecorder recorder;
        QString error;
        QVERIFY2(recorder.open(file, CaptureBudget(), &error), qPrintable(error));
        for (quint64 n = 1; n <= Frames; n += 5000)
            recorder.append(numberedBatch(n, 5000));
    } // closed: checkpointed into the file, no -wal left
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_capture = f.readAll();
    QVERIFY(m_capture.size() > 4 << 20);
}

void TestCaptureFiles::notACapture_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("says");
    QByteArray random(64 * 1024, '\0');
    QRandomGenerator generator(42);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::newRow("random bytes") << random << QStringLiteral("not an SQLite database");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty or cut short");
    QTest::newRow("text") << QByteArray("{\"kind\":\"in\"}\n") << QStringLiteral("not a capture");
    QTest::newRow("only the header") << m_capture.left(100) << QStringLiteral("damaged");
    QTest::newRow("SQLite magic, then garbage")
        << QByteArray("SQLite format 3", 16) + random << QStringLiteral("damaged");
}

void TestCaptureFiles::notACapture() {
    QFETCH(QByteArray, content);
    QFETCH(QString, says);
    const QString file =
        path(QStringLiteral("%1.wscap").arg(QLatin1StringView(QTest::currentDataTag())));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    CaptureReader reader;
    QString error;
    QVERIFY(!reader.open(file, &error));
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!reader.isOpen());
    QVERIFY(!reader.open(path(QStringLiteral("missing.wscap")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.wscap")), qPrintable(error));
}

void TestCaptureFiles::sqliteButNotACapture() {
    const QString file = path(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO notes VALUES ('hello')")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QVERIFY(CaptureReader::isCapture(file)); // by its header only
    CaptureReader reader;
    QString error;
    QVERIFY(!reader.open(file, &error));
    QVERIFY2(error.contains(file) && error.contains(QStringLiteral("not a WSMsgBroker capture")),
             qPrintable(error));
}

void TestCaptureFiles::newerVersion() {
    const QString file = path(QStringLiteral("newer.wscap"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_capture);
    f.close();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = 99 WHERE key = 'schema_version'")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    CaptureReader reader;
    QString error;
    QVERIFY(!reader.open(file, &error));
    QVERIFY2(error.contains(file) && error.contains(QStringLiteral("newer")) &&
                 error.contains(QStringLiteral("99")),
             qPrintable(error));
    // The writer refuses it too, and leaves it as it was.
    CaptureRecorder recorder;
    QVERIFY(!recorder.open(file, CaptureBudget(), &error));
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
}

// A copy cut short (a download, a full disk): the frames whose pages are there are read, the
// reader says the file is damaged, and the frames it serves are whole and right.
void TestCaptureFiles::truncatedCopyOpensWhatIsReadable() {
    const QString file = path(QStringLiteral("truncated.wscap"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_capture.left(m_capture.size() * 6 / 10 / 4096 * 4096));
    f.close();
    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(file, &error), qPrintable(error));
    QCOMPARE(reader.firstId(), quint64(1));
    const quint64 last = reader.lastId();
    QVERIFY2(last > Frames / 3 && last < Frames, qPrintable(QString::number(last)));
    QVERIFY2(reader.warning().contains(file), qPrintable(reader.warning()));
    QList<quint64> ids;
    quint64 read = 0;
    for (quint64 next = 1; next <= last;) {
        const BrokerEventList events = reader.readRange(next, 5000, &ids);
        if (events.isEmpty())
            break;
        for (qsizetype i = 0; i < events.size(); ++i)
            QVERIFY(difference(events.at(i), numbered(ids.at(i))).isEmpty());
        read += quint64(events.size());
        next = ids.constLast() + 1;
    }
    QVERIFY2(read > Frames / 3, qPrintable(QString::number(read)));
}

// Pages overwritten with garbage in the middle: reads go on past them.
void TestCaptureFiles::damagedPagesAreSkipped() {
    QByteArray damaged = m_capture;
    const qsizetype middle = damaged.size() / 2 / 4096 * 4096;
    QRandomGenerator generator(7);
    for (qsizetype i = middle; i < middle + 3 * 4096; ++i)
        damaged[i] = char(generator.bounded(256));
    const QString file = path(QStringLiteral("damaged.wscap"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(damaged);
    f.close();
    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(file, &error), qPrintable(error));
    QList<quint64> ids;
    quint64 read = 0;
    quint64 highest = 0;
    for (quint64 next = reader.firstId(); next != 0 && next <= reader.lastId();) {
        const BrokerEventList events = reader.readRange(next, 5000, &ids);
        if (events.isEmpty())
            break;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString diff = difference(events.at(i), numbered(ids.at(i)));
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(ids.at(i)).arg(diff)));
        }
        read += quint64(events.size());
        highest = ids.constLast();
        next = highest + 1;
    }
    QVERIFY2(read < Frames && read > Frames * 9 / 10, qPrintable(QString::number(read)));
    QCOMPARE(highest, Frames);
    QVERIFY2(reader.warning().contains(file) &&
                 reader.warning().contains(QStringLiteral("damaged")),
             qPrintable(reader.warning()));
}

QTEST_GUILESS_MAIN(TestCaptureFiles)
#include "tst_capturefiles.moc"

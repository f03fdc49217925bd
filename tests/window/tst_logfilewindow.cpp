// A saved log opens in a window of its own, titled with the file, while the live log stays
// live (issue 19, defect 6; issue 12's File → Open). A real broker and a real client feed the
// main window; the file is a JSON Lines log and a capture.
#include "brokercontroller.h"
#include "framelogfile.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "logfilewindow.h"
#include "mainwindow.h"

#include "recordingclient.h"
#include <QApplication>
#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

BrokerEvent savedFrame(int i) {
    BrokerEvent e;
    e.timeMs = 1700000000000 + i;
    e.connectionId = 1;
    e.kind = BrokerEvent::Kind::FrameIn;
    e.action = FrameAction::Register;
    e.outcome = BrokerEvent::Outcome::Done;
    e.room = QStringLiteral("/saved");
    e.clientId = "from-file-" + QByteArray::number(i);
    e.data = "{\"action\":\"register\",\"id\":\"from-file-" + QByteArray::number(i) + "\"}";
    e.size = e.data.size();
    return e;
}

} // namespace

class TestLogFileWindow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fileOpensBesideTheLiveLog();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestLogFileWindow::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(m_window->findChild<BrokerController *>()->state(),
                 BrokerController::State::Running);
}

void TestLogFileWindow::cleanup() {
    // Collected first: deleting a window deletes its menus, top-level widgets of the same list.
    QList<QPointer<LogFileWindow>> opened;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<LogFileWindow *>(w))
            opened.append(window);
    }
    for (const QPointer<LogFileWindow> &window : opened)
        delete window.data();
    m_window.reset();
    m_settings.reset();
}

void TestLogFileWindow::fileOpensBesideTheLiveLog() {
    const QString path = m_dir.filePath(QStringLiteral("yesterday.jsonl"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        BrokerEventList saved;
        for (int i = 0; i < 3; ++i)
            saved.append(savedFrame(i));
        QString error;
        QVERIFY(FrameLogFile::write(&file, FrameLogFile::Format::JsonLines, saved, QUrl(), &error));
    }
    const FrameLogModel *live = m_window->findChild<Inspector *>()->log();
    RecordingClient client;
    QUrl url = m_window->findChild<BrokerController *>()->url();
    url.setPath(QStringLiteral("/live"));
    client.socket.open(url);
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    client.send(R"({"action":"register","id":"live-1"})");
    QTRY_VERIFY(live->rowCount() >= 2);

    m_window->openFile(path);
    LogFileWindow *opened = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *candidate = qobject_cast<LogFileWindow *>(w))
            opened = candidate;
    }
    QVERIFY(opened);
    QVERIFY(opened->isVisible());
    QVERIFY2(opened->windowTitle().contains(QLatin1String("yesterday.jsonl")),
             qPrintable(opened->windowTitle()));
    const FrameLogModel *shown = opened->inspector()->log();
    QTRY_COMPARE(shown->rowCount(), 3);
    QCOMPARE(shown->clientIdAt(2), QByteArray("from-file-2"));
    QCOMPARE(shown->eventAt(1).data, savedFrame(1).data);

    // Live traffic goes on in the main window only.
    const int liveRows = live->rowCount();
    client.send(R"({"action":"register","id":"live-2"})");
    QTRY_VERIFY(live->rowCount() > liveRows);
    QTest::qWait(200);
    QCOMPARE(shown->rowCount(), 3);
    for (int r = 0; r < live->rowCount(); ++r)
        QVERIFY(!live->clientIdAt(r).startsWith("from-file"));

    // A file that is no log: a message naming it; the live log is untouched.
    const QString junk = m_dir.filePath(QStringLiteral("junk.jsonl"));
    {
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json at all\n");
    }
    auto *bad = new LogFileWindow();
    QString error;
    QSignalSpy finished(bad, &LogFileWindow::loadFinished);
    QVERIFY(bad->open(junk, &error));
    QVERIFY(finished.wait(20000));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("junk.jsonl")),
             qPrintable(finished.first().at(1).toString()));
    delete bad;
    QVERIFY(live->rowCount() > liveRows);
}

QTEST_MAIN(TestLogFileWindow)
#include "tst_logfilewindow.moc"

#include "brokercontroller.h"
#include "capturerecorder.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include "recordingclient.h"
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

// The Settings dialog's Capture group (issue 12): it shows the session capture's settings, and
// OK applies them to the running recorder without restarting the broker. Driven through the
// real dialog of a real window, with real clients connected.
namespace {

template <typename T> void whenModal(std::function<void(T *)> act) {
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (auto *widget = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(widget);
        }
    });
    timer->start();
}

} // namespace

class TestCaptureSettings : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fieldsShowCurrentValuesAndFit();
    void newBudgetAppliesLiveAndKeepsClients();
    void offStopsAndKeepsFileOnStartsNewCapture();
    void unwritableFolderSaysWhyAndKeepsSetting();

private:
    std::unique_ptr<RecordingClient> connectClient(const QByteArray &id);
    // Opens Settings, lets `edit` change the dialog, then presses OK (or Cancel).
    void runSettings(const std::function<void(SettingsDialog *)> &edit, bool ok = true);
    void sendMessages(RecordingClient *from, int count);
    BrokerController *controller() const { return m_window->findChild<BrokerController *>(); }
    Inspector *inspector() const { return m_window->findChild<Inspector *>(); }
    void makeWindow();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestCaptureSettings::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

void TestCaptureSettings::makeWindow() {
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Running);
}

void TestCaptureSettings::cleanup() {
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<RecordingClient> TestCaptureSettings::connectClient(const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    client->socket.open(controller()->url());
    [&] { QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState); }();
    client->send("{\"action\":\"register\",\"id\":\"" + id + "\"}");
    [&] { QTRY_VERIFY(client->registered()); }();
    return client;
}

void TestCaptureSettings::sendMessages(RecordingClient *from, int count) {
    for (int i = 0; i < count; ++i)
        from->send("{\"action\":\"send\",\"dest\":\"bob\",\"message\":" + QByteArray::number(i) +
                   "}");
    from->socket.flush();
}

void TestCaptureSettings::runSettings(const std::function<void(SettingsDialog *)> &edit, bool ok) {
    bool shown = false;
    whenModal<SettingsDialog>([&](SettingsDialog *dialog) {
        shown = true;
        edit(dialog);
        dialog->findChild<QDialogButtonBox *>()
            ->button(ok ? QDialogButtonBox::Ok : QDialogButtonBox::Cancel)
            ->click();
    });
    auto *action = m_window->findChild<QAction *>(QStringLiteral("settingsAction"));
    QVERIFY(action);
    action->trigger();
    QVERIFY(shown);
}

void TestCaptureSettings::fieldsShowCurrentValuesAndFit() {
    const QString folder = m_dir->filePath(QStringLiteral("my captures"));
    m_settings->setValue(QStringLiteral("capture/maxMiB"), 512);
    m_settings->setValue(QStringLiteral("capture/maxFrames"), 20000);
    m_settings->setValue(QStringLiteral("capture/folder"), folder);
    makeWindow();
    runSettings(
        [&](SettingsDialog *dialog) {
            QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("captureEnabled"))->isChecked());
            auto *miB = dialog->findChild<QSpinBox *>(QStringLiteral("captureMaxMiB"));
            QCOMPARE(miB->value(), 512);
            QCOMPARE(miB->suffix(), QStringLiteral(" MiB"));
            QCOMPARE(miB->minimum(), 16);
            QCOMPARE(miB->maximum(), 1024 * 1024);
            auto *frames = dialog->findChild<QSpinBox *>(QStringLiteral("captureMaxFrames"));
            QCOMPARE(frames->value(), 20000);
            QCOMPARE(frames->minimum(), 1000);
            QCOMPARE(frames->maximum(), 100000000);
            QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("captureFolder"))->text(),
                     folder);
            QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("captureFolderBrowse")));
            // Fits a 1024x700 screen.
            const QSize hint = dialog->sizeHint();
            QVERIFY2(hint.height() <= 660 && hint.width() <= 1024,
                     qPrintable(QStringLiteral("%1x%2").arg(hint.width()).arg(hint.height())));
            // Out of range says why, as the other fields do.
            frames->setFocus();
            frames->selectAll();
            QTest::keyClicks(frames, QStringLiteral("5"));
            auto *problem = dialog->findChild<QLabel *>(QStringLiteral("settingsProblem"));
            QVERIFY2(problem->text().startsWith(QStringLiteral("Frame budget takes 1,000 to")),
                     qPrintable(problem->text()));
        },
        false);
    // With the default folder, the field is empty and shows where captures go.
    m_settings->remove(QStringLiteral("capture/folder"));
    m_window.reset();
    makeWindow();
    runSettings(
        [&](SettingsDialog *dialog) {
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("captureFolder"));
            QVERIFY(edit->text().isEmpty());
            QCOMPARE(edit->placeholderText(), m_dir->filePath(QStringLiteral("captures")));
            QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("captureMaxMiB"))->value(), 512);
        },
        false);
}

void TestCaptureSettings::newBudgetAppliesLiveAndKeepsClients() {
    makeWindow();
    auto alice = connectClient("alice");
    auto bob = connectClient("bob");
    CaptureRecorder *recorder = inspector()->recorder();
    QVERIFY(recorder);
    sendMessages(alice.get(), 3000);
    QTRY_VERIFY(bob->received.size() >= 3001);
    QVERIFY(recorder->flush());
    QCOMPARE(inspector()->discardedFrames(), quint64(0));

    QSignalSpy states(controller(), &BrokerController::stateChanged);
    runSettings([](SettingsDialog *dialog) {
        dialog->findChild<QSpinBox *>(QStringLiteral("captureMaxFrames"))->setValue(1000);
        dialog->findChild<QSpinBox *>(QStringLiteral("captureMaxMiB"))->setValue(64);
    });
    // The running recorder, not a new one, evicts down to the new budget at its next commit.
    QCOMPARE(inspector()->recorder(), recorder);
    sendMessages(alice.get(), 10);
    QTRY_VERIFY(inspector()->discardedFrames() >= 5000);
    QCOMPARE(m_settings->value(QStringLiteral("capture/maxFrames")).toLongLong(), 1000);
    QCOMPARE(m_settings->value(QStringLiteral("capture/maxMiB")).toLongLong(), 64);
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QTRY_VERIFY2(banner->text().contains(QStringLiteral("(64 MiB, 1,000 frames)")),
                 qPrintable(banner->text()));
    QCOMPARE(states.size(), 0);
    QCOMPARE(alice->disconnects, 0);
    QCOMPARE(bob->disconnects, 0);
    QCOMPARE(controller()->state(), BrokerController::State::Running);
}

void TestCaptureSettings::offStopsAndKeepsFileOnStartsNewCapture() {
    makeWindow();
    auto alice = connectClient("alice");
    auto bob = connectClient("bob");
    QVERIFY(inspector()->recorder());
    const QString first = inspector()->recorder()->path();
    QSignalSpy states(controller(), &BrokerController::stateChanged);

    runSettings([](SettingsDialog *dialog) {
        dialog->findChild<QCheckBox *>(QStringLiteral("captureEnabled"))->setChecked(false);
    });
    QVERIFY(!inspector()->recorder());
    QVERIFY(QFile::exists(first));
    QCOMPARE(m_settings->value(QStringLiteral("capture/enabled")).toBool(), false);
    // Frames still reach the log, kept in memory.
    const int rows = inspector()->log()->rowCount();
    sendMessages(alice.get(), 5);
    QTRY_VERIFY(inspector()->log()->rowCount() >= rows + 10);

    runSettings([](SettingsDialog *dialog) {
        auto *enabled = dialog->findChild<QCheckBox *>(QStringLiteral("captureEnabled"));
        QVERIFY(!enabled->isChecked());
        enabled->setChecked(true);
    });
    QVERIFY(inspector()->recorder());
    const QString second = inspector()->recorder()->path();
    QVERIFY(second != first);
    QVERIFY(QFile::exists(first));
    QCOMPARE(m_settings->value(QStringLiteral("capture/current")).toString(), second);
    sendMessages(alice.get(), 5);
    QTRY_VERIFY(inspector()->log()->rowCount() >= 10);
    QVERIFY(inspector()->recorder()->flush());
    QCOMPARE(inspector()->capturePath(), second);

    QCOMPARE(states.size(), 0);
    QCOMPARE(alice->disconnects, 0);
    QCOMPARE(bob->disconnects, 0);
}

void TestCaptureSettings::unwritableFolderSaysWhyAndKeepsSetting() {
    // Running as root, a read-only folder is writable: a folder under a file never is.
    QFile file(m_dir->filePath(QStringLiteral("plain-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString bad = file.fileName() + QStringLiteral("/captures");
    makeWindow();
    const QString before = m_settings->value(QStringLiteral("capture/folder")).toString();
    runSettings(
        [&](SettingsDialog *dialog) {
            dialog->findChild<QLineEdit *>(QStringLiteral("captureFolder"))->setText(bad);
            auto *problem = dialog->findChild<QLabel *>(QStringLiteral("settingsProblem"));
            QVERIFY2(!problem->isHidden(), qPrintable(problem->text()));
            QVERIFY2(problem->text().contains(bad) && problem->text().contains(file.fileName()),
                     qPrintable(problem->text()));
            auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled());
            ok->click(); // refused: the dialog stays open
            QVERIFY(!dialog->isHidden());
        },
        false);
    QCOMPARE(m_settings->value(QStringLiteral("capture/folder")).toString(), before);
    QVERIFY(inspector()->recorder());

    // What the dialog refuses, the apply refuses too, changing nothing.
    SessionCapture session(m_settings.get());
    SessionCapture::Options options = session.options();
    options.folder = bad;
    options.budget.maxFrames = 5000;
    QString error;
    QVERIFY(!session.apply(options, inspector(), &error));
    QVERIFY2(error.contains(bad), qPrintable(error));
    QCOMPARE(session.options().folder, before);
    QCOMPARE(m_settings->value(QStringLiteral("capture/maxFrames"), 0).toLongLong(), 0);
}

QTEST_MAIN(TestCaptureSettings)
#include "tst_capturesettings.moc"

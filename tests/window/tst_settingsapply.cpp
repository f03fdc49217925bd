#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "framelogmodel.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include "recordingclient.h"
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>

#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <memory>

// OK in the settings dialog applies what changed, and restarts the broker only when a broker
// setting changed, after asking (issue 19, defect 1). Driven through the real dialog, with real
// clients connected.
namespace {

// Runs `act` on the first modal widget of type T once it is shown (the dialogs run exec()).
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

void pressOk(QDialog *dialog) {
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestSettingsApply : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void okWithNothingChangedKeepsClients();
    void displayOptionAppliesLiveAndKeepsClients();
    void brokerSettingAsksAndCancelKeepsClients();
    void brokerSettingRestartsAfterConfirmation();
    void okWhileStoppedDoesNotStart();
    void outOfRangeValueSaysWhy();

private:
    std::unique_ptr<RecordingClient> connectClient(const QByteArray &id);
    // Opens Settings, lets `edit` change the dialog, presses OK.
    void runSettings(const std::function<void(SettingsDialog *)> &edit);
    BrokerController *controller() const { return m_window->findChild<BrokerController *>(); }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingsApply::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Running);
}

void TestSettingsApply::cleanup() {
    m_window.reset();
    m_settings.reset();
}

std::unique_ptr<RecordingClient> TestSettingsApply::connectClient(const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    client->socket.open(controller()->url());
    [&] { QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState); }();
    client->socket.sendTextMessage(
        QString::fromUtf8(R"({"action":"register","id":")" + id + R"("})"));
    [&] { QTRY_VERIFY(client->registered()); }();
    return client;
}

void TestSettingsApply::runSettings(const std::function<void(SettingsDialog *)> &edit) {
    bool shown = false;
    whenModal<SettingsDialog>([&](SettingsDialog *dialog) {
        shown = true;
        edit(dialog);
        pressOk(dialog);
    });
    auto *action = m_window->findChild<QAction *>(QStringLiteral("settingsAction"));
    QVERIFY(action);
    action->trigger();
    QVERIFY(shown);
}

void TestSettingsApply::okWithNothingChangedKeepsClients() {
    auto alice = connectClient("alice");
    auto bob = connectClient("bob");
    QSignalSpy states(controller(), &BrokerController::stateChanged);
    runSettings([](SettingsDialog *) {});
    QTest::qWait(300);
    QCOMPARE(states.size(), 0);
    QCOMPARE(alice->disconnects, 0);
    QCOMPARE(bob->disconnects, 0);
    QCOMPARE(alice->socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(controller()->state(), BrokerController::State::Running);
}

void TestSettingsApply::displayOptionAppliesLiveAndKeepsClients() {
    auto alice = connectClient("alice");
    auto bob = connectClient("bob");
    const QUrl url = controller()->url();
    QSignalSpy states(controller(), &BrokerController::stateChanged);
    runSettings([](SettingsDialog *dialog) {
        dialog->findChild<QSpinBox *>(QStringLiteral("unansweredThreshold"))->setValue(1500);
        dialog->findChild<QSpinBox *>(QStringLiteral("logCapacity"))->setValue(5000);
    });
    QTest::qWait(300);
    QCOMPARE(states.size(), 0);
    QCOMPARE(alice->disconnects, 0);
    QCOMPARE(bob->disconnects, 0);
    QCOMPARE(controller()->url(), url);
    auto *log = m_window->findChild<FrameLogModel *>();
    QCOMPARE(log->capacity(), 5000);
    QCOMPARE(log->unansweredThresholdMs(), 1500);
    // Saved for the next start too.
    QCOMPARE(m_settings->value(QStringLiteral("inspector/unansweredThresholdMs")).toInt(), 1500);
}

void TestSettingsApply::brokerSettingAsksAndCancelKeepsClients() {
    auto alice = connectClient("alice");
    auto bob = connectClient("bob");
    QTRY_COMPARE(m_window->findChild<ConnectionTreeModel *>()->connectionCount(), 2);
    QSignalSpy states(controller(), &BrokerController::stateChanged);
    QString question;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        question = box->informativeText();
        box->button(QMessageBox::Cancel)->click();
    });
    runSettings([](SettingsDialog *dialog) {
        dialog->findChild<QSpinBox *>(QStringLiteral("maxConnections"))->setValue(50);
        dialog->findChild<QSpinBox *>(QStringLiteral("unansweredThreshold"))->setValue(2500);
    });
    QCOMPARE(question, QStringLiteral("Restarting disconnects 2 client(s)."));
    QTest::qWait(300);
    QCOMPARE(states.size(), 0);
    QCOMPARE(alice->disconnects, 0);
    QCOMPARE(bob->disconnects, 0);
    // The broker keeps its settings; the display option still applies.
    QCOMPARE(controller()->settings().maxConnections, BrokerSettings().maxConnections);
    QCOMPARE(m_window->findChild<FrameLogModel *>()->unansweredThresholdMs(), 2500);
    // And the dialog shows the old broker value next time.
    runSettings([](SettingsDialog *dialog) {
        QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("maxConnections"))->value(),
                 BrokerSettings().maxConnections);
    });
}

void TestSettingsApply::brokerSettingRestartsAfterConfirmation() {
    auto alice = connectClient("alice");
    QTRY_COMPARE(m_window->findChild<ConnectionTreeModel *>()->connectionCount(), 1);
    QString question;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        question = box->informativeText();
        box->defaultButton()->click();
    });
    runSettings([](SettingsDialog *dialog) {
        dialog->findChild<QSpinBox *>(QStringLiteral("maxConnections"))->setValue(50);
    });
    QCOMPARE(question, QStringLiteral("Restarting disconnects 1 client(s)."));
    QTRY_COMPARE(alice->disconnects, 1);
    QTRY_COMPARE(controller()->state(), BrokerController::State::Running);
    QCOMPARE(controller()->settings().maxConnections, 50);
}

void TestSettingsApply::okWhileStoppedDoesNotStart() {
    m_window->stopBroker();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Stopped);
    runSettings([](SettingsDialog *dialog) {
        dialog->findChild<QSpinBox *>(QStringLiteral("maxConnections"))->setValue(50);
    });
    QTest::qWait(300);
    QCOMPARE(controller()->state(), BrokerController::State::Stopped);
    // Used at the next start.
    m_window->startBroker();
    QTRY_COMPARE(controller()->state(), BrokerController::State::Running);
    QCOMPARE(controller()->settings().maxConnections, 50);
}

void TestSettingsApply::outOfRangeValueSaysWhy() {
    // A spin box keeps its old value for a number out of its range; the dialog says so.
    SettingsDialog dialog{BrokerSettings(), SettingsDialog::InspectorOptions(),
                          SessionCapture::Options(), QString()};
    dialog.show();
    auto *capacity = dialog.findChild<QSpinBox *>(QStringLiteral("logCapacity"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("settingsProblem"));
    QVERIFY(capacity && problem);
    QVERIFY(!problem->isVisible());
    capacity->setFocus();
    capacity->selectAll();
    QTest::keyClicks(capacity, QStringLiteral("5"));
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), QStringLiteral("Frames kept in the log takes 1,000 to 10,000,000 "
                                             "frames; 5 would be put back to 100,000 frames."));
    QTest::keyClicks(capacity, QStringLiteral("000"));
    QVERIFY(!problem->isVisible());
    QCOMPARE(capacity->value(), 5000);

    auto *message = dialog.findChild<QSpinBox *>(QStringLiteral("maxMessageKiB"));
    message->setFocus();
    message->selectAll();
    QTest::keyClicks(message, QStringLiteral("0"));
    QVERIFY2(problem->text().startsWith(QStringLiteral("Largest message takes 1 to")),
             qPrintable(problem->text()));
}

QTEST_MAIN(TestSettingsApply)
#include "tst_settingsapply.moc"

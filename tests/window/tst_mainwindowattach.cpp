// The window attached to a headless broker in another process (issue 16), offscreen: the real
// wsmsgbroker binary runs with monitor tokens and a real client talks through it; the window
// shows its clients and frames, says in the title and status bar which broker it shows,
// disconnects a client with the control role, shows a banner while the broker is gone and
// reconnects when it is back, and detaches to its own broker again. The Attach dialog keeps
// its recent list.

#include "attachdialog.h"
#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "consolepanel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "mainwindow.h"
#include "remotebroker.h"
#include "tcpproxy.h"
#include "trafficrulemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

#include <signal.h>
#include <sys/types.h>

namespace {

constexpr int TimeoutMs = 20000;

QString frame(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The connection of a client id in the rooms and clients tree, or an invalid index.
QModelIndex findClient(const ConnectionTreeModel *tree, const QString &id,
                       const QModelIndex &parent = {}) {
    for (int r = 0; r < tree->rowCount(parent); ++r) {
        const QModelIndex index = tree->index(r, 0, parent);
        if (index.data(ConnectionTreeModel::ClientIdRole).toString() == id)
            return index;
        if (const QModelIndex found = findClient(tree, id, index); found.isValid())
            return found;
    }
    return {};
}

} // namespace

class TestMainWindowAttach : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void showsTheBrokerElsewhere();
    void slowPathShowsTheBanner();
    void attachDialogRemembers();

private:
    void startBroker(quint16 port);
    QString statusText() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    quint16 m_port = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindowAttach::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English));
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(WSMSGBROKER_BINARY)).isExecutable(), WSMSGBROKER_BINARY);
}

void TestMainWindowAttach::cleanup() {
    m_window.reset();
    m_settings.reset();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    m_process.reset();
}

void TestMainWindowAttach::startBroker(quint16 port) {
    m_out.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    m_process->start(QStringLiteral(WSMSGBROKER_BINARY),
                     {QStringLiteral("--headless"), QStringLiteral("--port"), QString::number(port),
                      QStringLiteral("--monitor-token"), QStringLiteral("read"),
                      QStringLiteral("--monitor-control-token"), QStringLiteral("control")});
    QVERIFY(m_process->waitForStarted(TimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(m_out.contains('\n'), TimeoutMs);
    static const QRegularExpression listening(QStringLiteral("^listening on ws://[^:]+:(\\d+)/"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
    QVERIFY2(match.hasMatch(), m_out.constData());
    m_port = quint16(match.captured(1).toInt());
}

QString TestMainWindowAttach::statusText() const {
    QStringList texts;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('|'));
}

void TestMainWindowAttach::showsTheBrokerElsewhere() {
    startBroker(0);
    if (QTest::currentTestFailed())
        return;
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings own;
    own.port = 0;
    m_window = std::make_unique<MainWindow>(own, m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->startBroker();
    auto *controller = m_window->findChild<BrokerController *>();
    QTRY_COMPARE(controller->state(), BrokerController::State::Running);

    const QString monitorUrl = QStringLiteral("ws://127.0.0.1:%1/.wsmsgbroker/monitor").arg(m_port);
    m_window->attachTo(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)),
                       QStringLiteral("control"));
    RemoteBroker *remote = m_window->remoteBroker();
    QVERIFY(remote);
    QTRY_COMPARE_WITH_TIMEOUT(remote->state(), RemoteBroker::State::Connected, TimeoutMs);
    // One broker at a time: the window's own stopped.
    QTRY_COMPARE(controller->state(), BrokerController::State::Stopped);
    QCOMPARE(m_window->windowTitle(),
             QStringLiteral("WSMsgBroker — attached to %1").arg(monitorUrl));
    QTRY_VERIFY2(statusText().contains(QLatin1String("Attached to")) &&
                     statusText().contains(QLatin1String("(control)")),
                 qPrintable(statusText()));
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QVERIFY(!banner->isVisible());

    // A real client of the broker elsewhere shows up in the tree and the log.
    QWebSocket alice;
    QSignalSpy aliceGot(&alice, &QWebSocket::textMessageReceived);
    alice.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(m_port)));
    QTRY_COMPARE_WITH_TIMEOUT(alice.state(), QAbstractSocket::ConnectedState, TimeoutMs);
    alice.sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("register")},
                                 {QStringLiteral("id"), QStringLiteral("alice")}}));
    alice.sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                 {QStringLiteral("dest"), QStringLiteral("alice")},
                                 {QStringLiteral("message"), QStringLiteral("hello there")}}));
    QTRY_COMPARE_WITH_TIMEOUT(aliceGot.size(), 2, TimeoutMs);
    auto *inspector = m_window->findChild<Inspector *>();
    const ConnectionTreeModel *tree = inspector->connections();
    QTRY_VERIFY_WITH_TIMEOUT(findClient(tree, QStringLiteral("alice")).isValid(), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < inspector->log()->rowCount(); ++r) {
                const BrokerEvent e = inspector->log()->eventAt(r);
                if (e.kind == BrokerEvent::Kind::FrameOut && e.data.contains("hello there"))
                    return true;
            }
            return false;
        }(),
        TimeoutMs);

    // Disconnect in the tree's menu goes to the broker elsewhere (control role).
    QAction *disconnectAction = nullptr;
    for (QAction *action : m_window->connectionActions(findClient(tree, QStringLiteral("alice")))) {
        if (action->objectName() == QLatin1String("disconnectClient"))
            disconnectAction = action;
    }
    QVERIFY(disconnectAction);
    QSignalSpy aliceGone(&alice, &QWebSocket::disconnected);
    disconnectAction->trigger();
    QVERIFY(aliceGone.wait(TimeoutMs));
    QCOMPARE(alice.closeCode(), QWebSocketProtocol::CloseCodeNormal);

    // The Rules dock shows and sets the rules of the broker shown (control role), and does
    // not keep them in this window's settings.
    auto *rulesModel = m_window->findChild<TrafficRuleModel *>();
    QVERIFY(rulesModel);
    QCOMPARE(rulesModel->rowCount(), 0);
    TrafficRule rule;
    rule.name = QStringLiteral("slow-alice");
    rule.effect = TrafficEffect::Delay;
    rule.ms = 10;
    QSignalSpy remoteRules(remote, &RemoteBroker::trafficRulesChanged);
    rulesModel->addRule(rule);
    QTRY_VERIFY_WITH_TIMEOUT(!remoteRules.isEmpty(), TimeoutMs);
    QCOMPARE(remoteRules.constLast().constFirst().value<TrafficRuleList>().size(), 1);
    QCOMPARE(rulesModel->rowCount(), 1);
    QVERIFY(
        !m_settings->value(QStringLiteral("traffic/rules")).toByteArray().contains("slow-alice"));

    // The broker goes away: a banner says so while the window keeps trying.
    m_process->kill();
    QVERIFY(m_process->waitForFinished(TimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(
        banner->isVisible() && banner->text().contains(QLatin1String("reconnecting")), TimeoutMs);
    QVERIFY2(banner->text().contains(monitorUrl), qPrintable(banner->text()));
    QTRY_VERIFY(statusText().contains(QLatin1String("Reconnecting to")));
    // The log is kept meanwhile.
    QVERIFY(inspector->log()->rowCount() > 0);

    // Back on the same port: attached again, the banner gone.
    startBroker(m_port);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(remote->state(), RemoteBroker::State::Connected, TimeoutMs);
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY(statusText().contains(QLatin1String("Attached to")));

    // Detach: the window's own broker again.
    QAction *detachAction = m_window->findChild<QAction *>(QStringLiteral("detachFromBroker"));
    QVERIFY(detachAction && detachAction->isEnabled());
    detachAction->trigger();
    QVERIFY(!m_window->remoteBroker());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("WSMsgBroker"));
    QTRY_COMPARE(controller->state(), BrokerController::State::Running);
    QVERIFY(!detachAction->isEnabled());
    QTRY_COMPARE(m_window->findChild<ConsolePanel *>()->defaultUrl().port(),
                 int(controller->url().port()));
    QCOMPARE(rulesModel->rowCount(), 0); // the window's own rules again
}

// A path to the broker too slow for its traffic: the broker drops batches for this window, and
// the banner for unrecorded frames says so once the path is back.
void TestMainWindowAttach::slowPathShowsTheBanner() {
    startBroker(0);
    if (QTest::currentTestFailed())
        return;
    TcpProxy proxy(QHostAddress::LocalHost, m_port);
    const quint16 proxyPort = proxy.listen();
    QVERIFY(proxyPort != 0);
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("slow.ini")),
                                             QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(BrokerSettings(), m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->attachTo(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(proxyPort)),
                       QStringLiteral("read"));
    RemoteBroker *remote = m_window->remoteBroker();
    QTRY_COMPARE_WITH_TIMEOUT(remote->state(), RemoteBroker::State::Connected, TimeoutMs);
    QTRY_VERIFY(statusText().contains(QLatin1String("(read-only)")));
    QSignalSpy dropped(remote, &RemoteBroker::eventsDropped);

    proxy.setServerPaused(true);
    QWebSocket a;
    QSignalSpy aGot(&a, &QWebSocket::textMessageReceived);
    a.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/big").arg(m_port)));
    QTRY_COMPARE_WITH_TIMEOUT(a.state(), QAbstractSocket::ConnectedState, TimeoutMs);
    a.sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("register")},
                             {QStringLiteral("id"), QStringLiteral("a")}}));
    const QString payload(200 * 1024, QLatin1Char('x'));
    constexpr int Frames = 150;
    for (int i = 0; i < Frames; ++i)
        a.sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                 {QStringLiteral("dest"), QStringLiteral("a")},
                                 {QStringLiteral("message"), payload}}));
    QTRY_COMPARE_WITH_TIMEOUT(aGot.size(), Frames + 1, TimeoutMs);
    proxy.setServerPaused(false);

    QTRY_VERIFY_WITH_TIMEOUT(!dropped.isEmpty(), TimeoutMs);
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() &&
                                 banner->text().contains(QLatin1String("were only counted")),
                             TimeoutMs);
    QVERIFY2(banner->text().contains(QLatin1String("monitor connection")),
             qPrintable(banner->text()));
}

void TestMainWindowAttach::attachDialogRemembers() {
    QSettings settings(m_dir.filePath(QStringLiteral("dialog.ini")), QSettings::IniFormat);
    {
        AttachDialog dialog(&settings);
        dialog.findChild<QComboBox *>(QStringLiteral("attachUrl"))
            ->setEditText(QStringLiteral("ws://a.example:9042"));
        QVERIFY(dialog.url().isValid());
        QCOMPARE(dialog.url().path(), QStringLiteral("/.wsmsgbroker/monitor"));
        dialog.findChild<QLineEdit *>(QStringLiteral("attachToken"))
            ->setText(QStringLiteral("secret-a"));
        dialog.findChild<QCheckBox *>(QStringLiteral("rememberToken"))->setChecked(true);
        dialog.remember();
    }
    {
        AttachDialog dialog(&settings);
        dialog.findChild<QComboBox *>(QStringLiteral("attachUrl"))
            ->setEditText(QStringLiteral("ws://b.example:9042"));
        dialog.findChild<QLineEdit *>(QStringLiteral("attachToken"))
            ->setText(QStringLiteral("secret-b"));
        dialog.remember(); // the token not to be remembered
        // Not a WebSocket URL: no way to attach.
        dialog.findChild<QComboBox *>(QStringLiteral("attachUrl"))
            ->setEditText(QStringLiteral("b.example"));
        QVERIFY(!dialog.url().isValid());
    }
    QCOMPARE(AttachDialog::recentUrls(&settings),
             (QStringList{QStringLiteral("ws://b.example:9042"),
                          QStringLiteral("ws://a.example:9042")}));
    AttachDialog dialog(&settings);
    auto *url = dialog.findChild<QComboBox *>(QStringLiteral("attachUrl"));
    QCOMPARE(url->currentText(), QStringLiteral("ws://b.example:9042"));
    QVERIFY(dialog.token().isEmpty());
    url->setCurrentIndex(1);
    QCOMPARE(dialog.token(), QStringLiteral("secret-a"));
    // Only the chosen tokens are in the settings file.
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("secret-a"));
    QVERIFY(!saved.contains("secret-b"));
}

QTEST_MAIN(TestMainWindowAttach)
#include "tst_mainwindowattach.moc"

#include "broker.h"
#include "brokersettings.h"
#include "brokersnapshot.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "consolepanel.h"
#include "jsoneditor.h"
#include "savedmessagesstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

// The console panel's tabs as a whole and its history (issue 19, console rough edges): reconnect
// every disconnected client and close every tab at once, open new clients in one of the
// broker's rooms, and recall a sent message with where and how it went.
namespace {

constexpr int Timeout = 5000;

bool waitForState(ConsoleClientWidget *widget, ConsoleClient::State state) {
    return QTest::qWaitFor([&] { return widget->client()->state() == state; }, Timeout);
}

ConnectionInfo connectionIn(const QString &room, const QByteArray &id, quint64 number) {
    ConnectionInfo c;
    c.connectionId = number;
    c.room = room;
    c.clientId = id;
    return c;
}

} // namespace

class TestConsolePanel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void reconnectAllAndCloseAll();
    void newClientOffersTheBrokersRooms();
    void historyRecallsDestinationAndMode();

private:
    QUrl roomUrl(const QString &room) const;
    std::unique_ptr<ConsolePanel> makePanel();

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestConsolePanel::init() {
    BrokerSettings settings;
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
}

void TestConsolePanel::cleanup() {
    m_settings.reset();
    m_dir.reset();
    m_broker.reset();
}

QUrl TestConsolePanel::roomUrl(const QString &room) const {
    QUrl url = m_broker->url();
    url.setPath(room);
    return url;
}

std::unique_ptr<ConsolePanel> TestConsolePanel::makePanel() {
    auto panel = std::make_unique<ConsolePanel>(m_settings.get());
    panel->setDefaultUrl(roomUrl(QStringLiteral("/")));
    panel->resize(1000, 600);
    panel->show();
    return panel;
}

void TestConsolePanel::reconnectAllAndCloseAll() {
    auto panel = makePanel();
    QList<ConsoleClientWidget *> clients = panel->addClients(QStringLiteral("c"), 3, u"/all"_s);
    for (ConsoleClientWidget *client : clients)
        QVERIFY(waitForState(client, ConsoleClient::State::Registered));
    clients.at(0)->disconnectClient();
    clients.at(2)->disconnectClient();
    QVERIFY(waitForState(clients.at(0), ConsoleClient::State::Disconnected));
    QVERIFY(waitForState(clients.at(2), ConsoleClient::State::Disconnected));

    auto *reconnectAll = panel->findChild<QAction *>(QStringLiteral("reconnectAll"));
    QVERIFY(reconnectAll);
    QCOMPARE(panel->disconnectedCount(), 2);
    reconnectAll->trigger();
    for (ConsoleClientWidget *client : clients)
        QVERIFY(waitForState(client, ConsoleClient::State::Registered));
    QCOMPARE(panel->disconnectedCount(), 0);

    auto *closeAll = panel->findChild<QAction *>(QStringLiteral("closeAllTabs"));
    QVERIFY(closeAll);
    closeAll->trigger();
    QCOMPARE(panel->clientCount(), 0);
    // The tabs' clients go with them: the broker sees them leave.
    QTRY_COMPARE_WITH_TIMEOUT(m_broker->connectionCount(), 0, Timeout);
}

void TestConsolePanel::newClientOffersTheBrokersRooms() {
    auto panel = makePanel();
    BrokerSnapshot snapshot;
    snapshot.connections = {connectionIn(QStringLiteral("/chat"), "alice", 1),
                            connectionIn(QStringLiteral("/iot"), "sensor", 2),
                            connectionIn(QString(), "root", 3)};
    panel->updateFromSnapshot(snapshot);

    auto *rooms = panel->findChild<QComboBox *>(QStringLiteral("newClientRoom"));
    QVERIFY(rooms);
    QVERIFY(rooms->isEditable());
    QStringList offered;
    for (int i = 0; i < rooms->count(); ++i)
        offered.append(rooms->itemText(i));
    QCOMPARE(offered, (QStringList{u"/"_s, u"/chat"_s, u"/iot"_s}));

    auto *newClient = panel->findChild<QToolButton *>(QStringLiteral("newClientButton"));
    QVERIFY(newClient);
    // Nothing picked: the broker's URL room, as before.
    newClient->click();
    QCOMPARE(panel->currentClientWidget()->room(), u"/"_s);
    rooms->setCurrentIndex(rooms->findText(u"/iot"_s));
    newClient->click();
    QCOMPARE(panel->currentClientWidget()->url(), roomUrl(u"/iot"_s));
    // The last room used stays, also when the broker's rooms change.
    snapshot.connections.removeFirst();
    panel->updateFromSnapshot(snapshot);
    newClient->click();
    QCOMPARE(panel->currentClientWidget()->room(), u"/iot"_s);
    // A room typed that does not exist yet, slash optional.
    rooms->setEditText(u"lab"_s);
    newClient->click();
    QCOMPARE(panel->currentClientWidget()->room(), u"/lab"_s);
}

void TestConsolePanel::historyRecallsDestinationAndMode() {
    auto panel = makePanel();
    ConsoleClientWidget *bob = panel->addClient(roomUrl(u"/h"_s), u"bob"_s, true);
    ConsoleClientWidget *carol = panel->addClient(roomUrl(u"/h"_s), u"carol"_s, true);
    ConsoleClientWidget *alice = panel->addClient(roomUrl(u"/h"_s), u"alice"_s, true);
    for (ConsoleClientWidget *client : {bob, carol, alice})
        QVERIFY(waitForState(client, ConsoleClient::State::Registered));

    alice->setDestinations(u"bob, carol"_s);
    alice->setExpectAnswer(true);
    alice->editor()->setPlainText(u"{\"question\": 1}"_s);
    QVERIFY(alice->sendFromComposer());
    alice->setComposerMode(ConsoleClientWidget::ComposerMode::RawText);
    alice->editor()->setPlainText(u"not json"_s);
    QVERIFY(alice->sendFromComposer());
    const QList<SentMessage> &sent = panel->savedMessages()->sentMessages();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.first().destinations, u"bob, carol"_s);
    QCOMPARE(sent.first().room, u"/h"_s);

    // A draft in progress, then back through the history.
    alice->setComposerMode(ConsoleClientWidget::ComposerMode::Json);
    alice->setDestinations(u"draft-dest"_s);
    alice->setExpectAnswer(false);
    alice->editor()->setPlainText(u"{\"draft\": true}"_s);
    alice->editor()->moveCursor(QTextCursor::Start);
    QTest::keyClick(alice->editor(), Qt::Key_Up);
    QCOMPARE(alice->editor()->toPlainText(), u"not json"_s);
    QCOMPARE(alice->composerMode(), ConsoleClientWidget::ComposerMode::RawText);
    QTest::keyClick(alice->editor(), Qt::Key_Up);
    QCOMPARE(alice->editor()->toPlainText(), u"{\"question\": 1}"_s);
    QCOMPARE(alice->composerMode(), ConsoleClientWidget::ComposerMode::Json);
    QCOMPARE(alice->destinations(), u"bob, carol"_s);
    QVERIFY(alice->expectsAnswer());
    QVERIFY2(alice->recallText().contains(u"bob, carol"_s), qPrintable(alice->recallText()));
    QVERIFY(alice->canSend());

    // Down to the draft: its fields come back.
    QTest::keyClick(alice->editor(), Qt::Key_Down);
    QTest::keyClick(alice->editor(), Qt::Key_Down);
    QCOMPARE(alice->editor()->toPlainText(), u"{\"draft\": true}"_s);
    QCOMPARE(alice->destinations(), u"draft-dest"_s);
    QVERIFY(!alice->expectsAnswer());
    QVERIFY(alice->recallText().isEmpty());

    // Another tab in another room: the recalled send says where it was sent.
    ConsoleClientWidget *elsewhere = panel->addClient(roomUrl(u"/other"_s), u"dan"_s, true);
    QVERIFY(waitForState(elsewhere, ConsoleClient::State::Registered));
    elsewhere->editor()->setFocus();
    QTest::keyClick(elsewhere->editor(), Qt::Key_Up);
    QTest::keyClick(elsewhere->editor(), Qt::Key_Up);
    QCOMPARE(elsewhere->destinations(), u"bob, carol"_s);
    QVERIFY2(elsewhere->recallText().contains(u"/h"_s), qPrintable(elsewhere->recallText()));

    // Settings keep the destination.
    SavedMessagesStore reread(m_settings.get());
    QCOMPARE(reread.sentMessages(), sent);
}

QTEST_MAIN(TestConsolePanel)
#include "tst_consolepanel.moc"

#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "heldframemodel.h"
#include "heldframespanel.h"
#include "jsoneditor.h"
#include "mainwindow.h"
#include "trafficruledialog.h"
#include "trafficrulemodel.h"
#include "trafficrulespanel.h"

#include "recordingclient.h"
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The Rules and Held docks of traffic control (issue 13), offscreen, with a real broker and
// real clients for the tree's entries. Held frames come in through the controller's signal, as
// the broker's thread delivers them.
class TestTrafficDocks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }
    void init();
    void cleanup();
    void addRuleThroughTheEditor();
    void enableCheckboxReachesTheController();
    void treeEntriesAddTheRightRules();
    void heldDockFollowsTheController();
    void invalidEditDisablesRelease();
    void realHoldEditedAndDropped();

private:
    void connectClient(const QString &room, const QByteArray &id);
    QModelIndex clientIndex(const QString &room, const QString &id) const;
    void trigger(const QModelIndex &index, const char *actionName);
    TrafficRuleDialog *openAddDialog();
    TrafficRuleDialog *shownEditor() const;
    HeldFrame heldFrame(quint64 ticket) const;
    template <typename T> T *child(const char *name = nullptr) const {
        return name ? m_window->findChild<T *>(QString::fromLatin1(name))
                    : m_window->findChild<T *>();
    }
    template <typename T> static T *in(QObject *parent, const char *name) {
        T *found = parent->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<RecordingClient>> m_clients;
};

void TestTrafficDocks::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->startBroker();
    QTRY_COMPARE(child<BrokerController>()->state(), BrokerController::State::Running);
}

void TestTrafficDocks::cleanup() {
    m_clients.clear();
    m_window.reset();
    m_settings.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
}

void TestTrafficDocks::connectClient(const QString &room, const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = child<BrokerController>()->url();
    url.setPath(room);
    client->socket.open(url);
    QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState);
    client->send(R"({"action":"register","id":")" + id + R"("})");
    QTRY_VERIFY(client->registered());
    m_clients.push_back(std::move(client));
}

QModelIndex TestTrafficDocks::clientIndex(const QString &room, const QString &id) const {
    const ConnectionTreeModel *tree = child<ConnectionTreeModel>();
    const QModelIndex roomIndex = tree->indexOfRoom(room);
    for (int r = 0; r < tree->rowCount(roomIndex); ++r) {
        const QModelIndex index = tree->index(r, 0, roomIndex);
        if (index.data(ConnectionTreeModel::ClientIdRole).toString() == id)
            return index;
    }
    return {};
}

void TestTrafficDocks::trigger(const QModelIndex &index, const char *actionName) {
    QVERIFY(index.isValid());
    const QList<QAction *> actions = m_window->connectionActions(index);
    const auto found = std::find_if(actions.begin(), actions.end(), [&](QAction *a) {
        return a->objectName() == QLatin1String(actionName);
    });
    QVERIFY2(found != actions.end(), actionName);
    (*found)->trigger();
    qDeleteAll(actions);
}

TrafficRuleDialog *TestTrafficDocks::openAddDialog() {
    auto *panel = child<TrafficRulesPanel>("rulesPanel");
    QTest::mouseClick(in<QPushButton>(panel, "addRule"), Qt::LeftButton);
    return shownEditor();
}

TrafficRuleDialog *TestTrafficDocks::shownEditor() const {
    // A closed editor is deleted later: the shown one is the one to fill.
    const QList<TrafficRuleDialog *> dialogs = m_window->findChildren<TrafficRuleDialog *>();
    const auto shown = std::find_if(dialogs.begin(), dialogs.end(),
                                    [](TrafficRuleDialog *d) { return d->isVisible(); });
    if (shown == dialogs.end())
        qWarning("the rule editor is not shown");
    return shown == dialogs.end() ? nullptr : *shown;
}

HeldFrame TestTrafficDocks::heldFrame(quint64 ticket) const {
    HeldFrame f;
    f.ticket = ticket;
    f.connectionId = 3;
    f.room = QStringLiteral("/r");
    f.senderId = "a";
    f.receiverId = "b";
    f.action = FrameAction::Message;
    f.frame =
        R"({"action":"message","from":"a","message":{"n":)" + QByteArray::number(ticket) + "}}";
    f.rule = QStringLiteral("hold b");
    f.heldAtMs = QDateTime::currentMSecsSinceEpoch();
    return f;
}

void TestTrafficDocks::addRuleThroughTheEditor() {
    TrafficRuleDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *problem = in<QLabel>(dialog, "ruleProblem");
    in<QLineEdit>(dialog, "ruleName")->setText(QStringLiteral("slow-b"));
    in<QLineEdit>(dialog, "ruleRoom")->setText(QStringLiteral("/r"));
    in<QLineEdit>(dialog, "ruleTo")->setText(QStringLiteral("b"));
    auto *action = in<QComboBox>(dialog, "ruleAction");
    action->setCurrentIndex(action->findData(int(FrameAction::Message)));
    auto *effect = in<QComboBox>(dialog, "ruleEffect");
    effect->setCurrentIndex(effect->findData(int(TrafficEffect::Delay)));
    // A delay of nothing is refused, with a reason.
    QVERIFY(!ok->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("0 ms")));
    in<QSpinBox>(dialog, "ruleMs")->setValue(300);
    in<QSpinBox>(dialog, "ruleJitterMs")->setValue(50);
    QVERIFY(ok->isEnabled());
    QVERIFY(problem->isHidden());
    // An invalid regular expression and a bare word as a JSON value are refused too.
    in<QLineEdit>(dialog, "rulePattern")->setText(QStringLiteral("(urgent"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("regular expression")),
             qPrintable(problem->text()));
    in<QLineEdit>(dialog, "rulePattern")->clear();
    in<QLineEdit>(dialog, "ruleEquals")->setText(QStringLiteral("ready"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("JSON path")));
    in<QLineEdit>(dialog, "rulePath")->setText(QStringLiteral("message.state"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("not a JSON value")));
    in<QLineEdit>(dialog, "ruleEquals")->setText(QStringLiteral("\"ready\""));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());

    const TrafficRuleModel *rules = child<TrafficRuleModel>();
    QCOMPARE(rules->rowCount(), 1);
    const TrafficRule &rule = rules->ruleAt(0);
    QCOMPARE(rule.name, QStringLiteral("slow-b"));
    QCOMPARE(rule.match.room, QStringLiteral("/r"));
    QCOMPARE(rule.match.to, QByteArray("b"));
    QCOMPARE(rule.match.action, FrameAction::Message);
    QCOMPARE(rule.match.path, QStringLiteral("message.state"));
    QCOMPARE(rule.match.equals, QJsonValue(QStringLiteral("ready")));
    QCOMPARE(rule.effect, TrafficEffect::Delay);
    QCOMPARE(rule.ms, 300);
    QCOMPARE(rule.jitterMs, 50);
    // What the broker gets, through the controller.
    const TrafficRuleList sent = child<BrokerController>()->trafficRules();
    QCOMPARE(sent.size(), 1);
    QVERIFY(TrafficRuleModel::sameRule(sent.at(0), rule));
    auto *view = child<QTableView>("trafficRules");
    QCOMPARE(view->model()->index(0, TrafficRuleModel::EffectColumn).data().toString(),
             QStringLiteral("delay 300 ms ± 50 ms"));
    QCOMPARE(view->model()->index(0, TrafficRuleModel::MatchColumn).data().toString(),
             QStringLiteral("room /r, to b, message, message.state = \"ready\""));

    // A second rule may not take the first one's name.
    dialog = openAddDialog();
    QVERIFY(dialog);
    ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled()); // a fresh name is proposed
    in<QLineEdit>(dialog, "ruleName")->setText(QStringLiteral("slow-b"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(in<QLabel>(dialog, "ruleProblem")->text().contains(QStringLiteral("slow-b")));
    dialog->reject();
    QCOMPARE(rules->rowCount(), 1);

    // Edit… opens the selected rule and replaces it.
    view->selectRow(0);
    QTest::mouseClick(in<QPushButton>(child<TrafficRulesPanel>("rulesPanel"), "editRule"),
                      Qt::LeftButton);
    dialog = shownEditor();
    QVERIFY(dialog);
    QCOMPARE(in<QLineEdit>(dialog, "ruleEquals")->text(), QStringLiteral("\"ready\""));
    in<QSpinBox>(dialog, "ruleMs")->setValue(100);
    dialog->accept();
    QCOMPARE(rules->rowCount(), 1);
    QCOMPARE(child<BrokerController>()->trafficRules().at(0).ms, 100);
}

void TestTrafficDocks::enableCheckboxReachesTheController() {
    TrafficRuleModel *rules = child<TrafficRuleModel>();
    TrafficRule hold;
    hold.name = QStringLiteral("h");
    rules->addRule(hold);
    QVERIFY(child<BrokerController>()->trafficRules().at(0).enabled);
    child<QDockWidget>("rulesDock")->raise();
    auto *view = child<QTableView>("trafficRules");
    view->setFocus();
    view->setCurrentIndex(rules->index(0, TrafficRuleModel::EnabledColumn));
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!rules->ruleAt(0).enabled);
    QVERIFY(!child<BrokerController>()->trafficRules().at(0).enabled);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(child<BrokerController>()->trafficRules().at(0).enabled);
    // Remove takes the selected rule out of the broker's list too.
    view->selectRow(0);
    QTest::mouseClick(in<QPushButton>(child<TrafficRulesPanel>("rulesPanel"), "removeRule"),
                      Qt::LeftButton);
    QCOMPARE(rules->rowCount(), 0);
    QVERIFY(child<BrokerController>()->trafficRules().isEmpty());
}

void TestTrafficDocks::treeEntriesAddTheRightRules() {
    connectClient(QStringLiteral("/r"), "a");
    connectClient(QStringLiteral("/r"), "b");
    QTRY_VERIFY(clientIndex(QStringLiteral("/r"), QStringLiteral("b")).isValid());
    trigger(clientIndex(QStringLiteral("/r"), QStringLiteral("b")), "holdFramesToClient");
    const TrafficRuleList *sent = &child<BrokerController>()->trafficRules();
    QCOMPARE(sent->size(), 1);
    QCOMPARE(sent->at(0).name, QStringLiteral("hold b"));
    QCOMPARE(sent->at(0).match.room, QStringLiteral("/r"));
    QCOMPARE(sent->at(0).match.to, QByteArray("b"));
    QVERIFY(sent->at(0).match.from.isEmpty());
    QCOMPARE(sent->at(0).effect, TrafficEffect::Hold);
    QVERIFY(sent->at(0).enabled);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("hold b")));
    // Again: a second rule under a name of its own.
    trigger(clientIndex(QStringLiteral("/r"), QStringLiteral("b")), "holdFramesToClient");
    QCOMPARE(child<BrokerController>()->trafficRules().at(1).name, QStringLiteral("hold b 2"));

    // A room has no hold entry, a client no delay entry.
    const QModelIndex room = child<ConnectionTreeModel>()->indexOfRoom(QStringLiteral("/r"));
    const QList<QAction *> roomActions = m_window->connectionActions(room);
    QVERIFY(std::none_of(roomActions.begin(), roomActions.end(), [](QAction *a) {
        return a->objectName() == QLatin1String("holdFramesToClient");
    }));
    qDeleteAll(roomActions);

    trigger(room, "delayRoom");
    auto *ask = child<QInputDialog>("delayRoomDialog");
    QVERIFY(ask);
    QTRY_VERIFY(ask->isVisible());
    QCOMPARE(ask->intValue(), 300);
    ask->setIntValue(250);
    ask->accept();
    const TrafficRuleList rules = child<BrokerController>()->trafficRules();
    QCOMPARE(rules.size(), 3);
    QCOMPARE(rules.at(2).name, QStringLiteral("delay /r"));
    QCOMPARE(rules.at(2).match.room, QStringLiteral("/r"));
    QVERIFY(rules.at(2).match.to.isEmpty());
    QCOMPARE(rules.at(2).effect, TrafficEffect::Delay);
    QCOMPARE(rules.at(2).ms, 250);
    QCOMPARE(child<TrafficRuleModel>()->rowCount(), 3);

    // Cancelled: no rule.
    trigger(room, "delayRoom");
    QTRY_VERIFY(child<QInputDialog>("delayRoomDialog"));
    child<QInputDialog>("delayRoomDialog")->reject();
    QCOMPARE(child<BrokerController>()->trafficRules().size(), 3);
}

void TestTrafficDocks::heldDockFollowsTheController() {
    BrokerController *controller = child<BrokerController>();
    auto *dock = child<QDockWidget>("heldDock");
    auto *details = child<QDockWidget>("detailsDock");
    details->raise();
    QCOMPARE(dock->windowTitle(), QStringLiteral("Held"));
    QTRY_VERIFY(!details->visibleRegion().isEmpty());

    emit controller->frameHeld(heldFrame(11));
    // The first held frame brings the dock up, and shows itself in the editor.
    QCOMPARE(dock->windowTitle(), QStringLiteral("Held (1)"));
    QTRY_VERIFY(!dock->visibleRegion().isEmpty());
    auto *panel = child<HeldFramesPanel>("heldPanel");
    QCOMPARE(panel->currentTicket(), quint64(11));
    QVERIFY(panel->editor()->toPlainText().contains(QStringLiteral("\"n\": 11")));
    auto *view = child<QTableView>("heldFrames");
    QCOMPARE(view->model()->index(0, HeldFrameModel::FromToColumn).data().toString(),
             QStringLiteral("a → b"));

    emit controller->frameHeld(heldFrame(12));
    emit controller->frameHeld(heldFrame(13));
    QCOMPARE(dock->windowTitle(), QStringLiteral("Held (3)"));
    QCOMPARE(panel->currentTicket(), quint64(11)); // the user's frame stays in the editor

    QSignalSpy release(panel, &HeldFramesPanel::releaseRequested);
    QSignalSpy drop(panel, &HeldFramesPanel::dropRequested);
    QSignalSpy all(panel, &HeldFramesPanel::releaseAllRequested);
    QTest::mouseClick(in<QPushButton>(panel, "releaseHeld"), Qt::LeftButton);
    QCOMPARE(release.size(), 1);
    QCOMPARE(release.at(0).at(0).toULongLong(), quint64(11));
    // The row leaves when the broker says so, not on the click.
    QCOMPARE(view->model()->rowCount(), 3);
    emit controller->heldFrameEnded(11, HeldFrame::End::Released, QStringLiteral("held for 1.2 s"));
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Held (2)"));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("held for 1.2 s"));
    QVERIFY(panel->currentTicket() == 12 || panel->currentTicket() == 13);

    view->selectRow(1);
    QCOMPARE(panel->currentTicket(), quint64(13));
    QTest::mouseClick(in<QPushButton>(panel, "dropHeld"), Qt::LeftButton);
    QCOMPARE(drop.size(), 1);
    QCOMPARE(drop.at(0).at(0).toULongLong(), quint64(13));
    QTest::mouseClick(in<QPushButton>(panel, "releaseAllHeld"), Qt::LeftButton);
    QCOMPARE(all.size(), 1);

    // Stopping the broker drops what it held: the list empties.
    m_window->stopBroker();
    QTRY_COMPARE(controller->state(), BrokerController::State::Stopped);
    QCOMPARE(view->model()->rowCount(), 0);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Held"));
    QCOMPARE(panel->currentTicket(), quint64(0));
    QVERIFY(!in<QPushButton>(panel, "releaseAllHeld")->isEnabled());
    QVERIFY(!in<QPushButton>(panel, "releaseHeld")->isEnabled());
}

void TestTrafficDocks::invalidEditDisablesRelease() {
    BrokerController *controller = child<BrokerController>();
    emit controller->frameHeld(heldFrame(21));
    auto *panel = child<HeldFramesPanel>("heldPanel");
    QCOMPARE(panel->currentTicket(), quint64(21));
    auto *release = in<QPushButton>(panel, "releaseHeld");
    auto *releaseEdited = in<QPushButton>(panel, "releaseEdited");
    auto *message = in<QLabel>(panel, "heldFrameMessage");
    QVERIFY(release->isEnabled());
    QVERIFY(!releaseEdited->isEnabled()); // nothing edited yet
    QVERIFY(message->isHidden());

    JsonEditor *editor = panel->editor();
    editor->setPlainText(QStringLiteral("{\"action\": \"message\", \"from\": \"a\", "));
    QVERIFY(!releaseEdited->isEnabled());
    QVERIFY(release->isEnabled());
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().startsWith(QStringLiteral("Not valid JSON")),
             qPrintable(message->text()));
    editor->setPlainText(QStringLiteral("[1, 2]"));
    QVERIFY(!releaseEdited->isEnabled());
    QVERIFY(message->text().contains(QStringLiteral("JSON object")));

    QSignalSpy edited(panel, &HeldFramesPanel::releaseEditedRequested);
    editor->setPlainText(
        QStringLiteral("{\n  \"action\": \"message\",\n  \"from\": \"a\",\n  \"message\": 7\n}"));
    QVERIFY(releaseEdited->isEnabled());
    QVERIFY(message->isHidden());
    QTest::mouseClick(releaseEdited, Qt::LeftButton);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toULongLong(), quint64(21));
    QCOMPARE(edited.at(0).at(1).toByteArray(),
             QByteArray(R"({"action":"message","from":"a","message":7})"));

    // The broker refusing it keeps the frame and says why; the user's text stays.
    emit controller->heldFrameRefused(21, QStringLiteral("the edit is not a protocol frame"));
    QCOMPARE(child<HeldFrameModel>()->rowCount(), 1);
    QVERIFY(message->text().contains(QStringLiteral("the edit is not a protocol frame")));
    QVERIFY(editor->toPlainText().contains(QStringLiteral("\"message\": 7")));
    emit controller->heldFrameEnded(21, HeldFrame::End::Edited, {});
    QCOMPARE(child<HeldFrameModel>()->rowCount(), 0);
    QVERIFY(editor->toPlainText().isEmpty());
    QVERIFY(editor->isReadOnly());
    QVERIFY(!releaseEdited->isEnabled());
}

// End to end once the broker holds frames: the tree's hold entry, a frame from a to b held,
// edited and released, the next one dropped.
void TestTrafficDocks::realHoldEditedAndDropped() {
    BrokerController *controller = child<BrokerController>();
    QSignalSpy applied(controller, &BrokerController::trafficRulesChanged);
    connectClient(QStringLiteral("/r"), "a");
    connectClient(QStringLiteral("/r"), "b");
    QTRY_VERIFY(clientIndex(QStringLiteral("/r"), QStringLiteral("b")).isValid());
    trigger(clientIndex(QStringLiteral("/r"), QStringLiteral("b")), "holdFramesToClient");
    QTRY_VERIFY(!applied.isEmpty());
    RecordingClient &a = *m_clients.at(0);
    RecordingClient &b = *m_clients.at(1);
    const auto messages = [&b] {
        QList<int> list;
        for (const QJsonObject &o : b.received)
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("message"))
                list << o.value(QStringLiteral("message"))
                            .toObject()
                            .value(QStringLiteral("n"))
                            .toInt();
        return list;
    };

    a.send(R"({"action":"send","dest":"b","message":{"n":1}})");
    auto *held = child<HeldFrameModel>();
    QTRY_COMPARE(held->rowCount(), 1);
    QCOMPARE(child<QDockWidget>("heldDock")->windowTitle(), QStringLiteral("Held (1)"));
    QCOMPARE(held->frameAt(0).receiverId, QByteArray("b"));
    QVERIFY(messages().isEmpty());
    auto *panel = child<HeldFramesPanel>("heldPanel");
    QString text = panel->editor()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("\"n\": 1")));
    panel->editor()->setPlainText(
        text.replace(QStringLiteral("\"n\": 1"), QStringLiteral("\"n\": 2")));
    QTest::mouseClick(in<QPushButton>(panel, "releaseEdited"), Qt::LeftButton);
    QTRY_COMPARE(messages(), QList<int>{2});
    QTRY_COMPARE(held->rowCount(), 0);
    QCOMPARE(child<QDockWidget>("heldDock")->windowTitle(), QStringLiteral("Held"));

    a.send(R"({"action":"send","dest":"b","message":{"n":3}})");
    QTRY_COMPARE(held->rowCount(), 1);
    panel->editor()->setPlainText(QStringLiteral("[1]"));
    QVERIFY(!in<QPushButton>(panel, "releaseEdited")->isEnabled());
    QTest::mouseClick(in<QPushButton>(panel, "dropHeld"), Qt::LeftButton);
    QTRY_COMPARE(held->rowCount(), 0);
    QTest::qWait(100);
    QCOMPARE(messages(), QList<int>{2});
}

QTEST_MAIN(TestTrafficDocks)
#include "tst_trafficdocks.moc"

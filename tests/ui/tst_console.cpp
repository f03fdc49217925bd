#include "broker.h"
#include "brokersettings.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "consoleconversationmodel.h"
#include "consolejson.h"
#include "consolepanel.h"
#include "jsoneditor.h"
#include "savedmessagesstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCompleter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

using Kind = ConsoleConversationEntry::Kind;
using Mode = ConsoleClientWidget::ComposerMode;

namespace {

constexpr int Timeout = 5000;

// The newest conversation row of a kind, or -1.
int lastRowOf(const ConsoleConversationModel *model, Kind kind) {
    for (int row = model->count() - 1; row >= 0; --row) {
        if (model->entry(row).kind == kind)
            return row;
    }
    return -1;
}

QPushButton *button(QWidget *widget, const char *name) {
    auto *found = widget->findChild<QPushButton *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

} // namespace

class TestConsole : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void jsonCheck_data();
    void jsonCheck();
    void beautifyAndCompactKeepOrder();
    void parseHelpers();
    void conversationModelIsBounded();

    void twoClientsExchangeMessagesAndAnswer();
    void multipleDestinations();
    void invalidJsonDisablesSendAndNamesPosition();
    void rawModeShowsBrokerError();
    void rawBinaryFrame();
    void autoAnswerAnswersPlainClient();
    void unregisterAndRegisterAgain();
    void savedMessagesSurviveRecreatingPanel();
    void historyNavigationInEditor();
    void addNClientsRegistersIds();
    void openClientToPrefillsDestination();
    void knownClientsCompleteDestinations();
    void defaultUrlFollowsBroker();
    void refusedConnectionShowsError();

private:
    std::unique_ptr<ConsolePanel> makePanel();
    ConsoleClientWidget *connectedClient(ConsolePanel *panel, const QString &room,
                                         const QString &id);
    QUrl roomUrl(const QString &room) const;

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestConsole::init() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
}

void TestConsole::cleanup() {
    m_testers.clear();
    m_settings.reset();
    m_dir.reset();
    m_broker.reset();
}

QUrl TestConsole::roomUrl(const QString &room) const {
    QUrl url = m_broker->url();
    url.setPath(room);
    return url;
}

std::unique_ptr<ConsolePanel> TestConsole::makePanel() {
    auto panel = std::make_unique<ConsolePanel>(m_settings.get());
    panel->setDefaultUrl(roomUrl(QStringLiteral("/test")));
    panel->resize(900, 600);
    // Shown, so that layouts give the buttons their real geometry for mouse clicks.
    panel->show();
    return panel;
}

ConsoleClientWidget *TestConsole::connectedClient(ConsolePanel *panel, const QString &room,
                                                  const QString &id) {
    ConsoleClientWidget *widget = panel->addClient(roomUrl(room), id);
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        widget->client()->conversation(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    widget->connectClient();
    if (!QTest::qWaitFor(
            [&] { return widget->client()->state() == ConsoleClient::State::Registered; }, Timeout))
        return nullptr;
    return widget;
}

void TestConsole::jsonCheck_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("object") << QStringLiteral("{\"a\": [1, 2, {\"b\": null}]}") << true << 0 << 0;
    QTest::newRow("string") << QStringLiteral("  \"Hi there\"\n") << true << 0 << 0;
    QTest::newRow("number") << QStringLiteral("-12.5e3") << true << 0 << 0;
    QTest::newRow("literal") << QStringLiteral("false") << true << 0 << 0;
    QTest::newRow("unicode") << QStringLiteral("{\"ü\": \"€ 😀\"}") << true << 0 << 0;
    QTest::newRow("empty") << QStringLiteral("  \n ") << false << 1 << 1;
    // The first error: the '}' where a value should be, line 2, column 8.
    QTest::newRow("missing value") << QStringLiteral("{\"a\": 1,\n  \"b\": }") << false << 2 << 8;
    QTest::newRow("trailing comma") << QStringLiteral("[1,\n 2,\n]") << false << 3 << 1;
    QTest::newRow("two values") << QStringLiteral("1, 2") << false << 1 << 2;
    QTest::newRow("garbage after") << QStringLiteral("{}\n  x") << false << 2 << 3;
    // Where the literal goes wrong: the ']' where 'e' should be.
    QTest::newRow("bad literal") << QStringLiteral("[tru]") << false << 1 << 5;
    QTest::newRow("unterminated") << QStringLiteral("{\"a\": 1") << false << 1 << 8;
    // Columns count characters, not UTF-8 bytes.
    QTest::newRow("after multibyte") << QStringLiteral("[\"äöü\", ]") << false << 1 << 9;
}

void TestConsole::jsonCheck() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, line);
    QFETCH(int, column);

    const ConsoleJson::Check check = ConsoleJson::check(text);
    QCOMPARE(check.valid, valid);
    if (!valid) {
        QVERIFY(!check.error.isEmpty());
        QCOMPARE(check.line, line);
        QCOMPARE(check.column, column);
    }
}

void TestConsole::beautifyAndCompactKeepOrder() {
    const QString text = QStringLiteral("{\"z\": 1, \"a\": [ 10000000000000000001, \"x y\" ], "
                                        "\"m\": {}}");
    const QString compact = ConsoleJson::compacted(text);
    QCOMPARE(compact, QStringLiteral("{\"z\":1,\"a\":[10000000000000000001,\"x y\"],\"m\":{}}"));
    const QString pretty = ConsoleJson::beautified(compact);
    QCOMPARE(pretty, QStringLiteral("{\n  \"z\": 1,\n  \"a\": [\n    10000000000000000001,\n"
                                    "    \"x y\"\n  ],\n  \"m\": {}\n}"));
    QCOMPARE(ConsoleJson::compacted(pretty), compact);

    JsonEditor editor;
    editor.setPlainText(compact);
    editor.beautify();
    QCOMPARE(editor.toPlainText(), pretty);
    editor.compact();
    QCOMPARE(editor.toPlainText(), compact);
    // Invalid text is left alone.
    editor.setPlainText(QStringLiteral("{\"a\": "));
    editor.beautify();
    QCOMPARE(editor.toPlainText(), QStringLiteral("{\"a\": "));
}

void TestConsole::parseHelpers() {
    QCOMPARE(ConsoleClient::parseDestinations(QStringLiteral(" a, b ,,a,c ")),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(ConsoleClient::parseHex(QStringLiteral("7b 22:61-22 7D")).value_or("?"),
             QByteArray("{\"a\"}"));
    QCOMPARE(ConsoleClient::parseHex(QStringLiteral("0xff00")).value_or("?"),
             QByteArray("\xff\x00", 2));
    QVERIFY(!ConsoleClient::parseHex(QStringLiteral("7g")).has_value());
    QVERIFY(!ConsoleClient::parseHex(QStringLiteral("abc")).has_value());
    const QString ack = ConsoleClient::newAck();
    QCOMPARE(ack.size(), 20);
    QVERIFY(ack != ConsoleClient::newAck());
}

void TestConsole::conversationModelIsBounded() {
    ConsoleConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(3);
    for (int i = 1; i <= 5; ++i) {
        ConsoleConversationEntry entry;
        entry.kind = Kind::Sent;
        entry.ack = QString::number(i);
        entry.text = QString::number(i);
        model.append(entry);
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).text, QStringLiteral("3"));
    QCOMPARE(model.index(2, ConsoleConversationModel::AnswerColumn).data().toString(),
             QStringLiteral("waiting for an answer"));
    QCOMPARE(model.markAnswered(Kind::Sent, QStringLiteral("5"), 1500), 2);
    QCOMPARE(model.index(2, ConsoleConversationModel::AnswerColumn).data().toString(),
             QStringLiteral("answered in 1.50 ms"));
    QCOMPARE(model.markAnswered(Kind::Sent, QStringLiteral("1"), 10), -1); // gone
    model.setCapacity(1);
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestConsole::twoClientsExchangeMessagesAndAnswer() {
    auto panel = makePanel();
    ConsoleClientWidget *alice =
        connectedClient(panel.get(), QStringLiteral("/chat"), QStringLiteral("alice"));
    ConsoleClientWidget *bob =
        connectedClient(panel.get(), QStringLiteral("/chat"), QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QCOMPARE(bob->client()->registeredId(), QStringLiteral("bob"));

    // alice asks bob, sending with Ctrl+Enter in the editor.
    panel->openClientTo(QStringLiteral("/chat"), QStringLiteral("bob"));
    QCOMPARE(panel->currentClientWidget(), bob); // the current tab is in that room
    panel->setCurrentClientWidget(alice);
    alice->setDestinations(QStringLiteral("bob"));
    alice->setExpectAnswer(true);
    const QString question = QStringLiteral("{\"z\": 1, \"question\": \"ping?\"}");
    alice->editor()->setPlainText(question);
    QVERIFY(alice->canSend());
    QTest::keyClick(alice->editor(), Qt::Key_Return, Qt::ControlModifier);

    const ConsoleConversationModel *aliceLog = alice->client()->conversation();
    const int sentRow = lastRowOf(aliceLog, Kind::Sent);
    QVERIFY(sentRow >= 0);
    const QString ack = aliceLog->entry(sentRow).ack;
    QCOMPARE(ack.size(), 20);
    QCOMPARE(aliceLog->entry(sentRow).peer, QStringLiteral("bob"));
    QCOMPARE(alice->client()->pendingAskCount(), 1);

    // bob sees the message with its sender and ack, selects it and answers.
    const ConsoleConversationModel *bobLog = bob->client()->conversation();
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(bobLog, Kind::Received) >= 0, Timeout);
    const int receivedRow = lastRowOf(bobLog, Kind::Received);
    const ConsoleConversationEntry received = bobLog->entry(receivedRow);
    QCOMPARE(received.peer, QStringLiteral("alice"));
    QCOMPARE(received.ack, ack);
    QCOMPARE(QJsonDocument::fromJson(received.text.toUtf8()),
             QJsonDocument::fromJson(question.toUtf8()));
    QVERIFY(bobLog->index(receivedRow, 0).data(ConsoleConversationModel::CanAnswerRole).toBool());

    QPushButton *answerButton = button(bob, "answerButton");
    bob->editor()->setPlainText(QStringLiteral("\"pong\""));
    QVERIFY(!answerButton->isEnabled()); // nothing selected yet
    bob->selectConversationRow(receivedRow);
    QVERIFY(answerButton->isEnabled());
    QTest::mouseClick(answerButton, Qt::LeftButton);
    QVERIFY(bobLog->entry(receivedRow).answered);
    QCOMPARE(bobLog->entry(lastRowOf(bobLog, Kind::AnswerSent)).ack, ack);
    QVERIFY(!answerButton->isEnabled());

    // alice gets the answer with its round-trip time, and her send is marked answered.
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(aliceLog, Kind::AnswerReceived) >= 0, Timeout);
    const int answerRow = lastRowOf(aliceLog, Kind::AnswerReceived);
    const ConsoleConversationEntry answer = aliceLog->entry(answerRow);
    QCOMPARE(answer.peer, QStringLiteral("bob"));
    QCOMPARE(answer.ack, ack);
    QCOMPARE(answer.text, QStringLiteral("\"pong\""));
    QVERIFY(answer.roundTripUs > 0);
    QVERIFY(answer.roundTripUs < Timeout * 1000);
    const QString rttText =
        aliceLog->index(answerRow, ConsoleConversationModel::AnswerColumn).data().toString();
    QVERIFY2(rttText.endsWith(QStringLiteral(" ms")), qPrintable(rttText));
    QVERIFY(aliceLog->entry(sentRow).answered);
    QCOMPARE(aliceLog->entry(sentRow).roundTripUs, answer.roundTripUs);
    QCOMPARE(alice->client()->pendingAskCount(), 0);

    // A plain message (no ack) back from bob: no answer expected.
    bob->setDestinations(QStringLiteral("alice"));
    bob->setExpectAnswer(false);
    bob->editor()->setPlainText(QStringLiteral("[1, 2, 3]"));
    QTest::mouseClick(button(bob, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(aliceLog->entry(aliceLog->count() - 1).kind, Kind::Received, Timeout);
    QCOMPARE(aliceLog->entry(aliceLog->count() - 1).text, QStringLiteral("[1,2,3]"));
    QVERIFY(aliceLog->entry(aliceLog->count() - 1).ack.isEmpty());
}

void TestConsole::multipleDestinations() {
    auto panel = makePanel();
    ConsoleClientWidget *a =
        connectedClient(panel.get(), QStringLiteral("/m"), QStringLiteral("a"));
    ConsoleClientWidget *b =
        connectedClient(panel.get(), QStringLiteral("/m"), QStringLiteral("b"));
    ConsoleClientWidget *c =
        connectedClient(panel.get(), QStringLiteral("/m"), QStringLiteral("c"));
    QVERIFY(a && b && c);
    a->setDestinations(QStringLiteral("b, c"));
    a->editor()->setPlainText(QStringLiteral("42"));
    // Ctrl+Enter from the destination field sends too.
    panel->setCurrentClientWidget(a);
    auto *dest = a->findChild<QLineEdit *>(QStringLiteral("destinationEdit"));
    QVERIFY(dest);
    panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    dest->setFocus();
    QTest::keyClick(dest, Qt::Key_Enter, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(b->client()->conversation(), Kind::Received) >= 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(c->client()->conversation(), Kind::Received) >= 0, Timeout);
    const ConsoleConversationModel *log = a->client()->conversation();
    QCOMPARE(log->entry(lastRowOf(log, Kind::Sent)).peer, QStringLiteral("b, c"));
}

void TestConsole::invalidJsonDisablesSendAndNamesPosition() {
    auto panel = makePanel();
    ConsoleClientWidget *client =
        connectedClient(panel.get(), QStringLiteral("/test"), QStringLiteral("writer"));
    QVERIFY(client);
    QPushButton *send = button(client, "sendButton");
    client->setDestinations(QStringLiteral("someone"));
    client->editor()->setPlainText(QStringLiteral("{\"ok\": true}"));
    QVERIFY(send->isEnabled());
    QVERIFY(client->problemText().isEmpty());

    QSignalSpy validity(client->editor(), &JsonEditor::validityChanged);
    client->editor()->setPlainText(QStringLiteral("{\"a\": 1,\n  \"b\": }"));
    QCOMPARE(validity.count(), 1);
    QVERIFY(!client->editor()->isValid());
    QVERIFY(!send->isEnabled());
    QVERIFY(!button(client, "beautifyButton")->isEnabled());
    QVERIFY2(client->problemText().startsWith(QStringLiteral("Line 2, column 8:")),
             qPrintable(client->problemText()));
    // Ctrl+Enter does nothing either.
    const int rows = client->client()->conversation()->count();
    QTest::keyClick(client->editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(client->client()->conversation()->count(), rows);

    // Fixing it enables Send again; no destination disables it.
    client->editor()->setPlainText(QStringLiteral("{\"a\": 1,\n  \"b\": 2}"));
    QVERIFY(send->isEnabled());
    QVERIFY(client->problemText().isEmpty());
    client->setDestinations(QStringLiteral(" , "));
    QVERIFY(!send->isEnabled());
    // Disconnected: disabled.
    client->setDestinations(QStringLiteral("someone"));
    client->disconnectClient();
    QTRY_COMPARE_WITH_TIMEOUT(client->client()->state(), ConsoleClient::State::Disconnected,
                              Timeout);
    QVERIFY(!send->isEnabled());
}

void TestConsole::rawModeShowsBrokerError() {
    auto panel = makePanel();
    ConsoleClientWidget *client =
        connectedClient(panel.get(), QStringLiteral("/raw"), QStringLiteral("prober"));
    QVERIFY(client);
    client->setComposerMode(Mode::RawText);
    QVERIFY(!client->editor()->isValidationEnabled());
    const QString malformed = QStringLiteral("{\"action\": \"send\", \"dest\": ");
    client->editor()->setPlainText(malformed);
    QVERIFY(client->canSend()); // raw text goes as typed
    QTest::mouseClick(button(client, "sendButton"), Qt::LeftButton);

    const ConsoleConversationModel *log = client->client()->conversation();
    QCOMPARE(log->entry(lastRowOf(log, Kind::RawSent)).text, malformed);
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(log, Kind::Error) >= 0, Timeout);
    const QString error = log->entry(lastRowOf(log, Kind::Error)).text;
    QVERIFY2(error.startsWith(QStringLiteral("invalid-json: ")), qPrintable(error));
    // The broker keeps the connection open.
    QCOMPARE(client->client()->state(), ConsoleClient::State::Registered);

    // A valid object with an unknown action.
    client->editor()->setPlainText(QStringLiteral("{\"action\":\"dance\"}"));
    QVERIFY(client->sendFromComposer());
    QTRY_VERIFY_WITH_TIMEOUT(
        log->entry(log->count() - 1).text.startsWith(QStringLiteral("unknown-action: ")), Timeout);
}

void TestConsole::rawBinaryFrame() {
    auto panel = makePanel();
    ConsoleClientWidget *client =
        connectedClient(panel.get(), QStringLiteral("/raw"), QStringLiteral("binary"));
    QVERIFY(client);
    client->setComposerMode(Mode::RawBinaryHex);
    client->editor()->setPlainText(QStringLiteral("7b 7d 0"));
    QVERIFY(!client->canSend());
    QVERIFY(!client->problemText().isEmpty());
    client->editor()->setPlainText(QStringLiteral("7b 7d"));
    QVERIFY(client->canSend());
    QVERIFY(client->sendFromComposer());
    const ConsoleConversationModel *log = client->client()->conversation();
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(log, Kind::Error) >= 0, Timeout);
    const QString error = log->entry(lastRowOf(log, Kind::Error)).text;
    QVERIFY2(error.startsWith(QStringLiteral("binary-not-supported: ")), qPrintable(error));
}

void TestConsole::autoAnswerAnswersPlainClient() {
    auto panel = makePanel();
    ConsoleClientWidget *responder =
        connectedClient(panel.get(), QStringLiteral("/auto"), QStringLiteral("responder"));
    QVERIFY(responder);
    auto *mode = responder->findChild<QComboBox *>(QStringLiteral("autoAnswerCombo"));
    QVERIFY(mode);
    mode->setCurrentIndex(mode->findData(int(ConsoleClient::AutoAnswer::Echo)));
    QCOMPARE(responder->client()->autoAnswer(), ConsoleClient::AutoAnswer::Echo);

    QWebSocket plain;
    QSignalSpy frames(&plain, &QWebSocket::textMessageReceived);
    plain.open(roomUrl(QStringLiteral("/auto")));
    QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::ConnectedState, Timeout);
    plain.sendTextMessage(QStringLiteral(R"({"action":"register","id":"asker"})"));
    QTRY_COMPARE_WITH_TIMEOUT(frames.count(), 1, Timeout);
    QCOMPARE(frames.takeFirst().at(0).toString(),
             QStringLiteral(R"({"action":"registered","id":"asker"})"));

    const auto answerTo = [&](const QString &ack) -> QJsonObject {
        plain.sendTextMessage(QStringLiteral(R"({"action":"send","dest":"responder",)"
                                             R"("message":{"n":[1,"two"]},"ack":"%1"})")
                                  .arg(ack));
        if (!QTest::qWaitFor([&] { return !frames.isEmpty(); }, Timeout))
            return {};
        return QJsonDocument::fromJson(frames.takeFirst().at(0).toString().toUtf8()).object();
    };

    QJsonObject answer = answerTo(QStringLiteral("ack-1"));
    QCOMPARE(answer.value(u"action").toString(), QStringLiteral("answer"));
    QCOMPARE(answer.value(u"ack").toString(), QStringLiteral("ack-1"));
    QCOMPARE(answer.value(u"from").toString(), QStringLiteral("responder"));
    QCOMPARE(QJsonDocument::fromJson(R"({"n":[1,"two"]})").object(),
             answer.value(u"message").toObject());
    const ConsoleConversationModel *log = responder->client()->conversation();
    const int answered = lastRowOf(log, Kind::AnswerSent);
    QVERIFY(answered >= 0);
    QVERIFY(log->entry(answered).autoAnswered);
    QVERIFY(log->entry(lastRowOf(log, Kind::Received)).answered);

    // A fixed value instead; an invalid one answers nothing.
    auto *value = responder->findChild<QLineEdit *>(QStringLiteral("autoAnswerValueEdit"));
    QVERIFY(value);
    mode->setCurrentIndex(mode->findData(int(ConsoleClient::AutoAnswer::FixedValue)));
    value->setText(QStringLiteral("{\"fixed\": true}"));
    answer = answerTo(QStringLiteral("ack-2"));
    QCOMPARE(answer.value(u"ack").toString(), QStringLiteral("ack-2"));
    QCOMPARE(answer.value(u"message").toObject().value(u"fixed").toBool(), true);

    value->setText(QStringLiteral("{\"fixed\": "));
    QCOMPARE(responder->client()->autoAnswer(), ConsoleClient::AutoAnswer::Off);
    mode->setCurrentIndex(mode->findData(int(ConsoleClient::AutoAnswer::Off)));
    plain.sendTextMessage(QStringLiteral(
        R"({"action":"send","dest":"responder","message":"no auto","ack":"ack-3"})"));
    QTRY_VERIFY_WITH_TIMEOUT(log->entry(log->count() - 1).ack == QStringLiteral("ack-3"), Timeout);
    QTest::qWait(100);
    QVERIFY(frames.isEmpty());
    QVERIFY(!log->entry(log->count() - 1).answered);
}

void TestConsole::unregisterAndRegisterAgain() {
    auto panel = makePanel();
    ConsoleClientWidget *client =
        connectedClient(panel.get(), QStringLiteral("/reg"), QStringLiteral("someone"));
    QVERIFY(client);
    QPushButton *reg = button(client, "registerButton");
    QCOMPARE(reg->text(), QStringLiteral("Unregister"));
    QTest::mouseClick(reg, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client->client()->state(), ConsoleClient::State::Connected, Timeout);
    QCOMPARE(reg->text(), QStringLiteral("Register"));
    QVERIFY(client->client()->registeredId().isEmpty());
    QTest::mouseClick(reg, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client->client()->state(), ConsoleClient::State::Registered, Timeout);

    // Another connection taking the id over shows as unregistered, not asked for.
    ConsoleClientWidget *thief =
        connectedClient(panel.get(), QStringLiteral("/reg"), QStringLiteral("someone"));
    QVERIFY(thief);
    QTRY_COMPARE_WITH_TIMEOUT(client->client()->state(), ConsoleClient::State::Connected, Timeout);
    const ConsoleConversationModel *log = client->client()->conversation();
    QVERIFY(log->entry(lastRowOf(log, Kind::Unregistered)).text.contains(u"taken over"));

    // Reconnect on demand: a fresh connection registers again.
    client->setClientId(QStringLiteral("someone-else"));
    QTest::mouseClick(button(client, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(client->client()->registeredId(), QStringLiteral("someone-else"),
                              Timeout);
    QVERIFY(lastRowOf(log, Kind::Disconnected) >= 0);
}

void TestConsole::savedMessagesSurviveRecreatingPanel() {
    const QString path = m_dir->filePath(QStringLiteral("saved.ini"));
    const QString greeting = QStringLiteral("{\"hello\": \"world\", \"list\": [1, 2]}");
    {
        QSettings settings(path, QSettings::IniFormat);
        ConsolePanel panel(&settings);
        panel.setDefaultUrl(roomUrl(QStringLiteral("/saved")));
        ConsoleClientWidget *first = panel.addClient();
        ConsoleClientWidget *second = panel.addClient();
        panel.savedMessages()->saveMessage(QStringLiteral("greeting"), greeting);
        panel.savedMessages()->saveMessage(QStringLiteral("a/b = c"), QStringLiteral("null"));
        panel.savedMessages()->addToHistory(QStringLiteral("1"));
        panel.savedMessages()->addToHistory(QStringLiteral("\"two\""));
        // Shared by all tabs.
        QCOMPARE(first->editor()->history(), second->editor()->history());
        QCOMPARE(second->editor()->history().size(), 2);
    }
    QSettings settings(path, QSettings::IniFormat);
    ConsolePanel panel(&settings);
    SavedMessagesStore *store = panel.savedMessages();
    QCOMPARE(store->savedNames(),
             (QStringList{QStringLiteral("a/b = c"), QStringLiteral("greeting")}));
    QCOMPARE(store->savedMessage(QStringLiteral("greeting")), greeting);
    QCOMPARE(store->history(), (QStringList{QStringLiteral("1"), QStringLiteral("\"two\"")}));
    QVERIFY(store->removeSavedMessage(QStringLiteral("a/b = c")));

    // The history a message sent through a tab leaves.
    ConsoleClientWidget *client =
        connectedClient(&panel, QStringLiteral("/saved"), QStringLiteral("historian"));
    QVERIFY(client);
    client->setDestinations(QStringLiteral("nobody"));
    client->editor()->setPlainText(QStringLiteral("{\"sent\": 3}"));
    QVERIFY(client->sendFromComposer());
    QCOMPARE(store->history().constLast(), QStringLiteral("{\"sent\": 3}"));

    QSettings reread(path, QSettings::IniFormat);
    SavedMessagesStore again(&reread);
    QCOMPARE(again.savedNames(), QStringList{QStringLiteral("greeting")});
    QCOMPARE(again.history().constLast(), QStringLiteral("{\"sent\": 3}"));
}

void TestConsole::historyNavigationInEditor() {
    JsonEditor editor;
    editor.setHistory({QStringLiteral("1"), QStringLiteral("[\n  2\n]")});
    editor.setPlainText(QStringLiteral("draft"));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Up);
    QCOMPARE(editor.toPlainText(), QStringLiteral("[\n  2\n]"));
    // The cursor is at the end, on the last line: Up moves within the text first.
    QTest::keyClick(&editor, Qt::Key_Up);
    QTest::keyClick(&editor, Qt::Key_Up);
    QCOMPARE(editor.toPlainText(), QStringLiteral("[\n  2\n]"));
    QTest::keyClick(&editor, Qt::Key_Up);
    QCOMPARE(editor.toPlainText(), QStringLiteral("1"));
    QVERIFY(!editor.historyBack()); // the oldest
    QTest::keyClick(&editor, Qt::Key_Down);
    QCOMPARE(editor.toPlainText(), QStringLiteral("[\n  2\n]"));
    QTest::keyClick(&editor, Qt::Key_Down);
    QCOMPARE(editor.toPlainText(), QStringLiteral("draft"));
    QVERIFY(!editor.historyForward());
}

void TestConsole::addNClientsRegistersIds() {
    auto panel = makePanel();
    const QList<ConsoleClientWidget *> added =
        panel->addClients(QStringLiteral("load"), 4, QStringLiteral("many"));
    QCOMPARE(added.size(), 4);
    QCOMPARE(panel->clientCount(), 4);
    const auto registeredIds = [&] {
        QStringList ids;
        for (const ConnectionInfo &connection : m_broker->snapshot().connections) {
            if (connection.room == u"/many")
                ids.append(QString::fromUtf8(connection.clientId));
        }
        ids.sort();
        return ids;
    };
    const QStringList expected{QStringLiteral("load-1"), QStringLiteral("load-2"),
                               QStringLiteral("load-3"), QStringLiteral("load-4")};
    QTRY_COMPARE_WITH_TIMEOUT(registeredIds(), expected, Timeout);
    for (ConsoleClientWidget *widget : added) {
        QCOMPARE(widget->room(), QStringLiteral("/many"));
        QTRY_COMPARE_WITH_TIMEOUT(widget->client()->state(), ConsoleClient::State::Registered,
                                  Timeout);
    }
}

void TestConsole::openClientToPrefillsDestination() {
    auto panel = makePanel();
    QSignalSpy activation(panel.get(), &ConsolePanel::activationRequested);
    panel->openClientTo(QStringLiteral("/target"), QStringLiteral("peer-1"));
    QCOMPARE(activation.count(), 1);
    QCOMPARE(panel->clientCount(), 1);
    ConsoleClientWidget *widget = panel->currentClientWidget();
    QCOMPARE(widget->room(), QStringLiteral("/target"));
    QCOMPARE(widget->destinations(), QStringLiteral("peer-1"));
    QTRY_COMPARE_WITH_TIMEOUT(widget->client()->state(), ConsoleClient::State::Registered, Timeout);

    // Another room gets its own tab; back to the first room reuses its tab.
    panel->openClientTo(QStringLiteral("/other"), QStringLiteral("x"));
    QCOMPARE(panel->clientCount(), 2);
    QVERIFY(panel->currentClientWidget() != widget);
    panel->openClientTo(QStringLiteral("/target"), QStringLiteral("peer-2"));
    QCOMPARE(panel->clientCount(), 2);
    QCOMPARE(panel->currentClientWidget(), widget);
    QCOMPARE(widget->destinations(), QStringLiteral("peer-2"));
}

void TestConsole::knownClientsCompleteDestinations() {
    auto panel = makePanel();
    ConsoleClientWidget *inRoom = panel->addClient(roomUrl(QStringLiteral("/known")));
    ConsoleClientWidget *elsewhere = panel->addClient(roomUrl(QStringLiteral("/else")));
    panel->setKnownClients(QStringLiteral("/known"),
                           {QStringLiteral("zed"), QStringLiteral("amy")});
    QCOMPARE(inRoom->completionIds(), (QStringList{QStringLiteral("amy"), QStringLiteral("zed")}));
    QVERIFY(elsewhere->completionIds().isEmpty());

    // From a snapshot of the real broker.
    ConsoleClientWidget *member =
        connectedClient(panel.get(), QStringLiteral("/else"), QStringLiteral("member"));
    QVERIFY(member);
    panel->updateFromSnapshot(m_broker->snapshot());
    QCOMPARE(elsewhere->completionIds(), QStringList{QStringLiteral("member")});
    QVERIFY(member->completionIds().isEmpty()); // not itself
    QVERIFY(inRoom->completionIds().isEmpty()); // nobody registered there any more

    // Typing after a comma completes the last id.
    auto *dest = elsewhere->findChild<QLineEdit *>(QStringLiteral("destinationEdit"));
    QVERIFY(dest);
    dest->setFocus();
    QTest::keyClicks(dest, QStringLiteral("a, me"));
    auto *completer = elsewhere->findChild<QCompleter *>();
    QVERIFY(completer);
    QCOMPARE(completer->completionPrefix(), QStringLiteral("me"));
    QCOMPARE(completer->currentCompletion(), QStringLiteral("member"));
    emit completer->activated(QStringLiteral("member"));
    QCOMPARE(dest->text(), QStringLiteral("a, member"));
}

void TestConsole::defaultUrlFollowsBroker() {
    auto panel = makePanel();
    ConsoleClientWidget *widget = panel->addClient(roomUrl(QStringLiteral("/keep")));
    QCOMPARE(widget->url(), roomUrl(QStringLiteral("/keep")));
    const QUrl moved(QStringLiteral("ws://127.0.0.1:1/test"));
    panel->setDefaultUrl(moved);
    QCOMPARE(widget->url(), QUrl(QStringLiteral("ws://127.0.0.1:1/keep")));
    QCOMPARE(panel->addClient()->url(), moved);
}

void TestConsole::refusedConnectionShowsError() {
    // A port that was free a moment ago.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QUrl url = roomUrl(QStringLiteral("/nowhere"));
    url.setPort(server.serverPort());
    server.close();

    auto panel = makePanel();
    ConsoleClientWidget *widget = panel->addClient(url, QStringLiteral("lonely"));
    QAbstractItemModelTester tester(widget->client()->conversation(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    widget->connectClient();
    const ConsoleConversationModel *log = widget->client()->conversation();
    QTRY_VERIFY_WITH_TIMEOUT(lastRowOf(log, Kind::Error) >= 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(widget->client()->state(), ConsoleClient::State::Disconnected,
                              Timeout);
    QVERIFY(!button(widget, "sendButton")->isEnabled());
    QVERIFY(!button(widget, "disconnectButton")->isEnabled());

    // Not a WebSocket URL: said so, nothing opened.
    widget->setUrl(QUrl(QStringLiteral("http://127.0.0.1:1/")));
    widget->connectClient();
    QVERIFY(log->entry(log->count() - 1).text.contains(u"ws://"));
    QCOMPARE(widget->client()->state(), ConsoleClient::State::Disconnected);
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"

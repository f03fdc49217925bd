#include "broker.h"
#include "brokersettings.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "consoleconversationmodel.h"
#include "consolepanel.h"
#include "jsoneditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Answering a received ask by hand, with the mouse (issue 19, defect 3): clicking the row must
// show the Answer button and "Answering … (ack …)", as the keyboard always did.
using Kind = ConsoleConversationEntry::Kind;

namespace {

constexpr int Timeout = 5000;

QList<int> rowsOf(const ConsoleConversationModel *model, Kind kind) {
    QList<int> rows;
    for (int row = 0; row < model->count(); ++row) {
        if (model->entry(row).kind == kind)
            rows.append(row);
    }
    return rows;
}

} // namespace

class TestConsoleAnswer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void clickingAnAskShowsTheAnswerControls();
    void doubleClickingAnAskShowsTheAnswerControls();
    void invalidAutoAnswerValueIsSaid();

private:
    // alice asks bob twice; returns bob's widget with his tab current.
    ConsoleClientWidget *bobWithTwoAsks();
    ConsoleClientWidget *connectedClient(const QString &id);
    void click(ConsoleClientWidget *widget, int row, bool twice = false);

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsolePanel> m_panel;
};

void TestConsoleAnswer::init() {
    BrokerSettings settings;
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
    m_panel = std::make_unique<ConsolePanel>(m_settings.get());
    m_panel->resize(900, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestConsoleAnswer::cleanup() {
    m_panel.reset();
    m_settings.reset();
    m_dir.reset();
    m_broker.reset();
}

ConsoleClientWidget *TestConsoleAnswer::connectedClient(const QString &id) {
    QUrl url = m_broker->url();
    url.setPath(QStringLiteral("/chat"));
    ConsoleClientWidget *widget = m_panel->addClient(url, id);
    widget->connectClient();
    if (!QTest::qWaitFor(
            [&] { return widget->client()->state() == ConsoleClient::State::Registered; }, Timeout))
        return nullptr;
    return widget;
}

ConsoleClientWidget *TestConsoleAnswer::bobWithTwoAsks() {
    ConsoleClientWidget *alice = connectedClient(QStringLiteral("alice"));
    ConsoleClientWidget *bob = connectedClient(QStringLiteral("bob"));
    if (!alice || !bob)
        return nullptr;
    m_panel->setCurrentClientWidget(alice);
    alice->setDestinations(QStringLiteral("bob"));
    alice->setExpectAnswer(true);
    for (const char *text : {R"({"q":1})", R"({"q":2})"}) {
        alice->editor()->setPlainText(QString::fromLatin1(text));
        QTest::mouseClick(alice->findChild<QPushButton *>(QStringLiteral("sendButton")),
                          Qt::LeftButton);
    }
    if (!QTest::qWaitFor(
            [&] { return rowsOf(bob->client()->conversation(), Kind::Received).size() == 2; },
            Timeout))
        return nullptr;
    m_panel->setCurrentClientWidget(bob);
    bob->editor()->setPlainText(QStringLiteral("\"pong\""));
    return bob;
}

void TestConsoleAnswer::click(ConsoleClientWidget *widget, int row, bool twice) {
    auto *view = widget->findChild<QTableView *>(QStringLiteral("conversationView"));
    QVERIFY(view && view->isVisible());
    const QRect rect =
        view->visualRect(view->model()->index(row, ConsoleConversationModel::MessageColumn));
    QVERIFY(rect.isValid());
    if (twice)
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    else
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestConsoleAnswer::clickingAnAskShowsTheAnswerControls() {
    ConsoleClientWidget *bob = bobWithTwoAsks();
    QVERIFY(bob);
    const ConsoleConversationModel *log = bob->client()->conversation();
    const QList<int> asks = rowsOf(log, Kind::Received);
    auto *answerButton = bob->findChild<QPushButton *>(QStringLiteral("answerButton"));
    auto *answerLabel = bob->findChild<QLabel *>(QStringLiteral("answerLabel"));
    QVERIFY(!answerButton->isVisible());

    click(bob, asks.at(1));
    QVERIFY(answerButton->isVisible());
    QVERIFY(answerButton->isEnabled());
    QCOMPARE(answerLabel->text(),
             QStringLiteral("Answering alice (ack %1)").arg(log->entry(asks.at(1)).ack));

    // Another ask, then a row that cannot be answered (bob's own "registered").
    click(bob, asks.at(0));
    QCOMPARE(answerLabel->text(),
             QStringLiteral("Answering alice (ack %1)").arg(log->entry(asks.at(0)).ack));
    click(bob, rowsOf(log, Kind::Registered).constFirst());
    QVERIFY(!answerButton->isVisible());
    QVERIFY(answerLabel->text().isEmpty());

    // Back to the ask and answer it with the mouse.
    click(bob, asks.at(0));
    QVERIFY(answerButton->isEnabled());
    QTest::mouseClick(answerButton, Qt::LeftButton);
    QVERIFY(log->entry(asks.at(0)).answered);
}

void TestConsoleAnswer::doubleClickingAnAskShowsTheAnswerControls() {
    ConsoleClientWidget *bob = bobWithTwoAsks();
    QVERIFY(bob);
    const ConsoleConversationModel *log = bob->client()->conversation();
    const int ask = rowsOf(log, Kind::Received).constLast();
    click(bob, ask, true);
    QVERIFY(bob->findChild<QPushButton *>(QStringLiteral("answerButton"))->isVisible());
    QCOMPARE(bob->findChild<QLabel *>(QStringLiteral("answerLabel"))->text(),
             QStringLiteral("Answering alice (ack %1)").arg(log->entry(ask).ack));
}

void TestConsoleAnswer::invalidAutoAnswerValueIsSaid() {
    ConsoleClientWidget *bob = connectedClient(QStringLiteral("bob"));
    QVERIFY(bob);
    auto *mode = bob->findChild<QComboBox *>(QStringLiteral("autoAnswerCombo"));
    auto *value = bob->findChild<QLineEdit *>(QStringLiteral("autoAnswerValueEdit"));
    auto *problem = bob->findChild<QLabel *>(QStringLiteral("autoAnswerProblem"));
    QVERIFY(mode && value && problem);
    mode->setCurrentIndex(mode->findData(int(ConsoleClient::AutoAnswer::FixedValue)));
    QVERIFY(!problem->isVisible());
    value->setText(QStringLiteral("{ok: yes}"));
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), QStringLiteral("Not JSON, nothing is answered"));
    QVERIFY(!problem->toolTip().isEmpty()); // the parser's words
    QCOMPARE(bob->client()->autoAnswer(), ConsoleClient::AutoAnswer::Off);
    // Another mode does not use the value: nothing to warn about.
    mode->setCurrentIndex(mode->findData(int(ConsoleClient::AutoAnswer::Echo)));
    QVERIFY(!problem->isVisible());
    mode->setCurrentIndex(mode->findData(int(ConsoleClient::AutoAnswer::FixedValue)));
    value->setText(QStringLiteral("{\"ok\": true}"));
    QVERIFY(!problem->isVisible());
    QCOMPARE(bob->client()->autoAnswer(), ConsoleClient::AutoAnswer::FixedValue);
}

QTEST_MAIN(TestConsoleAnswer)
#include "tst_consoleanswer.moc"

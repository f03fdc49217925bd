#include "brokerevents.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "logfilterbar.h"
#include "logmatchhint.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QToolButton>

// Room and client filters as people type them, and what the bar and the log say about the
// filters (issue 19: exact matches only, an invalid regex shown only in a tooltip, an empty log
// with no hint).
using namespace BrokerEvents;
using Match = FrameFilterProxyModel::Match;

namespace {

const QString Chat = QStringLiteral("/chat");
const QString Iot = QStringLiteral("/iot");
const QString Root; // the room of the empty path

BrokerEventList sampleEvents() {
    return {
        send(1, Chat, "alice", {"bob"}, R"("to bob")"),
        message(2, Chat, "bob", "alice", R"("to bob")"),
        send(3, Iot, "alice", {"sensor"}, R"("to sensor")"),
        message(4, Iot, "sensor", "alice", R"("to sensor")"),
        send(5, Root, "malice", {"carol"}, R"("root")"),
        message(6, Root, "carol", "malice", R"("root")"),
    };
}

// "room client" of every row.
QStringList rows(const QAbstractItemModel &model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, FrameLogModel::RoomColumn).data().toString() +
                    QLatin1Char(' ') +
                    model.index(row, FrameLogModel::ClientColumn).data().toString());
    return list;
}

} // namespace

class TestFilterMatching : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void typedRoomIsASubstringWithOptionalSlash_data();
    void typedRoomIsASubstringWithOptionalSlash();
    void typedClientIsACaseSensitiveSubstring();
    void pickedRoomAndClientMatchExactly();
    void barTypedFieldsMatchAsSubstrings();
    void barShowOnlyCommandsReplaceTheCombination();
    void barSaysWhenTheRegexIsInvalid();
    void hintSaysNothingMatches();
    void barActionFilterHasEveryKindOfRow();

private:
    std::unique_ptr<FrameLogModel> m_log;
    std::unique_ptr<FrameFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFilterMatching::init() {
    m_log = std::make_unique<FrameLogModel>();
    m_proxy = std::make_unique<FrameFilterProxyModel>();
    m_proxy->setSourceModel(m_log.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_log->appendEvents(sampleEvents());
    QCOMPARE(m_proxy->rowCount(), 6);
}

void TestFilterMatching::cleanup() {
    m_tester.reset();
    m_proxy.reset();
    m_log.reset();
}

void TestFilterMatching::typedRoomIsASubstringWithOptionalSlash_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("expected");
    const QStringList iot{QStringLiteral("/iot alice"), QStringLiteral("/iot sensor")};
    QTest::newRow("iot") << QStringLiteral("iot") << iot;
    QTest::newRow("/io") << QStringLiteral("/io") << iot;
    QTest::newRow("o") << QStringLiteral("o") << iot;
    QTest::newRow("/chat") << QStringLiteral("/chat")
                           << QStringList{QStringLiteral("/chat alice"),
                                          QStringLiteral("/chat bob")};
    QTest::newRow("case-sensitive") << QStringLiteral("IOT") << QStringList{};
    QTest::newRow("nothing") << QStringLiteral("lab") << QStringList{};
}

void TestFilterMatching::typedRoomIsASubstringWithOptionalSlash() {
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);
    m_proxy->setRoomFilter(typed, Match::Substring);
    QCOMPARE(rows(*m_proxy), expected);
    QVERIFY(m_proxy->isFiltering());
}

void TestFilterMatching::typedClientIsACaseSensitiveSubstring() {
    m_proxy->setClientFilter("ali", Match::Substring);
    QCOMPARE(rows(*m_proxy),
             (QStringList{QStringLiteral("/chat alice"), QStringLiteral("/iot alice"),
                          QStringLiteral("/ malice")}));
    m_proxy->setClientFilter("Ali", Match::Substring);
    QCOMPARE(m_proxy->rowCount(), 0);
    // Room and client together.
    m_proxy->setClientFilter("ali", Match::Substring);
    m_proxy->setRoomFilter(QStringLiteral("io"), Match::Substring);
    QCOMPARE(rows(*m_proxy), QStringList{QStringLiteral("/iot alice")});
}

void TestFilterMatching::pickedRoomAndClientMatchExactly() {
    // What the tree sets: "alice" is not "malice", "/chat" is only /chat, "" only the root room.
    m_proxy->setClientFilter("alice");
    QCOMPARE(m_proxy->clientMatch(), Match::Exact);
    QCOMPARE(rows(*m_proxy),
             (QStringList{QStringLiteral("/chat alice"), QStringLiteral("/iot alice")}));
    m_proxy->setClientFilter(QByteArray());
    m_proxy->setRoomFilter(Root);
    QCOMPARE(rows(*m_proxy), (QStringList{QStringLiteral("/ malice"), QStringLiteral("/ carol")}));
    // The same text, typed, is a substring.
    m_proxy->setRoomFilter(Root, Match::Substring);
    QCOMPARE(m_proxy->rowCount(), 6);
}

void TestFilterMatching::barTypedFieldsMatchAsSubstrings() {
    LogFilterBar bar(m_proxy.get());
    auto *room = bar.findChild<QLineEdit *>(QStringLiteral("roomFilter"));
    auto *client = bar.findChild<QLineEdit *>(QStringLiteral("clientFilter"));
    QTest::keyClicks(room, QStringLiteral("iot"));
    QCOMPARE(m_proxy->roomMatch(), Match::Substring);
    QCOMPARE(m_proxy->rowCount(), 2);
    QTest::keyClicks(client, QStringLiteral("sen"));
    QCOMPARE(rows(*m_proxy), QStringList{QStringLiteral("/iot sensor")});
}

void TestFilterMatching::barShowOnlyCommandsReplaceTheCombination() {
    LogFilterBar bar(m_proxy.get());
    bar.show();
    auto *room = bar.findChild<QLineEdit *>(QStringLiteral("roomFilter"));
    auto *client = bar.findChild<QLineEdit *>(QStringLiteral("clientFilter"));
    auto *clear = bar.findChild<QToolButton *>(QStringLiteral("clearFilters"));
    QVERIFY(!clear->isVisible());

    bar.showOnlyClient(Chat, QStringLiteral("bob"));
    QCOMPARE(room->text(), Chat);
    QCOMPARE(client->text(), QStringLiteral("bob"));
    QCOMPARE(rows(*m_proxy), QStringList{QStringLiteral("/chat bob")});
    QVERIFY(clear->isVisible());

    bar.showOnlyRoom(Iot);
    QCOMPARE(room->text(), Iot);
    QVERIFY(client->text().isEmpty());
    QCOMPARE(m_proxy->rowCount(), 2);

    bar.showOnlyClient(Root, QStringLiteral("malice"));
    QCOMPARE(room->text(), QStringLiteral("/")); // the root room, as the tree shows it
    QCOMPARE(rows(*m_proxy), QStringList{QStringLiteral("/ malice")});

    bar.showOnlyRoom(Root);
    QCOMPARE(rows(*m_proxy), (QStringList{QStringLiteral("/ malice"), QStringLiteral("/ carol")}));

    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(room->text().isEmpty());
    QCOMPARE(m_proxy->rowCount(), 6);
    QVERIFY(!clear->isVisible());
}

void TestFilterMatching::barSaysWhenTheRegexIsInvalid() {
    LogFilterBar bar(m_proxy.get());
    bar.show();
    auto *problem = bar.findChild<QLabel *>(QStringLiteral("filterProblem"));
    QVERIFY(!problem->isVisible());
    bar.findChild<QToolButton *>(QStringLiteral("regexToggle"))->click();
    QTest::keyClicks(bar.textEdit(), QStringLiteral("to (bob"));
    QVERIFY(!m_proxy->isValid());
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().startsWith(QStringLiteral("Invalid regular expression")),
             qPrintable(problem->text()));
    QCOMPARE(bar.textEdit()->toolTip(), problem->text());
    QCOMPARE(m_proxy->rowCount(), 6);

    QTest::keyClicks(bar.textEdit(), QStringLiteral(")"));
    QVERIFY(m_proxy->isValid());
    QVERIFY(!problem->isVisible());
    QVERIFY(bar.textEdit()->toolTip().isEmpty());
    QCOMPARE(m_proxy->rowCount(), 2);

    // Invalid again, then the regex mode is turned off: the message goes too.
    QTest::keyClicks(bar.textEdit(), QStringLiteral("["));
    QVERIFY(problem->isVisible());
    bar.findChild<QToolButton *>(QStringLiteral("regexToggle"))->click(); // off
    QVERIFY(!problem->isVisible());
    QVERIFY(bar.textEdit()->toolTip().isEmpty());
}

void TestFilterMatching::hintSaysNothingMatches() {
    QTableView view;
    view.setModel(m_proxy.get());
    view.resize(600, 300);
    auto *hint = new LogMatchHint(m_proxy.get(), &view);
    view.show();
    QVERIFY(!hint->isVisible());

    m_proxy->setRoomFilter(QStringLiteral("lab"), Match::Substring);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("0 of 6 frame(s) match the filters"));
    QVERIFY(view.viewport()->rect().contains(hint->geometry().center()));

    // New frames that still do not match: the count follows.
    m_log->appendEvents({send(1, Chat, "alice", {"bob"}, R"("more")")});
    QCOMPARE(hint->text(), QStringLiteral("0 of 7 frame(s) match the filters"));
    // One that matches: the hint goes.
    m_log->appendEvents({send(7, QStringLiteral("/lab"), "x", {"y"}, R"("in the lab")")});
    QVERIFY(!hint->isVisible());

    // No filter over an empty log: an empty log, not a filter problem.
    m_proxy->clearFilters();
    m_log->clear();
    QVERIFY(!hint->isVisible());
}

void TestFilterMatching::barActionFilterHasEveryKindOfRow() {
    // Besides the protocol's actions, the log lists frames that are none and the broker's own
    // events; the action filter offers each name the action column shows.
    using Kind = BrokerEvent::Kind;
    BrokerEvent invalid = frame(Kind::FrameIn, 7, Chat, "alice", FrameAction::None, "{oops");
    BrokerEvent binary = frame(Kind::FrameIn, 7, Chat, "alice", FrameAction::None, "\x01\x02");
    binary.binary = true;
    m_log->appendEvents({invalid, binary, system(Kind::ConnectionOpened, 8, Iot),
                         system(Kind::ConnectionClosed, 8, Iot, "dave", QStringLiteral("bye")),
                         system(Kind::RoomRemoved, 8, Iot, "dave")});
    LogFilterBar bar(m_proxy.get());
    bar.show();
    auto *action = bar.findChild<QComboBox *>(QStringLiteral("actionFilter"));
    QVERIFY(action);
    const auto shownActions = [this] {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QString name = m_proxy->index(row, FrameLogModel::ActionColumn).data().toString();
            if (!names.contains(name))
                names.append(name);
        }
        return names;
    };
    const auto pick = [action](const QString &text) {
        const int index = action->findText(text);
        if (index >= 0)
            action->setCurrentIndex(index);
        return index >= 0;
    };
    for (const char *name :
         {"(invalid)", "(binary)", "connected", "closed", "room removed", "send", "message"}) {
        QVERIFY2(pick(QString::fromLatin1(name)), name);
        QCOMPARE(shownActions(), QStringList{QString::fromLatin1(name)});
    }
    QVERIFY(pick(QStringLiteral("All system events")));
    QCOMPARE(shownActions(), (QStringList{QStringLiteral("connected"), QStringLiteral("closed"),
                                          QStringLiteral("room removed")}));
    QVERIFY(pick(QStringLiteral("id bound")));
    QCOMPARE(m_proxy->rowCount(), 0);
    QVERIFY(pick(QStringLiteral("All actions")));
    QCOMPARE(m_proxy->rowCount(), 11);
}

QTEST_MAIN(TestFilterMatching)
#include "tst_filtermatching.moc"

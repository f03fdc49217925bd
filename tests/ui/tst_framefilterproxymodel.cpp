#include "brokerevents.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;

namespace {

const QString Chat = QStringLiteral("/chat");
const QString Root; // the room of the empty path

// The log the filters run over: two rooms, frames both ways, system rows, non-ASCII text.
BrokerEventList sampleEvents() {
    return {
        system(BrokerEvent::Kind::ConnectionOpened, 1, Chat),
        frame(BrokerEvent::Kind::FrameIn, 1, Chat, QByteArray(), FrameAction::Register,
              R"({"action":"register","id":"alice"})"),
        frame(BrokerEvent::Kind::FrameOut, 1, Chat, "alice", FrameAction::Registered,
              R"({"action":"registered","id":"alice"})"),
        send(1, Chat, "alice", {"bob"}, R"({"text":"Hello World","n":1})", "k1"),
        message(2, Chat, "bob", "alice", R"({"text":"Hello World","n":1})", "k1"),
        answerIn(2, Chat, "bob", "k1", R"("über gut")"),
        answerOut(1, Chat, "alice", "bob", "k1", R"("über gut")"),
        send(3, Root, "carol", {"dave"}, R"("plain words")"),
        message(4, Root, "dave", "carol", R"("plain words")"),
        error(5, Root, QByteArray(), FrameError::NotRegistered, QStringLiteral("register first")),
        system(BrokerEvent::Kind::ConnectionClosed, 5, Root),
    };
}

// One line per proxy row: room, client, direction, action.
QString dump(const QAbstractItemModel &model) {
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column : {FrameLogModel::RoomColumn, FrameLogModel::ClientColumn,
                           FrameLogModel::DirectionColumn, FrameLogModel::ActionColumn})
            cells.append(model.index(row, column).data().toString());
        lines.append(cells.join(QLatin1Char(' ')));
    }
    return lines.join(QLatin1Char('\n'));
}

QString lines(std::initializer_list<const char *> rows) {
    QStringList list;
    for (const char *row : rows)
        list.append(QString::fromUtf8(row));
    return list.join(QLatin1Char('\n'));
}

} // namespace

class TestFrameFilterProxyModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void noFilterShowsEverything();
    void plainTextSearchesPayloadRoomClientAndAction();
    void plainTextCaseSensitivity();
    void nonAsciiText();
    void regularExpression();
    void invalidRegularExpressionIsReportedAndIgnored();
    void direction();
    void actions();
    void room();
    void clientAndConnection();
    void filtersCombine();
    void newRowsAreFiltered();
    void slicedRefilterShowsProgressAndFinishes();
    void newFilterMidRefilterRestarts();
    void rowsArrivingAndLeavingMidRefilter();
    void conditionOverFrames();
    void invalidConditionLetsEveryRowThrough();
    void conditionJudgesNewRows();
    void conditionRefiltersInSlices();

private:
    FrameLogModel *m_log = nullptr;
    FrameFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_logTester = nullptr;
    QAbstractItemModelTester *m_proxyTester = nullptr;
};

void TestFrameFilterProxyModel::init() {
    m_log = new FrameLogModel;
    m_proxy = new FrameFilterProxyModel;
    m_proxy->setSourceModel(m_log);
    m_logTester =
        new QAbstractItemModelTester(m_log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = new QAbstractItemModelTester(
        m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_log->appendEvents(sampleEvents());
    QCOMPARE(m_proxy->frameLog(), m_log);
}

void TestFrameFilterProxyModel::cleanup() {
    delete m_proxyTester;
    delete m_logTester;
    delete m_proxy;
    delete m_log;
}

void TestFrameFilterProxyModel::noFilterShowsEverything() {
    QCOMPARE(m_proxy->rowCount(), m_log->rowCount());
    QVERIFY(!m_proxy->isFiltering());
    QVERIFY(m_proxy->isValid());
}

void TestFrameFilterProxyModel::plainTextSearchesPayloadRoomClientAndAction() {
    QSignalSpy changed(m_proxy, &FrameFilterProxyModel::filterChanged);
    m_proxy->setFilterText(QStringLiteral("hello world"));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_proxy->isFiltering());
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/chat bob out message"}));

    m_proxy->setFilterText(QStringLiteral("chat")); // the room name
    QCOMPARE(m_proxy->rowCount(), 7);

    m_proxy->setFilterText(QStringLiteral("carol")); // the client id, or "from" in the payload
    QCOMPARE(dump(*m_proxy), lines({"/ carol in send", "/ dave out message"}));

    m_proxy->setFilterText(QStringLiteral("registered")); // action name and id bytes
    QCOMPARE(dump(*m_proxy), lines({"/chat alice out registered", "/ #5 out error"}));
}

void TestFrameFilterProxyModel::plainTextCaseSensitivity() {
    m_proxy->setFilterText(QStringLiteral("HELLO"));
    QCOMPARE(m_proxy->rowCount(), 2);
    m_proxy->setTextCaseSensitivity(Qt::CaseSensitive);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setFilterText(QStringLiteral("Hello"));
    QCOMPARE(m_proxy->rowCount(), 2);
}

void TestFrameFilterProxyModel::nonAsciiText() {
    m_proxy->setFilterText(QStringLiteral("ÜBER"));
    QCOMPARE(dump(*m_proxy), lines({"/chat bob in answer", "/chat alice out answer"}));
    m_proxy->setTextCaseSensitivity(Qt::CaseSensitive);
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestFrameFilterProxyModel::regularExpression() {
    m_proxy->setRegularExpression(true);
    m_proxy->setFilterText(QStringLiteral(R"("n":\d+)"));
    QVERIFY(m_proxy->isValid());
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/chat bob out message"}));

    m_proxy->setFilterText(QStringLiteral("^/chat$")); // anchored: the room only
    QCOMPARE(m_proxy->rowCount(), 7);

    m_proxy->setFilterText(QStringLiteral("^(send|answer)$")); // the action names only
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/chat bob in answer",
                                    "/chat alice out answer", "/ carol in send"}));

    // The same text as plain text means the characters themselves.
    m_proxy->setRegularExpression(false);
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestFrameFilterProxyModel::invalidRegularExpressionIsReportedAndIgnored() {
    QSignalSpy validity(m_proxy, &FrameFilterProxyModel::validityChanged);
    m_proxy->setRegularExpression(true);
    m_proxy->setDirection(FrameFilterProxyModel::Direction::Out);
    m_proxy->setFilterText(QStringLiteral("(unclosed"));
    QVERIFY(!m_proxy->isValid());
    QVERIFY(!m_proxy->errorString().isEmpty());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    // The text is ignored; the other filters still apply.
    QCOMPARE(m_proxy->rowCount(), 5);

    m_proxy->setFilterText(QStringLiteral("(unclosed|alice)"));
    QVERIFY(m_proxy->isValid());
    QCOMPARE(validity.size(), 2);
    QCOMPARE(validity.at(1).at(0).toBool(), true);
    QCOMPARE(dump(*m_proxy), lines({"/chat alice out registered", "/chat bob out message",
                                    "/chat alice out answer"}));

    // Leaving regular expression mode makes the same text valid plain text.
    m_proxy->setFilterText(QStringLiteral("[x"));
    QVERIFY(!m_proxy->isValid());
    m_proxy->setRegularExpression(false);
    QVERIFY(m_proxy->isValid());
}

void TestFrameFilterProxyModel::direction() {
    m_proxy->setDirection(FrameFilterProxyModel::Direction::In);
    QCOMPARE(dump(*m_proxy), lines({"/chat #1 in register", "/chat alice in send",
                                    "/chat bob in answer", "/ carol in send"}));
    m_proxy->setDirection(FrameFilterProxyModel::Direction::Out);
    QCOMPARE(m_proxy->rowCount(), 5);
    m_proxy->setDirection(FrameFilterProxyModel::Direction::Both);
    QCOMPARE(m_proxy->rowCount(), 11);
    m_proxy->setShowSystemEvents(false);
    QCOMPARE(m_proxy->rowCount(), 9);
    QVERIFY(m_proxy->isFiltering());
}

void TestFrameFilterProxyModel::actions() {
    m_proxy->setActions({FrameAction::Send, FrameAction::Error});
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/ carol in send", "/ #5 out error"}));
    QCOMPARE(m_proxy->actions(), (QList<FrameAction>{FrameAction::Send, FrameAction::Error}));
    m_proxy->setActions({FrameAction::Answer});
    QCOMPARE(dump(*m_proxy), lines({"/chat bob in answer", "/chat alice out answer"}));
    m_proxy->setActions({});
    QCOMPARE(m_proxy->rowCount(), 11);
}

void TestFrameFilterProxyModel::room() {
    m_proxy->setRoomFilter(Root);
    QVERIFY(m_proxy->hasRoomFilter());
    QCOMPARE(dump(*m_proxy), lines({"/ carol in send", "/ dave out message", "/ #5 out error",
                                    "/ #5 system closed"}));
    m_proxy->setRoomFilter(Chat);
    QCOMPARE(m_proxy->rowCount(), 7);
    m_proxy->clearRoomFilter();
    QCOMPARE(m_proxy->rowCount(), 11);
}

void TestFrameFilterProxyModel::clientAndConnection() {
    m_proxy->setClientFilter("alice");
    QCOMPARE(dump(*m_proxy), lines({"/chat alice out registered", "/chat alice in send",
                                    "/chat alice out answer"}));
    m_proxy->setClientFilter(QByteArray());
    m_proxy->setConnectionFilter(1); // also before alice registered
    QCOMPARE(dump(*m_proxy), lines({"/chat #1 system connected", "/chat #1 in register",
                                    "/chat alice out registered", "/chat alice in send",
                                    "/chat alice out answer"}));
}

void TestFrameFilterProxyModel::filtersCombine() {
    m_proxy->setRoomFilter(Chat);
    m_proxy->setDirection(FrameFilterProxyModel::Direction::Out);
    m_proxy->setFilterText(QStringLiteral("bob"));
    QCOMPARE(dump(*m_proxy), lines({"/chat bob out message", "/chat alice out answer"}));
    m_proxy->clearFilters();
    QVERIFY(!m_proxy->isFiltering());
    QCOMPARE(m_proxy->rowCount(), 11);
}

void TestFrameFilterProxyModel::newRowsAreFiltered() {
    m_log->setCapacity(12);
    m_proxy->setRoomFilter(Root);
    m_proxy->setFilterText(QStringLiteral("words"));
    QCOMPARE(m_proxy->rowCount(), 2);
    QSignalSpy inserted(m_proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_proxy, &QAbstractItemModel::rowsRemoved);

    // One matching and one other frame: only the match shows. The log overflows by one row,
    // which is a hidden one (the first system row).
    m_log->appendEvents({send(3, Root, "carol", {"dave"}, R"("more words")"),
                         send(1, Chat, "alice", {"bob"}, R"("words elsewhere")")});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(dump(*m_proxy), lines({"/ carol in send", "/ dave out message", "/ carol in send"}));

    // Pushing out visible rows removes them from the proxy too.
    m_log->appendEvents(numberedBatch(0, 10));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(dump(*m_proxy), lines({"/ carol in send"}));
}

namespace {

// The numbers of the numbered rows the proxy shows ({"action":"send",...,"message":N}).
QList<int> shownNumbers(const QAbstractItemModel &model) {
    QList<int> list;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.index(row, 0).data(FrameLogModel::RawTextRole).toString();
        const qsizetype at = text.lastIndexOf(QLatin1Char(':')) + 1;
        list.append(text.mid(at, text.size() - at - 1).toInt());
    }
    return list;
}

} // namespace

void TestFrameFilterProxyModel::slicedRefilterShowsProgressAndFinishes() {
    m_log->clear();
    m_log->setCapacity(20000);
    m_log->appendEvents(numberedBatch(0, 20000));
    m_proxy->setRefilterSliceMs(0); // one block of rows per event-loop pass
    QSignalSpy progress(m_proxy, &FrameFilterProxyModel::refilterProgress);
    QSignalSpy finished(m_proxy, &FrameFilterProxyModel::refilterFinished);

    m_proxy->setDirection(FrameFilterProxyModel::Direction::In);
    // The first slice ran at once; the rest waits for the event loop, rows found so far shown.
    QVERIFY(m_proxy->isRefiltering());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(progress.size(), 1);
    const int firstScanned = progress.first().at(0).toInt();
    QVERIFY(firstScanned > 0 && firstScanned < 20000);
    QCOMPARE(progress.first().at(1).toInt(), 20000);
    QCOMPARE(m_proxy->rowCount(), firstScanned);

    // Slices of one block, each checked by the model tester: slow under the sanitizers.
    QVERIFY(finished.wait(60000));
    QVERIFY(!m_proxy->isRefiltering());
    QVERIFY(progress.size() > 2);
    QCOMPARE(progress.last().at(0).toInt(), 20000);
    QCOMPARE(m_proxy->rowCount(), 20000);

    // A filter that leaves a few rows: the same rows as a filter in one go would.
    m_proxy->setRegularExpression(true);
    m_proxy->setFilterText(QStringLiteral(":[0-9]*(0|5)\\}"));
    QVERIFY(m_proxy->isRefiltering());
    QVERIFY(finished.wait(60000));
    QList<int> expected;
    for (int n = 0; n < 20000; n += 5)
        expected.append(n);
    QCOMPARE(shownNumbers(*m_proxy), expected);
    // Mapping both ways agrees.
    const QModelIndex last = m_proxy->index(m_proxy->rowCount() - 1, 0);
    QCOMPARE(m_proxy->mapToSource(last).row(), 19995);
    QCOMPARE(m_proxy->mapFromSource(m_log->index(19995, 0)), last);
    QVERIFY(!m_proxy->mapFromSource(m_log->index(19996, 0)).isValid());
}

void TestFrameFilterProxyModel::newFilterMidRefilterRestarts() {
    m_log->clear();
    m_log->setCapacity(20000);
    m_log->appendEvents(numberedBatch(0, 20000));
    m_proxy->setRefilterSliceMs(0);
    QSignalSpy finished(m_proxy, &FrameFilterProxyModel::refilterFinished);
    m_proxy->setRegularExpression(true);
    m_proxy->setFilterText(QStringLiteral(":[0-9]*0\\}"));
    QVERIFY(m_proxy->isRefiltering());
    QCoreApplication::processEvents(); // a few slices of the first filter
    QVERIFY(m_proxy->isRefiltering());

    // A new filter before the first one is done: its rows only, judged from the start.
    QSignalSpy reset(m_proxy, &QAbstractItemModel::modelReset);
    m_proxy->setFilterText(QStringLiteral(":1[0-9]*7\\}"));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_proxy->refilterScanned() < 20000, true);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 1);
    QList<int> expected;
    for (int n = 0; n < 20000; ++n) {
        const QString text = QString::number(n);
        if (text.startsWith(QLatin1Char('1')) && text.endsWith(QLatin1Char('7')))
            expected.append(n);
    }
    QCOMPARE(shownNumbers(*m_proxy), expected);

    // Clearing the filters: every row, at once, with no list of its own.
    m_proxy->clearFilters();
    QVERIFY(!m_proxy->isRefiltering());
    QCOMPARE(m_proxy->rowCount(), 20000);
}

void TestFrameFilterProxyModel::rowsArrivingAndLeavingMidRefilter() {
    m_log->clear();
    m_log->setCapacity(20000);
    m_log->appendEvents(numberedBatch(0, 20000));
    m_proxy->setRefilterSliceMs(0);
    QSignalSpy finished(m_proxy, &FrameFilterProxyModel::refilterFinished);
    m_proxy->setRegularExpression(true);
    m_proxy->setFilterText(QStringLiteral(":[0-9]*[05]\\}"));
    QVERIFY(m_proxy->isRefiltering());
    // 5,000 new rows push the 5,000 oldest out while the re-filtering runs.
    m_log->appendEvents(numberedBatch(20000, 5000));
    QCOMPARE(m_log->rowCount(), 20000);
    QVERIFY(finished.wait(60000));
    QList<int> expected;
    for (int n = 5000; n < 25000; n += 5)
        expected.append(n);
    QCOMPARE(shownNumbers(*m_proxy), expected);
    // And once it is done, new rows are judged as they come.
    m_log->appendEvents(numberedBatch(25000, 10));
    QCOMPARE(shownNumbers(*m_proxy).last(), 25005);
    QCOMPARE(m_proxy->rowCount(), expected.size()); // 5000 and 5005 left, 25000 and 25005 came
}

void TestFrameFilterProxyModel::conditionOverFrames() {
    m_proxy->setConditionMode(true);
    QVERIFY(m_proxy->isConditionMode());
    m_proxy->setFilterText(QStringLiteral("message.n == 1"));
    QVERIFY(m_proxy->isValid());
    QVERIFY(m_proxy->isFiltering());
    // The send and the message it became: both frames carry it, at the same path.
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/chat bob out message"}));

    m_proxy->setFilterText(QStringLiteral(R"(action == "send")"));
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/ carol in send"}));
    m_proxy->setFilterText(QStringLiteral(R"(message == "über gut" && ack == "k1")"));
    QCOMPARE(dump(*m_proxy), lines({"/chat bob in answer", "/chat alice out answer"}));
    m_proxy->setFilterText(QStringLiteral(R"(message.text >= "Hello")"));
    QCOMPARE(m_proxy->rowCount(), 2);
    // Frames without a message; system events have no frame and never match, not even !PATH.
    m_proxy->setFilterText(QStringLiteral("!message"));
    QCOMPARE(dump(*m_proxy),
             lines({"/chat #1 in register", "/chat alice out registered", "/ #5 out error"}));
    // The other filters still apply.
    m_proxy->setDirection(FrameFilterProxyModel::Direction::In);
    QCOMPARE(dump(*m_proxy), lines({"/chat #1 in register"}));
    m_proxy->setDirection(FrameFilterProxyModel::Direction::Both);
    // Condition mode takes precedence over the regular expression mode; case does not apply.
    m_proxy->setRegularExpression(true);
    m_proxy->setTextCaseSensitivity(Qt::CaseSensitive);
    m_proxy->setFilterText(QStringLiteral(R"(reason == "register first")"));
    QCOMPARE(dump(*m_proxy), lines({"/ #5 out error"}));
    QVERIFY(m_proxy->accepts(m_log->eventAt(9)));
    QVERIFY(!m_proxy->accepts(m_log->eventAt(10)));
    // Binary frames have no JSON.
    BrokerEvent binary = frame(BrokerEvent::Kind::FrameIn, 1, Chat, "alice", FrameAction::None,
                               R"({"reason":"register first"})");
    binary.binary = true;
    QVERIFY(!m_proxy->accepts(binary));
    binary.binary = false;
    QVERIFY(m_proxy->accepts(binary));

    // Out of condition mode the same text is plain text again (or here, a regular expression).
    m_proxy->setConditionMode(false);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->clearFilters();
    QVERIFY(!m_proxy->isConditionMode());
}

void TestFrameFilterProxyModel::invalidConditionLetsEveryRowThrough() {
    QSignalSpy validity(m_proxy, &FrameFilterProxyModel::validityChanged);
    m_proxy->setConditionMode(true);
    m_proxy->setDirection(FrameFilterProxyModel::Direction::Out);
    // As typed, character by character: invalid on the way, valid at the end.
    m_proxy->setFilterText(QStringLiteral("message.n"));
    QVERIFY(m_proxy->isValid()); // exists
    QCOMPARE(dump(*m_proxy), lines({"/chat bob out message"}));
    m_proxy->setFilterText(QStringLiteral("message.n ="));
    QVERIFY(!m_proxy->isValid());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    QCOMPARE(validity.at(0).at(1).toString(), m_proxy->errorString());
    QVERIFY2(m_proxy->errorString().contains(QLatin1String("(column 11)")),
             qPrintable(m_proxy->errorString()));
    // The text is off while invalid; the direction still applies.
    QCOMPARE(m_proxy->rowCount(), 5);
    QVERIFY(m_proxy->isFiltering());
    m_proxy->setFilterText(QStringLiteral("message.n =="));
    QCOMPARE(validity.size(), 2); // another error, at another column
    QVERIFY(m_proxy->errorString().contains(QLatin1String("(column 13)")));
    QCOMPARE(m_proxy->rowCount(), 5);
    m_proxy->setFilterText(QStringLiteral("message.n == 1"));
    QVERIFY(m_proxy->isValid());
    QCOMPARE(validity.size(), 3);
    QCOMPARE(validity.at(2).at(0).toBool(), true);
    QVERIFY(m_proxy->errorString().isEmpty());
    QCOMPARE(dump(*m_proxy), lines({"/chat bob out message"}));

    // A valid regular expression is not a valid condition, and back.
    m_proxy->setConditionMode(false);
    m_proxy->setRegularExpression(true);
    m_proxy->setFilterText(QStringLiteral("alice|bob"));
    QVERIFY(m_proxy->isValid());
    m_proxy->setConditionMode(true);
    QVERIFY(!m_proxy->isValid());
    QVERIFY(m_proxy->errorString().contains(QLatin1String("only && joins conditions")));
    m_proxy->setConditionMode(false);
    QVERIFY(m_proxy->isValid());
}

void TestFrameFilterProxyModel::conditionJudgesNewRows() {
    m_proxy->setConditionMode(true);
    m_proxy->setFilterText(QStringLiteral(R"(message.price > 100 && message.type == "order")"));
    QCOMPARE(m_proxy->rowCount(), 0);
    QSignalSpy inserted(m_proxy, &QAbstractItemModel::rowsInserted);
    m_log->appendEvents({
        send(1, Chat, "alice", {"shop"}, R"({"type":"order","price":120})"),
        send(1, Chat, "alice", {"shop"}, R"({"type":"order","price":80})"),
        send(1, Chat, "alice", {"shop"}, R"({"type":"quote","price":500})"),
        message(6, Chat, "shop", "alice", R"({"type":"order","price":120})"),
        frame(BrokerEvent::Kind::FrameIn, 1, Chat, "alice", FrameAction::None, "not json"),
        system(BrokerEvent::Kind::ConnectionClosed, 1, Chat),
    });
    QCOMPARE(inserted.size(), 1); // one batch, one insertion
    QCOMPARE(dump(*m_proxy), lines({"/chat alice in send", "/chat shop out message"}));
    m_log->appendEvents({send(1, Chat, "alice", {"shop"}, R"({"type":"order","price":100.5})")});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(m_proxy->rowCount(), 3);
}

namespace {

// n sends whose message is {"seq":i} in room /r.
BrokerEventList sequence(int first, int n) {
    BrokerEventList list;
    for (int i = first; i < first + n; ++i)
        list.append(send(1, QStringLiteral("/r"), "a", {"b"},
                         "{\"seq\":" + QByteArray::number(i) + '}', QByteArray(), BaseTimeMs + i));
    return list;
}

QList<int> shownSeqs(const QAbstractItemModel &model) {
    QList<int> list;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.index(row, 0).data(FrameLogModel::RawTextRole).toString();
        const qsizetype at = text.indexOf(QLatin1String("\"seq\":")) + 6;
        list.append(text.mid(at, text.indexOf(QLatin1Char('}'), at) - at).toInt());
    }
    return list;
}

} // namespace

void TestFrameFilterProxyModel::conditionRefiltersInSlices() {
    m_log->clear();
    m_log->setCapacity(20000);
    m_log->appendEvents(sequence(0, 20000));
    m_proxy->setRefilterSliceMs(0);
    QSignalSpy finished(m_proxy, &FrameFilterProxyModel::refilterFinished);
    m_proxy->setConditionMode(true);
    m_proxy->setFilterText(QStringLiteral("message.seq >= 19000 || x"));
    QVERIFY(!m_proxy->isValid());
    QVERIFY(!m_proxy->isRefiltering()); // invalid: every row, at once
    QCOMPARE(m_proxy->rowCount(), 20000);
    m_proxy->setFilterText(QStringLiteral("message.seq >= 19990 && message.seq < 19995"));
    QVERIFY(m_proxy->isRefiltering());
    QVERIFY(m_proxy->refilterScanned() < 20000);
    // Rows arriving meanwhile are judged as they come and shown after the older ones.
    m_log->appendEvents(sequence(19992, 1));
    m_log->appendEvents(sequence(30000, 5));
    QVERIFY(finished.wait(60000));
    QCOMPARE(shownSeqs(*m_proxy), (QList<int>{19990, 19991, 19992, 19993, 19994, 19992}));
    // Rows 0..5 left the log while filtering; none of them matched.
    QCOMPARE(m_log->rowCount(), 20000);
}

QTEST_MAIN(TestFrameFilterProxyModel)
#include "tst_framefilterproxymodel.moc"

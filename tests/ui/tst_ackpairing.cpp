#include "ackpairing.h"
#include "brokerevents.h"
#include "framelogmodel.h"
#include "rowpalette.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;
using Outcome = BrokerEvent::Outcome;

namespace {

const QString Chat = QStringLiteral("/chat");
const QString Other = QStringLiteral("/other");
constexpr qint64 T0 = BaseTimeMs;

// Two askers in one room using the same ack, the same ack in another room, an ack reused by
// its asker, a late answer, an answer from a non-recipient, sends that cannot be answered.
BrokerEventList scenario() {
    BrokerEvent skipped = send(1, Chat, "alice", {"nobody"}, R"("x")", "s1", T0 + 200);
    skipped.outcome = Outcome::SkippedUnknownId;
    skipped.detail = QStringLiteral("nobody");
    return {
        /*  0 */ send(1, Chat, "alice", {"bob", "carol"}, R"("q1")", "a1", T0),
        /*  1 */ message(2, Chat, "bob", "alice", R"("q1")", "a1", T0),
        /*  2 */ message(3, Chat, "carol", "alice", R"("q1")", "a1", T0),
        /*  3 */ send(4, Other, "dave", {"xavier"}, R"("q")", "a1", T0 + 1),
        /*  4 */ message(7, Other, "xavier", "dave", R"("q")", "a1", T0 + 1),
        /*  5 */ send(5, Chat, "erin", {"frank"}, R"("q2")", "a1", T0 + 2),
        /*  6 */ message(6, Chat, "frank", "erin", R"("q2")", "a1", T0 + 2),
        /*  7 */ answerIn(2, Chat, "bob", "a1", R"("r1")", Outcome::Done, T0 + 30),
        /*  8 */ answerOut(1, Chat, "alice", "bob", "a1", R"("r1")", T0 + 31),
        /*  9 */ answerIn(3, Chat, "carol", "a1", R"("r2")", Outcome::DroppedAnswer, T0 + 40),
        /* 10 */ answerIn(6, Chat, "frank", "a1", R"("r3")", Outcome::Done, T0 + 50),
        /* 11 */ answerOut(5, Chat, "erin", "frank", "a1", R"("r3")", T0 + 51),
        /* 12 */ send(1, Chat, "alice", {"bob"}, R"("again")", "a1", T0 + 100),
        /* 13 */ message(2, Chat, "bob", "alice", R"("again")", "a1", T0 + 100),
        /* 14 */ send(1, Chat, "alice", {"bob"}, R"("no ack")", QByteArray(), T0 + 150),
        /* 15 */ skipped,
    };
}

QList<int> rowsOf(const FrameLogModel &log, const QList<quint64> &serials) {
    QList<int> rows;
    for (quint64 s : serials)
        rows.append(log.rowOfSerial(s));
    return rows;
}

int rowOf(const FrameLogModel &log, quint64 serial) {
    return serial == AckPairing::NoSerial ? -1 : log.rowOfSerial(serial);
}

FrameLogModel::AskState stateOf(const FrameLogModel &log, int row) {
    return FrameLogModel::AskState(log.index(row, 0).data(FrameLogModel::AskStateRole).toInt());
}

} // namespace

class TestAckPairing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void groupOfASend();
    void anyMemberFindsTheGroup();
    void notAnAsk();
    void askStatesFollowTheClock();
    void forwardedAnswerRepaintsItsSend();
    void overdueTimerMarksAsks();
    void pairedRowsAreHighlighted();
    void rowsLeavingTheLogLeaveTheIndex();
    void askStatesStayWithTheirRows();
    void indexMatchesBruteForceWhileWrapping();
    void indexCoversTheNewestWindowOnly();

private:
    FrameLogModel *m_log = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    qint64 m_now = T0;
};

void TestAckPairing::init() {
    m_log = new FrameLogModel;
    m_tester =
        new QAbstractItemModelTester(m_log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_now = T0 + 1000;
    m_log->setClock([this] { return m_now; });
    m_log->appendEvents(scenario());
}

void TestAckPairing::cleanup() {
    delete m_tester;
    delete m_log;
}

void TestAckPairing::groupOfASend() {
    const AckPairing::Group alice = AckPairing::forSend(*m_log, 0);
    QVERIFY(alice.isValid());
    QVERIFY(alice.isAnswered());
    QCOMPARE(rowsOf(*m_log, alice.messages), (QList<int>{1, 2}));
    QCOMPARE(rowOf(*m_log, alice.answer), 7);
    QCOMPARE(rowOf(*m_log, alice.forwardedAnswer), 8);
    QCOMPARE(rowsOf(*m_log, alice.droppedAnswers), (QList<int>{9}));
    QCOMPARE(alice.roundTripMs, 31);
    QCOMPARE(rowsOf(*m_log, alice.serials()), (QList<int>{0, 1, 2, 7, 8, 9}));

    // Same room, same ack, another asker: its own message, answer and forward only.
    const AckPairing::Group erin = AckPairing::forSend(*m_log, 5);
    QCOMPARE(rowsOf(*m_log, erin.serials()), (QList<int>{5, 6, 10, 11}));
    QCOMPARE(erin.roundTripMs, 49);

    // Same ack in another room.
    const AckPairing::Group dave = AckPairing::forSend(*m_log, 3);
    QCOMPARE(rowsOf(*m_log, dave.serials()), (QList<int>{3, 4}));
    QVERIFY(!dave.isAnswered());
    QCOMPARE(dave.roundTripMs, -1);

    // The ack reused by its asker starts a new ask.
    const AckPairing::Group again = AckPairing::forSend(*m_log, 12);
    QCOMPARE(rowsOf(*m_log, again.serials()), (QList<int>{12, 13}));
}

void TestAckPairing::anyMemberFindsTheGroup() {
    const QList<quint64> alice = AckPairing::forSend(*m_log, 0).serials();
    for (int row : {1, 2, 7, 8, 9})
        QCOMPARE(AckPairing::find(*m_log, row).serials(), alice);
    const QList<quint64> erin = AckPairing::forSend(*m_log, 5).serials();
    for (int row : {6, 10, 11})
        QCOMPARE(AckPairing::find(*m_log, row).serials(), erin);
    QCOMPARE(AckPairing::find(*m_log, 4).send, m_log->serialAt(3));
    QCOMPARE(AckPairing::find(*m_log, 13).send, m_log->serialAt(12));
    QVERIFY(!AckPairing::find(*m_log, 14).isValid());
    QVERIFY(!AckPairing::find(*m_log, -1).isValid());
    QVERIFY(!AckPairing::find(*m_log, 99).isValid());
}

void TestAckPairing::notAnAsk() {
    QCOMPARE(stateOf(*m_log, 14), FrameLogModel::AskState::NotAnAsk); // no ack
    QCOMPARE(stateOf(*m_log, 15), FrameLogModel::AskState::NotAnAsk); // reached nobody
    QCOMPARE(stateOf(*m_log, 1), FrameLogModel::AskState::NotAnAsk);  // a message
    QVERIFY(!AckPairing::forSend(*m_log, 1).isValid());
}

void TestAckPairing::askStatesFollowTheClock() {
    QCOMPARE(m_log->unansweredThresholdMs(), 5000);
    QCOMPARE(stateOf(*m_log, 0), FrameLogModel::AskState::Answered);
    QCOMPARE(stateOf(*m_log, 5), FrameLogModel::AskState::Answered);
    QCOMPARE(stateOf(*m_log, 3), FrameLogModel::AskState::Waiting);
    QCOMPARE(stateOf(*m_log, 12), FrameLogModel::AskState::Waiting);

    QSignalSpy changed(m_log, &QAbstractItemModel::dataChanged);
    m_log->checkOverdueAsks();
    QCOMPARE(changed.size(), 0);

    m_now = T0 + 5100; // dave's ask (T0+1) and alice's second (T0+100) are overdue
    m_log->checkOverdueAsks();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 3);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 12);
    QCOMPARE(stateOf(*m_log, 3), FrameLogModel::AskState::Unanswered);
    QCOMPARE(stateOf(*m_log, 12), FrameLogModel::AskState::Unanswered);
    QCOMPARE(stateOf(*m_log, 0), FrameLogModel::AskState::Answered);
    // Overdue asks are marked: tinted, italic, and the tooltip says why.
    const QModelIndex overdue = m_log->index(12, FrameLogModel::SummaryColumn);
    QCOMPARE(overdue.data(Qt::BackgroundRole).value<QColor>(),
             RowPalette::warningBackground(RowPalette::applicationPalette()));
    QVERIFY(
        overdue.data(Qt::ToolTipRole).toString().contains(QStringLiteral("No answer after 5 s")));
    QVERIFY(!m_log->index(0, 0).data(Qt::BackgroundRole).isValid());

    // Each ask is reported once.
    m_log->checkOverdueAsks();
    QCOMPARE(changed.size(), 1);

    // A longer threshold makes them wait again.
    m_log->setUnansweredThresholdMs(10000);
    QCOMPARE(stateOf(*m_log, 12), FrameLogModel::AskState::Waiting);
}

void TestAckPairing::forwardedAnswerRepaintsItsSend() {
    QSignalSpy changed(m_log, &QAbstractItemModel::dataChanged);
    m_log->appendEvents({answerIn(2, Chat, "bob", "a1", R"("late")", Outcome::Done, T0 + 300),
                         answerOut(1, Chat, "alice", "bob", "a1", R"("late")", T0 + 301)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 12);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 12);
    QCOMPARE(stateOf(*m_log, 12), FrameLogModel::AskState::Answered);
    QCOMPARE(AckPairing::forSend(*m_log, 12).roundTripMs, 201);
}

void TestAckPairing::overdueTimerMarksAsks() {
    FrameLogModel log; // on the real clock
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setUnansweredThresholdMs(100);
    QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);
    log.appendEvents(
        {send(1, Chat, "alice", {"bob"}, "1", "t1", QDateTime::currentMSecsSinceEpoch()),
         message(2, Chat, "bob", "alice", "1", "t1")});
    QCOMPARE(stateOf(log, 0), FrameLogModel::AskState::Waiting);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(stateOf(log, 0), FrameLogModel::AskState::Unanswered);
}

void TestAckPairing::pairedRowsAreHighlighted() {
    // The rows the log view highlights for a selected row are its group's (the view's
    // PairedRowDelegate asks AckPairing; tst_pairedrowdelegate checks the painting).
    const AckPairing::Group alice = AckPairing::find(*m_log, 8);
    QCOMPARE(rowsOf(*m_log, alice.serials()), (QList<int>{0, 1, 2, 7, 8, 9}));
    const AckPairing::Group erin = AckPairing::find(*m_log, 11);
    QVERIFY(!erin.contains(m_log->serialAt(0)));
    QVERIFY(erin.contains(m_log->serialAt(10)));
    // The selection is no model state: the log paints no highlight of its own.
    for (int row : {0, 1, 2, 7, 8})
        QVERIFY(!m_log->index(row, 0).data(Qt::BackgroundRole).isValid());
}

void TestAckPairing::rowsLeavingTheLogLeaveTheIndex() {
    QCOMPARE(m_log->serialsWithAck(Chat, "a1").size(), 12);
    m_log->setCapacity(16);
    m_log->appendEvents(numberedBatch(0, 3)); // rows 0..2 (alice's send, her messages) leave
    QCOMPARE(m_log->serialsWithAck(Chat, "a1").size(), 9);
    QCOMPARE(m_log->serialsWithAck(Chat, "a1").first(), 5u);
    // bob's answer (serial 7) lost its send; erin's group is whole.
    QVERIFY(!AckPairing::find(*m_log, m_log->rowOfSerial(7)).isValid());
    QCOMPARE(rowsOf(*m_log, AckPairing::find(*m_log, m_log->rowOfSerial(11)).serials()),
             (QList<int>{2, 3, 7, 8}));
    m_log->clear();
    QVERIFY(m_log->serialsWithAck(Chat, "a1").isEmpty());
}

void TestAckPairing::askStatesStayWithTheirRows() {
    // The state is stored with the row: it follows the row through the ring buffer's wrapping
    // and a change of capacity.
    const auto stateOfSerial = [this](quint64 serial) {
        return stateOf(*m_log, m_log->rowOfSerial(serial));
    };
    m_log->setCapacity(14);                                         // rows 0 and 1 leave
    QCOMPARE(stateOfSerial(3), FrameLogModel::AskState::Waiting);   // dave
    QCOMPARE(stateOfSerial(5), FrameLogModel::AskState::Answered);  // erin
    QCOMPARE(stateOfSerial(12), FrameLogModel::AskState::Waiting);  // alice again
    QCOMPARE(stateOfSerial(14), FrameLogModel::AskState::NotAnAsk); // no ack
    m_log->appendEvents(numberedBatch(0, 3));                       // wraps: serials 2..4 leave
    QCOMPARE(m_log->firstSerial(), 5u);
    QCOMPARE(stateOfSerial(5), FrameLogModel::AskState::Answered);
    m_log->appendEvents({answerIn(2, Chat, "bob", "a1", R"("late")", Outcome::Done, T0 + 300),
                         answerOut(1, Chat, "alice", "bob", "a1", R"("late")", T0 + 301)});
    QCOMPARE(stateOfSerial(12), FrameLogModel::AskState::Answered);
    QCOMPARE(m_log->firstSerial(), 7u);
    m_log->setCapacity(40); // the ring restarts at slot 0
    QCOMPARE(stateOfSerial(12), FrameLogModel::AskState::Answered);
    QCOMPARE(stateOfSerial(14), FrameLogModel::AskState::NotAnAsk);
    QCOMPARE(stateOfSerial(m_log->firstSerial() + quint64(m_log->rowCount()) - 3),
             FrameLogModel::AskState::NotAnAsk); // a numbered send, no ack
}

void TestAckPairing::indexMatchesBruteForceWhileWrapping() {
    FrameLogModel log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setCapacity(37);
    QRandomGenerator random(42);
    const QStringList rooms{QStringLiteral("/a"), QStringLiteral("/b")};
    for (int batch = 0; batch < 60; ++batch) {
        BrokerEventList events;
        const int size = int(random.bounded(1, 20));
        for (int i = 0; i < size; ++i) {
            const QString room = rooms.at(int(random.bounded(2)));
            const QByteArray ack =
                random.bounded(4) == 0 ? QByteArray() : "k" + QByteArray::number(random.bounded(5));
            events.append(send(1, room, "s", {"r"}, "0", ack));
        }
        log.appendEvents(events);
        for (const QString &room : rooms) {
            for (int k = 0; k < 5; ++k) {
                const QByteArray ack = "k" + QByteArray::number(k);
                QList<quint64> expected;
                for (int row = 0; row < log.rowCount(); ++row) {
                    if (log.eventAt(row).room == room && log.eventAt(row).ack == ack)
                        expected.append(log.serialAt(row));
                }
                QCOMPARE(log.serialsWithAck(room, ack), expected);
            }
        }
    }
}

void TestAckPairing::indexCoversTheNewestWindowOnly() {
    // Asks of 4 rows each (send, message, answer in, answer out), 100 of them, over an index
    // that covers the newest 40 serials: memory stays at 40 entries, pairing inside is whole.
    QList<BrokerEvent> rows;
    AckIndex index([&rows](quint64 serial, BrokerEvent *header) {
        if (serial >= quint64(rows.size()))
            return false;
        *header = rows.at(qsizetype(serial));
        header->ack.clear(); // the log's rows do not keep acks
        return true;
    });
    index.setWindow(40);
    const QString room = QStringLiteral("/w");
    for (int n = 0; n < 100; ++n) {
        const QByteArray ack = "k" + QByteArray::number(n);
        for (const BrokerEvent &e :
             {send(1, room, "a", {"b"}, "1", ack), message(2, room, "b", "a", "1", ack),
              answerIn(2, room, "b", ack, "2"), answerOut(1, room, "a", "b", ack, "2")}) {
            rows.append(e);
            index.add(e, quint64(rows.size() - 1));
        }
        QVERIFY(index.size() <= 40);
    }
    QCOMPARE(index.size(), 40);
    const quint64 lastSend = 396;
    QCOMPARE(index.serials(room, "k99"), (QList<quint64>{396, 397, 398, 399}));
    QCOMPARE(index.forwardedAnswer(lastSend), quint64(399));
    QCOMPARE(index.sendOfForwardedAnswer(399), lastSend);
    QCOMPARE(index.forwardedAnswer(360), quint64(363)); // the oldest ask still covered
    // Older asks are forgotten, not mispaired.
    QVERIFY(index.serials(room, "k0").isEmpty());
    QCOMPARE(index.forwardedAnswer(0), AckIndex::NoSerial);
    QCOMPARE(index.sendOfForwardedAnswer(3), AckIndex::NoSerial);
    // Narrowing the window drops entries at once.
    index.setWindow(8);
    QCOMPARE(index.size(), 8);
    QCOMPARE(index.forwardedAnswer(392), quint64(395));
}

QTEST_MAIN(TestAckPairing)
#include "tst_ackpairing.moc"

// Unit tests of PendingAckTable: the acks waiting for their first answer.

#include "pendingacktable.h"

#include <QTest>

namespace {

using Recipients = QVarLengthArray<quint64, 2>;

QByteArray key(const char *ack, const char *room = "/") {
    return PendingAckTable::makeKey(room, ack);
}

QByteArray ackJson(const char *ack) {
    return QByteArray("\"") + ack + '"';
}

} // namespace

class TestPendingAckTable : public QObject {
    Q_OBJECT

private slots:
    void rememberAndTake();
    void takeUnknownAck();
    void nonRecipientLeavesTheAck();
    void everyRecipientMayWin();
    void keysSeparateRooms();
    void sameKeyReplaces();
    void replacingMovesToTheEnd();
    void perAskerBoundEvictsOldest();
    void globalBoundEvictsOldest();
    void bothBounds();
    void expireByDeadline();
    void expireAfterEviction();
    void forgetAsker();
    void emptyTable();
};

void TestPendingAckTable::rememberAndTake() {
    PendingAckTable table(10, 100);
    QCOMPARE(table.remember(key("a"), 1, ackJson("a"), Recipients{2, 3}, 5000), 0);
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.pendingFor(1), 1);
    QCOMPARE(table.pendingFor(2), 0);
    QCOMPARE(table.nextDeadlineMs(), 5000);

    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a"), 3, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(entry.asker, 1u);
    QCOMPARE(entry.ackJson, ackJson("a"));
    QCOMPARE(entry.recipients, (Recipients{2, 3}));
    QCOMPARE(entry.deadlineMs, 5000);
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.pendingFor(1), 0);
    QCOMPARE(table.nextDeadlineMs(), -1);

    // Fastest wins: the ack is gone for every later answer.
    QCOMPARE(table.take(key("a"), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.take(key("a"), 3, &entry), PendingAckTable::TakeResult::UnknownAck);
}

void TestPendingAckTable::takeUnknownAck() {
    PendingAckTable table(10, 100);
    table.remember(key("a"), 1, ackJson("a"), Recipients{2}, 5000);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("b"), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.take(key(""), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.size(), 1);
}

void TestPendingAckTable::nonRecipientLeavesTheAck() {
    PendingAckTable table(10, 100);
    table.remember(key("a"), 1, ackJson("a"), Recipients{2}, 5000);
    PendingAckTable::Entry entry;
    // Neither a stranger nor the asker itself may answer.
    QCOMPARE(table.take(key("a"), 9, &entry), PendingAckTable::TakeResult::NotRecipient);
    QCOMPARE(table.take(key("a"), 1, &entry), PendingAckTable::TakeResult::NotRecipient);
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.pendingFor(1), 1);
    QCOMPARE(table.take(key("a"), 2, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(entry.asker, 1u);
}

void TestPendingAckTable::everyRecipientMayWin() {
    Recipients many;
    for (quint64 r = 100; r < 120; ++r)
        many.append(r);
    for (quint64 winner = 100; winner < 120; ++winner) {
        PendingAckTable table(10, 100);
        table.remember(key("a"), 1, ackJson("a"), many, 5000);
        PendingAckTable::Entry entry;
        QCOMPARE(table.take(key("a"), winner, &entry), PendingAckTable::TakeResult::Taken);
        QCOMPARE(entry.recipients.size(), 20);
    }
}

void TestPendingAckTable::keysSeparateRooms() {
    QVERIFY(PendingAckTable::makeKey("/foo", "a") != PendingAckTable::makeKey("/bar", "a"));
    QVERIFY(PendingAckTable::makeKey("/foo", "a") != PendingAckTable::makeKey("/fo", "oa"));
    QCOMPARE(PendingAckTable::makeKey("/foo", "a"), PendingAckTable::makeKey("/foo", "a"));

    PendingAckTable table(10, 100);
    table.remember(key("a", "/foo"), 1, ackJson("a"), Recipients{2}, 5000);
    table.remember(key("a", "/bar"), 3, ackJson("a"), Recipients{4}, 5000);
    QCOMPARE(table.size(), 2);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a", "/foo"), 4, &entry), PendingAckTable::TakeResult::NotRecipient);
    QCOMPARE(table.take(key("a", "/bar"), 4, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(entry.asker, 3u);
    QCOMPARE(table.take(key("a", "/foo"), 2, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(entry.asker, 1u);
}

void TestPendingAckTable::sameKeyReplaces() {
    PendingAckTable table(10, 100);
    table.remember(key("a"), 1, ackJson("a"), Recipients{2}, 5000);
    // The same ack again, even from another asker, replaces the older ask; that is no eviction.
    QCOMPARE(table.remember(key("a"), 7, ackJson("a"), Recipients{8}, 6000), 0);
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.pendingFor(1), 0);
    QCOMPARE(table.pendingFor(7), 1);
    QCOMPARE(table.nextDeadlineMs(), 6000);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a"), 2, &entry), PendingAckTable::TakeResult::NotRecipient);
    QCOMPARE(table.take(key("a"), 8, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(entry.asker, 7u);
    QCOMPARE(entry.deadlineMs, 6000);
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.forgetAsker(1), 0);
}

void TestPendingAckTable::replacingMovesToTheEnd() {
    PendingAckTable table(3, 100);
    table.remember(key("k1"), 1, ackJson("k1"), Recipients{2}, 1000);
    table.remember(key("k2"), 1, ackJson("k2"), Recipients{2}, 2000);
    table.remember(key("k3"), 1, ackJson("k3"), Recipients{2}, 3000);
    // Asking k2 again makes it the newest: at the bound, no eviction.
    QCOMPARE(table.remember(key("k2"), 1, ackJson("k2"), Recipients{2}, 4000), 0);
    QCOMPARE(table.size(), 3);
    // k4 pushes out k1, then k5 pushes out k3; k2 stays.
    QCOMPARE(table.remember(key("k4"), 1, ackJson("k4"), Recipients{2}, 5000), 1);
    QCOMPARE(table.remember(key("k5"), 1, ackJson("k5"), Recipients{2}, 6000), 1);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("k1"), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.take(key("k3"), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.nextDeadlineMs(), 4000);
    QCOMPARE(table.take(key("k2"), 2, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(table.take(key("k4"), 2, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(table.take(key("k5"), 2, &entry), PendingAckTable::TakeResult::Taken);
}

void TestPendingAckTable::perAskerBoundEvictsOldest() {
    PendingAckTable table(3, 100);
    table.remember(key("other"), 9, ackJson("other"), Recipients{2}, 500);
    for (int i = 1; i <= 3; ++i) {
        const QByteArray ack = "a" + QByteArray::number(i);
        QCOMPARE(table.remember(key(ack), 1, ackJson(ack), Recipients{2}, 1000 * i), 0);
    }
    QCOMPARE(table.pendingFor(1), 3);
    QCOMPARE(table.remember(key("a4"), 1, ackJson("a4"), Recipients{2}, 4000), 1);
    QCOMPARE(table.pendingFor(1), 3);
    QCOMPARE(table.size(), 4);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a1"), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    // The other asker's older ack is not touched by this asker's bound.
    QCOMPARE(table.pendingFor(9), 1);
    QCOMPARE(table.nextDeadlineMs(), 500);
    for (const char *ack : {"a2", "a3", "a4", "other"})
        QCOMPARE(table.take(key(ack), 2, &entry), PendingAckTable::TakeResult::Taken);
    QCOMPARE(table.size(), 0);
}

void TestPendingAckTable::globalBoundEvictsOldest() {
    PendingAckTable table(100, 3);
    table.remember(key("a"), 1, ackJson("a"), Recipients{9}, 1000);
    table.remember(key("b"), 2, ackJson("b"), Recipients{9}, 2000);
    table.remember(key("c"), 3, ackJson("c"), Recipients{9}, 3000);
    QCOMPARE(table.remember(key("d"), 4, ackJson("d"), Recipients{9}, 4000), 1);
    QCOMPARE(table.size(), 3);
    QCOMPARE(table.pendingFor(1), 0);
    QCOMPARE(table.nextDeadlineMs(), 2000);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a"), 9, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.remember(key("e"), 2, ackJson("e"), Recipients{9}, 5000), 1);
    QCOMPARE(table.take(key("b"), 9, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.pendingFor(2), 1);
    for (const char *ack : {"c", "d", "e"})
        QCOMPARE(table.take(key(ack), 9, &entry), PendingAckTable::TakeResult::Taken);
}

void TestPendingAckTable::bothBounds() {
    PendingAckTable table(2, 3);
    table.remember(key("x1"), 1, ackJson("x1"), Recipients{9}, 1000);
    table.remember(key("y1"), 2, ackJson("y1"), Recipients{9}, 2000);
    table.remember(key("x2"), 1, ackJson("x2"), Recipients{9}, 3000);
    // Asker 1 is at its bound (x1 goes); the table then has room again.
    QCOMPARE(table.remember(key("x3"), 1, ackJson("x3"), Recipients{9}, 4000), 1);
    QCOMPARE(table.size(), 3);
    // Asker 2 is below its bound but the table is full: the oldest overall (y1) goes.
    QCOMPARE(table.remember(key("y2"), 2, ackJson("y2"), Recipients{9}, 5000), 1);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("x1"), 9, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.take(key("y1"), 9, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.pendingFor(1), 2);
    QCOMPARE(table.pendingFor(2), 1);
}

void TestPendingAckTable::expireByDeadline() {
    PendingAckTable table(10, 100);
    table.remember(key("a"), 1, ackJson("a"), Recipients{9}, 100);
    table.remember(key("b"), 2, ackJson("b"), Recipients{9}, 200);
    table.remember(key("c"), 1, ackJson("c"), Recipients{9}, 300);
    QCOMPARE(table.expire(99), 0);
    QCOMPARE(table.nextDeadlineMs(), 100);
    QCOMPARE(table.expire(150), 1);
    QCOMPARE(table.nextDeadlineMs(), 200);
    QCOMPARE(table.pendingFor(1), 1);
    // A deadline that is now has passed.
    QCOMPARE(table.expire(200), 1);
    QCOMPARE(table.pendingFor(2), 0);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("b"), 9, &entry), PendingAckTable::TakeResult::UnknownAck);
    QCOMPARE(table.expire(10000), 1);
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.nextDeadlineMs(), -1);
    QCOMPARE(table.expire(20000), 0);
}

void TestPendingAckTable::expireAfterEviction() {
    PendingAckTable table(1, 100);
    table.remember(key("a"), 1, ackJson("a"), Recipients{9}, 100);
    table.remember(key("b"), 2, ackJson("b"), Recipients{9}, 200);
    QCOMPARE(table.remember(key("c"), 1, ackJson("c"), Recipients{9}, 300), 1);
    QCOMPARE(table.nextDeadlineMs(), 200);
    QCOMPARE(table.expire(250), 1);
    QCOMPARE(table.nextDeadlineMs(), 300);
    QCOMPARE(table.pendingFor(1), 1);
    QCOMPARE(table.expire(300), 1);
    QCOMPARE(table.size(), 0);
}

void TestPendingAckTable::forgetAsker() {
    PendingAckTable table(10, 100);
    table.remember(key("a"), 1, ackJson("a"), Recipients{2}, 100);
    table.remember(key("b"), 2, ackJson("b"), Recipients{1}, 200);
    table.remember(key("c"), 1, ackJson("c"), Recipients{2}, 300);
    table.remember(key("d", "/other"), 1, ackJson("d"), Recipients{2}, 400);
    QCOMPARE(table.forgetAsker(1), 3);
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.pendingFor(1), 0);
    QCOMPARE(table.nextDeadlineMs(), 200);
    QCOMPARE(table.forgetAsker(1), 0);
    QCOMPARE(table.forgetAsker(42), 0);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a"), 2, &entry), PendingAckTable::TakeResult::UnknownAck);
    // Asks to the connection that left stay: only its own asks go.
    QCOMPARE(table.take(key("b"), 1, &entry), PendingAckTable::TakeResult::Taken);
    // The table works on after forgetting.
    QCOMPARE(table.remember(key("a"), 1, ackJson("a"), Recipients{2}, 500), 0);
    QCOMPARE(table.pendingFor(1), 1);
}

void TestPendingAckTable::emptyTable() {
    PendingAckTable table(1, 1);
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.nextDeadlineMs(), -1);
    QCOMPARE(table.expire(1000), 0);
    QCOMPARE(table.forgetAsker(1), 0);
    QCOMPARE(table.pendingFor(1), 0);
    PendingAckTable::Entry entry;
    QCOMPARE(table.take(key("a"), 1, &entry), PendingAckTable::TakeResult::UnknownAck);
    // Bounds of one: every ask replaces the previous one.
    table.remember(key("a"), 1, ackJson("a"), Recipients{2}, 100);
    QCOMPARE(table.remember(key("b"), 3, ackJson("b"), Recipients{2}, 200), 1);
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.take(key("b"), 2, &entry), PendingAckTable::TakeResult::Taken);
}

QTEST_APPLESS_MAIN(TestPendingAckTable)

#include "tst_pendingacktable.moc"

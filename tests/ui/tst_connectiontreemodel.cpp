#include "brokerevents.h"
#include "connectiontreemodel.h"
#include "rowpalette.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;

namespace {

const QString Chat = QStringLiteral("/chat");
const QString Root;

// The tree as text: a room line, then one indented line per connection with every column.
QString dump(const QAbstractItemModel &model) {
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex room = model.index(r, 0);
        QStringList roomCells;
        for (int column = 0; column < ConnectionTreeModel::ColumnCount; ++column)
            roomCells.append(model.index(r, column).data().toString());
        lines.append(roomCells.join(QStringLiteral(" | ")));
        for (int c = 0; c < model.rowCount(room); ++c) {
            QStringList cells;
            for (int column = 0; column < ConnectionTreeModel::ColumnCount; ++column)
                cells.append(model.index(c, column, room).data().toString());
            lines.append(QStringLiteral("  ") + cells.join(QStringLiteral(" | ")));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString lines(std::initializer_list<const char *> rows) {
    QStringList list;
    for (const char *row : rows)
        list.append(QString::fromUtf8(row));
    return list.join(QLatin1Char('\n'));
}

BrokerSnapshot snapshotAt(qint64 secondsAfterBase, const QList<ConnectionInfo> &connections) {
    BrokerSnapshot s;
    s.timeMs = BaseTimeMs + secondsAfterBase * 1000;
    s.connections = connections;
    return s;
}

ConnectionInfo busy(ConnectionInfo c, quint64 framesIn, quint64 framesOut, int pendingAcks = 0) {
    c.framesIn = framesIn;
    c.framesOut = framesOut;
    c.bytesIn = framesIn * 100;
    c.bytesOut = framesOut * 100;
    c.pendingAcks = pendingAcks;
    return c;
}

} // namespace

class TestConnectionTreeModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void diffsOverSuccessiveSnapshots();
    void roomsArriveAroundExistingOnes();
    void rolesAndLookups();
    void clear();
};

void TestConnectionTreeModel::initTestCase() {
    // Byte columns use the locale's number format.
    QLocale::setDefault(QLocale::c());
}

void TestConnectionTreeModel::diffsOverSuccessiveSnapshots() {
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.applySnapshot(snapshotAt(0, {}));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(inserted.size(), 0);

    // A room appears with a connection that has not registered yet.
    const ConnectionInfo c1 = connection(1, Chat, QByteArray());
    model.applySnapshot(snapshotAt(1, {c1}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(
        dump(model),
        lines({
            "/chat (1) |  |  | 0 | 0 | 0 bytes | 0 bytes | 0 | 0 bytes",
            "  (unregistered) | 127.0.0.1:50001 | 1 s | 0 | 0 | 0 bytes | 0 bytes | 0 | 0 bytes",
        }));
    const QPersistentModelIndex chatRoom = model.indexOfRoom(Chat);
    const QPersistentModelIndex first = model.indexOfConnection(1);
    QVERIFY(first.isValid());

    // It registers; another client joins the room and one joins the root room, which sorts
    // first and so moves /chat down a row.
    inserted.clear();
    changed.clear();
    model.applySnapshot(snapshotAt(75, {busy(connection(1, Chat, "alice"), 3, 2, 1),
                                        connection(2, Chat, QByteArray(), BaseTimeMs + 70000),
                                        busy(connection(3, Root, "carol"), 1, 1)}));
    QCOMPARE(inserted.size(), 2); // connection 2 under /chat, then the root room
    QCOMPARE(
        dump(model),
        lines({
            "/ (1) |  |  | 1 | 1 | 100 bytes | 100 bytes | 0 | 0 bytes",
            "  carol | 127.0.0.1:50003 | 1 min 15 s | 1 | 1 | 100 bytes | 100 bytes | 0 | 0 bytes",
            "/chat (2) |  |  | 3 | 2 | 300 bytes | 200 bytes | 1 | 0 bytes",
            "  alice | 127.0.0.1:50001 | 1 min 15 s | 3 | 2 | 300 bytes | 200 bytes | 1 | 0 bytes",
            "  (unregistered) | 127.0.0.1:50002 | 5 s | 0 | 0 | 0 bytes | 0 bytes | 0 | 0 bytes",
        }));
    QVERIFY(changed.size() >= 2); // alice's row and the /chat room row
    // Persistent indexes (selection, expansion) followed the rows.
    QCOMPARE(chatRoom.row(), 1);
    QCOMPARE(first.data().toString(), QStringLiteral("alice"));
    QCOMPARE(first.parent(), QModelIndex(chatRoom));

    // The unregistered one leaves.
    removed.clear();
    model.applySnapshot(snapshotAt(
        80, {busy(connection(1, Chat, "alice"), 5, 2), busy(connection(3, Root, "carol"), 1, 1)}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), QModelIndex(chatRoom));
    QCOMPARE(
        dump(model),
        lines({
            "/ (1) |  |  | 1 | 1 | 100 bytes | 100 bytes | 0 | 0 bytes",
            "  carol | 127.0.0.1:50003 | 1 min 20 s | 1 | 1 | 100 bytes | 100 bytes | 0 | 0 bytes",
            "/chat (1) |  |  | 5 | 2 | 500 bytes | 200 bytes | 0 | 0 bytes",
            "  alice | 127.0.0.1:50001 | 1 min 20 s | 5 | 2 | 500 bytes | 200 bytes | 0 | 0 bytes",
        }));

    // The root room empties and vanishes; /chat moves back up.
    removed.clear();
    model.applySnapshot(snapshotAt(90, {busy(connection(1, Chat, "alice"), 5, 2)}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), QModelIndex());
    QCOMPARE(chatRoom.row(), 0);
    QCOMPARE(first.row(), 0);
    QCOMPARE(model.connectionCount(), 1);
    QVERIFY(!model.indexOfConnection(3).isValid());

    // The same snapshot again changes nothing.
    changed.clear();
    model.applySnapshot(snapshotAt(90, {busy(connection(1, Chat, "alice"), 5, 2)}));
    QCOMPARE(changed.size(), 0);

    // Everybody leaves.
    model.applySnapshot(snapshotAt(95, {}));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!chatRoom.isValid());
    QVERIFY(!first.isValid());
    QCOMPARE(reset.size(), 0);
}

void TestConnectionTreeModel::roomsArriveAroundExistingOnes() {
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(snapshotAt(0, {connection(5, QStringLiteral("/m"), "m1")}));
    const QPersistentModelIndex m = model.indexOfRoom(QStringLiteral("/m"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // Connection ids in a snapshot are ordered by id, not by room.
    model.applySnapshot(snapshotAt(
        1, {connection(1, QStringLiteral("/z"), "z1"), connection(2, QStringLiteral("/a"), "a1"),
            connection(3, QStringLiteral("/b"), "b1"), connection(4, QStringLiteral("/m"), "m0"),
            connection(5, QStringLiteral("/m"), "m1"), connection(6, QStringLiteral("/a"), "a2")}));
    QCOMPARE(inserted.size(), 3); // m0 under /m, /a + /b as one run, /z
    QStringList rooms;
    for (int r = 0; r < model.rowCount(); ++r)
        rooms.append(model.index(r, 0).data(ConnectionTreeModel::RoomNameRole).toString());
    QCOMPARE(rooms, (QStringList{QStringLiteral("/a"), QStringLiteral("/b"), QStringLiteral("/m"),
                                 QStringLiteral("/z")}));
    QCOMPARE(m.row(), 2);
    QCOMPARE(model.rowCount(m), 2);
    QCOMPARE(model.index(0, 0, m).data().toString(), QStringLiteral("m0"));
    QCOMPARE(model.index(1, 0, model.index(0, 0)).data().toString(), QStringLiteral("a2"));

    // Rooms leave from both ends and the middle at once.
    model.applySnapshot(snapshotAt(
        2, {connection(3, QStringLiteral("/b"), "b1"), connection(5, QStringLiteral("/m"), "m1")}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(m.row(), 1);
    QCOMPARE(model.rowCount(m), 1);
}

void TestConnectionTreeModel::rolesAndLookups() {
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionInfo alice = busy(connection(7, Chat, "alice"), 10, 20, 2);
    alice.queuedBytes = 4096;
    alice.remoteAddress = QStringLiteral("::1");
    model.applySnapshot(snapshotAt(3, {alice, connection(8, Chat, QByteArray())}));

    const QModelIndex room = model.indexOfRoom(Chat);
    QVERIFY(room.data(ConnectionTreeModel::IsRoomRole).toBool());
    QCOMPARE(room.data(ConnectionTreeModel::RoomNameRole).toString(), Chat);
    QVERIFY(!room.data(ConnectionTreeModel::ConnectionIdRole).isValid());
    QVERIFY(room.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 registered")));
    QCOMPARE(model.connectionAt(room), nullptr);

    const QModelIndex a = model.indexOfConnection(7, ConnectionTreeModel::RemoteColumn);
    QCOMPARE(a.column(), int(ConnectionTreeModel::RemoteColumn));
    QCOMPARE(a.data().toString(), QStringLiteral("[::1]:50007"));
    QCOMPARE(a.data(ConnectionTreeModel::ConnectionIdRole).toULongLong(), 7u);
    QCOMPARE(a.data(ConnectionTreeModel::RoomNameRole).toString(), Chat);
    QCOMPARE(a.data(ConnectionTreeModel::ClientIdRole).toString(), QStringLiteral("alice"));
    QVERIFY(!a.data(ConnectionTreeModel::IsRoomRole).toBool());
    QCOMPARE(model.connectionAt(a)->queuedBytes, 4096);
    QCOMPARE(model.indexOfConnection(7, ConnectionTreeModel::QueuedBytesColumn).data().toString(),
             QStringLiteral("4.0 KiB"));
    QCOMPARE(model.indexOfConnection(7, ConnectionTreeModel::QueuedBytesColumn)
                 .data(ConnectionTreeModel::SortRole)
                 .toLongLong(),
             4096);
    QCOMPARE(model.indexOfConnection(7, ConnectionTreeModel::ConnectedForColumn)
                 .data(ConnectionTreeModel::SortRole)
                 .toLongLong(),
             3000);

    // The unregistered connection's placeholder is italic and dimmed.
    const QModelIndex u = model.indexOfConnection(8);
    QCOMPARE(u.data().toString(), QStringLiteral("(unregistered)"));
    QVERIFY(u.data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(u.data(Qt::ForegroundRole).value<QColor>(),
             QGuiApplication::palette().color(QPalette::PlaceholderText));
    QVERIFY(u.data(ConnectionTreeModel::ClientIdRole).toString().isEmpty());
    QVERIFY(!a.siblingAtColumn(0).data(Qt::FontRole).isValid());
    QVERIFY(!model.indexOfConnection(99).isValid());
    QVERIFY(!model.indexOfRoom(QStringLiteral("/nope")).isValid());
    QCOMPARE(model.headerData(ConnectionTreeModel::PendingAcksColumn, Qt::Horizontal).toString(),
             QStringLiteral("Pending acks"));
}

void TestConnectionTreeModel::clear() {
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(snapshotAt(0, {connection(1, Chat, "a")}));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.connectionCount(), 0);
    model.applySnapshot(snapshotAt(1, {connection(1, Chat, "a")}));
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TestConnectionTreeModel)
#include "tst_connectiontreemodel.moc"

#include "heldframemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr qint64 HeldAtMs = 1700000000000; // 2023-11-14 22:13:20 UTC

HeldFrame held(quint64 ticket, const QByteArray &from = "a", const QByteArray &to = "b") {
    HeldFrame f;
    f.ticket = ticket;
    f.connectionId = 40 + ticket;
    f.room = QStringLiteral("/r");
    f.senderId = from;
    f.receiverId = to;
    f.action = FrameAction::Message;
    f.frame = R"({"action":"message","from":")" + from + R"(","message":{"n":)" +
              QByteArray::number(ticket) + "}}";
    f.rule = QStringLiteral("hold b");
    f.heldAtMs = HeldAtMs + qint64(ticket) * 1000;
    return f;
}

QList<quint64> tickets(const HeldFrameModel &model) {
    QList<quint64> list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, 0).data(HeldFrameModel::TicketRole).toULongLong();
    return list;
}

QString cell(const HeldFrameModel &model, int row, int column) {
    return model.index(row, column).data().toString();
}

} // namespace

class TestHeldFrameModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }
    void framesComeAndGoByTicket();
    void columns();
    void refusedReleaseMarksTheRow();
    void sameTicketReplacesItsRow();
};

void TestHeldFrameModel::framesComeAndGoByTicket() {
    HeldFrameModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.addFrame(held(7));
    model.addFrame(held(3));
    model.addFrame(held(9));
    QCOMPARE(tickets(model), (QList<quint64>{7, 3, 9}));
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(model.rowOfTicket(3), 1);
    QCOMPARE(model.rowOfTicket(4), -1);
    QCOMPARE(model.frameAt(2).ticket, quint64(9));

    model.endFrame(3);
    QCOMPARE(tickets(model), (QList<quint64>{7, 9}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    // A ticket the model does not hold (ended twice, or held before the window listened).
    model.endFrame(3);
    model.endFrame(1234);
    QCOMPARE(removed.size(), 1);
    model.endFrame(9);
    model.endFrame(7);
    QCOMPARE(model.rowCount(), 0);

    model.addFrame(held(1));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 1);
    model.clear();
    QCOMPARE(reset.size(), 1);
}

void TestHeldFrameModel::columns() {
    HeldFrameModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addFrame(held(2));
    HeldFrame fromBroker = held(5, {}, "b");
    fromBroker.action = FrameAction::Registered;
    fromBroker.frame = R"({"action":"registered","id":"b"})";
    model.addFrame(fromBroker);
    HeldFrame large = held(6);
    large.frame = R"({"action":"message","from":"a","message":")" + QByteArray(4000, 'x') + "\"}";
    model.addFrame(large);

    QCOMPARE(cell(model, 0, HeldFrameModel::HeldAtColumn), QStringLiteral("22:13:22.000"));
    // How long each has waited, counted on as the clock moves.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(held(2).heldAtMs + 3200);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(HeldFrameModel::HeldForColumn));
    QCOMPARE(cell(model, 0, HeldFrameModel::HeldForColumn), QStringLiteral("3 s"));
    model.setNow(held(2).heldAtMs + 125000);
    QCOMPARE(cell(model, 0, HeldFrameModel::HeldForColumn), QStringLiteral("2 min 05 s"));
    QCOMPARE(cell(model, 1, HeldFrameModel::HeldForColumn), QStringLiteral("2 min 02 s"));
    QCOMPARE(cell(model, 0, HeldFrameModel::RuleColumn), QStringLiteral("hold b"));
    QCOMPARE(cell(model, 0, HeldFrameModel::RoomColumn), QStringLiteral("/r"));
    QCOMPARE(cell(model, 0, HeldFrameModel::FromToColumn), QStringLiteral("a → b"));
    QCOMPARE(cell(model, 0, HeldFrameModel::ActionColumn), QStringLiteral("message"));
    QCOMPARE(cell(model, 0, HeldFrameModel::SizeColumn),
             QLocale().formattedDataSize(held(2).frame.size()));
    QCOMPARE(cell(model, 0, HeldFrameModel::SummaryColumn), QString::fromUtf8(held(2).frame));
    QCOMPARE(cell(model, 1, HeldFrameModel::FromToColumn), QStringLiteral("broker → b"));
    QCOMPARE(cell(model, 1, HeldFrameModel::ActionColumn), QStringLiteral("registered"));
    const QString summary = cell(model, 2, HeldFrameModel::SummaryColumn);
    QCOMPARE(summary.size(), HeldFrameModel::SummaryLength);
    QVERIFY(summary.endsWith(QChar(0x2026)));
    QCOMPARE(cell(model, 2, HeldFrameModel::SizeColumn), QStringLiteral("3.95 KiB"));
    // The tooltip has the whole frame.
    QCOMPARE(model.index(2, HeldFrameModel::SummaryColumn).data(Qt::ToolTipRole).toString(),
             QString::fromUtf8(large.frame));
    QCOMPARE(model.headerData(HeldFrameModel::FromToColumn, Qt::Horizontal).toString(),
             QStringLiteral("From → To"));
}

void TestHeldFrameModel::refusedReleaseMarksTheRow() {
    HeldFrameModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addFrame(held(1));
    model.addFrame(held(2));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refuseRelease(2, QStringLiteral("not a JSON object"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(model.refusalAt(1), QStringLiteral("not a JSON object"));
    QCOMPARE(model.index(1, 0).data(HeldFrameModel::RefusedRole).toString(),
             QStringLiteral("not a JSON object"));
    QVERIFY(cell(model, 1, HeldFrameModel::SummaryColumn)
                .startsWith(QStringLiteral("refused: not a JSON object")));
    QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(model.refusalAt(0).isEmpty());
    // Still held: the row stays until the broker says it ended.
    QCOMPARE(tickets(model), (QList<quint64>{1, 2}));
    model.refuseRelease(99, QStringLiteral("x"));
    QCOMPARE(changed.size(), 1);
}

void TestHeldFrameModel::sameTicketReplacesItsRow() {
    HeldFrameModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addFrame(held(1));
    model.refuseRelease(1, QStringLiteral("bad"));
    HeldFrame again = held(1, "c");
    model.addFrame(again);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.frameAt(0).senderId, QByteArray("c"));
    QVERIFY(model.refusalAt(0).isEmpty());
}

QTEST_MAIN(TestHeldFrameModel)
#include "tst_heldframemodel.moc"

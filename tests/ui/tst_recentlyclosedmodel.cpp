#include "brokerevents.h"
#include "recentlyclosedmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;

namespace {

ConnectionInfo closedConnection(quint64 id, CloseReason reason, const QString &detail = QString()) {
    ConnectionInfo c = connection(id, QStringLiteral("/chat"), "c" + QByteArray::number(id),
                                  BaseTimeMs + qint64(id) * 1000);
    c.closedAtMs = c.connectedAtMs + 2500;
    c.closeReason = reason;
    c.closeDetail = detail;
    return c;
}

BrokerSnapshot withClosed(const QList<ConnectionInfo> &closed) {
    BrokerSnapshot s;
    s.recentlyClosed = closed;
    return s;
}

QList<quint64> ids(const RecentlyClosedModel &model) {
    QList<quint64> list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, 0).data(RecentlyClosedModel::ConnectionIdRole).toULongLong());
    return list;
}

} // namespace

class TestRecentlyClosedModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsTheBoundedList();
    void columnsAndRoles();
    void brokerRestartStartsOver();
    void brokerRestartKeepsEarlierRuns();
};

void TestRecentlyClosedModel::followsTheBoundedList() {
    RecentlyClosedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto c = [](quint64 id) { return closedConnection(id, CloseReason::ClientClosed); };

    model.applySnapshot(withClosed({c(1), c(2)}));
    QCOMPARE(ids(model), (QList<quint64>{2, 1}));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.applySnapshot(withClosed({c(1), c(2), c(3)}));
    QCOMPARE(ids(model), (QList<quint64>{3, 2, 1}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 0);

    // The bound pushes the oldest out while new ones arrive.
    model.applySnapshot(withClosed({c(3), c(4), c(5)}));
    QCOMPARE(ids(model), (QList<quint64>{5, 4, 3}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(removed.size(), 1);

    model.applySnapshot(withClosed({c(3), c(4), c(5)}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(reset.size(), 0);
}

void TestRecentlyClosedModel::columnsAndRoles() {
    RecentlyClosedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConnectionInfo anonymous =
        closedConnection(9, CloseReason::SlowConsumer, QStringLiteral("17 MB unsent"));
    anonymous.clientId.clear();
    model.applySnapshot(withClosed({closedConnection(8, CloseReason::ClosedByUser), anonymous}));

    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < RecentlyClosedModel::ColumnCount; ++column) {
            if (column == RecentlyClosedModel::ConnectedAtColumn ||
                column == RecentlyClosedModel::ClosedAtColumn)
                continue;
            cells.append(model.index(row, column).data().toString());
        }
        rows.append(cells.join(QStringLiteral(" | ")));
    }
    QCOMPARE(rows,
             (QStringList{
                 QStringLiteral("#9 | /chat | 127.0.0.1:50009 | slow consumer | 17 MB unsent"),
                 QStringLiteral("c8 | /chat | 127.0.0.1:50008 | disconnected by you | "),
             }));
    QVERIFY(model.index(0, 0).data(RecentlyClosedModel::IsProblemRole).toBool());
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(1, 0).data(RecentlyClosedModel::IsProblemRole).toBool());
    QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(0, 0).data(RecentlyClosedModel::CloseReasonRole).toInt(),
             int(CloseReason::SlowConsumer));
    QCOMPARE(model.index(1, 0).data(RecentlyClosedModel::ClientIdRole).toString(),
             QStringLiteral("c8"));
    QCOMPARE(model.index(1, 0).data(RecentlyClosedModel::RoomNameRole).toString(),
             QStringLiteral("/chat"));
    QCOMPARE(model.index(1, RecentlyClosedModel::ClosedAtColumn)
                 .data(RecentlyClosedModel::SortRole)
                 .toLongLong(),
             BaseTimeMs + 8000 + 2500);
    QVERIFY(model.index(1, RecentlyClosedModel::ClosedAtColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .endsWith(QStringLiteral("after 2 s")));
    QCOMPARE(model.connectionAt(1).connectionId, 8u);
}

void TestRecentlyClosedModel::brokerRestartStartsOver() {
    RecentlyClosedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(withClosed({closedConnection(1, CloseReason::ClientClosed),
                                    closedConnection(2, CloseReason::ClientClosed)}));
    // A new broker numbers connections from 1 again, at other times.
    ConnectionInfo again = closedConnection(1, CloseReason::PingTimeout);
    again.connectedAtMs += 60000;
    model.applySnapshot(withClosed({again}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, RecentlyClosedModel::ReasonColumn).data().toString(),
             QStringLiteral("ping timeout"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRecentlyClosedModel::brokerRestartKeepsEarlierRuns() {
    RecentlyClosedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto inRun = [](quint64 session, quint64 id, CloseReason reason) {
        ConnectionInfo c = closedConnection(id, reason);
        c.session = session;
        return c;
    };
    BrokerSnapshot first = withClosed(
        {inRun(11, 1, CloseReason::ClientClosed), inRun(11, 2, CloseReason::ServerStopping)});
    first.session = 11;
    first.url = QUrl(QStringLiteral("ws://127.0.0.1:9077/"));
    model.applySnapshot(first);
    // The next run numbers from 1 again; what the first closed stays below, dimmed.
    BrokerSnapshot second = withClosed({});
    second.session = 22;
    model.applySnapshot(second);
    QCOMPARE(ids(model), (QList<quint64>{2, 1}));
    QVERIFY(model.index(0, 0).data(RecentlyClosedModel::IsEarlierRunRole).toBool());
    QVERIFY(model.index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"9077"));
    second.recentlyClosed = {inRun(22, 1, CloseReason::PingTimeout)};
    model.applySnapshot(second);
    QCOMPARE(ids(model), (QList<quint64>{1, 2, 1}));
    QCOMPARE(model.index(0, RecentlyClosedModel::ReasonColumn).data().toString(),
             QStringLiteral("ping timeout"));
    QVERIFY(!model.index(0, 0).data(RecentlyClosedModel::IsEarlierRunRole).toBool());
    QVERIFY(model.index(1, 0).data(RecentlyClosedModel::IsEarlierRunRole).toBool());
    // The run's own bounded list still leaves from its bottom, above the earlier runs.
    second.recentlyClosed = {inRun(22, 3, CloseReason::ClientClosed)};
    model.applySnapshot(second);
    QCOMPARE(ids(model), (QList<quint64>{3, 2, 1}));
}

QTEST_MAIN(TestRecentlyClosedModel)
#include "tst_recentlyclosedmodel.moc"

// The frame log's marks for message contracts (issue 15): a frame from a client whose message
// fails its contract names the failing paths and keywords in its summary, with a warning icon
// and the descriptions in its tooltip; frames that pass, frames the contracts do not cover and
// frames the broker sent carry no mark; loading or clearing contracts re-marks the shown rows.

#include "brokerevents.h"
#include "contractset.h"
#include "framelogmodel.h"

#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;

namespace {

std::shared_ptr<const ContractSet> ordersContract() {
    auto set = std::make_shared<ContractSet>();
    const QJsonValue schema = QJsonDocument::fromJson(R"({"type": "object", "required": ["qty"],
        "properties": {"qty": {"type": "integer"}, "items": {"type": "array",
        "items": {"type": "string"}}}})")
                                  .object();
    if (!set->add(QStringLiteral("/orders"), QStringLiteral("send"), {}, {}, QStringLiteral("test"),
                  schema))
        qFatal("%s", qPrintable(set->errors().join(QLatin1Char('\n'))));
    return set;
}

QString summaryOf(const FrameLogModel &log, int row) {
    return log.index(row, FrameLogModel::SummaryColumn).data().toString();
}

} // namespace

class TestFrameLogContracts : public QObject {
    Q_OBJECT

private slots:
    void violationsAreMarked();
    void loadingAndClearingRemarks();
};

void TestFrameLogContracts::violationsAreMarked() {
    FrameLogModel log;
    log.setContracts(ordersContract());
    log.appendEvents({
        send(1, QStringLiteral("/orders"), "alice", {"bob"}, R"({"qty":2})"),
        send(1, QStringLiteral("/orders"), "alice", {"bob"}, R"({"qty":"two","items":["a",3]})"),
        message(2, QStringLiteral("/orders"), "bob", "alice", R"({"qty":"two"})"),
        send(3, QStringLiteral("/chat"), "carol", {"dave"}, R"({"qty":"two"})"),
        send(1, QStringLiteral("/orders"), "alice", {"bob"}, R"({})"),
    });
    QCOMPARE(log.rowCount(), 5);

    // Passes.
    QVERIFY(log.contractFailures(0).isEmpty());
    QVERIFY(!summaryOf(log, 0).startsWith(QStringLiteral("violates")));
    QVERIFY(log.index(0, FrameLogModel::SummaryColumn).data(Qt::DecorationRole).isNull());

    // Two failures, both named in the summary and the role; descriptions in the tooltip.
    const QModelIndex bad = log.index(1, FrameLogModel::SummaryColumn);
    QStringList failures = bad.data(FrameLogModel::ContractFailuresRole).toStringList();
    // In the validator's order.
    QVERIFY2(summaryOf(log, 1).startsWith(
                 QStringLiteral("violates %1 · ").arg(failures.join(QStringLiteral(", ")))),
             qPrintable(summaryOf(log, 1)));
    failures.sort();
    QCOMPARE(failures, (QStringList{QStringLiteral("message/items/1: type"),
                                    QStringLiteral("message/qty: type")}));
    QVERIFY(summaryOf(log, 1).contains(QStringLiteral("\"two\"")));
    QVERIFY(!bad.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QString tip = bad.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Contract violation at message/qty: ")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Contract violation at message/items/1: ")),
             qPrintable(tip));

    // What the broker sent, and a room without a contract: not judged.
    QVERIFY(log.contractFailures(2).isEmpty());
    QVERIFY(log.contractFailures(3).isEmpty());
    QVERIFY(!summaryOf(log, 3).startsWith(QStringLiteral("violates")));

    // The message itself fails (required): its path is the message.
    QCOMPARE(log.index(4, 0).data(FrameLogModel::ContractFailuresRole).toStringList(),
             QStringList{QStringLiteral("message: required")});
}

void TestFrameLogContracts::loadingAndClearingRemarks() {
    FrameLogModel log;
    log.appendEvents({send(1, QStringLiteral("/orders"), "alice", {"bob"}, R"({"qty":1.5})")});
    QVERIFY(!summaryOf(log, 0).startsWith(QStringLiteral("violates")));
    QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);
    log.setContracts(ordersContract());
    QCOMPARE(changed.size(), 1);
    QVERIFY(summaryOf(log, 0).startsWith(QStringLiteral("violates message/qty: type · ")));
    log.setContracts(nullptr);
    QCOMPARE(changed.size(), 2);
    QVERIFY(!summaryOf(log, 0).startsWith(QStringLiteral("violates")));
    QVERIFY(log.contractFailures(0).isEmpty());
    // An empty set is no contracts.
    log.setContracts(std::make_shared<ContractSet>());
    QVERIFY(!log.hasContracts());
}

QTEST_MAIN(TestFrameLogContracts)
#include "tst_framelogcontracts.moc"

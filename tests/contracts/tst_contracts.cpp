// The contract loaders and the checks they drive: AsyncAPI 2.6 and 3.0 in JSON and YAML, the
// folder convention with a discriminator, bad files named with their problem while the good
// ones keep working, and the checker thread judging broker events.

#include "contractchecker.h"
#include "contractset.h"
#include "contractworker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

QString fixture(const QString &name) {
    return QStringLiteral(FIXTURES_DIR "/") + name;
}

BrokerEvent sendEvent(const QString &room, const QByteArray &message, quint64 connection = 1) {
    BrokerEvent e;
    e.kind = BrokerEvent::Kind::FrameIn;
    e.action = FrameAction::Send;
    e.session = 7;
    e.connectionId = connection;
    e.room = room;
    e.clientId = "alice";
    e.data = "{\"action\":\"send\",\"dest\":\"bob\",\"message\":" + message + "}";
    e.size = e.data.size();
    return e;
}

// "path keyword" of each violation of one send.
QStringList check(const ContractSet &set, const QString &room, const QByteArray &message) {
    QHash<QString, quint64> counts;
    quint64 checked = 0;
    QStringList result;
    for (const ContractViolation &v :
         ContractWorker::checkEvents(set, {sendEvent(room, message)}, &counts, &checked))
        result.append(v.path + QLatin1Char(' ') + v.keyword);
    return result;
}

} // namespace

class TestContracts : public QObject {
    Q_OBJECT

private slots:
    void asyncApi_data();
    void asyncApi();
    void folder();
    void badFilesAreNamed_data();
    void badFilesAreNamed();
    void checkerThread();
};

void TestContracts::asyncApi_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("2.6 json") << QStringLiteral("shop-2.6.json");
    QTest::newRow("2.6 yaml") << QStringLiteral("shop-2.6.yaml");
    QTest::newRow("3.0 json") << QStringLiteral("shop-3.0.json");
    QTest::newRow("3.0 yaml") << QStringLiteral("shop-3.0.yaml");
}

void TestContracts::asyncApi() {
    QFETCH(QString, file);
    const auto set = ContractSet::load(fixture(file));
    QVERIFY2(set->errors().isEmpty(), qPrintable(set->errors().join(QLatin1Char('\n'))));
    QCOMPARE(set->size(), 3);
    // "orders" is room /orders; its one payload schema.
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({"qty":2})"), QStringList());
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({"qty":"two"})"),
             QStringList{QStringLiteral("/qty type")});
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({})"),
             QStringList{QStringLiteral(" required")});
    // Another room is not checked.
    QCOMPARE(check(*set, QStringLiteral("/other"), R"({})"), QStringList());
    // /events: the discriminator `type` picks the message.
    QCOMPARE(check(*set, QStringLiteral("/events"), R"({"type":"created","id":"1"})"),
             QStringList());
    QCOMPARE(check(*set, QStringLiteral("/events"), R"({"type":"cancelled","id":"1"})"),
             QStringList{QStringLiteral(" required")});
    QCOMPARE(check(*set, QStringLiteral("/events"), R"({"type":"cancelled","reason":3})"),
             QStringList{QStringLiteral("/reason type")});
    // A value no message names: nothing to check against.
    QCOMPARE(check(*set, QStringLiteral("/events"), R"({"type":"other"})"), QStringList());
}

void TestContracts::folder() {
    const auto set = ContractSet::load(fixture(QStringLiteral("folder")));
    // Two bad files in chat/ are said; the rest work.
    QCOMPARE(set->errors().size(), 2);
    QCOMPARE(set->size(), 4);
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({"qty":0})"),
             QStringList{QStringLiteral("/qty minimum")});
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({"qty":3})"), QStringList());
    // orders/send.type=refund.schema.yaml
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({"type":"refund","amount":"x"})"),
             QStringList{QStringLiteral("/amount type")});
    QCOMPARE(check(*set, QStringLiteral("/orders"), R"({"type":"refund","amount":2.5})"),
             QStringList());
    // A nested folder is a nested room.
    QCOMPARE(check(*set, QStringLiteral("/chat/eu"), R"({"text":"far too long a text"})"),
             QStringList{QStringLiteral("/text maxLength")});
    QCOMPARE(check(*set, QStringLiteral("/chat"), R"({"text":5})"), QStringList());
}

void TestContracts::badFilesAreNamed_data() {
    QTest::addColumn<QString>("load");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("problem");
    QTest::newRow("json syntax") << QStringLiteral("folder")
                                 << QStringLiteral("folder/chat/send.schema.json")
                                 << QStringLiteral("not JSON at byte");
    QTest::newRow("keyword type") << QStringLiteral("folder")
                                  << QStringLiteral("folder/chat/answer.schema.json")
                                  << QStringLiteral("not a usable schema");
    QTest::newRow("not asyncapi") << QStringLiteral("folder/orders/answer.json")
                                  << QStringLiteral("folder/orders/answer.json")
                                  << QStringLiteral("not an AsyncAPI");
    QTest::newRow("relative ref") << QStringLiteral("relative-ref.yaml")
                                  << QStringLiteral("relative-ref.yaml")
                                  << QStringLiteral("$ref orderChannel is not in this document");
    QTest::newRow("missing") << QStringLiteral("nothing.yaml") << QStringLiteral("nothing.yaml")
                             << QStringLiteral("no such file");
}

void TestContracts::badFilesAreNamed() {
    QFETCH(QString, load);
    QFETCH(QString, file);
    QFETCH(QString, problem);
    const auto set = ContractSet::load(fixture(load));
    bool found = false;
    for (const QString &error : set->errors())
        found = found ||
                (error.startsWith(fixture(file) + QLatin1Char(':')) && error.contains(problem));
    QVERIFY2(found, qPrintable(set->errors().join(QLatin1Char('\n'))));
}

void TestContracts::checkerThread() {
    ContractChecker checker;
    checker.setContracts(ContractSet::load(fixture(QStringLiteral("shop-2.6.yaml"))));
    QSignalSpy found(&checker, &ContractChecker::violationsFound);
    BrokerEventList events{sendEvent(QStringLiteral("/orders"), R"({"qty":1})", 3),
                           sendEvent(QStringLiteral("/orders"), R"({"qty":1.5})", 3),
                           sendEvent(QStringLiteral("/orders"), R"({"qty":"x"})", 4)};
    checker.check(events);
    checker.drain();
    QCOMPARE(found.size(), 1);
    const auto violations = found.first().first().value<ContractViolationList>();
    QCOMPARE(violations.size(), 2);
    // Keyed by the frame: connection 3's second frame, connection 4's first.
    QCOMPARE(violations.at(0).connectionId, 3u);
    QCOMPARE(violations.at(0).frameIndex, 1u);
    QCOMPARE(violations.at(1).connectionId, 4u);
    QCOMPARE(violations.at(1).frameIndex, 0u);
    QCOMPARE(violations.at(1).sender, QStringLiteral("alice"));
    QCOMPARE(checker.framesChecked(), 3u);
    QCOMPARE(checker.violationCount(), 2u);
}

QTEST_GUILESS_MAIN(TestContracts)
#include "tst_contracts.moc"

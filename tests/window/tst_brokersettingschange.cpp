#include "brokersettingschange.h"

#include <QTest>

Q_DECLARE_METATYPE(BrokerSettings)

class TestBrokerSettingsChange : public QObject {
    Q_OBJECT

private slots:
    void nothingChanged();
    void displayOptionsApplyLive();
    void languageIsNeitherRestartNorDisplay();
    void everyBrokerSettingNeedsARestart_data();
    void everyBrokerSettingNeedsARestart();
};

using Options = BrokerSettingsChange::InspectorOptions;

void TestBrokerSettingsChange::nothingChanged() {
    const BrokerSettings broker;
    const Options options;
    const BrokerSettingsChange change(broker, options, broker, options);
    QVERIFY(change.isEmpty());
    QVERIFY(!change.needsRestart());
    QVERIFY(!change.changesDisplay());
    // The host typed as "localhost" and as 127.0.0.1 is the same address.
    BrokerSettings typed = broker;
    typed.host = QHostAddress(QStringLiteral("127.0.0.1"));
    QVERIFY(BrokerSettingsChange(broker, options, typed, options).isEmpty());
}

void TestBrokerSettingsChange::displayOptionsApplyLive() {
    const BrokerSettings broker;
    const Options before;
    Options after = before;
    after.unansweredThresholdMs = 2000;
    BrokerSettingsChange change(broker, before, broker, after);
    QVERIFY(!change.isEmpty());
    QVERIFY(!change.needsRestart());
    QVERIFY(change.changesDisplay());
    QCOMPARE(change.inspectorFields(), QStringList{QStringLiteral("unansweredThresholdMs")});

    after.logCapacity = 5000;
    change = BrokerSettingsChange(broker, before, broker, after);
    QVERIFY(!change.needsRestart());
    QCOMPARE(change.inspectorFields(),
             (QStringList{QStringLiteral("logCapacity"), QStringLiteral("unansweredThresholdMs")}));
}

void TestBrokerSettingsChange::languageIsNeitherRestartNorDisplay() {
    const BrokerSettings broker;
    Options after;
    after.language = QStringLiteral("fr");
    const BrokerSettingsChange change(broker, Options(), broker, after);
    QVERIFY(!change.isEmpty()); // saved for the next start
    QVERIFY(!change.needsRestart());
    QVERIFY(!change.changesDisplay());
}

void TestBrokerSettingsChange::everyBrokerSettingNeedsARestart_data() {
    // The broker reads its settings from the copy it was made with; none can change live.
    QTest::addColumn<QString>("field");
    QTest::addColumn<BrokerSettings>("after");
    const auto row = [](const char *field, auto edit) {
        BrokerSettings s;
        edit(s);
        QTest::newRow(field) << QString::fromLatin1(field) << s;
    };
    row("host", [](BrokerSettings &s) { s.host = QHostAddress(QHostAddress::AnyIPv4); });
    row("port", [](BrokerSettings &s) { s.port = 9077; });
    row("duplicateIds",
        [](BrokerSettings &s) { s.duplicateIds = BrokerSettings::DuplicateIdPolicy::Reject; });
    row("ackTtlMs", [](BrokerSettings &s) { s.ackTtlMs = 1000; });
    row("maxMessageBytes", [](BrokerSettings &s) { s.maxMessageBytes = 2048; });
    row("maxQueuedBytes", [](BrokerSettings &s) { s.maxQueuedBytes = 2048; });
    row("maxConnections", [](BrokerSettings &s) { s.maxConnections = 5; });
    row("pingIntervalMs", [](BrokerSettings &s) { s.pingIntervalMs = 0; });
    row("rateLimitPerSecond", [](BrokerSettings &s) { s.rateLimitPerSecond = 10; });
    row("token", [](BrokerSettings &s) { s.token = QStringLiteral("secret"); });
    row("tlsCertificatePath",
        [](BrokerSettings &s) { s.tlsCertificatePath = QStringLiteral("/tmp/c.pem"); });
}

void TestBrokerSettingsChange::everyBrokerSettingNeedsARestart() {
    QFETCH(QString, field);
    QFETCH(BrokerSettings, after);
    const BrokerSettingsChange change(BrokerSettings(), Options(), after, Options());
    QVERIFY(change.needsRestart());
    QVERIFY(!change.changesDisplay());
    QCOMPARE(change.brokerFields(), QStringList{field});
    QVERIFY(change.inspectorFields().isEmpty());
}

QTEST_GUILESS_MAIN(TestBrokerSettingsChange)
#include "tst_brokersettingschange.moc"

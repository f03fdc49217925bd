// Runs the JSON-Schema-Test-Suite (Debian's json-schema-test-suite) for draft 7 through
// ContractSchema, the validator the contracts use, and fails when fewer cases pass than the
// README states. The cases that fail are printed with their file and description.

#include "contractschema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestSchemaSuite : public QObject {
    Q_OBJECT

private slots:
    void draft7();
};

void TestSchemaSuite::draft7() {
    const QDir dir(QStringLiteral(SCHEMA_SUITE_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), SCHEMA_SUITE_DIR);
    int passed = 0;
    int total = 0;
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray groups = QJsonDocument::fromJson(file.readAll()).array();
        QVERIFY2(!groups.isEmpty(), qPrintable(name));
        for (const QJsonValue &groupValue : groups) {
            const QJsonObject group = groupValue.toObject();
            const QString groupName = group.value(QStringLiteral("description")).toString();
            QString error;
            const std::unique_ptr<ContractSchema> schema =
                ContractSchema::compile(group.value(QStringLiteral("schema")), &error);
            for (const QJsonValue &caseValue : group.value(QStringLiteral("tests")).toArray()) {
                const QJsonObject testCase = caseValue.toObject();
                ++total;
                const bool expected = testCase.value(QStringLiteral("valid")).toBool();
                const QString where =
                    QStringLiteral("%1: %2: %3")
                        .arg(name, groupName,
                             testCase.value(QStringLiteral("description")).toString());
                if (!schema) {
                    qInfo("FAILS (schema not compiled: %s) %s", qPrintable(error),
                          qPrintable(where));
                    continue;
                }
                const bool valid =
                    schema->validate(testCase.value(QStringLiteral("data"))).isEmpty();
                if (valid == expected)
                    ++passed;
                else
                    qInfo("FAILS (said %s) %s", valid ? "valid" : "invalid", qPrintable(where));
            }
        }
    }
    qInfo("draft7: %d of %d cases pass", passed, total);
    QVERIFY2(passed >= SCHEMA_SUITE_MIN_PASS,
             qPrintable(QStringLiteral("%1 of %2 pass, the README states %3")
                            .arg(passed)
                            .arg(total)
                            .arg(SCHEMA_SUITE_MIN_PASS)));
}

QTEST_GUILESS_MAIN(TestSchemaSuite)
#include "tst_schemasuite.moc"

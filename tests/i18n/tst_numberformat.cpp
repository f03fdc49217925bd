#include "settingsdialog.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QSpinBox>
#include <QTest>

// Numbers in the window's language (issue 19, "Numbers"): the chosen UI language sets the
// default locale, byte counts below 1 KiB are translated, and a port has no group separator.
class TestNumberFormat : public QObject {
    Q_OBJECT

private slots:
    void frenchNumbersAndBytes();
    void portHasNoSeparator();
};

void TestNumberFormat::frenchNumbersAndBytes() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(QStringLiteral("fr"))), QStringLiteral("fr"));
    QCOMPARE(QLocale().language(), QLocale::French);
    const QString thousands = QLocale().toString(100000);
    QVERIFY2(!thousands.contains(QLatin1Char(',')), qPrintable(thousands));
    QCOMPARE(thousands, QLocale(QLocale::French).toString(100000));
    QCOMPARE(QCoreApplication::translate("ConnectionTreeModel", "%1 bytes").arg(38),
             QStringLiteral("38 octets"));
    QCOMPARE(loader.install(QLocale(QStringLiteral("en"))), QString());
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestNumberFormat::portHasNoSeparator() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    BrokerSettings broker;
    broker.port = 9077;
    SettingsDialog dialog(broker, {}, {}, QString());
    auto *port = dialog.findChild<QSpinBox *>(QStringLiteral("port"));
    QVERIFY(port);
    QCOMPARE(port->text(), QStringLiteral("9077"));
}

QTEST_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"

// The translations: the window in French and German, plural forms, Qt's own translation, the
// choice of language, the fallback to English, and a translated --help from the real binary.

#include "brokersettings.h"
#include "mainwindow.h"
#include "translationloader.h"

#include <QAction>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void menusAreTranslated_data();
    void menusAreTranslated();
    void pluralForms_data();
    void pluralForms();
    void qtOwnTranslationFollows_data();
    void qtOwnTranslationFollows();
    void regionFallsBackToLanguage();
    void unknownLanguageFallsBackToEnglish_data();
    void unknownLanguageFallsBackToEnglish();
    void installReplacesThePreviousLanguage();
    void commandLineOverridesSettingOverridesSystem();
    void languageArgument_data();
    void languageArgument();
    void helpIsTranslated();

private:
    QStringList menuTitles(const QString &language);

    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase() {
    QVERIFY(m_dir.isValid());
}

// The menu bar's titles of a window built after the translators for language went in.
QStringList TestTranslations::menuTitles(const QString &language) {
    TranslationLoader loader;
    if (loader.install(QLocale(language)) != language)
        return {};
    QSettings settings(m_dir.filePath(QStringLiteral("window-%1.ini").arg(language)),
                       QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles.append(action->text());
    return titles;
}

void TestTranslations::menusAreTranslated_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("fr") << QStringLiteral("fr")
                        << QStringList{u"&Fichier"_s, u"&Broker"_s, u"&Journal"_s, u"Affic&hage"_s,
                                       u"&Aide"_s};
    QTest::newRow("de") << QStringLiteral("de")
                        << QStringList{u"&Datei"_s, u"&Broker"_s, u"&Log"_s, u"&Ansicht"_s,
                                       u"&Hilfe"_s};
}

void TestTranslations::menusAreTranslated() {
    QFETCH(QString, language);
    QFETCH(QStringList, expected);
    QCOMPARE(menuTitles(language), expected);
    // Once the loader is gone the window is English again.
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&File"_s);
}

void TestTranslations::pluralForms_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    const QByteArray window = "MainWindow";
    const QByteArray clients = "%n client(s)";
    const QByteArray rooms = "%n room(s)";
    // French: 0 and 1 take the singular; German: only 1 does.
    QTest::newRow("fr 0") << u"fr"_s << window << clients << 0 << u"0 client"_s;
    QTest::newRow("fr 1") << u"fr"_s << window << clients << 1 << u"1 client"_s;
    QTest::newRow("fr 2") << u"fr"_s << window << clients << 2 << u"2 clients"_s;
    QTest::newRow("de 0") << u"de"_s << window << clients << 0 << u"0 Clients"_s;
    QTest::newRow("de 1") << u"de"_s << window << clients << 1 << u"1 Client"_s;
    QTest::newRow("de 2") << u"de"_s << window << clients << 2 << u"2 Clients"_s;
    QTest::newRow("fr rooms 1") << u"fr"_s << window << rooms << 1 << u"1 salon"_s;
    QTest::newRow("fr rooms 5") << u"fr"_s << window << rooms << 5 << u"5 salons"_s;
    QTest::newRow("de rooms 1") << u"de"_s << window << rooms << 1 << u"1 Raum"_s;
    QTest::newRow("de rooms 5") << u"de"_s << window << rooms << 5 << u"5 Räume"_s;
}

void TestTranslations::pluralForms() {
    QFETCH(QString, language);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(int, count);
    QFETCH(QString, expected);
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(language)), language);
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, count),
             expected);
}

void TestTranslations::qtOwnTranslationFollows_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("fr") << u"fr"_s << u"Annuler"_s;
    QTest::newRow("de") << u"de"_s << u"Abbrechen"_s;
}

// Qt's standard dialogs (here the button boxes' Cancel) speak the application's language.
void TestTranslations::qtOwnTranslationFollows() {
    QFETCH(QString, language);
    QFETCH(QString, cancel);
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(language)), language);
    QVERIFY2(loader.hasQtTranslation(),
             "qtbase_*.qm not found in QLibraryInfo::TranslationsPath (Debian: install "
             "qt6-translations-l10n)");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
}

void TestTranslations::regionFallsBackToLanguage() {
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(u"de_CH"_s)), u"de"_s);
    QCOMPARE(QCoreApplication::translate("MainWindow", "&Help"), u"&Hilfe"_s);
    QCOMPARE(loader.install(QLocale(u"fr_CA"_s)), u"fr"_s);
    QCOMPARE(QCoreApplication::translate("MainWindow", "&Help"), u"&Aide"_s);
}

void TestTranslations::unknownLanguageFallsBackToEnglish_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("not a language") << u"xx"_s;
    QTest::newRow("no translation") << u"es"_s;
    QTest::newRow("English") << u"en_GB"_s;
    QTest::newRow("C") << u"C"_s;
}

void TestTranslations::unknownLanguageFallsBackToEnglish() {
    QFETCH(QString, language);
    // Falling back is normal, not worth a warning.
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(language)), QString());
    QCOMPARE(loader.language(), QString());
    QVERIFY(!loader.hasQtTranslation());
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&File"_s);
}

void TestTranslations::installReplacesThePreviousLanguage() {
    TranslationLoader loader;
    QCOMPARE(loader.install(QLocale(QLocale::French)), u"fr"_s);
    QCOMPARE(QCoreApplication::translate("MainWindow", "&View"), u"Affic&hage"_s);
    QCOMPARE(loader.install(QLocale(QLocale::German)), u"de"_s);
    QCOMPARE(QCoreApplication::translate("MainWindow", "&View"), u"&Ansicht"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    QCOMPARE(loader.install(QLocale(QLocale::English)), QString());
    QCOMPARE(QCoreApplication::translate("MainWindow", "&View"), u"&View"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

void TestTranslations::commandLineOverridesSettingOverridesSystem() {
    QSettings settings(m_dir.filePath(u"choice.ini"_s), QSettings::IniFormat);
    QCOMPARE(TranslationLoader::chooseLocale({}, &settings), QLocale::system());
    QCOMPARE(TranslationLoader::chooseLocale({}, nullptr), QLocale::system());
    settings.setValue(TranslationLoader::settingsKey(), u"fr"_s);
    QCOMPARE(TranslationLoader::chooseLocale({}, &settings).language(), QLocale::French);
    QCOMPARE(TranslationLoader::chooseLocale(u"de"_s, &settings).language(), QLocale::German);
    QCOMPARE(TranslationLoader::settingsKey(), u"inspector/language"_s);
}

void TestTranslations::languageArgument_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QStringList{u"wsmsgbroker"_s, u"--port"_s, u"0"_s} << QString();
    QTest::newRow("separate") << QStringList{u"wsmsgbroker"_s, u"--lang"_s, u"fr"_s} << u"fr"_s;
    QTest::newRow("joined") << QStringList{u"wsmsgbroker"_s, u"--lang=de"_s} << u"de"_s;
    QTest::newRow("last wins") << QStringList{u"wsmsgbroker"_s, u"--lang=de"_s, u"--lang"_s,
                                              u"fr"_s}
                               << u"fr"_s;
    QTest::newRow("no value") << QStringList{u"wsmsgbroker"_s, u"--lang"_s} << QString();
    QTest::newRow("after --") << QStringList{u"wsmsgbroker"_s, u"--"_s, u"--lang=fr"_s}
                              << QString();
}

void TestTranslations::languageArgument() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QCOMPARE(TranslationLoader::languageArgument(arguments), expected);
}

// The real binary: --lang applies before the command line is parsed, so --help is German,
// Qt's own part of it ("Aufruf:") too.
void TestTranslations::helpIsTranslated() {
    QProcess process;
    process.start(QStringLiteral(WSMSGBROKER_BINARY), {u"--lang"_s, u"de"_s, u"--help"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(help.contains(u"Nur den Broker ausführen, ohne Fenster."_s), qPrintable(help));
    QVERIFY2(help.contains(u"Aufruf:"_s), qPrintable(help));

    process.start(QStringLiteral(WSMSGBROKER_BINARY), {u"--lang=fr"_s, u"--port"_s, u"x"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(u"n’est pas un nombre entre 0 et 65535"_s), qPrintable(error));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

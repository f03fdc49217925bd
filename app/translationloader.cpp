#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>

QLocale TranslationLoader::chooseLocale(const QString &commandLineLanguage,
                                        const QSettings *settings) {
    if (!commandLineLanguage.isEmpty())
        return QLocale(commandLineLanguage);
    if (settings) {
        const QString saved = settings->value(settingsKey()).toString();
        if (!saved.isEmpty())
            return QLocale(saved);
    }
    return QLocale::system();
}

QString TranslationLoader::languageArgument(const QStringList &arguments) {
    const QString option = QStringLiteral("--lang");
    const QString optionWithValue = QStringLiteral("--lang=");
    QString language;
    // arguments[0] is the program; "--" ends the options, as for QCommandLineParser.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (argument == option && i + 1 < arguments.size())
            language = arguments.at(++i);
        else if (argument.startsWith(optionWithValue))
            language = argument.mid(optionWithValue.size());
    }
    return language;
}

QString TranslationLoader::install(const QLocale &locale) {
    m_qt.reset();
    m_app.reset();
    m_language.clear();
    const QString appDirectory = QStringLiteral(":/i18n");
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QString separator = QStringLiteral("_");
    // Each UI language in turn (e.g. $LANGUAGE=de_CH:fr gives de-CH, de, fr): the first one
    // translated wins, and English, the source text, ends the search with no translator, so
    // that a user preferring English over French does not get French.
    for (const QString &uiLanguage : locale.uiLanguages()) {
        const QLocale candidate(uiLanguage);
        if (candidate.language() == QLocale::English || candidate.language() == QLocale::C) {
            QLocale::setDefault(candidate); // numbers as the window's language writes them
            break;
        }
        auto app = std::make_unique<QTranslator>();
        if (!app->load(candidate, QStringLiteral("wsmsgbroker"), separator, appDirectory))
            continue;
        m_app = std::move(app);
        QCoreApplication::installTranslator(m_app.get());
        // Qt's own translation matches the application's language, never another one; without
        // it the standard dialogs stay in English.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(candidate, QStringLiteral("qtbase"), separator, qtDirectory)) {
            m_qt = std::move(qt);
            QCoreApplication::installTranslator(m_qt.get());
        }
        m_language = QLocale::languageToCode(candidate.language());
        // Numbers in the window's language: "3 600 s" in French, not the system's "3,600 s".
        QLocale::setDefault(candidate);
        break;
    }
    return m_language;
}

#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

class QSettings;

// Installs the application's translation (embedded as :/i18n/wsmsgbroker_<lang>.qm) and Qt's own
// (qtbase_<lang>.qm from the system, for standard dialogs and the command-line parser's texts)
// for one language. English is the source language and needs no translator; so does a language
// without a translation, which therefore shows English rather than an error. The translators stay
// installed while the loader lives.
class TranslationLoader {
public:
    // QSettings key overriding the system locale: a language code ("fr", "de", "en"), or empty
    // for the system's.
    static QString settingsKey() { return QStringLiteral("inspector/language"); }

    // The language asked for: the command line's --lang, else the setting, else the system
    // locale (whose UI languages, e.g. from $LANGUAGE, are tried in order).
    static QLocale chooseLocale(const QString &commandLineLanguage, const QSettings *settings);

    // The value of --lang in arguments ("--lang fr" or "--lang=fr"; the last one wins), read
    // before the command line is parsed so that --help and its errors are translated too.
    static QString languageArgument(const QStringList &arguments);

    TranslationLoader() = default;
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    // Installs the translators for the first of locale's UI languages that the application is
    // translated into, replacing those this loader installed before. Returns that language's
    // code ("fr", "de"), or an empty string when the application stays in English.
    QString install(const QLocale &locale);

    // The language installed by the last install() (empty: English).
    QString language() const { return m_language; }
    // Whether Qt's own translation was found for it (Debian: package qt6-translations-l10n).
    bool hasQtTranslation() const { return m_qt != nullptr; }

private:
    // Null when not installed; destroying a QTranslator uninstalls it.
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language;
};

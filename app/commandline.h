#pragma once

#include "brokersettings.h"
#include "capturebudget.h"
#include "replayoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

class QCommandLineOption;
class QCommandLineParser;
class QSettings;

// The parsed command line. Values the user did not give keep the settings file's value, or
// the default.
struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Outcome { Run, ExitOk, ExitUsageError };

    Outcome outcome = Outcome::Run;
    QString output; // what to print before exiting (help, version, or the error)
    bool headless = false;
    bool logFrames = false;
    QString settingsFile; // empty: the platform's default location (GUI only)
    QString language;     // empty: follow the system locale
    QStringList files;    // to open in windows of their own
    BrokerSettings broker;
    QString recordFile; // --record: the capture the headless broker writes (empty: none)
    CaptureBudget captureBudget;
    QStringList scriptFiles; // --script: peer scripts to run against the broker
    QString replayFile;      // --replay: the recording to play and compare (empty: none)
    ReplayOptions replay;    // --live, --speed, --timing, --ignore, --timeout
    QString junitFile;       // --junit: the replay's result as JUnit XML
    QString rulesFile;   // --rules: the traffic rules file, reloaded when it changes (empty: none)
    QString schemasPath; // --schemas: a contracts folder or AsyncAPI file (empty: none)
    // --attach: the window shows the broker of this monitor URL instead of its own (invalid:
    // not asked), presenting --monitor-token (attachToken).
    QUrl attachUrl;
    QString attachToken;
    // --convert IN OUT: converts and exits, no broker (empty: not asked).
    QString convertInput;
    QString convertOutput;

    // Parses arguments (argv including the program name). Errors name the option and value in
    // one line. A settings file, when given, is read before the options that override it.
    // savedSettings, when given, is read first when no --settings file is named (the window's
    // saved settings; the headless broker reads only the file it is given).
    static CommandLine parse(const QStringList &arguments, QSettings *savedSettings = nullptr);

private:
    // --replay and its options; the error, or empty.
    static QString parseReplay(const QCommandLineParser &parser, CommandLine *result);
    // --metrics-token or --metrics-token-file; the error, or empty.
    static QString parseMetricsToken(const QCommandLineParser &parser, BrokerSettings *broker);
    // The monitor endpoint's options and --attach (commandlinemonitor.cpp); the error, or empty.
    static QList<QCommandLineOption> monitorOptions();
    static QString parseMonitor(const QCommandLineParser &parser, CommandLine *result);
};

#include "broker.h"
#include "brokereventdispatcher.h"
#include "captureconverter.h"
#include "commandline.h"
#include "headlesscontracts.h"
#include "headlessrecording.h"
#include "headlessreplay.h"
#include "headlessrunner.h"
#include "headlessscripts.h"
#include "mainwindow.h"
#include "monitorhub.h"
#include "rulesfilewatcher.h"
#include "translationloader.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QIcon>
#include <QSettings>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

bool hasArgument(int argc, char *argv[], const char *name) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

// An option given as "--name value" or "--name=value".
bool hasOption(int argc, char *argv[], const char *name) {
    const size_t length = std::strlen(name);
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], name, length) == 0 &&
            (argv[i][length] == '\0' || argv[i][length] == '='))
            return true;
    }
    return false;
}

// --convert IN OUT: one line on success or failure, and a warning for a damaged input.
int convert(const QString &in, const QString &out) {
    QString error;
    QString warning;
    const bool ok = CaptureConverter::convert(in, out, &error, {}, &warning);
    if (!warning.isEmpty())
        std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(warning));
    if (!ok) {
        std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

// Whether a window can be shown at all: a display server, or a platform chosen explicitly
// (offscreen, vnc...).
bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication::setApplicationName(QStringLiteral("wsmsgbroker"));
    QCoreApplication::setOrganizationName(QStringLiteral("wsmsgbroker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSMSGBROKER_VERSION));

    // The kind of application object must be chosen before anything else: a window needs
    // QApplication (and a display), the broker alone and --help do not.
    const bool textOnly = hasArgument(argc, argv, "--help") || hasArgument(argc, argv, "-h") ||
                          hasArgument(argc, argv, "--help-all") ||
                          hasArgument(argc, argv, "--version") || hasArgument(argc, argv, "-v") ||
                          hasOption(argc, argv, "--convert");
    bool headless = hasArgument(argc, argv, "--headless");
    if (!headless && !textOnly && !hasDisplay()) {
        std::fputs("wsmsgbroker: no display (DISPLAY and WAYLAND_DISPLAY are not set); "
                   "running the broker headless\n",
                   stderr);
        headless = true;
    }
    std::unique_ptr<QCoreApplication> app;
    if (headless || textOnly) {
        // Headless, the main thread is the broker's thread: give it the dispatcher whose cost
        // does not grow with idle connections. Set before the application object exists.
        if (headless && !textOnly) {
            if (QAbstractEventDispatcher *dispatcher = createBrokerEventDispatcher())
                QCoreApplication::setEventDispatcher(dispatcher);
        }
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
    }

    std::unique_ptr<QSettings> saved;
    if (!headless && !textOnly && !hasArgument(argc, argv, "--settings"))
        saved = std::make_unique<QSettings>();
    // The translators go in before the command line is parsed, so that --help and its errors
    // are translated too.
    TranslationLoader translations;
    translations.install(TranslationLoader::chooseLocale(
        TranslationLoader::languageArgument(app->arguments()), saved.get()));
    const CommandLine options = CommandLine::parse(app->arguments(), saved.get());
    switch (options.outcome) {
    case CommandLine::Outcome::ExitOk:
        std::fputs(qPrintable(options.output), stdout);
        return 0;
    case CommandLine::Outcome::ExitUsageError:
        std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(options.output));
        return 2;
    case CommandLine::Outcome::Run:
        break;
    }
    if (!options.convertInput.isEmpty())
        return convert(options.convertInput, options.convertOutput);

    if (headless && options.attachUrl.isValid()) {
        std::fprintf(stderr, "wsmsgbroker: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "main", "--attach shows the broker in a window, which needs a display")));
        return 2;
    }
    if (headless) {
        if (!options.broker.host.isLoopback() && options.broker.token.isEmpty())
            std::fprintf(stderr, "wsmsgbroker: %s\n",
                         qPrintable(QCoreApplication::translate(
                                        "main", "warning: listening on %1 without --token lets "
                                                "any machine that reaches it connect")
                                        .arg(options.broker.host.toString())));
        Broker broker(options.broker);
        HeadlessRunner runner(&broker, options.logFrames);
        // Made before the broker starts, so that its backlog holds the first events too.
        std::unique_ptr<MonitorHub> monitor;
        if (options.broker.monitorEnabled())
            monitor = std::make_unique<MonitorHub>(&broker);
        // Opened before the broker starts: a capture that cannot be written stops it all.
        std::unique_ptr<HeadlessRecording> recording;
        if (!options.recordFile.isEmpty()) {
            recording = std::make_unique<HeadlessRecording>(&broker);
            QString error;
            if (!recording->open(options.recordFile, options.captureBudget, &error)) {
                std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(error));
                return 1;
            }
        }
        // Read before the broker starts: a bad file at start is a usage error (exit 2).
        std::unique_ptr<RulesFileWatcher> rules;
        if (!options.rulesFile.isEmpty()) {
            rules = std::make_unique<RulesFileWatcher>(options.rulesFile);
            QString error;
            if (!rules->load(&error)) {
                std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(error));
                return 2;
            }
            broker.setTrafficRules(rules->rules());
            QObject::connect(rules.get(), &RulesFileWatcher::rulesChanged, &broker,
                             [&broker, &options](const TrafficRuleList &list) {
                                 broker.setTrafficRules(list);
                                 std::fprintf(stderr, "wsmsgbroker: %s\n",
                                              qPrintable(QCoreApplication::translate(
                                                             "main", "%1: %2 rules applied")
                                                             .arg(options.rulesFile)
                                                             .arg(list.size())));
                             });
            QObject::connect(rules.get(), &RulesFileWatcher::reloadFailed, [](const QString &e) {
                std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(e));
            });
            rules->watch();
        }
        HeadlessScripts scripts(&broker, options.scriptFiles);
        // Read before the broker starts: a file that is not a recording is a usage error.
        std::unique_ptr<HeadlessReplay> replay;
        if (!options.replayFile.isEmpty()) {
            RecordedSession recording;
            QString error;
            if (!recording.load(options.replayFile, &error)) {
                std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(error));
                return 2;
            }
            if (!recording.warning().isEmpty())
                std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(recording.warning()));
            replay = std::make_unique<HeadlessReplay>(&broker, options.replayFile, recording,
                                                      options.replay, options.junitFile);
            QObject::connect(replay.get(), &HeadlessReplay::finished, &runner,
                             &HeadlessRunner::stopAndExit);
        }
        // A file with a problem is said and left out; none usable at all is a usage error.
        std::unique_ptr<HeadlessContracts> contracts;
        if (!options.schemasPath.isEmpty()) {
            contracts = std::make_unique<HeadlessContracts>(&broker);
            if (!contracts->load(options.schemasPath, recording.get()))
                return 2;
        }
        runner.run();
        return app->exec();
    }

    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.wsmsgbroker.WSMsgBroker"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wsmsgbroker.svg")));
    if (!saved)
        saved = std::make_unique<QSettings>(options.settingsFile, QSettings::IniFormat);
    // A --settings file is read only now, and its language setting counts for the window.
    translations.install(TranslationLoader::chooseLocale(options.language, saved.get()));
    MainWindow window(options.broker, saved.get());
    window.show();
    if (options.attachUrl.isValid())
        window.attachTo(options.attachUrl, options.attachToken);
    else
        window.startBroker();
    for (const QString &file : options.files)
        window.openFile(file);
    for (const QString &file : options.scriptFiles)
        window.runScript(file);
    if (!options.replayFile.isEmpty())
        QMetaObject::invokeMethod(
            &window,
            [&window, &options] { window.showReplayDialog(options.replayFile, options.replay); },
            Qt::QueuedConnection);
    return app->exec();
}

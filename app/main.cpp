#include "broker.h"
#include "commandline.h"
#include "headlessrunner.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[]) {
    QCoreApplication::setApplicationName(QStringLiteral("wsmsgbroker"));
    QCoreApplication::setOrganizationName(QStringLiteral("wsmsgbroker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSMSGBROKER_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Parsing needs an application object for translations; a core one is enough.
    std::unique_ptr<QCoreApplication> app = std::make_unique<QCoreApplication>(argc, argv);
    const CommandLine options = CommandLine::parse(arguments);
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

    Broker broker(options.broker);
    HeadlessRunner runner(&broker, options.logFrames);
    runner.run();
    return app->exec();
}

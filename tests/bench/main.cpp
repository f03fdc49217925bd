// wsmsgbroker-bench: a load generator for brokers that speak the wsmsgbroker protocol, in the
// spirit of redis-benchmark and nats bench. It is an independent client: it does not link the
// broker library, so it measures this project's broker and the original Node.js server alike.

#include "benchcontroller.h"
#include "benchoptions.h"

#include <QCoreApplication>
#include <QTextStream>

#include <sys/resource.h>

namespace {
// Each client is a socket: raise the soft descriptor limit to the hard one, and say clearly when
// even that is not enough.
bool raiseFileLimit(int clients, QString *error) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return true;
    const rlim_t needed = rlim_t(clients) + 64;
    if (limit.rlim_cur < needed && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur < needed) {
        *error = QCoreApplication::translate("main",
                                             "%1 clients need about %2 file descriptors, but the "
                                             "limit is %3 (raise it with ulimit -n)")
                     .arg(clients)
                     .arg(qulonglong(needed))
                     .arg(qulonglong(limit.rlim_cur));
        return false;
    }
    return true;
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wsmsgbroker-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral("1.0"));

    BenchOptions options;
    QString error;
    if (!options.parse(QCoreApplication::arguments(), &error) ||
        !raiseFileLimit(options.totalClients(), &error)) {
        QTextStream(stderr)
            << QCoreApplication::translate("main", "wsmsgbroker-bench: %1\n").arg(error);
        return 2;
    }

    BenchController controller(options);
    QObject::connect(&controller, &BenchController::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    controller.start();
    return app.exec();
}

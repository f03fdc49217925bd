#include "benchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QThread>

#include <algorithm>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("BenchOptions", text);
}

bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int maximum,
             int *out, QString *error) {
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = tr("--%1 must be an integer from %2 to %3").arg(name).arg(minimum).arg(maximum);
        return false;
    }
    *out = value;
    return true;
}

bool readSeconds(const QCommandLineParser &parser, const QString &name, double minimum,
                 double maximum, double *out, QString *error) {
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = tr("--%1 must be a number of seconds from %2 to %3")
                     .arg(name)
                     .arg(minimum)
                     .arg(maximum);
        return false;
    }
    *out = value;
    return true;
}
} // namespace

QString BenchOptions::scenarioName(ScenarioKind kind) {
    switch (kind) {
    case ScenarioKind::Pairs:
        return QStringLiteral("pairs");
    case ScenarioKind::Ask:
        return QStringLiteral("ask");
    case ScenarioKind::Fanout:
        return QStringLiteral("fanout");
    case ScenarioKind::Connect:
        return QStringLiteral("connect");
    }
    return {};
}

QString BenchOptions::scenarioName() const {
    return scenarioName(scenario);
}

QString BenchOptions::transportName() const {
    switch (transport) {
    case TransportKind::Epoll:
        return QStringLiteral("epoll");
    case TransportKind::Tcp:
        return QStringLiteral("tcp");
    case TransportKind::Qt:
        return QStringLiteral("qt");
    }
    return {};
}

int BenchOptions::totalClients() const {
    return scenario == ScenarioKind::Fanout ? receivers + 1 : clients;
}

bool BenchOptions::parse(const QStringList &arguments, QString *error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Load generator for wsmsgbroker-protocol brokers (this project's and the original "
           "Node.js server).\n\n"
           "Scenarios:\n"
           "  pairs    clients in pairs, each keeping --window messages in flight to its partner\n"
           "  ask      the same with acks: the partner answers each message; counts round trips\n"
           "  fanout   one sender to an array of --receivers receivers; counts deliveries\n"
           "  connect  --clients connections register, stay idle for --duration, then each\n"
           "           sends one message to check that all are routable\n\n"
           "Every message carries its sender, sequence number, intended receiver and send time,\n"
           "so the report gives latency and lost/duplicated/misrouted/out-of-order counts.\n"
           "Exit status: 0 all correct, 1 correctness failure, 2 setup or connection failure."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption urlOption(QStringList{QStringLiteral("u"), QStringLiteral("url")},
                                       tr("Broker URL (ws:// only, loopback)."), tr("url"),
                                       QStringLiteral("ws://127.0.0.1:9042/bench"));
    const QCommandLineOption roomOption(QStringLiteral("room"),
                                        tr("Room: replaces the path of --url."), tr("name"));
    const QCommandLineOption scenarioOption(
        QStringList{QStringLiteral("s"), QStringLiteral("scenario")},
        tr("pairs, ask, fanout or connect."), tr("name"), QStringLiteral("pairs"));
    const QCommandLineOption clientsOption(
        QStringList{QStringLiteral("c"), QStringLiteral("clients")},
        tr("Clients (pairs, ask; even; default 100) or connections (connect; default 10000)."),
        tr("n"));
    const QCommandLineOption windowOption(
        QStringList{QStringLiteral("w"), QStringLiteral("window")},
        tr("Messages in flight per sender (default 32)."), tr("n"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        tr("Size in bytes of each message's JSON value (default "
                                           "64; at least its ~45-byte header)."),
                                        tr("bytes"));
    const QCommandLineOption receiversOption(
        QStringList{QStringLiteral("k"), QStringLiteral("receivers")},
        tr("Receivers of the fanout sender (default 1000)."), tr("n"));
    const QCommandLineOption durationOption(
        QStringList{QStringLiteral("d"), QStringLiteral("duration")},
        tr("Measured seconds (idle time for connect; default 10, at most 3600)."), tr("seconds"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          tr("Seconds of traffic before measuring (default 1)."),
                                          tr("seconds"));
    const QCommandLineOption threadsOption(
        QStringList{QStringLiteral("t"), QStringLiteral("threads")},
        tr("Client threads, one event loop each (default: number of cores)."), tr("n"));
    const QCommandLineOption serverPidOption(
        QStringLiteral("server-pid"),
        tr("Broker process to measure: CPU per message and resident memory from /proc."),
        tr("pid"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print the result as one JSON line."));
    const QCommandLineOption transportOption(
        QStringLiteral("transport"),
        tr("Client sockets: epoll (RFC 6455 client on non-blocking sockets, one epoll set per "
           "thread; default), tcp (the same client over QTcpSocket) or qt (QWebSocket)."),
        tr("kind"), QStringLiteral("epoll"));
    const QCommandLineOption concurrencyOption(
        QStringLiteral("connect-concurrency"),
        tr("Handshakes in progress at once while connecting (default 200)."), tr("n"));
    const QCommandLineOption drainOption(
        QStringLiteral("drain-timeout"),
        tr("Seconds to wait for messages in flight after the run (default 5; connect: at least "
           "5 + 1 ms per connection)."),
        tr("seconds"));
    const QCommandLineOption setupOption(
        QStringLiteral("setup-timeout"),
        tr("Seconds allowed for connecting and registering (default 20 + 4 ms per client)."),
        tr("seconds"));
    parser.addOptions({urlOption, roomOption, scenarioOption, clientsOption, windowOption,
                       sizeOption, receiversOption, durationOption, warmupOption, threadsOption,
                       serverPidOption, jsonOption, transportOption, concurrencyOption, drainOption,
                       setupOption});
    parser.process(arguments);

    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }

    const QString scenarioText = parser.value(scenarioOption);
    if (scenarioText == QLatin1StringView("pairs"))
        scenario = ScenarioKind::Pairs;
    else if (scenarioText == QLatin1StringView("ask"))
        scenario = ScenarioKind::Ask;
    else if (scenarioText == QLatin1StringView("fanout"))
        scenario = ScenarioKind::Fanout;
    else if (scenarioText == QLatin1StringView("connect"))
        scenario = ScenarioKind::Connect;
    else {
        *error = tr("unknown scenario \"%1\" (pairs, ask, fanout, connect)").arg(scenarioText);
        return false;
    }

    const QString transportText = parser.value(transportOption);
    if (transportText == QLatin1StringView("epoll"))
        transport = TransportKind::Epoll;
    else if (transportText == QLatin1StringView("tcp"))
        transport = TransportKind::Tcp;
    else if (transportText == QLatin1StringView("qt"))
        transport = TransportKind::Qt;
    else {
        *error = tr("unknown transport \"%1\" (epoll, tcp, qt)").arg(transportText);
        return false;
    }

    url = QUrl(parser.value(urlOption), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1StringView("ws") || url.host().isEmpty()) {
        *error = tr("--url must be a ws:// URL, e.g. ws://127.0.0.1:9042/bench");
        return false;
    }
    const QHostAddress host(url.host());
    if (url.host() != QLatin1StringView("localhost") && !host.isLoopback()) {
        *error = tr("--url must point to a loopback address (127.0.0.1, ::1, localhost)");
        return false;
    }
    if (url.port() <= 0) {
        *error = tr("--url needs an explicit port");
        return false;
    }
    if (parser.isSet(roomOption)) {
        QString room = parser.value(roomOption);
        if (!room.startsWith(QLatin1Char('/')))
            room.prepend(QLatin1Char('/'));
        url.setPath(room);
    }

    clients = scenario == ScenarioKind::Connect ? 10000 : 100;
    threads = std::clamp(QThread::idealThreadCount(), 1, 64);
    if (!readInt(parser, clientsOption.names().constLast(), 1, 1'000'000, &clients, error) ||
        !readInt(parser, windowOption.names().constLast(), 1, 1'000'000, &window, error) ||
        !readInt(parser, sizeOption.names().constLast(), 1, 16 * 1024 * 1024, &size, error) ||
        !readInt(parser, receiversOption.names().constLast(), 1, 1'000'000, &receivers, error) ||
        !readInt(parser, threadsOption.names().constLast(), 1, 256, &threads, error) ||
        !readInt(parser, concurrencyOption.names().constLast(), 1, 100'000, &connectConcurrency,
                 error) ||
        !readSeconds(parser, durationOption.names().constLast(), 0.1, 3600, &durationSeconds,
                     error) ||
        !readSeconds(parser, warmupOption.names().constLast(), 0, 600, &warmupSeconds, error) ||
        !readSeconds(parser, drainOption.names().constLast(), 0.1, 600, &drainTimeoutSeconds,
                     error) ||
        !readSeconds(parser, setupOption.names().constLast(), 1, 3600, &setupTimeoutSeconds, error))
        return false;
    if ((scenario == ScenarioKind::Pairs || scenario == ScenarioKind::Ask) &&
        (clients < 2 || clients % 2 != 0)) {
        *error = tr("--clients must be an even number of at least 2 for %1").arg(scenarioText);
        return false;
    }
    if (setupTimeoutSeconds == 0)
        setupTimeoutSeconds = 20 + 0.004 * totalClients();

    if (parser.isSet(serverPidOption)) {
        bool ok = false;
        serverPid = parser.value(serverPidOption).toLongLong(&ok);
        if (!ok || serverPid <= 0) {
            *error = tr("--server-pid must be a process id");
            return false;
        }
    }
    json = parser.isSet(jsonOption);
    return true;
}

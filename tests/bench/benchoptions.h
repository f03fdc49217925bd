#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// Everything the command line decides, validated.
struct BenchOptions {
    enum class ScenarioKind { Pairs, Ask, Fanout, Connect };
    enum class TransportKind { Epoll, Tcp, Qt };

    ScenarioKind scenario = ScenarioKind::Pairs;
    TransportKind transport = TransportKind::Epoll;
    QUrl url;
    int clients = 100; // pairs/ask: clients; connect: connections
    int window = 32;
    int size = 64;
    int receivers = 1000;
    double durationSeconds = 10;
    double warmupSeconds = 1;
    double drainTimeoutSeconds = 5;
    double setupTimeoutSeconds = 0; // 0: derived from the client count
    int threads = 2;
    int connectConcurrency = 200;
    qint64 serverPid = 0;
    bool json = false;

    // Parses the application's arguments; --help and --version exit here. Returns false with a
    // message in `error` when an option is invalid.
    bool parse(const QStringList &arguments, QString *error);

    int totalClients() const;
    QString scenarioName() const;
    QString transportName() const;
    static QString scenarioName(ScenarioKind kind);
};

// CommandLine's part for the monitor endpoint (docs/monitor-protocol.md) and --attach.
#include "commandline.h"

#include "remotebroker.h"

#include <QCommandLineParser>
#include <QFile>

QList<QCommandLineOption> CommandLine::monitorOptions() {
    return {
        {QStringLiteral("monitor-token"),
         tr("Headless: enable the read-only monitor endpoint ws://host:port/.wsmsgbroker/monitor "
            "for this token (see docs/monitor-protocol.md). With --attach: the token to present."),
         tr("token")},
        {QStringLiteral("monitor-token-file"), tr("Read the --monitor-token from this file."),
         tr("file")},
        {QStringLiteral("monitor-control-token"),
         tr("Headless: a monitor token that may also disconnect clients and set traffic rules."),
         tr("token")},
        {QStringLiteral("monitor-backlog"),
         tr("Events a monitor gets first when it connects (default 1000)."), tr("count")},
        {QStringLiteral("attach"),
         tr("Show the headless broker at this URL (e.g. ws://host:9042) through its monitor "
            "endpoint instead of running a broker in the window."),
         tr("url")},
    };
}

QString CommandLine::parseMonitor(const QCommandLineParser &parser, CommandLine *result) {
    BrokerSettings &b = result->broker;
    QString token = parser.value(QStringLiteral("monitor-token"));
    if (parser.isSet(QStringLiteral("monitor-token")) && token.isEmpty())
        return tr("--monitor-token: the token is empty");
    if (parser.isSet(QStringLiteral("monitor-token-file"))) {
        if (parser.isSet(QStringLiteral("monitor-token")))
            return tr("--monitor-token and --monitor-token-file: give one of them");
        QFile file(parser.value(QStringLiteral("monitor-token-file")));
        if (!file.open(QIODevice::ReadOnly))
            return tr("--monitor-token-file: cannot read \"%1\"").arg(file.fileName());
        token = QString::fromUtf8(file.readAll()).trimmed();
        if (token.isEmpty())
            return tr("--monitor-token-file: \"%1\" is empty").arg(file.fileName());
    }
    const QString control = parser.value(QStringLiteral("monitor-control-token"));
    if (parser.isSet(QStringLiteral("monitor-control-token")) && control.isEmpty())
        return tr("--monitor-control-token: the token is empty");
    if (!token.isEmpty() && token == control)
        return tr("--monitor-control-token must differ from --monitor-token");
    if (parser.isSet(QStringLiteral("monitor-backlog"))) {
        const QString text = parser.value(QStringLiteral("monitor-backlog"));
        bool ok = false;
        const int backlog = text.toInt(&ok);
        if (!ok || backlog < 0 || backlog > 1000000)
            return tr("--monitor-backlog: \"%1\" is not a number from 0 to 1000000").arg(text);
        b.monitorBacklog = backlog;
    }

    if (parser.isSet(QStringLiteral("attach"))) {
        const QString text = parser.value(QStringLiteral("attach"));
        if (result->headless)
            return tr("--attach opens a window; it does not go with --headless");
        result->attachUrl = RemoteBroker::monitorUrl(QUrl::fromUserInput(text));
        if (!result->attachUrl.isValid() || !text.contains(QLatin1String("://")))
            return tr("--attach: \"%1\" is not a ws:// or wss:// URL").arg(text);
        if (!control.isEmpty())
            return tr("--monitor-control-token: with --attach, give the token to present as "
                      "--monitor-token");
        result->attachToken = token;
        return {};
    }
    const bool monitorSet =
        !token.isEmpty() || !control.isEmpty() || parser.isSet(QStringLiteral("monitor-backlog"));
    if (monitorSet && !result->headless)
        return tr("the monitor endpoint (--monitor-token) needs --headless; to watch a broker "
                  "from the window, use --attach");
    if (parser.isSet(QStringLiteral("monitor-backlog")) && token.isEmpty() && control.isEmpty())
        return tr("--monitor-backlog bounds the monitor endpoint, which needs --monitor-token or "
                  "--monitor-control-token");
    b.monitorToken = token;
    b.monitorControlToken = control;
    return {};
}

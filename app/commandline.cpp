#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace {

// Parses an integer option value within [min, max]; on failure sets the one-line error.
template <typename T>
bool parseNumber(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                 T *out, QString *error) {
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name);
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error =
            QCoreApplication::translate("CommandLine", "--%1: \"%2\" is not a number from %3 to %4")
                .arg(name, text)
                .arg(min)
                .arg(max);
        return false;
    }
    *out = T(v);
    return true;
}

} // namespace

QString CommandLine::parseReplay(const QCommandLineParser &parser, CommandLine *result) {
    ReplayOptions &replay = result->replay;
    if (!parser.isSet(QStringLiteral("replay"))) {
        for (const char *option : {"live", "speed", "timing", "ignore", "timeout", "junit"}) {
            if (parser.isSet(QLatin1String(option)))
                return tr("--%1 is an option of --replay, which is not given")
                    .arg(QLatin1String(option));
        }
        return {};
    }
    result->replayFile = parser.value(QStringLiteral("replay"));
    if (!QFileInfo(result->replayFile).isFile() || !QFileInfo(result->replayFile).isReadable())
        return tr("--replay: cannot read \"%1\"").arg(result->replayFile);
    replay.liveIds = parser.values(QStringLiteral("live"));
    replay.ignoredPaths = parser.values(QStringLiteral("ignore"));
    result->junitFile = parser.value(QStringLiteral("junit"));
    if (parser.isSet(QStringLiteral("speed"))) {
        bool ok = false;
        replay.speed = parser.value(QStringLiteral("speed")).toDouble(&ok);
        if (!ok || !(replay.speed >= 0.01 && replay.speed <= 1000))
            return tr("--speed: \"%1\" is not a number from 0.01 to 1000")
                .arg(parser.value(QStringLiteral("speed")));
    }
    const QString timing = parser.value(QStringLiteral("timing"));
    if (timing == QLatin1String("fast"))
        replay.timing = ReplayOptions::Timing::AsFastAsPossible;
    else if (timing == QLatin1String("input"))
        replay.timing = ReplayOptions::Timing::WaitForInput;
    else if (!timing.isEmpty() && timing != QLatin1String("recorded"))
        return tr("--timing: \"%1\" must be recorded, fast or input").arg(timing);
    QString error;
    qint64 timeout = replay.timeoutS;
    parseNumber(parser, QStringLiteral("timeout"), 1, 86400, &timeout, &error);
    replay.timeoutS = int(timeout);
    return error;
}

QString CommandLine::parseMetricsToken(const QCommandLineParser &parser, BrokerSettings *b) {
    if (parser.isSet(QStringLiteral("metrics-token")) &&
        parser.isSet(QStringLiteral("metrics-token-file")))
        return tr("--metrics-token and --metrics-token-file: give one of them");
    if (parser.isSet(QStringLiteral("metrics-token"))) {
        b->metricsToken = parser.value(QStringLiteral("metrics-token"));
        if (b->metricsToken.isEmpty())
            return tr("--metrics-token: the token is empty");
    }
    if (parser.isSet(QStringLiteral("metrics-token-file"))) {
        QFile file(parser.value(QStringLiteral("metrics-token-file")));
        if (!file.open(QIODevice::ReadOnly))
            return tr("--metrics-token-file: cannot read \"%1\"").arg(file.fileName());
        // The first line: a file written by echo, or a secret mounted with a trailing newline.
        b->metricsToken = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
        if (b->metricsToken.isEmpty())
            return tr("--metrics-token-file: \"%1\" is empty").arg(file.fileName());
    }
    return {};
}

CommandLine CommandLine::parse(const QStringList &arguments, QSettings *savedSettings) {
    CommandLine result;
    QCommandLineParser parser;
    parser.addPositionalArgument(tr("files"),
                                 tr("Captures, JSON Lines logs or HARs to open, each in a window "
                                    "of its own."),
                                 tr("[file...]"));
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine",
        "A WebSocket message broker for the wsmsgbroker protocol that shows its traffic live.\n"
        "Without --headless it opens the inspector window with the broker listening."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("CommandLine", text);
    };
    parser.addOptions({
        {QStringLiteral("headless"), tr("Run the broker alone, without a window.")},
        {QStringLiteral("host"), tr("Address to listen on (default 127.0.0.1)."), tr("address")},
        {QStringLiteral("port"), tr("Port to listen on (default 9042; 0 picks a free port)."),
         tr("port")},
        {QStringLiteral("log-frames"),
         tr("Print one line per frame on standard output (headless).")},
        {QStringLiteral("duplicate-ids"),
         tr("What a register with an id held by another connection does: takeover (default; the "
            "previous holder is unregistered) or reject (the newcomer gets an error)."),
         tr("policy")},
        {QStringLiteral("settings"), tr("Read settings from this INI file."), tr("file")},
        {QStringLiteral("lang"),
         tr("Language of the window, e.g. fr or de (default: the system's)."), tr("code")},
        {QStringLiteral("ack-ttl"), tr("Seconds an unanswered ack is remembered (default 3600)."),
         tr("seconds")},
        {QStringLiteral("max-message-size"),
         tr("Largest frame or message in bytes (default 1048576)."), tr("bytes")},
        {QStringLiteral("max-queued-bytes"),
         tr("Unsent bytes one client may have waiting before it is cut off as a slow consumer "
            "(default 16777216)."),
         tr("bytes")},
        {QStringLiteral("max-connections"), tr("Most connections at once (default 10000)."),
         tr("count")},
        {QStringLiteral("handshake-timeout"),
         tr("Seconds a new connection has to finish its WebSocket handshake (default 10)."),
         tr("seconds")},
        {QStringLiteral("max-id-length"), tr("Longest client id in bytes (default 256)."),
         tr("bytes")},
        {QStringLiteral("max-destinations"), tr("Most ids in one send (default 1000)."),
         tr("count")},
        {QStringLiteral("max-nesting-depth"),
         tr("Deepest nesting of arrays and objects in a frame (default 128)."), tr("levels")},
        {QStringLiteral("max-pending-acks"),
         tr("Most unanswered acks per connection (default 10000)."), tr("count")},
        {QStringLiteral("max-pending-acks-total"),
         tr("Most unanswered acks in the whole broker (default 1000000); the oldest go first."),
         tr("count")},
        {QStringLiteral("ping-interval"),
         tr("Seconds between pings; a client silent for two intervals is closed (default 30, 0 is "
            "off)."),
         tr("seconds")},
        {QStringLiteral("rate-limit"),
         tr("Frames per second one client may send (default 0, no limit)."), tr("count")},
        {QStringLiteral("max-held-frames"),
         tr("Most frames traffic rules may hold or keep waiting behind held ones (default "
            "1000); past it such frames are dropped, and the log says why."),
         tr("count")},
        {QStringLiteral("rules"),
         tr("Apply the traffic rules of this JSON file (hold, delay, drop, duplicate, close, "
            "throttle, ignorePings; see the README), and reload it when it changes."),
         tr("file")},
        {QStringLiteral("script"),
         tr("Run this peer script (JavaScript clients; see the README) against the broker "
            "(repeatable)."),
         tr("file")},
        {QStringLiteral("replay"),
         tr("Play this capture, JSON Lines log or HAR into the broker, simulating every recorded "
            "client not named by --live, and compare what happens with the recording; headless, "
            "exit 0 when it matched, 1 when not; in the window, the Replay dialog opens with it."),
         tr("file")},
        {QStringLiteral("live"),
         tr("A recorded client id that a real client under test takes (repeatable)."), tr("id")},
        {QStringLiteral("speed"),
         tr("Replay timing as recorded, this many times faster (default 1)."), tr("factor")},
        {QStringLiteral("timing"),
         tr("recorded (default: the recording's pauses, divided by --speed), fast (as fast as "
            "possible) or input (a simulated client waits for what it had received before)."),
         tr("mode")},
        {QStringLiteral("ignore"),
         tr("A JSON path not compared by --replay, e.g. message.timestamp (repeatable)."),
         tr("path")},
        {QStringLiteral("timeout"),
         tr("Seconds --replay waits for the live clients, and for the end (default 30)."),
         tr("seconds")},
        {QStringLiteral("junit"), tr("Write the --replay result as JUnit XML to this file."),
         tr("file")},
        {QStringLiteral("schemas"),
         tr("Check the message of every send and answer against the JSON Schemas of this "
            "folder or AsyncAPI file (see the README) and print each violation."),
         tr("path")},
        {QStringLiteral("token"), tr("Access token clients must pass as ?token= in the URL."),
         tr("token")},
        {QStringLiteral("token-file"), tr("Read the access token from this file."), tr("file")},
        {QStringLiteral("metrics-token"),
         tr("Bearer token GET /metrics requires (default: the --token, if any)."), tr("token")},
        {QStringLiteral("metrics-token-file"),
         tr("Read the bearer token of GET /metrics from the first line of this file."), tr("file")},
        {QStringLiteral("allow-origin"), tr("Accept only browsers from this Origin (repeatable)."),
         tr("origin")},
        {QStringLiteral("tls-cert"),
         tr("Serve wss:// with this PEM certificate (chain); needs --tls-key."), tr("file")},
        {QStringLiteral("tls-key"), tr("The unencrypted PEM private key of --tls-cert."),
         tr("file")},
        {QStringLiteral("record"),
         tr("Record every frame whole into this capture (headless); a capture already there is "
            "started anew."),
         tr("file")},
        {QStringLiteral("capture-max-mib"),
         tr("Disk budget of --record in MiB; past it the oldest frames go (default 2048)."),
         tr("MiB")},
        {QStringLiteral("capture-max-frames"),
         tr("Frame budget of --record; past it the oldest frames go (default 10000000)."),
         tr("count")},
        {QStringLiteral("convert"),
         tr("Convert the capture, JSON Lines log or HAR <in> into the file named after it "
            "(--convert IN OUT; the output's format by its extension: .wscap, .jsonl or .har) "
            "and exit."),
         tr("in")},
    });
    parser.addOptions(monitorOptions());

    if (!parser.parse(arguments)) {
        result.outcome = Outcome::ExitUsageError;
        result.output = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.outcome = Outcome::ExitOk;
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::ExitOk;
        result.output = QStringLiteral("%1 %2\n").arg(QCoreApplication::applicationName(),
                                                      QCoreApplication::applicationVersion());
        return result;
    }
    if (parser.isSet(QStringLiteral("convert"))) {
        const QStringList rest = parser.positionalArguments();
        if (rest.size() != 1) {
            result.outcome = Outcome::ExitUsageError;
            result.output = tr("--convert: name the input and the output: --convert IN OUT");
            return result;
        }
        result.convertInput = parser.value(QStringLiteral("convert"));
        result.convertOutput = rest.constFirst();
        return result;
    }
    // Files to open in windows of their own: captures, JSON Lines logs, HARs.
    result.files = parser.positionalArguments();
    for (const QString &file : std::as_const(result.files)) {
        if (!QFileInfo(file).isFile()) {
            result.outcome = Outcome::ExitUsageError;
            result.output = tr("cannot open \"%1\": no such file").arg(file);
            return result;
        }
    }
    if (!result.files.isEmpty() && parser.isSet(QStringLiteral("headless"))) {
        result.outcome = Outcome::ExitUsageError;
        result.output = tr("a file to open (\"%1\") needs the window; without --headless it "
                           "opens beside the live log")
                            .arg(result.files.constFirst());
        return result;
    }

    QString error;
    BrokerSettings &b = result.broker;
    result.headless = parser.isSet(QStringLiteral("headless"));
    result.logFrames = parser.isSet(QStringLiteral("log-frames"));
    result.language = parser.value(QStringLiteral("lang"));
    if (parser.isSet(QStringLiteral("settings"))) {
        result.settingsFile = parser.value(QStringLiteral("settings"));
        if (!QFileInfo(result.settingsFile).isReadable()) {
            error = tr("--settings: cannot read \"%1\"").arg(result.settingsFile);
        } else {
            QSettings file(result.settingsFile, QSettings::IniFormat);
            if (file.status() != QSettings::NoError)
                error = tr("--settings: \"%1\" is not a valid INI file").arg(result.settingsFile);
            else
                error = b.load(file);
        }
    } else if (savedSettings) {
        error = b.load(*savedSettings);
    }
    if (error.isEmpty() && parser.isSet(QStringLiteral("host"))) {
        const QString text = parser.value(QStringLiteral("host"));
        QHostAddress address;
        if (text == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (!address.setAddress(text))
            error = tr("--host: \"%1\" is not an IP address").arg(text);
        b.host = address;
    }
    if (error.isEmpty() && parser.isSet(QStringLiteral("duplicate-ids"))) {
        const QString text = parser.value(QStringLiteral("duplicate-ids"));
        if (text == QLatin1String("takeover"))
            b.duplicateIds = BrokerSettings::DuplicateIdPolicy::TakeOver;
        else if (text == QLatin1String("reject"))
            b.duplicateIds = BrokerSettings::DuplicateIdPolicy::Reject;
        else
            error = tr("--duplicate-ids: \"%1\" must be takeover or reject").arg(text);
    }
    int ackTtlSeconds = b.ackTtlMs / 1000;
    int pingSeconds = b.pingIntervalMs / 1000;
    int handshakeSeconds = b.handshakeTimeoutMs / 1000;
    if (error.isEmpty()) {
        parseNumber(parser, QStringLiteral("port"), 0, 65535, &b.port, &error) &&
            parseNumber(parser, QStringLiteral("ack-ttl"), 1, 7 * 24 * 3600, &ackTtlSeconds,
                        &error) &&
            parseNumber(parser, QStringLiteral("max-message-size"), 64, 1LL << 30,
                        &b.maxMessageBytes, &error) &&
            parseNumber(parser, QStringLiteral("max-queued-bytes"), 1024, 1LL << 34,
                        &b.maxQueuedBytes, &error) &&
            parseNumber(parser, QStringLiteral("max-connections"), 1, 1000000, &b.maxConnections,
                        &error) &&
            parseNumber(parser, QStringLiteral("handshake-timeout"), 1, 3600, &handshakeSeconds,
                        &error) &&
            parseNumber(parser, QStringLiteral("max-id-length"), 1, 1 << 20, &b.maxIdLength,
                        &error) &&
            parseNumber(parser, QStringLiteral("max-destinations"), 1, 1000000, &b.maxDestinations,
                        &error) &&
            parseNumber(parser, QStringLiteral("max-nesting-depth"), 2, 10000, &b.maxNestingDepth,
                        &error) &&
            parseNumber(parser, QStringLiteral("max-pending-acks"), 1, 100000000,
                        &b.maxPendingAcksPerConnection, &error) &&
            parseNumber(parser, QStringLiteral("max-pending-acks-total"), 1, 100000000,
                        &b.maxPendingAcks, &error) &&
            parseNumber(parser, QStringLiteral("ping-interval"), 0, 24 * 3600, &pingSeconds,
                        &error) &&
            parseNumber(parser, QStringLiteral("rate-limit"), 0, 100000000, &b.rateLimitPerSecond,
                        &error) &&
            parseNumber(parser, QStringLiteral("max-held-frames"), 1, 1000000, &b.maxHeldFrames,
                        &error);
    }
    if (parser.isSet(QStringLiteral("ack-ttl")))
        b.ackTtlMs = ackTtlSeconds * 1000;
    if (parser.isSet(QStringLiteral("ping-interval")))
        b.pingIntervalMs = pingSeconds * 1000;
    if (parser.isSet(QStringLiteral("handshake-timeout")))
        b.handshakeTimeoutMs = handshakeSeconds * 1000;
    if (error.isEmpty() && parser.isSet(QStringLiteral("token")))
        b.token = parser.value(QStringLiteral("token"));
    if (error.isEmpty() && parser.isSet(QStringLiteral("token-file"))) {
        QFile file(parser.value(QStringLiteral("token-file")));
        if (!file.open(QIODevice::ReadOnly))
            error = tr("--token-file: cannot read \"%1\"").arg(file.fileName());
        else
            b.token = QString::fromUtf8(file.readAll()).trimmed();
        if (error.isEmpty() && b.token.isEmpty())
            error = tr("--token-file: \"%1\" is empty").arg(file.fileName());
    }
    if (error.isEmpty())
        error = parseMetricsToken(parser, &b);
    qint64 captureMiB = result.captureBudget.maxBytes >> 20;
    if (error.isEmpty()) {
        parseNumber(parser, QStringLiteral("capture-max-mib"), 1, 1LL << 30, &captureMiB, &error) &&
            parseNumber(parser, QStringLiteral("capture-max-frames"), 1, 1'000'000'000'000LL,
                        &result.captureBudget.maxFrames, &error);
    }
    result.captureBudget.maxBytes = captureMiB << 20;
    if (error.isEmpty() && parser.isSet(QStringLiteral("record"))) {
        result.recordFile = parser.value(QStringLiteral("record"));
        if (!result.headless)
            error = tr("--record needs --headless (the window records its sessions itself)");
        else if (result.recordFile.isEmpty())
            error = tr("--record: name the capture file to write");
    }
    if (error.isEmpty() && result.recordFile.isEmpty()) {
        for (const char *option : {"capture-max-mib", "capture-max-frames"}) {
            if (error.isEmpty() && parser.isSet(QLatin1String(option)))
                error = tr("--%1 bounds --record, which is not given").arg(QLatin1String(option));
        }
    }
    if (error.isEmpty() && parser.isSet(QStringLiteral("rules"))) {
        // Read here, so that a file missing at start is a usage error; what it holds is
        // checked by RulesFileWatcher::load().
        result.rulesFile = parser.value(QStringLiteral("rules"));
        if (!result.headless)
            error = tr("--rules needs --headless (in the window, the rules are set in the "
                       "window)");
        else if (!QFileInfo(result.rulesFile).isFile() || !QFileInfo(result.rulesFile).isReadable())
            error = tr("--rules: cannot read \"%1\"").arg(result.rulesFile);
    }
    for (const QString &file : parser.values(QStringLiteral("script"))) {
        if (error.isEmpty() && (!QFileInfo(file).isFile() || !QFileInfo(file).isReadable()))
            error = tr("--script: cannot read \"%1\"").arg(file);
        result.scriptFiles.append(file);
    }
    if (error.isEmpty())
        error = parseReplay(parser, &result);
    if (error.isEmpty())
        error = parseMonitor(parser, &result);
    if (error.isEmpty() && parser.isSet(QStringLiteral("schemas"))) {
        result.schemasPath = parser.value(QStringLiteral("schemas"));
        if (!result.headless)
            error = tr("--schemas needs --headless");
        else if (!QFileInfo::exists(result.schemasPath))
            error = tr("--schemas: no such file or folder \"%1\"").arg(result.schemasPath);
    }
    if (parser.isSet(QStringLiteral("allow-origin")))
        b.allowedOrigins = parser.values(QStringLiteral("allow-origin"));
    // Files named here must be readable now, as for --token-file; what they hold is checked
    // when the broker starts (it fails with a one-line error then).
    for (const auto &[option, path] : {std::pair{QStringLiteral("tls-cert"), &b.tlsCertificatePath},
                                       std::pair{QStringLiteral("tls-key"), &b.tlsKeyPath}}) {
        if (error.isEmpty() && parser.isSet(option)) {
            *path = parser.value(option);
            if (!QFileInfo(*path).isFile() || !QFileInfo(*path).isReadable())
                error = tr("--%1: cannot read \"%2\"").arg(option, *path);
        }
    }
    if (error.isEmpty())
        error = b.validate();
    if (!error.isEmpty()) {
        result.outcome = Outcome::ExitUsageError;
        result.output = error;
    }
    return result;
}

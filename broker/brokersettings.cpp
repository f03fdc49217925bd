#include "brokersettings.h"

#include <QSettings>

namespace {

// Reads an integer key if present; returns false with an error naming it when it is not one.
template <typename T> bool readNumber(QSettings &s, const QString &key, T *value, QString *error) {
    if (!s.contains(key))
        return true;
    const QString text = s.value(key).toString().trimmed();
    bool ok = false;
    const qlonglong v = text.toLongLong(&ok);
    if (!ok || v < 0 || v > std::numeric_limits<T>::max()) {
        *error = QStringLiteral("settings file %1: %2 = \"%3\" is not a valid number")
                     .arg(s.fileName(), key, text);
        return false;
    }
    *value = T(v);
    return true;
}

} // namespace

QString BrokerSettings::load(QSettings &s) {
    s.beginGroup(QStringLiteral("broker"));
    QString error;
    if (s.contains(QStringLiteral("host"))) {
        const QString text = s.value(QStringLiteral("host")).toString();
        QHostAddress address;
        if (!address.setAddress(text))
            error = QStringLiteral("settings file %1: broker/host = \"%2\" is not an IP address")
                        .arg(s.fileName(), text);
        else
            host = address;
    }
    if (error.isEmpty() && s.contains(QStringLiteral("duplicateIds"))) {
        const QString text = s.value(QStringLiteral("duplicateIds")).toString();
        if (text == QLatin1String("takeover"))
            duplicateIds = DuplicateIdPolicy::TakeOver;
        else if (text == QLatin1String("reject"))
            duplicateIds = DuplicateIdPolicy::Reject;
        else
            error = QStringLiteral(
                        "settings file %1: broker/duplicateIds = \"%2\" must be takeover or reject")
                        .arg(s.fileName(), text);
    }
    const bool numbersOk =
        error.isEmpty() && readNumber(s, QStringLiteral("port"), &port, &error) &&
        readNumber(s, QStringLiteral("ackTtlMs"), &ackTtlMs, &error) &&
        readNumber(s, QStringLiteral("maxPendingAcksPerConnection"), &maxPendingAcksPerConnection,
                   &error) &&
        readNumber(s, QStringLiteral("maxPendingAcks"), &maxPendingAcks, &error) &&
        readNumber(s, QStringLiteral("maxIdLength"), &maxIdLength, &error) &&
        readNumber(s, QStringLiteral("maxDestinations"), &maxDestinations, &error) &&
        readNumber(s, QStringLiteral("maxNestingDepth"), &maxNestingDepth, &error) &&
        readNumber(s, QStringLiteral("maxMessageBytes"), &maxMessageBytes, &error) &&
        readNumber(s, QStringLiteral("maxQueuedBytes"), &maxQueuedBytes, &error) &&
        readNumber(s, QStringLiteral("maxConnections"), &maxConnections, &error) &&
        readNumber(s, QStringLiteral("handshakeTimeoutMs"), &handshakeTimeoutMs, &error) &&
        readNumber(s, QStringLiteral("pingIntervalMs"), &pingIntervalMs, &error) &&
        readNumber(s, QStringLiteral("rateLimitPerSecond"), &rateLimitPerSecond, &error) &&
        readNumber(s, QStringLiteral("maxHeldFrames"), &maxHeldFrames, &error);
    if (numbersOk) {
        if (s.contains(QStringLiteral("token")))
            token = s.value(QStringLiteral("token")).toString();
        if (s.contains(QStringLiteral("allowedOrigins")))
            allowedOrigins = s.value(QStringLiteral("allowedOrigins")).toStringList();
        if (s.contains(QStringLiteral("tlsCertificate")))
            tlsCertificatePath = s.value(QStringLiteral("tlsCertificate")).toString();
        if (s.contains(QStringLiteral("tlsKey")))
            tlsKeyPath = s.value(QStringLiteral("tlsKey")).toString();
    }
    s.endGroup();
    if (error.isEmpty()) {
        error = validate(true);
        if (!error.isEmpty())
            error = QStringLiteral("settings file %1: %2").arg(s.fileName(), error);
    }
    return error;
}

void BrokerSettings::save(QSettings &s) const {
    s.beginGroup(QStringLiteral("broker"));
    s.setValue(QStringLiteral("host"), host.toString());
    s.setValue(QStringLiteral("port"), port);
    s.setValue(QStringLiteral("duplicateIds"), duplicateIds == DuplicateIdPolicy::Reject
                                                   ? QStringLiteral("reject")
                                                   : QStringLiteral("takeover"));
    s.setValue(QStringLiteral("ackTtlMs"), ackTtlMs);
    s.setValue(QStringLiteral("maxPendingAcksPerConnection"), maxPendingAcksPerConnection);
    s.setValue(QStringLiteral("maxPendingAcks"), maxPendingAcks);
    s.setValue(QStringLiteral("maxIdLength"), maxIdLength);
    s.setValue(QStringLiteral("maxDestinations"), maxDestinations);
    s.setValue(QStringLiteral("maxNestingDepth"), maxNestingDepth);
    s.setValue(QStringLiteral("maxMessageBytes"), maxMessageBytes);
    s.setValue(QStringLiteral("maxQueuedBytes"), maxQueuedBytes);
    s.setValue(QStringLiteral("maxConnections"), maxConnections);
    s.setValue(QStringLiteral("handshakeTimeoutMs"), handshakeTimeoutMs);
    s.setValue(QStringLiteral("pingIntervalMs"), pingIntervalMs);
    s.setValue(QStringLiteral("rateLimitPerSecond"), rateLimitPerSecond);
    s.setValue(QStringLiteral("maxHeldFrames"), maxHeldFrames);
    s.setValue(QStringLiteral("token"), token);
    s.setValue(QStringLiteral("allowedOrigins"), allowedOrigins);
    s.setValue(QStringLiteral("tlsCertificate"), tlsCertificatePath);
    s.setValue(QStringLiteral("tlsKey"), tlsKeyPath);
    s.endGroup();
}

QString BrokerSettings::validate(bool settingsKeys) const {
    struct Range {
        const char *name; // the command-line option
        const char *key;  // the settings file's key
        qint64 value;
        qint64 min;
        qint64 max;
    };
    const Range ranges[] = {
        {"ack-ttl", "broker/ackTtlMs", ackTtlMs, 1, 7LL * 24 * 3600 * 1000},
        {"max-pending-acks-per-connection", "broker/maxPendingAcksPerConnection",
         maxPendingAcksPerConnection, 1, 100000000},
        {"max-pending-acks", "broker/maxPendingAcks", maxPendingAcks, 1, 100000000},
        {"max-id-length", "broker/maxIdLength", maxIdLength, 1, 1 << 20},
        {"max-destinations", "broker/maxDestinations", maxDestinations, 1, 1000000},
        {"max-nesting-depth", "broker/maxNestingDepth", maxNestingDepth, 2, 10000},
        {"max-message-size", "broker/maxMessageBytes", maxMessageBytes, 64, 1LL << 30},
        {"max-queued-bytes", "broker/maxQueuedBytes", maxQueuedBytes, 1024, 1LL << 34},
        {"max-connections", "broker/maxConnections", maxConnections, 1, 1000000},
        {"handshake-timeout", "broker/handshakeTimeoutMs", handshakeTimeoutMs, 100, 3600000},
        {"ping-interval", "broker/pingIntervalMs", pingIntervalMs, 0, 24 * 3600000},
        {"rate-limit", "broker/rateLimitPerSecond", rateLimitPerSecond, 0, 100000000},
        {"max-held-frames", "broker/maxHeldFrames", maxHeldFrames, 1, 1000000},
    };
    for (const Range &r : ranges) {
        if (r.value < r.min || r.value > r.max)
            return QStringLiteral("%1 = %2 is out of range (%3..%4)")
                .arg(QLatin1StringView(settingsKeys ? r.key : r.name))
                .arg(r.value)
                .arg(r.min)
                .arg(r.max);
    }
    if (tlsCertificatePath.isEmpty() != tlsKeyPath.isEmpty())
        return QStringLiteral("tls-cert and tls-key go together");
    return {};
}

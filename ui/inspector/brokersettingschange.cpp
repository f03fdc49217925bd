#include "brokersettingschange.h"

BrokerSettingsChange::BrokerSettingsChange(const BrokerSettings &before,
                                           const InspectorOptions &inspectorBefore,
                                           const BrokerSettings &after,
                                           const InspectorOptions &inspectorAfter) {
    const auto compare = [this](bool differs, const char *key) {
        if (differs)
            m_brokerFields.append(QString::fromLatin1(key));
    };
    compare(before.host != after.host, "host");
    compare(before.port != after.port, "port");
    compare(before.duplicateIds != after.duplicateIds, "duplicateIds");
    compare(before.ackTtlMs != after.ackTtlMs, "ackTtlMs");
    compare(before.maxPendingAcksPerConnection != after.maxPendingAcksPerConnection,
            "maxPendingAcksPerConnection");
    compare(before.maxPendingAcks != after.maxPendingAcks, "maxPendingAcks");
    compare(before.maxIdLength != after.maxIdLength, "maxIdLength");
    compare(before.maxDestinations != after.maxDestinations, "maxDestinations");
    compare(before.maxNestingDepth != after.maxNestingDepth, "maxNestingDepth");
    compare(before.maxMessageBytes != after.maxMessageBytes, "maxMessageBytes");
    compare(before.maxQueuedBytes != after.maxQueuedBytes, "maxQueuedBytes");
    compare(before.maxConnections != after.maxConnections, "maxConnections");
    compare(before.handshakeTimeoutMs != after.handshakeTimeoutMs, "handshakeTimeoutMs");
    compare(before.pingIntervalMs != after.pingIntervalMs, "pingIntervalMs");
    compare(before.rateLimitPerSecond != after.rateLimitPerSecond, "rateLimitPerSecond");
    compare(before.token != after.token, "token");
    compare(before.allowedOrigins != after.allowedOrigins, "allowedOrigins");
    compare(before.tlsCertificatePath != after.tlsCertificatePath, "tlsCertificatePath");
    compare(before.tlsKeyPath != after.tlsKeyPath, "tlsKeyPath");
    compare(before.maxRecordedFrameBytes != after.maxRecordedFrameBytes, "maxRecordedFrameBytes");
    compare(before.recentlyClosedLimit != after.recentlyClosedLimit, "recentlyClosedLimit");
    compare(before.maxRecordedFramesPerSecond != after.maxRecordedFramesPerSecond,
            "maxRecordedFramesPerSecond");

    if (inspectorBefore.logCapacity != inspectorAfter.logCapacity)
        m_inspectorFields.append(QStringLiteral("logCapacity"));
    if (inspectorBefore.unansweredThresholdMs != inspectorAfter.unansweredThresholdMs)
        m_inspectorFields.append(QStringLiteral("unansweredThresholdMs"));
    if (inspectorBefore.language != inspectorAfter.language)
        m_inspectorFields.append(QStringLiteral("language"));
}

bool BrokerSettingsChange::changesDisplay() const {
    return m_inspectorFields.contains(QLatin1String("logCapacity")) ||
           m_inspectorFields.contains(QLatin1String("unansweredThresholdMs"));
}

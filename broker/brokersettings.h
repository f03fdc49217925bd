#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

class QSettings;

// Everything the broker can be told. The command line and the settings file both fill this;
// the broker only reads it.
struct BrokerSettings {
    enum class DuplicateIdPolicy : quint8 { TakeOver, Reject };

    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 9042;
    DuplicateIdPolicy duplicateIds = DuplicateIdPolicy::TakeOver;

    int ackTtlMs = 60 * 60 * 1000; // one hour, as in the original
    int maxPendingAcksPerConnection = 10000;
    int maxPendingAcks = 1000000;
    int maxIdLength = 256;
    int maxDestinations = 1000;
    int maxNestingDepth = 128;
    qint64 maxMessageBytes = 1024 * 1024;
    qint64 maxQueuedBytes = 16 * 1024 * 1024;
    int maxConnections = 10000;
    int handshakeTimeoutMs = 10000;
    int pingIntervalMs = 30000; // 0 turns liveness checks off
    int rateLimitPerSecond = 0; // frames a connection may send per second; 0 is no limit
    // Frames traffic control may hold or keep waiting behind held ones, in all; past it a
    // frame that would wait is dropped, and its intervention says so.
    int maxHeldFrames = 1000;

    QString token;              // empty: no token needed
    QString metricsToken;       // GET /metrics's bearer token; empty: token's
    QStringList allowedOrigins; // empty: any Origin
    QString tlsCertificatePath; // both set: wss://
    QString tlsKeyPath;

    // What observers get of each frame: frames up to this many bytes whole, longer ones cut
    // (BrokerEvent::size still says how long they were). 0, the default, records every frame
    // whole: the broker bounds them itself (one it accepts is at most maxMessageBytes, one it
    // builds from that adds only the envelope, "from" and "action"), and the recorded bytes are
    // shares of the broker's own buffers, so a whole frame costs a reference count, not a copy.
    // Observers that keep frames bound them (the capture on disk by its budget).
    qint64 maxRecordedFrameBytes = 0;
    int recentlyClosedLimit = 200;
    // Frames per second observers get at most (the inspector's log); the rest are counted.
    int maxRecordedFramesPerSecond = 200000;

    // The monitor endpoint (MonitorPath; docs/monitor-protocol.md): enabled when either token
    // is set. The control token also allows disconnecting clients and setting traffic rules.
    // Given on the command line only, not kept in the settings file.
    QString monitorToken;
    QString monitorControlToken;
    int monitorBacklog = 1000; // events a new monitor gets first
    // Bytes a monitor may have waiting to be sent; past it its batches are dropped (counted).
    qint64 monitorMaxQueuedBytes = 8 * 1024 * 1024;

    bool usesTls() const { return !tlsCertificatePath.isEmpty() || !tlsKeyPath.isEmpty(); }
    bool monitorEnabled() const {
        return !monitorToken.isEmpty() || !monitorControlToken.isEmpty();
    }

    // Reads the keys present in settings (group "broker") over the current values. Returns an
    // empty string, or a one-line error naming the key and the bad value.
    QString load(QSettings &settings);
    void save(QSettings &settings) const;
    // A one-line error naming the first out-of-range value (by its option, or by its settings
    // key), or an empty string.
    QString validate(bool settingsKeys = false) const;
};

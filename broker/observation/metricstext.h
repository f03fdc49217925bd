#pragma once

#include "brokersnapshot.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

// The broker's metrics in the Prometheus text exposition format 0.0.4, as GET /metrics
// answers them: a "# HELP" and "# TYPE" line per family, counters ending in _total, label
// values escaped. Room names are client text: they are escaped, and only the largest rooms
// get label values of their own, so that a client making many rooms cannot blow up a scrape.
class MetricsText {
public:
    struct RoomLoad {
        QString name;
        int connections = 0; // registered or not
        int clients = 0;     // registered ids
    };
    // What a scrape shows: the counters, and the state read when it is made.
    struct State {
        BrokerCounters counters;
        std::vector<RoomLoad> rooms;
        int pendingAcks = 0;
        quint64 unrecordedFrames = 0;   // observation events dropped (over the recording rate)
        qint64 brokerStartedAtMs = 0;   // when this broker run started listening
        double processStartSeconds = 0; // since the epoch
        QByteArray version;
    };

    static constexpr int DefaultMaxRooms = 1000;
    // The label value that sums the rooms past maxRooms; no room is called that (room names
    // are URL paths, which start with "/").
    static constexpr QByteArrayView OtherRooms = "(other)";
    static constexpr QByteArrayView ContentType = "text/plain; version=0.0.4; charset=utf-8";

    static QByteArray render(const State &state, int maxRooms = DefaultMaxRooms);
    // A label value as the format wants it: backslash, double quote and newline escaped.
    static QByteArray escapeLabelValue(QByteArrayView utf8);
    // When this process started, in seconds since the epoch (from /proc; the first call's time
    // where that cannot be read).
    static double processStartTime();

private:
    void family(QByteArrayView name, QByteArrayView type, QByteArrayView help);
    void sample(QByteArrayView name, quint64 value);
    void sample(QByteArrayView name, QByteArrayView label, QByteArrayView value, quint64 count);
    // labels: "" or "{name=\"value\"}", already escaped; value: the number as text.
    void rawSample(QByteArrayView name, QByteArrayView labels, QByteArrayView value);
    void writeRooms(const std::vector<RoomLoad> &rooms, int maxRooms);

    QByteArray m_out;
};

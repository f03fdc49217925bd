#pragma once

#include "brokerevent.h"

#include <QCoreApplication>
#include <QUrl>

class QIODevice;
class QJsonObject;

// Saves and opens frame logs: JSON Lines (one event per line, everything we record) and HAR
// with Chrome's `_webSocketMessages` (one entry per connection, readable by DevTools). These
// work on lists in memory; a log of any length streams through FrameLogReader, HarWriter and
// CaptureConverter instead.
class FrameLogFile {
    Q_DECLARE_TR_FUNCTIONS(FrameLogFile)
public:
    enum class Format { JsonLines, Har };

    static bool write(QIODevice *device, Format format, const BrokerEventList &events,
                      const QUrl &brokerUrl, QString *error);
    // Reads either format, telling them apart by content. Returns false with a one-line error
    // naming the line or entry that could not be read.
    static bool read(QIODevice *device, BrokerEventList *events, QString *error);

    static QByteArray toJsonLine(const BrokerEvent &event);
    // One event as the object of its line (the monitor protocol sends these in arrays).
    static QJsonObject toJsonObject(const BrokerEvent &event);
    static BrokerEvent fromJsonObject(const QJsonObject &object);
    // Parses a line written by toJsonLine(); false with an error naming lineNumber.
    static bool fromJsonLine(QByteArrayView line, int lineNumber, BrokerEvent *event,
                             QString *error);

    // The names the files use ("in", "partly-delivered", "slow-consumer"; empty for None).
    static QString kindName(BrokerEvent::Kind kind);
    static QString outcomeName(BrokerEvent::Outcome outcome);
    static QString closeReasonName(CloseReason reason);
};

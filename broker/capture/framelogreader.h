#pragma once

#include "brokerevent.h"
#include "framelogfile.h"

#include <QCoreApplication>

#include <memory>

class HarReader;
class QIODevice;

// Reads a frame log (JSON Lines or HAR, told apart by content) a chunk at a time, so that a
// file of millions of frames never needs all its events in memory. JSON Lines is read line by
// line; a HAR is mapped (when the device is a file) and its messages merged in time order.
class FrameLogReader {
    Q_DECLARE_TR_FUNCTIONS(FrameLogReader)
public:
    // device must be open and stay so while this reads it.
    explicit FrameLogReader(QIODevice *device);
    ~FrameLogReader();
    FrameLogReader(const FrameLogReader &) = delete;
    FrameLogReader &operator=(const FrameLogReader &) = delete;

    // Appends up to maxEvents more events. False with error() (one line naming the line or
    // HAR entry) when the input is not a frame log.
    bool read(BrokerEventList *events, int maxEvents);
    bool atEnd() const { return m_atEnd; }
    const QString &error() const { return m_error; }
    FrameLogFile::Format format() const { return m_format; }
    // Damaged JSON Lines (a line cut short, garbage in the middle): lines after the first
    // that cannot be read are skipped and counted instead of failing the read. The first line
    // still has to be an event, so that what is not a frame log is refused.
    void setSkipDamagedLines(bool skip) { m_skipDamaged = skip; }
    qint64 skippedLines() const { return m_skipped; }
    const QString &firstSkipped() const { return m_firstSkipped; } // why the first one was
    // Progress: bytes of JSON Lines, or messages of a HAR.
    qint64 done() const;
    qint64 total() const;

private:
    bool detect();
    bool openHar(const QByteArray &firstLine);
    bool readJsonLines(BrokerEventList *events, int maxEvents);

    QIODevice *m_device;
    FrameLogFile::Format m_format = FrameLogFile::Format::JsonLines;
    bool m_detected = false;
    bool m_atEnd = false;
    QString m_error;
    QByteArray m_pendingLine; // the first line, read to tell the formats apart
    int m_lineNumber = 0;
    bool m_skipDamaged = false;
    bool m_readOne = false; // an event was read: later damage can be skipped
    qint64 m_skipped = 0;
    QString m_firstSkipped;
    // A HAR's text: the mapped file or, for other devices, a copy.
    uchar *m_mapped = nullptr;
    QByteArray m_harText;
    std::unique_ptr<HarReader> m_har;
};

#pragma once

#include "framelogfile.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class CaptureReader;
class CaptureWriter;
class QIODevice;

// Converts between a capture, JSON Lines and HAR, streaming: a file of millions of frames
// never has all its events in memory. Used by `wsmsgbroker --convert`, by the window to open a
// log (streamed into a temporary capture it then browses) and to export a capture.
class CaptureConverter {
    Q_DECLARE_TR_FUNCTIONS(CaptureConverter)
public:
    enum class Format { Capture, JsonLines, Har };
    // Called now and then with the work done and the whole (in units of its own); returning
    // false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // The input's format by its content, the output's by its extension (formatOfPath). The
    // output is written under a temporary name and appears only when complete. Errors are one
    // line naming the file. A damaged input (a capture with unreadable rows, JSON Lines with
    // bad lines after the first) converts what is readable; warning, when given, then says
    // how much was skipped, naming the input.
    static bool convert(const QString &in, const QString &out, QString *error,
                        Progress progress = {}, QString *warning = nullptr);
    // .wscap (also .sqlite, .sqlite3, .db): a capture; .jsonl (.ndjson): JSON Lines; .har.
    static std::optional<Format> formatOfPath(const QString &path);

    // Copies a capture's committed state (VACUUM INTO), replacing a file at to.
    static bool copyCapture(const QString &from, const QString &to, QString *error);
    // Writes all of a capture as a log; brokerUrl for events that name no broker run.
    // skipped, when given, counts the frames that could not be read (a damaged capture).
    static bool exportCapture(const CaptureReader &reader, QIODevice *device,
                              FrameLogFile::Format format, const QUrl &brokerUrl, QString *error,
                              const Progress &progress = {}, qint64 *skipped = nullptr);
    // Reads a log (JSON Lines or HAR) into a capture being written, committing as it goes.
    // warning, when given, lets damaged JSON Lines lines be skipped and says how many were.
    static bool importLog(QIODevice *device, CaptureWriter *writer, QString *error,
                          const Progress &progress = {}, QString *warning = nullptr);
};

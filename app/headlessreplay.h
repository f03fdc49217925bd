#pragma once

#include "recordedsession.h"
#include "replayoptions.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <memory>

class Broker;
class Replayer;

// --replay FILE for the headless broker: once it listens, the recording is played into it
// (Replayer) and compared; the report goes to stdout, a JUnit file when asked, and the
// application exits 0 when everything matched, 1 when not (or a live client never came).
class HeadlessReplay : public QObject {
    Q_OBJECT
public:
    HeadlessReplay(Broker *broker, const QString &recordingFile, const RecordedSession &recording,
                   const ReplayOptions &options, const QString &junitFile,
                   QObject *parent = nullptr);
    ~HeadlessReplay() override;

    // The JUnit XML of a finished replay: one test case per client compared.
    static QByteArray junit(const QString &recordingName, const Replayer &replayer,
                            qint64 elapsedMs);

signals:
    // The replay ended: 0 when everything matched, 1 when not.
    void finished(int exitCode);

private:
    void begin(const QUrl &url);
    void end(bool passed);

    Broker *m_broker;
    QString m_recordingName;
    RecordedSession m_recording;
    ReplayOptions m_options;
    QString m_junitFile;
    std::unique_ptr<Replayer> m_replayer;
    qint64 m_startedMs = 0;
};

#include "headlessreplay.h"

#include "broker.h"
#include "peerscriptrunner.h"
#include "replayer.h"

#include <QDateTime>
#include <QFile>
#include <QTextStream>
#include <QXmlStreamWriter>

#include <cstdio>

HeadlessReplay::HeadlessReplay(Broker *broker, const QString &recordingFile,
                               const RecordedSession &recording, const ReplayOptions &options,
                               const QString &junitFile, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_recordingName(recordingFile)
    , m_recording(recording)
    , m_options(options)
    , m_junitFile(junitFile) {
    connect(broker, &Broker::started, this, &HeadlessReplay::begin);
}

HeadlessReplay::~HeadlessReplay() = default;

void HeadlessReplay::begin(const QUrl &url) {
    m_replayer = std::make_unique<Replayer>(
        m_recording, m_options, PeerScriptRunner::localBrokerUrl(url, m_broker->settings().token));
    connect(m_broker, &Broker::eventsReady, m_replayer.get(), &Replayer::observe);
    connect(m_replayer.get(), &Replayer::finished, this, &HeadlessReplay::end);
    connect(m_replayer.get(), &Replayer::stateChanged, this, [this](Replayer::State state) {
        if (state == Replayer::State::WaitingForLive && !m_options.liveIds.isEmpty())
            QTextStream(stdout) << tr("replay: waiting for the live client(s) %1")
                                       .arg(m_options.liveIds.join(QStringLiteral(", ")))
                                << Qt::endl;
    });
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_replayer->start();
    m_replayer->observeSnapshot(m_broker->snapshot());
}

void HeadlessReplay::end(bool passed) {
    QTextStream(stdout) << m_replayer->report() << Qt::endl
                        << tr("replay: %1 frames sent by simulated clients in %2 s")
                               .arg(m_replayer->framesSent())
                               .arg(double(QDateTime::currentMSecsSinceEpoch() - m_startedMs) /
                                        1000.0,
                                    0, 'f', 3)
                        << Qt::endl;
    if (!m_junitFile.isEmpty()) {
        QFile file(m_junitFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(junit(m_recordingName, *m_replayer,
                             QDateTime::currentMSecsSinceEpoch() - m_startedMs)) < 0)
            std::fprintf(
                stderr, "wsmsgbroker: %s\n",
                qPrintable(
                    tr("--junit: cannot write %1: %2").arg(m_junitFile, file.errorString())));
    }
    // The exit code is the replay's; stopping the broker first closes every client cleanly.
    const int code = passed ? 0 : 1;
    connect(
        m_broker, &Broker::stopped, qApp, [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
    m_broker->stop();
}

QByteArray HeadlessReplay::junit(const QString &recordingName, const Replayer &replayer,
                                 qint64 elapsedMs) {
    // One test case per client and direction that was compared, plus one for the replay itself
    // (a live client that never came).
    struct Case {
        QString name;
        QStringList failures;
    };
    QList<Case> cases{{tr("replay"), {}}};
    if (!replayer.failure().isEmpty())
        cases[0].failures << replayer.failure();
    QHash<QString, qsizetype> indexOf;
    for (const ReplayComparer::Difference &d : replayer.comparer().differences()) {
        const QString name =
            d.sent ? tr("%1 sent").arg(d.clientId) : tr("%1 received").arg(d.clientId);
        qsizetype index = indexOf.value(name, -1);
        if (index < 0) {
            index = cases.size();
            indexOf.insert(name, index);
            cases.append({name, {}});
        }
        cases[index].failures << ReplayComparer::describe(d);
    }
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), tr("replay of %1").arg(recordingName));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(cases.size()));
    qsizetype failed = 0;
    for (const Case &c : cases)
        failed += c.failures.isEmpty() ? 0 : 1;
    writer.writeAttribute(QStringLiteral("failures"), QString::number(failed));
    writer.writeAttribute(QStringLiteral("time"), QString::number(double(elapsedMs) / 1000.0));
    writer.writeStartElement(QStringLiteral("system-out"));
    writer.writeCharacters(replayer.report(0));
    writer.writeEndElement();
    for (const Case &c : cases) {
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"), QStringLiteral("wsmsgbroker.replay"));
        writer.writeAttribute(QStringLiteral("name"), c.name);
        if (!c.failures.isEmpty()) {
            writer.writeStartElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("message"), c.failures.first());
            writer.writeCharacters(c.failures.join(u'\n'));
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

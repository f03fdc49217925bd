#include "headlessrunner.h"

#include "broker.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

HeadlessRunner::HeadlessRunner(Broker *broker, bool logFrames, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_out(stdout) {
    connect(broker, &Broker::started, this,
            [this](const QUrl &url) { m_out << "listening on " << url.toString() << Qt::endl; });
    connect(broker, &Broker::startFailed, this, [](const QString &error) {
        std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(error));
        QCoreApplication::exit(1);
    });
    connect(
        broker, &Broker::stopped, qApp, [this] { QCoreApplication::exit(m_exitCode); },
        Qt::QueuedConnection);
    if (logFrames)
        connect(broker, &Broker::eventsReady, this, &HeadlessRunner::printEvents);
    auto *watcher = new UnixSignalWatcher(this);
    connect(watcher, &UnixSignalWatcher::terminationRequested, broker, &Broker::stop);
}

void HeadlessRunner::run() {
    // Started from the event loop: a failure exits with 1, which an exit() before exec()
    // would not do.
    QMetaObject::invokeMethod(m_broker, &Broker::start, Qt::QueuedConnection);
}

void HeadlessRunner::stopAndExit(int code) {
    m_exitCode = code;
    m_broker->stop();
}

QString HeadlessRunner::formatFrame(const BrokerEvent &e) {
    constexpr int MaxText = 200;
    QString text = e.binary ? QStringLiteral("<binary>") : QString::fromUtf8(e.data);
    if (text.size() > MaxText)
        text = text.left(MaxText) + QStringLiteral("…");
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    const QString client = e.clientId.isEmpty() ? QStringLiteral("#%1").arg(e.connectionId)
                                                : QString::fromUtf8(e.clientId);
    QString line = QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODateWithMs),
                            e.room, client,
                            e.kind == BrokerEvent::Kind::FrameIn ? QStringLiteral("in")
                                                                 : QStringLiteral("out"))
                       .arg(e.size)
                       .arg(text);
    if (!e.detail.isEmpty() && e.outcome != BrokerEvent::Outcome::Done)
        line += QStringLiteral("  [%1]").arg(e.detail);
    // Traffic control's trace: held, edited, delayed, or not written at all.
    if (e.dropped)
        line += QStringLiteral("  [not delivered: %1]")
                    .arg(e.intervention.isEmpty() ? QStringLiteral("dropped") : e.intervention);
    else if (!e.intervention.isEmpty())
        line += QStringLiteral("  [%1]").arg(e.intervention);
    return line;
}

void HeadlessRunner::printEvents(const BrokerEventList &events) {
    for (const BrokerEvent &e : events) {
        if (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut)
            m_out << formatFrame(e) << '\n';
    }
    m_out.flush();
}

#include "headlessscripts.h"

#include "broker.h"
#include "peerscriptrunner.h"

#include <QFileInfo>

#include <cstdio>

HeadlessScripts::HeadlessScripts(Broker *broker, const QStringList &files, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_files(files)
    , m_out(stdout) {
    connect(broker, &Broker::started, this, &HeadlessScripts::startAll);
}

HeadlessScripts::~HeadlessScripts() = default;

void HeadlessScripts::startAll(const QUrl &url) {
    m_runners.clear();
    const QUrl scriptUrl = PeerScriptRunner::localBrokerUrl(url, m_broker->settings().token);
    for (const QString &file : std::as_const(m_files)) {
        auto runner = std::make_unique<PeerScriptRunner>(file, scriptUrl);
        const QString name = QFileInfo(file).fileName();
        connect(runner.get(), &PeerScriptRunner::output, this, [this, name](const QString &line) {
            m_out << "script " << name << ": " << line << Qt::endl;
        });
        connect(runner.get(), &PeerScriptRunner::failed, this, [](const QString &error) {
            std::fprintf(stderr, "wsmsgbroker: %s\n",
                         qPrintable(tr("script stopped: %1").arg(error)));
        });
        runner->start();
        m_runners.push_back(std::move(runner));
    }
}

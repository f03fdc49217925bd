#include "rulesfilewatcher.h"

#include "trafficrulesparser.h"

#include <QFile>
#include <QFileInfo>

namespace {

constexpr int SettleMs = 100;

} // namespace

RulesFileWatcher::RulesFileWatcher(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_watcher(this)
    , m_settle(this) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &RulesFileWatcher::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &RulesFileWatcher::changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &RulesFileWatcher::changed);
}

bool RulesFileWatcher::load(QString *error) {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read it: %2").arg(m_path, file.errorString());
        return false;
    }
    const QByteArray content = file.readAll();
    QString problem;
    TrafficRuleList rules = TrafficRulesParser::parse(content, &problem);
    if (!problem.isEmpty()) {
        *error = tr("%1: %2").arg(m_path, problem);
        return false;
    }
    m_content = content;
    m_rules = std::move(rules);
    return true;
}

void RulesFileWatcher::watch() {
    m_watcher.addPath(m_path);
    // The folder too: a rename over the file replaces what the file watch followed.
    m_watcher.addPath(QFileInfo(m_path).absolutePath());
}

void RulesFileWatcher::changed() {
    m_settle.start();
}

void RulesFileWatcher::reload() {
    if (!QFileInfo::exists(m_path))
        return; // between an editor's remove and rename; the folder's next change brings it
    if (!m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    if (file.readAll() == m_content)
        return; // touched, or the folder changed for another file
    QString error;
    if (!load(&error)) {
        // What the next read compares with: the same bad file is reported once.
        file.seek(0);
        m_content = file.readAll();
        emit reloadFailed(tr("%1 (the previous rules stay)").arg(error));
        return;
    }
    emit rulesChanged(m_rules);
}

#include "inspector.h"

#include "actioncountmodel.h"
#include "connectiontreemodel.h"
#include "framefilterproxymodel.h"
#include "framelogfile.h"
#include "framelogmodel.h"
#include "ratehistory.h"
#include "recentlyclosedmodel.h"

#include <QFile>

Inspector::Inspector(QObject *parent)
    : QObject(parent)
    , m_log(new FrameLogModel(this))
    , m_proxy(new FrameFilterProxyModel(this))
    , m_tree(new ConnectionTreeModel(this))
    , m_closed(new RecentlyClosedModel(this))
    , m_rates(new RateHistory(this))
    , m_actionCounts(new ActionCountModel(this)) {
    m_proxy->setSourceModel(m_log);
}

Inspector::~Inspector() = default;

AckPairing::Group Inspector::askGroup(int logRow) const {
    return AckPairing::find(*m_log, logRow);
}

void Inspector::addEvents(const BrokerEventList &events) {
    m_log->appendEvents(events);
    m_actionCounts->addEvents(events);
}

void Inspector::applySnapshot(const BrokerSnapshot &snapshot) {
    m_tree->applySnapshot(snapshot);
    m_closed->applySnapshot(snapshot);
    if (snapshot.timeMs > 0)
        m_rates->addCounters(snapshot.timeMs, snapshot.counters.framesIn,
                             snapshot.counters.framesOut, snapshot.session);
    Q_EMIT snapshotApplied(snapshot);
}

void Inspector::clear() {
    m_log->clear();
    m_actionCounts->clear();
}

bool Inspector::exportLog(const QString &fileName, const QUrl &brokerUrl, QString *error) const {
    BrokerEventList events;
    events.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        events.append(m_log->eventAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row()));
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    const auto format = fileName.endsWith(QLatin1String(".har"), Qt::CaseInsensitive)
                            ? FrameLogFile::Format::Har
                            : FrameLogFile::Format::JsonLines;
    return FrameLogFile::write(&file, format, events, brokerUrl, error);
}

bool Inspector::openLog(const QString &fileName, QString *error) {
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(fileName, file.errorString());
        return false;
    }
    BrokerEventList events;
    if (!FrameLogFile::read(&file, &events, error)) {
        *error = tr("%1: %2").arg(fileName, *error);
        return false;
    }
    m_log->setPaused(false); // an opened log is shown at once, not held back
    clear();
    addEvents(events);
    return true;
}

#pragma once

#include "trafficrule.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

// The headless broker's --rules file: read once at start, then watched and read again when it
// changes (also when an editor saves by writing a new file and renaming it over the old one,
// which ends a plain watch on the file). A file with an error leaves the previous rules.
class RulesFileWatcher : public QObject {
    Q_OBJECT
public:
    explicit RulesFileWatcher(const QString &path, QObject *parent = nullptr);

    // Reads and parses the file; false with a one-line error naming the file, the rule and
    // the problem.
    bool load(QString *error);
    const TrafficRuleList &rules() const { return m_rules; }
    // From now on, changes of the file are read and reported.
    void watch();

signals:
    void rulesChanged(const TrafficRuleList &rules);
    void reloadFailed(const QString &error);

private:
    void changed();
    void reload();

    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; // an editor's save may be several writes: read once they are done
    QByteArray m_content;
    TrafficRuleList m_rules;
};

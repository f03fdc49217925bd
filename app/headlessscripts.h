#pragma once

#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

class Broker;
class PeerScriptRunner;

// --script FILE for the headless broker: each script starts once the broker listens, prints its
// console output on stdout ("script NAME: text") and its error on stderr, and an error stops
// that script only; the broker runs on.
class HeadlessScripts : public QObject {
    Q_OBJECT
public:
    HeadlessScripts(Broker *broker, const QStringList &files, QObject *parent = nullptr);
    ~HeadlessScripts() override;

private:
    void startAll(const QUrl &url);

    Broker *m_broker;
    QStringList m_files;
    QTextStream m_out;
    std::vector<std::unique_ptr<PeerScriptRunner>> m_runners;
};

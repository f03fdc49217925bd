#include "headlesscontracts.h"

#include "broker.h"
#include "headlessrecording.h"
#include "printabletext.h"

#include <climits>
#include <cstdio>

HeadlessContracts::HeadlessContracts(Broker *broker, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_out(stdout) {
    connect(&m_checker, &ContractChecker::violationsFound, this, &HeadlessContracts::print);
}

bool HeadlessContracts::load(const QString &path, HeadlessRecording *recording) {
    const std::shared_ptr<const ContractSet> contracts = ContractSet::load(path);
    for (const QString &error : contracts->errors())
        std::fprintf(stderr, "wsmsgbroker: %s\n", qPrintable(error));
    std::fflush(stderr);
    if (contracts->isEmpty())
        return false;
    m_checker.setContracts(contracts);
    if (recording) {
        connect(recording, &HeadlessRecording::recorded, &m_checker,
                &ContractChecker::checkRecorded);
        connect(&m_checker, &ContractChecker::violationsFound, recording,
                &HeadlessRecording::recordViolations);
        // Before the capture closes: the last batch's violations still go in.
        connect(recording, &HeadlessRecording::finishing, this, &HeadlessContracts::drain);
    } else {
        connect(m_broker, &Broker::eventsReady, &m_checker, &ContractChecker::check);
        // Before the queued exit that follows stopped(): the last batch is in by then.
        connect(m_broker, &Broker::stopped, this, &HeadlessContracts::drain);
    }
    return true;
}

void HeadlessContracts::drain() {
    m_checker.drain();
    if (m_checker.eventsSkipped() > 0)
        std::fprintf(
            stderr, "wsmsgbroker: %s\n",
            qPrintable(tr("contracts: %n event(s) not checked (the checker fell "
                          "behind)",
                          nullptr, int(qMin<quint64>(m_checker.eventsSkipped(), INT_MAX)))));
}

QString HeadlessContracts::formatViolation(const ContractViolation &v) {
    // Room, sender and path are client text: one line per violation whatever they hold.
    return PrintableText::escape(
        QStringLiteral("violation %1 %2 message%3 %4").arg(v.room, v.sender, v.path, v.keyword));
}

void HeadlessContracts::print(const ContractViolationList &violations) {
    for (const ContractViolation &v : violations)
        m_out << formatViolation(v) << '\n';
    m_out.flush();
}

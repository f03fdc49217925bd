#include "benchclient.h"

#include "benchpayload.h"
#include "benchworker.h"
#include "byteappend.h"
#include "clienttransport.h"
#include "incomingframe.h"
#include "scenario.h"

BenchClient::BenchClient(BenchWorker &worker, Scenario &scenario, int index,
                         std::unique_ptr<ClientTransport> transport)
    : m_worker(worker)
    , m_scenario(scenario)
    , m_index(index)
    , m_transport(std::move(transport)) {
    m_transport->setListener(this);
}

BenchClient::~BenchClient() {
    m_transport->setListener(nullptr);
}

QByteArrayView BenchClient::id() const {
    return m_scenario.clientId(m_index);
}

void BenchClient::open(const QUrl &url) {
    m_connectStartNs = Scenario::now();
    m_transport->open(url);
}

void BenchClient::close() {
    if (m_finished)
        return;
    m_closing = true;
    m_transport->close();
}

void BenchClient::sendMessage(QByteArrayView destJson, const BenchPayload &payload, int size,
                              bool withAck) {
    QByteArray &out = m_worker.textScratch();
    out.resize(0);
    appendBytes(out, R"({"action":"send","dest":)");
    appendBytes(out, destJson);
    appendBytes(out, R"(,"message":)");
    payload.appendJson(out, size);
    if (withAck) {
        appendBytes(out, R"(,"ack":")");
        appendBytes(out, m_scenario.runTag());
        appendChar(out, '.');
        appendNumber(out, m_index);
        appendChar(out, '.');
        appendNumber(out, payload.seq);
        appendChar(out, '"');
    }
    appendChar(out, '}');
    m_transport->sendText(out);
}

void BenchClient::sendAnswer(QByteArrayView ack, const BenchPayload &payload) {
    QByteArray &out = m_worker.textScratch();
    out.resize(0);
    appendBytes(out, R"({"action":"answer","ack":")");
    appendBytes(out, ack);
    appendBytes(out, R"(","message":)");
    payload.appendJson(out, 0);
    appendChar(out, '}');
    m_transport->sendText(out);
}

void BenchClient::transportOpened() {
    QByteArray &out = m_worker.textScratch();
    out.resize(0);
    appendBytes(out, R"({"action":"register","id":)");
    appendBytes(out, m_scenario.quotedId(m_index));
    appendChar(out, '}');
    m_transport->sendText(out);
}

void BenchClient::transportTextReceived(QByteArrayView utf8) {
    IncomingFrame &frame = m_worker.frameScratch();
    WorkerStats &stats = m_worker.stats();
    if (!frame.parse(utf8)) {
        ++stats.malformed;
        stats.noteProblem(
            QStringLiteral("unparsable frame: %1")
                .arg(QString::fromUtf8(utf8.first(std::min<qsizetype>(utf8.size(), 200)))));
        return;
    }
    switch (frame.action()) {
    case IncomingFrame::Action::Message:
        m_scenario.messageReceived(*this, frame);
        break;
    case IncomingFrame::Action::Answer:
        m_scenario.answerReceived(*this, frame);
        break;
    case IncomingFrame::Action::Registered:
        if (!m_registered && frame.id() == id()) {
            m_registered = true;
            m_worker.clientRegistered(*this, Scenario::now() - m_connectStartNs);
        } else {
            ++stats.malformed;
            stats.noteProblem(
                QStringLiteral("unexpected registered frame: %1").arg(QString::fromUtf8(utf8)));
        }
        break;
    case IncomingFrame::Action::Unregistered:
        // Only after another connection took our id over (closing never waits for this).
        if (!m_closing) {
            ++stats.unexpectedUnregistered;
            stats.noteProblem(QStringLiteral("%1 was unregistered by the broker (id taken over?)")
                                  .arg(QString::fromUtf8(id())));
        }
        break;
    case IncomingFrame::Action::Error:
        ++stats.brokerErrors;
        stats.noteProblem(
            QStringLiteral("broker error %1: %2")
                .arg(QString::fromUtf8(frame.code()), QString::fromUtf8(frame.reason())));
        break;
    case IncomingFrame::Action::Other:
        ++stats.malformed;
        stats.noteProblem(
            QStringLiteral("unknown action \"%1\"").arg(QString::fromUtf8(frame.actionName())));
        break;
    }
}

void BenchClient::transportFailed(const QString &reason) {
    if (m_finished)
        return;
    m_finished = true;
    if (m_closing)
        m_worker.clientFinished(*this);
    else
        m_worker.clientFailed(*this, reason);
}

void BenchClient::transportClosed() {
    if (m_finished)
        return;
    m_finished = true;
    if (m_closing)
        m_worker.clientFinished(*this);
    else
        m_worker.clientFailed(*this, QStringLiteral("connection closed"));
}

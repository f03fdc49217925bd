#pragma once

#include "receivestream.h"
#include "transportlistener.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

class BenchPayload;
class BenchWorker;
class ClientTransport;
class Scenario;

// One benchmark connection: registers its id, sends and receives protocol frames, and keeps the
// per-client counters that the scenarios use. Lives in (and is only touched by) the thread of
// its BenchWorker.
class BenchClient final : public TransportListener {
public:
    BenchClient(BenchWorker &worker, Scenario &scenario, int index,
                std::unique_ptr<ClientTransport> transport);
    ~BenchClient() override;
    BenchClient(const BenchClient &) = delete;
    BenchClient &operator=(const BenchClient &) = delete;

    int index() const { return m_index; }
    QByteArrayView id() const;
    BenchWorker &worker() const { return m_worker; }
    bool isRegistered() const { return m_registered; }
    bool isFinished() const { return m_finished; }
    qint64 connectStartNs() const { return m_connectStartNs; }

    void open(const QUrl &url);
    void close();

    // `{"action":"send","dest":<destJson>,"message":<payload>}`, with an ack naming this client
    // and the payload's sequence number when `withAck` is set.
    void sendMessage(QByteArrayView destJson, const BenchPayload &payload, int size, bool withAck);
    void sendAnswer(QByteArrayView ack, const BenchPayload &payload);

    // Scenario bookkeeping (plain counters: only the owning thread touches them).
    qint64 nextSeq = 0;    // next sequence number to send
    qint64 sent = 0;       // messages (or asks) sent
    qint64 inFlight = 0;   // sent, and neither delivered nor answered yet
    ReceiveStream inbound; // messages from the expected sender
    ReceiveStream answers; // answers to this client's asks

private:
    void transportOpened() override;
    void transportTextReceived(QByteArrayView utf8) override;
    void transportFailed(const QString &reason) override;
    void transportClosed() override;

    BenchWorker &m_worker;
    Scenario &m_scenario;
    const int m_index;
    std::unique_ptr<ClientTransport> m_transport;
    qint64 m_connectStartNs = 0;
    bool m_registered = false;
    bool m_closing = false;
    bool m_finished = false;
};

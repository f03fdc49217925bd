// How a connection's end is reported (issue 19): the close and what follows it name the id the
// connection held, and a peer that vanishes without a close frame is "connection lost", an
// abnormal close counted apart from a peer that closed.

#include "broker.h"
#include "dispatchertestmain.h"
#include "rawwebsocket.h"

#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

class TestCloseEvents : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void closeNamesTheIdItHeld();
    void closeAfterUnregisterNamesTheIdItHeld();
    void resetIsConnectionLost();
    void endWithoutCloseFrameIsConnectionLost();
    void closeFrameIsClientClosed();

private:
    // A raw client registered as id in room; nullptr (and a failed check) when that fails.
    std::unique_ptr<RawWebSocket> registered(const QByteArray &id, const QString &room);
    const BrokerEvent *find(const std::function<bool(const BrokerEvent &)> &matches) const;
    const BrokerEvent *closeEvent() const {
        return find(
            [](const BrokerEvent &e) { return e.kind == BrokerEvent::Kind::ConnectionClosed; });
    }
    bool closeRecorded() const { return closeEvent() != nullptr; }

    std::unique_ptr<Broker> m_broker;
    BrokerEventList m_events;
};

void TestCloseEvents::init() {
    BrokerSettings settings;
    settings.host = QHostAddress::LocalHost;
    settings.port = 0;
    m_events.clear();
    m_broker = std::make_unique<Broker>(settings);
    connect(m_broker.get(), &Broker::eventsReady, this,
            [this](const BrokerEventList &events) { m_events += events; });
    QVERIFY(m_broker->start());
}

void TestCloseEvents::cleanup() {
    m_broker.reset();
}

std::unique_ptr<RawWebSocket> TestCloseEvents::registered(const QByteArray &id,
                                                          const QString &room) {
    auto client = std::make_unique<RawWebSocket>();
    QUrl url = m_broker->url();
    url.setPath(room);
    if (client->open(url) != 101)
        return nullptr;
    client->sendText(R"({"action":"register","id":")" + id + "\"}");
    if (!client->waitForTexts(1) || !client->texts().first().contains("registered"))
        return nullptr;
    return client;
}

const BrokerEvent *
TestCloseEvents::find(const std::function<bool(const BrokerEvent &)> &matches) const {
    for (const BrokerEvent &e : m_events) {
        if (matches(e))
            return &e;
    }
    return nullptr;
}

void TestCloseEvents::closeNamesTheIdItHeld() {
    auto alice = registered("alice", u"/leaving"_s);
    QVERIFY(alice);
    alice->sendFrame(RawWebSocket::Close, QByteArray("\x03\xe8", 2)); // 1000
    QVERIFY(alice->waitForDisconnected());
    QTRY_VERIFY(
        find([](const BrokerEvent &e) { return e.kind == BrokerEvent::Kind::RoomRemoved; }));

    const BrokerEvent *closed = closeEvent();
    QVERIFY(closed);
    QCOMPARE(closed->clientId, QByteArray("alice"));
    QCOMPARE(closed->room, u"/leaving"_s);
    const BrokerEvent *released =
        find([](const BrokerEvent &e) { return e.kind == BrokerEvent::Kind::ClientUnregistered; });
    QVERIFY(released);
    QCOMPARE(released->clientId, QByteArray("alice"));
    const BrokerEvent *roomRemoved =
        find([](const BrokerEvent &e) { return e.kind == BrokerEvent::Kind::RoomRemoved; });
    QCOMPARE(roomRemoved->clientId, QByteArray("alice"));
}

void TestCloseEvents::closeAfterUnregisterNamesTheIdItHeld() {
    auto bob = registered("bob", u"/"_s);
    QVERIFY(bob);
    bob->sendText(R"({"action":"unregister"})");
    QVERIFY(bob->waitForTexts(2));
    bob->sendFrame(RawWebSocket::Close, QByteArray("\x03\xe8", 2));
    QVERIFY(bob->waitForDisconnected());
    QTRY_VERIFY(closeRecorded());

    QCOMPARE(closeEvent()->clientId, QByteArray("bob"));
    // The broker's "unregistered" reply is still bob's.
    const BrokerEvent *reply = find([](const BrokerEvent &e) {
        return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Unregistered;
    });
    QVERIFY(reply);
    QCOMPARE(reply->clientId, QByteArray("bob"));
}

void TestCloseEvents::resetIsConnectionLost() {
    auto carol = registered("carol", u"/net"_s);
    QVERIFY(carol);
    carol->reset();
    QTRY_VERIFY(closeRecorded());

    const BrokerEvent *closed = closeEvent();
    QCOMPARE(closed->closeReason, CloseReason::ConnectionLost);
    QCOMPARE(closed->clientId, QByteArray("carol"));
    QVERIFY(closed->isProblem());
    QVERIFY(isAbnormalClose(CloseReason::ConnectionLost));
    QVERIFY2(closed->detail.contains(u"1006"_s), qPrintable(closed->detail));
    const BrokerCounters &counters = m_broker->counters();
    QCOMPARE(counters.closesByReason[size_t(CloseReason::ConnectionLost)], 1u);
    QCOMPARE(counters.closesByReason[size_t(CloseReason::ClientClosed)], 0u);
    QCOMPARE(m_broker->snapshot().recentlyClosed.first().closeReason, CloseReason::ConnectionLost);
}

void TestCloseEvents::endWithoutCloseFrameIsConnectionLost() {
    auto dave = registered("dave", u"/net"_s);
    QVERIFY(dave);
    dave->close(); // a FIN, but no close frame
    QTRY_VERIFY(closeRecorded());
    QCOMPARE(closeEvent()->closeReason, CloseReason::ConnectionLost);
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ConnectionLost)], 1u);
}

void TestCloseEvents::closeFrameIsClientClosed() {
    auto erin = registered("erin", u"/net"_s);
    QVERIFY(erin);
    erin->sendFrame(RawWebSocket::Close, QByteArray("\x03\xe8", 2));
    QVERIFY(erin->waitForDisconnected());
    QTRY_VERIFY(closeRecorded());
    QCOMPARE(closeEvent()->closeReason, CloseReason::ClientClosed);
    QVERIFY(!closeEvent()->isProblem());
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ConnectionLost)], 0u);
    QCOMPARE(m_broker->counters().closesByReason[size_t(CloseReason::ClientClosed)], 1u);
}

WSMSGBROKER_TEST_MAIN(TestCloseEvents)
#include "tst_closeevents.moc"

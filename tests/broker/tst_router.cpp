// Unit tests of the Router without sockets: what it delivers to whom, which ids change hands,
// the outcome of each request, and what it counts. Connections are ClientConnection objects
// without a socket; the output collects what the broker would hand to the delivery pipeline.

#include "brokersnapshot.h"
#include "clientconnection.h"
#include "room.h"
#include "roomtable.h"
#include "router.h"

#include <QTest>

#include <map>
#include <memory>

namespace {

using Outcome = BrokerEvent::Outcome;

// One thing the router told, in order.
struct Told {
    enum Kind { Delivered, Registered, Released } kind;
    quint64 connectionId;
    QByteArray clientId; // the connection's id when told
    FrameAction action = FrameAction::None;
    QByteArray frame;
    QByteArray ack;
    QString detail;
};

class CollectingOutput : public RoutingOutput {
public:
    void deliver(ClientConnection *receiver, FrameAction action, const QByteArray &frame,
                 const QByteArray &ack, const ClientConnection *) override {
        told.push_back(
            {Told::Delivered, receiver->id(), receiver->clientId(), action, frame, ack, {}});
        // A receiver that this delivery pushes over its bound is cut off at once, as the
        // broker does with a slow consumer.
        if (receiver->id() == cutOffOnDelivery)
            receiver->closeReason = CloseReason::SlowConsumer;
    }
    void idRegistered(const ClientConnection *conn, const QString &detail) override {
        told.push_back({Told::Registered, conn->id(), conn->clientId(), {}, {}, {}, detail});
    }
    void idReleased(const ClientConnection *conn, const QString &why) override {
        told.push_back({Told::Released, conn->id(), conn->clientId(), {}, {}, {}, why});
    }

    QList<Told> deliveriesTo(quint64 id) const {
        QList<Told> out;
        for (const Told &t : told) {
            if (t.kind == Told::Delivered && t.connectionId == id)
                out.append(t);
        }
        return out;
    }
    int deliveryCount() const {
        return int(std::count_if(told.begin(), told.end(),
                                 [](const Told &t) { return t.kind == Told::Delivered; }));
    }

    QList<Told> told;
    quint64 cutOffOnDelivery = 0;
};

// A router with its rooms and connections, as the broker holds them.
class Harness {
public:
    explicit Harness(const BrokerSettings &settings = {})
        : m_settings(settings)
        , router(m_settings, counters, [this](quint64 id) -> ClientConnection * {
            const auto it = m_connections.find(id);
            return it == m_connections.end() ? nullptr : it->second.get();
        }) {}

    ClientConnection *connect(const QString &room = QStringLiteral("/")) {
        bool created = false;
        Room *r = m_rooms.join(room, &created);
        const quint64 id = m_nextId++;
        auto conn = std::make_unique<ClientConnection>(id, nullptr, r, 0);
        ClientConnection *raw = conn.get();
        m_connections.emplace(id, std::move(conn));
        return raw;
    }
    void disconnect(ClientConnection *conn) {
        conn->closeReason = CloseReason::ClientClosed;
        router.forget(conn, out);
        m_connections.erase(conn->id());
    }

    // Parses frame as a client request and routes it (or refuses it as the broker does).
    RoutingResult request(ClientConnection *from, const QByteArray &frame) {
        m_frames.append(frame); // the parsed request points into it
        const ParsedRequest req = FrameCodec::parse(m_frames.constLast());
        if (!req.isValid())
            return router.reject(from, req.error, req.errorReason, req.ackJson, out);
        return router.route(from, req, out);
    }
    ClientConnection *registered(const QByteArray &id, const QString &room = QStringLiteral("/")) {
        ClientConnection *conn = connect(room);
        request(conn, R"({"action":"register","id":")" + id + "\"}");
        return conn->clientId() == id ? conn : nullptr;
    }

    BrokerCounters counters;
    CollectingOutput out;

private:
    BrokerSettings m_settings;
    RoomTable m_rooms;
    std::map<quint64, std::unique_ptr<ClientConnection>> m_connections;
    QList<QByteArray> m_frames;
    quint64 m_nextId = 1;

public:
    Router router;
};

QByteArray sendFrame(const QByteArray &destJson, const QByteArray &ackJson = {}) {
    QByteArray frame = R"({"action":"send","dest":)" + destJson + R"(,"message":{"n":1})";
    if (!ackJson.isEmpty())
        frame += R"(,"ack":)" + ackJson;
    return frame + '}';
}

QByteArray answerFrame(const QByteArray &ackJson) {
    return R"({"action":"answer","ack":)" + ackJson + R"(,"message":"yes"})";
}

} // namespace

class TestRouter : public QObject {
    Q_OBJECT

private slots:
    void registerAnswersRegistered();
    void registerSameIdAgain();
    void rename();
    void takeOver();
    void rejectTakenId();
    void idsAreUniquePerRoom();
    void unregister();
    void unregisterWhileNotRegistered();
    void sendToOne();
    void sendToManyWithDuplicatesAndUnknown();
    void sendToUnknownOnly();
    void sendToClosingReceiver();
    void sendBeforeRegistering();
    void sendThatCutsTheSenderOff();
    void manyDestinationsEachOnce();
    void ackFastestWins();
    void answerFromNonRecipient();
    void answerToUnknownAck();
    void askerGone();
    void askerDisconnectedForgetsItsAsks();
    void invalidRequestIsRejected();
};

void TestRouter::registerAnswersRegistered() {
    Harness h;
    ClientConnection *a = h.connect();
    const RoutingResult result = h.request(a, R"({"action":"register","id":"a"})");
    QCOMPARE(result.outcome, Outcome::Done);
    QCOMPARE(a->clientId(), QByteArray("a"));
    QCOMPARE(a->room()->clients.value("a"), a);
    QCOMPARE(h.out.told.size(), 2);
    QCOMPARE(h.out.told.at(0).kind, Told::Registered);
    QCOMPARE(h.out.told.at(0).detail, QString());
    QCOMPARE(h.out.told.at(1).kind, Told::Delivered);
    QCOMPARE(h.out.told.at(1).action, FrameAction::Registered);
    QCOMPARE(h.out.told.at(1).frame, QByteArray(R"({"action":"registered","id":"a"})"));
}

void TestRouter::registerSameIdAgain() {
    Harness h;
    ClientConnection *a = h.registered("a");
    QVERIFY(a);
    h.out.told.clear();
    QCOMPARE(h.request(a, R"({"action":"register","id":"a"})").outcome, Outcome::Done);
    // Answered, but no id changes hands.
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).action, FrameAction::Registered);
}

void TestRouter::rename() {
    Harness h;
    ClientConnection *a = h.registered("a");
    QVERIFY(a);
    h.out.told.clear();
    QCOMPARE(h.request(a, R"({"action":"register","id":"b"})").outcome, Outcome::Done);
    QCOMPARE(h.out.told.size(), 3);
    // The old id is released (no unregistered frame: the client asked for the new one) ...
    QCOMPARE(h.out.told.at(0).kind, Told::Released);
    QCOMPARE(h.out.told.at(0).clientId, QByteArray("a"));
    QCOMPARE(h.out.told.at(0).detail, QStringLiteral("renamed to \"b\""));
    // ... and the new one taken and confirmed.
    QCOMPARE(h.out.told.at(1).kind, Told::Registered);
    QCOMPARE(h.out.told.at(1).clientId, QByteArray("b"));
    QCOMPARE(h.out.told.at(1).detail, QStringLiteral("renamed from \"a\""));
    QCOMPARE(h.out.told.at(2).frame, QByteArray(R"({"action":"registered","id":"b"})"));
    QVERIFY(!a->room()->clients.contains("a"));
    QCOMPARE(a->room()->clients.value("b"), a);
}

void TestRouter::takeOver() {
    Harness h;
    ClientConnection *first = h.registered("x");
    QVERIFY(first);
    ClientConnection *second = h.connect();
    h.out.told.clear();
    QCOMPARE(h.request(second, R"({"action":"register","id":"x"})").outcome, Outcome::Done);
    QVERIFY(!first->isRegistered());
    QCOMPARE(second->room()->clients.value("x"), second);
    QCOMPARE(h.out.told.size(), 4);
    QCOMPARE(h.out.told.at(0).kind, Told::Released);
    QCOMPARE(h.out.told.at(0).connectionId, first->id());
    QCOMPARE(h.out.told.at(0).detail, QStringLiteral("taken over by connection #%1").arg(2));
    // The old holder is told that it lost the id.
    QCOMPARE(h.out.told.at(1).connectionId, first->id());
    QCOMPARE(h.out.told.at(1).frame, QByteArray(R"({"action":"unregistered","id":"x"})"));
    QCOMPARE(h.out.told.at(2).kind, Told::Registered);
    QCOMPARE(h.out.told.at(2).detail,
             QStringLiteral("took the id over from connection #%1").arg(first->id()));
    QCOMPARE(h.out.told.at(3).connectionId, second->id());
    QCOMPARE(h.out.told.at(3).action, FrameAction::Registered);
}

void TestRouter::rejectTakenId() {
    BrokerSettings settings;
    settings.duplicateIds = BrokerSettings::DuplicateIdPolicy::Reject;
    Harness h(settings);
    ClientConnection *first = h.registered("x");
    QVERIFY(first);
    ClientConnection *second = h.connect();
    h.out.told.clear();
    const RoutingResult result = h.request(second, R"({"action":"register","id":"x"})");
    QCOMPARE(result.outcome, Outcome::Rejected);
    QVERIFY(result.detail.startsWith(QStringLiteral("id-taken: ")));
    QCOMPARE(first->room()->clients.value("x"), first);
    QVERIFY(!second->isRegistered());
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).connectionId, second->id());
    QCOMPARE(h.out.told.at(0).action, FrameAction::Error);
    QVERIFY(h.out.told.at(0).frame.contains(R"("id-taken")"));
    QCOMPARE(h.counters.errorsSent, 1u);
}

void TestRouter::idsAreUniquePerRoom() {
    Harness h;
    ClientConnection *one = h.registered("a", QStringLiteral("/one"));
    ClientConnection *two = h.registered("a", QStringLiteral("/two"));
    QVERIFY(one);
    QVERIFY(two);
    ClientConnection *sender = h.registered("s", QStringLiteral("/one"));
    QVERIFY(sender);
    h.out.told.clear();
    QCOMPARE(h.request(sender, sendFrame(R"(["a"])")).outcome, Outcome::Done);
    QCOMPARE(h.out.deliveriesTo(one->id()).size(), 1);
    QCOMPARE(h.out.deliveriesTo(two->id()).size(), 0);
}

void TestRouter::unregister() {
    Harness h;
    ClientConnection *a = h.registered("a");
    QVERIFY(a);
    h.out.told.clear();
    QCOMPARE(h.request(a, R"({"action":"unregister"})").outcome, Outcome::Done);
    QVERIFY(!a->isRegistered());
    QVERIFY(a->room()->clients.isEmpty());
    QCOMPARE(h.out.told.size(), 2);
    QCOMPARE(h.out.told.at(0).kind, Told::Released);
    QCOMPARE(h.out.told.at(0).detail, QStringLiteral("unregistered by the client"));
    QCOMPARE(h.out.told.at(1).frame, QByteArray(R"({"action":"unregistered","id":"a"})"));
}

void TestRouter::unregisterWhileNotRegistered() {
    Harness h;
    ClientConnection *a = h.connect();
    const RoutingResult result = h.request(a, R"({"action":"unregister"})");
    QCOMPARE(result.outcome, Outcome::Ignored);
    QCOMPARE(result.detail, QStringLiteral("not registered"));
    QVERIFY(h.out.told.isEmpty());
}

void TestRouter::sendToOne() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    QVERIFY(a && b);
    h.out.told.clear();
    const RoutingResult result = h.request(a, sendFrame(R"(["b"])"));
    QCOMPARE(result.outcome, Outcome::Done);
    QVERIFY(result.detail.isEmpty());
    QVERIFY(!result.ackRemembered);
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).connectionId, b->id());
    QCOMPARE(h.out.told.at(0).action, FrameAction::Message);
    QCOMPARE(h.out.told.at(0).frame,
             QByteArray(R"({"action":"message","message":{"n":1},"from":"a"})"));
    QCOMPARE(h.counters.delivered, 1u);
}

void TestRouter::sendToManyWithDuplicatesAndUnknown() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    ClientConnection *c = h.registered("c");
    QVERIFY(a && b && c);
    h.out.told.clear();
    const RoutingResult result = h.request(a, sendFrame(R"(["b","c","b","nobody","c"])"));
    QCOMPARE(result.outcome, Outcome::PartlyDelivered);
    QVERIFY2(result.detail.contains(QStringLiteral("nobody")), qPrintable(result.detail));
    // Each distinct id once, in the order of dest.
    QCOMPARE(h.out.told.size(), 2);
    QCOMPARE(h.out.told.at(0).connectionId, b->id());
    QCOMPARE(h.out.told.at(1).connectionId, c->id());
    QCOMPARE(h.counters.delivered, 2u);
    QCOMPARE(h.counters.skippedUnknownId, 1u);
}

void TestRouter::sendToUnknownOnly() {
    Harness h;
    ClientConnection *a = h.registered("a");
    QVERIFY(a);
    h.out.told.clear();
    const RoutingResult result = h.request(a, sendFrame(R"(["x","y"])", R"("k")"));
    QCOMPARE(result.outcome, Outcome::SkippedUnknownId);
    QVERIFY(result.detail.contains(QStringLiteral("x, y")));
    QVERIFY(h.out.told.isEmpty());
    // Nobody got the ask, so nobody can answer it: nothing pending.
    QVERIFY(!result.ackRemembered);
    QCOMPARE(h.router.acks().size(), 0);
    QCOMPARE(h.counters.skippedUnknownId, 2u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::UnknownId)], 2u);
}

void TestRouter::sendToClosingReceiver() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    QVERIFY(a && b);
    b->closeReason = CloseReason::PingTimeout;
    h.out.told.clear();
    const RoutingResult result = h.request(a, sendFrame(R"(["b"])"));
    QCOMPARE(result.outcome, Outcome::SkippedUnknownId);
    QVERIFY(result.detail.contains(QStringLiteral("b (closing)")));
    QVERIFY(h.out.told.isEmpty());
    QCOMPARE(h.counters.undelivered, 1u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::ReceiverClosing)], 1u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::UnknownId)], 0u);
}

void TestRouter::sendBeforeRegistering() {
    Harness h;
    ClientConnection *a = h.connect();
    const RoutingResult result = h.request(a, sendFrame(R"(["b"])", R"("k1")"));
    QCOMPARE(result.outcome, Outcome::Rejected);
    QVERIFY(result.detail.startsWith(QStringLiteral("not-registered: ")));
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).action, FrameAction::Error);
    // The error carries the request's ack, so the client can match it.
    QVERIFY(h.out.told.at(0).frame.contains(R"("ack":"k1")"));
}

// A sender among its own destinations that the delivery cuts off (slow consumer): the rest of
// the send is not delivered, and its ask is not kept.
void TestRouter::sendThatCutsTheSenderOff() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    QVERIFY(a && b);
    h.out.told.clear();
    h.out.cutOffOnDelivery = a->id();
    const RoutingResult result = h.request(a, sendFrame(R"(["a","b"])", R"("k")"));
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).connectionId, a->id());
    QCOMPARE(h.counters.undelivered, 1u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::SenderClosing)], 1u);
    QVERIFY(!result.ackRemembered);
    QCOMPARE(h.router.acks().size(), 0);
}

void TestRouter::manyDestinationsEachOnce() {
    Harness h;
    ClientConnection *a = h.registered("a");
    QVERIFY(a);
    QList<ClientConnection *> receivers;
    QByteArray dest = "[";
    for (int i = 0; i < 40; ++i) {
        const QByteArray id = "r" + QByteArray::number(i);
        receivers.append(h.registered(id));
        QVERIFY(receivers.constLast());
        // Every id twice: over 16 destinations the router looks duplicates up in a set.
        dest += '"' + id + "\",\"" + id + "\",";
    }
    dest.chop(1);
    dest += ']';
    h.out.told.clear();
    QCOMPARE(h.request(a, sendFrame(dest)).outcome, Outcome::Done);
    QCOMPARE(h.out.deliveryCount(), 40);
    for (ClientConnection *r : receivers)
        QCOMPARE(h.out.deliveriesTo(r->id()).size(), 1);
}

void TestRouter::ackFastestWins() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    ClientConnection *c = h.registered("c");
    QVERIFY(a && b && c);
    h.out.told.clear();
    const RoutingResult ask = h.request(a, sendFrame(R"(["b","c"])", R"("q1")"));
    QCOMPARE(ask.outcome, Outcome::Done);
    QVERIFY(ask.ackRemembered);
    QCOMPARE(h.router.acks().size(), 1);
    QCOMPARE(h.out.told.at(0).ack, QByteArray("q1"));
    h.out.told.clear();

    QCOMPARE(h.request(c, answerFrame(R"("q1")")).outcome, Outcome::Done);
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).connectionId, a->id());
    QCOMPARE(h.out.told.at(0).action, FrameAction::Answer);
    QCOMPARE(h.out.told.at(0).frame,
             QByteArray(R"({"action":"answer","ack":"q1","from":"c","message":"yes"})"));
    // The slower recipient's answer is dropped.
    const RoutingResult late = h.request(b, answerFrame(R"("q1")"));
    QCOMPARE(late.outcome, Outcome::DroppedAnswer);
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.counters.answersForwarded, 1u);
    QCOMPARE(h.counters.droppedAnswers, 1u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::AnswerUnknownAck)], 1u);
    QCOMPARE(h.router.acks().size(), 0);
}

void TestRouter::answerFromNonRecipient() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    ClientConnection *d = h.registered("d");
    QVERIFY(a && b && d);
    h.request(a, sendFrame(R"(["b"])", R"("q")"));
    h.out.told.clear();
    const RoutingResult result = h.request(d, answerFrame(R"("q")"));
    QCOMPARE(result.outcome, Outcome::DroppedAnswer);
    QCOMPARE(result.detail, QStringLiteral("this client did not receive the ask"));
    QVERIFY(h.out.told.isEmpty());
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::AnswerNotRecipient)], 1u);
    // The ask still waits for its recipient.
    QCOMPARE(h.request(b, answerFrame(R"("q")")).outcome, Outcome::Done);
    QCOMPARE(h.out.deliveriesTo(a->id()).size(), 1);
}

void TestRouter::answerToUnknownAck() {
    Harness h;
    ClientConnection *b = h.registered("b");
    QVERIFY(b);
    h.out.told.clear();
    const RoutingResult result = h.request(b, answerFrame(R"("never")"));
    QCOMPARE(result.outcome, Outcome::DroppedAnswer);
    QVERIFY(result.detail.contains(QStringLiteral("no pending ask")));
    QVERIFY(h.out.told.isEmpty());
}

void TestRouter::askerGone() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    QVERIFY(a && b);
    h.request(a, sendFrame(R"(["b"])", R"("q")"));
    a->closeReason = CloseReason::ClientClosed; // leaving, not yet gone
    h.out.told.clear();
    const RoutingResult result = h.request(b, answerFrame(R"("q")"));
    QCOMPARE(result.outcome, Outcome::DroppedAnswer);
    QCOMPARE(result.detail, QStringLiteral("the asker has left"));
    QVERIFY(h.out.told.isEmpty());
    QCOMPARE(h.counters.droppedAnswers, 1u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::AnswerAskerLeft)], 1u);
    QCOMPARE(h.counters.skippedByReason[size_t(SkippedDelivery::AnswerUnknownAck)], 0u);
}

void TestRouter::askerDisconnectedForgetsItsAsks() {
    Harness h;
    ClientConnection *a = h.registered("a");
    ClientConnection *b = h.registered("b");
    QVERIFY(a && b);
    h.request(a, sendFrame(R"(["b"])", R"("q")"));
    QCOMPARE(h.router.acks().size(), 1);
    h.out.told.clear();
    h.disconnect(a);
    QCOMPARE(h.router.acks().size(), 0);
    // Its id is released without a frame to it.
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).kind, Told::Released);
    QCOMPARE(h.out.told.at(0).detail, QStringLiteral("connection closed"));
    QVERIFY(!b->room()->clients.contains("a"));
    QCOMPARE(h.request(b, answerFrame(R"("q")")).outcome, Outcome::DroppedAnswer);
}

void TestRouter::invalidRequestIsRejected() {
    Harness h;
    ClientConnection *a = h.connect();
    const RoutingResult result = h.request(a, R"({"action":"fly"})");
    QCOMPARE(result.outcome, Outcome::Rejected);
    QCOMPARE(h.out.told.size(), 1);
    QCOMPARE(h.out.told.at(0).action, FrameAction::Error);
    QVERIFY(h.out.told.at(0).frame.contains(R"("unknown-action")"));
}

QTEST_APPLESS_MAIN(TestRouter)

#include "tst_router.moc"

#include "broker.h"
#include "brokersettings.h"
#include "frameencoder.h"
#include "frameheader.h"
#include "replayclient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

constexpr int Timeout = 10000;

// What a ReplayClient hands over, copied out of the emission (the views die with it).
struct Received {
    QList<QByteArray> texts;
    QStringList closes;

    explicit Received(ReplayClient *client) {
        QObject::connect(client, &ReplayClient::textsReceived, client,
                         [this](const QList<QByteArrayView> &batch) {
                             for (const QByteArrayView text : batch)
                                 texts.append(text.toByteArray());
                         });
        QObject::connect(client, &ReplayClient::closed, client,
                         [this](const QString &why) { closes.append(why); });
    }
};

// A server that speaks RFC 6455 by hand, for what the broker never sends: fragments, pings,
// close frames, masked frames. It upgrades the first connection and reads the client's frames
// with the broker's FrameHeader, which insists on their mask.
class ScriptedServer {
public:
    ScriptedServer() { m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/room").arg(m_server.serverPort()));
    }
    // Waits for the client's opening handshake and answers it.
    bool upgrade() {
        if (!QTest::qWaitFor([this] { return m_server.hasPendingConnections(); }, Timeout))
            return false;
        m_socket.reset(m_server.nextPendingConnection());
        if (!QTest::qWaitFor([this] { return readSome().contains("\r\n\r\n"); }, Timeout))
            return false;
        const qsizetype end = m_in.indexOf("\r\n\r\n") + 4;
        QByteArray key;
        for (const QByteArray &line : m_in.left(end).split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(line.indexOf(':') + 1).trimmed();
        }
        m_request = m_in.left(end);
        m_in.remove(0, end);
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                     QCryptographicHash::Sha1)
                .toBase64();
        m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                        accept + "\r\n\r\n");
        return true;
    }
    QByteArray request() const { return m_request; }
    // The next frame from the client, unmasked: {opcode, payload}; opcode -1 when none came or
    // it was not masked.
    std::pair<int, QByteArray> nextFrame() {
        std::pair<int, QByteArray> frame{-1, {}};
        (void)QTest::qWaitFor(
            [&] {
                readSome();
                FrameHeader header;
                QString error;
                if (FrameHeader::read(reinterpret_cast<const uchar *>(m_in.constData()),
                                      m_in.size(), &header,
                                      &error) != FrameHeader::Read::Complete ||
                    quint64(m_in.size() - header.size) < header.length)
                    return !error.isEmpty();
                QByteArray payload = m_in.mid(header.size, qsizetype(header.length));
                FrameHeader::unmask(payload.data(), header.length, header.mask);
                m_in.remove(0, header.size + qsizetype(header.length));
                frame = {header.opcode, payload};
                return true;
            },
            Timeout);
        return frame;
    }
    // A frame as a server sends it: unmasked; first is the first header byte (FIN, opcode).
    void send(quint8 first, const QByteArray &payload) { m_socket->write(frame(first, payload)); }
    static QByteArray frame(quint8 first, const QByteArray &payload) {
        return QByteArray(1, char(first)) + char(payload.size()) + payload;
    }
    QTcpSocket *socket() const { return m_socket.get(); }

private:
    const QByteArray &readSome() {
        if (m_socket)
            m_in += m_socket->readAll();
        return m_in;
    }
    QTcpServer m_server;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_in;
    QByteArray m_request;
};

QJsonObject object(const QByteArray &text) {
    return QJsonDocument::fromJson(text).object();
}

} // namespace

// The replay's lean client (issue 14): registration, frames queued before it, whole frames out
// of one read, the three length forms both ways through a real broker; and against a scripted
// server fragments put together, pings answered, a close's reason and a masked server frame.
class TestReplayClient : public QObject {
    Q_OBJECT

private slots:
    void framesThroughTheBroker();
    void fragmentsPingsAndClose();
    void maskedServerFrameIsAProtocolError();
};

void TestReplayClient::framesThroughTheBroker() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    Broker broker(settings);
    QVERIFY(broker.start());
    QUrl url = broker.url();
    url.setPath(QStringLiteral("/r"));
    ReplayClient receiver(QStringLiteral("b"), url);
    ReplayClient sender(QStringLiteral("a"), url);
    Received got(&receiver);
    QSignalSpy receiverRegistered(&receiver, &ReplayClient::registered);
    receiver.open();
    QVERIFY(receiverRegistered.wait(Timeout));
    QVERIFY(receiver.isRegistered());

    // Queued before the sender is even connected: they wait for its registration.
    const QByteArray big(70000, 'x'); // a 64-bit length; 300 bytes take the 16-bit form
    const QByteArray middle(300, 'y');
    sender.queueText(R"({"action":"send","dest":"b","message":{"n":1}})");
    sender.queueText(R"({"action":"send","dest":["b"],"message":")" + middle + "\"}");
    sender.queueText(R"({"action":"send","dest":"b","ack":"k","message":")" + big + "\"}");
    sender.flush();
    QSignalSpy senderRegistered(&sender, &ReplayClient::registered);
    sender.open();
    QVERIFY(senderRegistered.wait(Timeout));
    QVERIFY(QTest::qWaitFor([&] { return got.texts.size() == 3; }, Timeout));
    QCOMPARE(object(got.texts[0]).value(QStringLiteral("message")).toObject(),
             object(R"({"n":1})"));
    QCOMPARE(object(got.texts[1]).value(QStringLiteral("message")).toString().toUtf8(), middle);
    const QJsonObject last = object(got.texts[2]);
    QCOMPARE(last.value(QStringLiteral("message")).toString().toUtf8(), big);
    QCOMPARE(last.value(QStringLiteral("ack")).toString(), QStringLiteral("k"));
    QCOMPARE(last.value(QStringLiteral("from")).toString(), QStringLiteral("a"));

    // An answer the other way; the registration reply itself is not handed over.
    receiver.queueText(R"({"action":"answer","ack":"k","message":"done"})");
    receiver.flush();
    Received back(&sender);
    QVERIFY(QTest::qWaitFor([&] { return back.texts.size() == 1; }, Timeout));
    QCOMPARE(object(back.texts[0]).value(QStringLiteral("action")).toString(),
             QStringLiteral("answer"));
    QCOMPARE(object(back.texts[0]).value(QStringLiteral("message")).toString(),
             QStringLiteral("done"));
    QVERIFY(got.closes.isEmpty());
    QVERIFY(back.closes.isEmpty());
}

void TestReplayClient::fragmentsPingsAndClose() {
    ScriptedServer server;
    ReplayClient client(QStringLiteral("c"), server.url());
    Received got(&client);
    client.open();
    QVERIFY(server.upgrade());
    QVERIFY2(server.request().startsWith("GET /room HTTP/1.1\r\n"), server.request().constData());
    const auto [opcode, payload] = server.nextFrame();
    QCOMPARE(opcode, int(FrameEncoder::Text));
    QCOMPARE(object(payload).value(QStringLiteral("action")).toString(),
             QStringLiteral("register"));
    QCOMPARE(object(payload).value(QStringLiteral("id")).toString(), QStringLiteral("c"));

    QSignalSpy registered(&client, &ReplayClient::registered);
    // The registration, a message in three fragments with a ping between them, an answer and
    // an error (not handed over), all in one write.
    server.socket()->write(ScriptedServer::frame(0x81, R"({"action":"registered","id":"c"})") +
                           ScriptedServer::frame(0x01, R"({"action":"mess)") +
                           ScriptedServer::frame(0x00, R"(age","message":)") +
                           ScriptedServer::frame(0x89, "p1") +
                           ScriptedServer::frame(0x80, R"(7,"from":"x"})") +
                           ScriptedServer::frame(0x81, R"({"action":"answer","message":8})") +
                           ScriptedServer::frame(0x81, R"({"action":"error","code":"x"})"));
    QVERIFY(registered.wait(Timeout));
    QVERIFY(QTest::qWaitFor([&] { return got.texts.size() == 2; }, Timeout));
    QCOMPARE(got.texts[0], QByteArray(R"({"action":"message","message":7,"from":"x"})"));
    QCOMPARE(got.texts[1], QByteArray(R"({"action":"answer","message":8})"));
    const auto [pong, pongPayload] = server.nextFrame();
    QCOMPARE(pong, int(FrameEncoder::Pong));
    QCOMPARE(pongPayload, QByteArray("p1"));

    // The broker goes: its close is echoed and its reason said.
    server.send(0x88, FrameEncoder::closePayload(1001, "going away"));
    QVERIFY(QTest::qWaitFor([&] { return !got.closes.isEmpty(); }, Timeout));
    QCOMPARE(got.closes, QStringList{QStringLiteral("going away")});
    const auto [close, closePayload] = server.nextFrame();
    QCOMPARE(close, int(FrameEncoder::Close));
    QCOMPARE(closePayload, FrameEncoder::closePayload(1001, {}));
    QVERIFY(!client.isRegistered());
}

void TestReplayClient::maskedServerFrameIsAProtocolError() {
    ScriptedServer server;
    ReplayClient client(QStringLiteral("c"), server.url());
    Received got(&client);
    client.open();
    QVERIFY(server.upgrade());
    const std::array<uchar, 4> mask{1, 2, 3, 4};
    server.socket()->write(
        FrameEncoder::frame(FrameEncoder::Text, R"({"action":"registered","id":"c"})", &mask));
    QVERIFY(QTest::qWaitFor([&] { return !got.closes.isEmpty(); }, Timeout));
    QCOMPARE(got.closes, QStringList{QStringLiteral("protocol error: server frame masked")});
    QVERIFY(!client.isRegistered());
    QVERIFY(got.texts.isEmpty());
}

QTEST_GUILESS_MAIN(TestReplayClient)
#include "tst_replayclient.moc"

// WebSocketConnection against a hand-made client: a plain QTcpSocket that writes the opening
// handshake and masked frames byte for byte as RFC 6455 defines them, and parses the server's
// frames itself. So every test controls exactly what goes over the wire (split points, length
// encodings, protocol violations), which no WebSocket client library would let it do.
//
// Section numbers in the comments are those of RFC 6455.

#include "clientframe.h"
#include "dispatchertestmain.h"
#include "utf8validator.h"
#include "websocketconnection.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QtEndian>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

// FrameOptions are given with designated initializers that name only what differs from the
// defaults, which is what GCC's -Wmissing-field-initializers complains about.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace Qt::StringLiterals;
using State = WebSocketConnection::State;

// A failed QVERIFY/QCOMPARE inside a helper only returns from the helper; this returns from the
// test too.
#define CALL(expression)                                                                           \
    do {                                                                                           \
        expression;                                                                                \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

namespace {

constexpr int Timeout = 5000;
// How soon the server must end TCP once it has failed the connection or the closing handshake
// is over. Generous on loopback, yet shorter than any timer for a peer that does not close
// (2 s in the implementation), so that a connection ended only by such a timer fails.
constexpr int PromptCloseMs = 1000;

// The example of section 1.3.
const QByteArray SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";
const QByteArray SampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

enum Opcode { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

// ---- Client frames (section 5.2) -----------------------------------------------------------

using LengthForm = ClientFrame::LengthForm;
using FrameOptions = ClientFrame::Options;

QByteArray clientFrame(int opcode, QByteArrayView payload, const FrameOptions &options = {}) {
    return ClientFrame::encode(opcode, payload, options);
}

QByteArray closePayload(int code, QByteArrayView reason = {}) {
    char field[2];
    qToBigEndian(quint16(code), field);
    return QByteArray(field, 2) + reason.toByteArray();
}

// ---- Server frames -------------------------------------------------------------------------

struct Frame {
    bool fin = false;
    int rsv = 0;
    int opcode = -1;
    bool masked = false;
    int extendedLengthBytes = 0; // 0, 2 or 8: which length form the server used
    QByteArray payload;

    int closeCode() const {
        return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : -1;
    }
    QByteArray closeReason() const { return payload.mid(2); }
};

// Takes one complete frame off the front of buffer; nothing while it is incomplete.
std::optional<Frame> takeFrame(QByteArray &buffer) {
    if (buffer.size() < 2)
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const uchar *>(buffer.constData());
    Frame frame;
    frame.fin = bytes[0] & 0x80;
    frame.rsv = (bytes[0] >> 4) & 7;
    frame.opcode = bytes[0] & 0x0F;
    frame.masked = bytes[1] & 0x80;
    quint64 length = bytes[1] & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (buffer.size() < 4)
            return std::nullopt;
        length = qFromBigEndian<quint16>(bytes + 2);
        frame.extendedLengthBytes = 2;
        header = 4;
    } else if (length == 127) {
        if (buffer.size() < 10)
            return std::nullopt;
        length = qFromBigEndian<quint64>(bytes + 2);
        frame.extendedLengthBytes = 8;
        header = 10;
    }
    // A server must not mask (5.1), but a masked frame is still taken apart so that the test
    // can say so instead of timing out.
    const qsizetype keyOffset = header;
    if (frame.masked)
        header += 4;
    if (length > quint64(1) << 30 || quint64(buffer.size() - header) < length)
        return std::nullopt;
    frame.payload = buffer.mid(header, qsizetype(length));
    if (frame.masked) {
        for (qsizetype i = 0; i < frame.payload.size(); ++i)
            frame.payload[i] = char(frame.payload[i] ^ buffer[keyOffset + i % 4]);
    }
    buffer.remove(0, header + qsizetype(length));
    return frame;
}

// ---- The opening handshake (section 4) ----------------------------------------------------

struct Request {
    QByteArray requestLine = "GET / HTTP/1.1";
    QList<std::pair<QByteArray, QByteArray>> headers = {
        {"Host", "127.0.0.1"},           {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},       {"Sec-WebSocket-Key", SampleKey},
        {"Sec-WebSocket-Version", "13"},
    };
    QByteArray separator = ": ";

    // Replaces the header of that name (any case) or adds it.
    Request &with(const QByteArray &name, const QByteArray &value) {
        for (auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
                header.second = value;
                return *this;
            }
        }
        headers.append({name, value});
        return *this;
    }
    Request &without(const QByteArray &name) {
        headers.removeIf(
            [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        return *this;
    }
    Request &line(const QByteArray &requestLine_) {
        requestLine = requestLine_;
        return *this;
    }
    QByteArray bytes() const {
        QByteArray out = requestLine + "\r\n";
        for (const auto &[name, value] : headers)
            out += name + separator + value + "\r\n";
        return out + "\r\n";
    }
};

struct Response {
    QByteArray statusLine;
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case

    QByteArray header(QByteArrayView name) const {
        for (const auto &[n, value] : headers) {
            if (n == name)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const {
        return std::any_of(headers.begin(), headers.end(),
                           [&](const auto &h) { return h.first == name; });
    }
    // Whether a comma-separated header holds token, ignoring case (Connection: a, Upgrade).
    bool headerHasToken(QByteArrayView name, QByteArrayView token) const {
        for (const QByteArray &item : header(name).split(',')) {
            if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

std::optional<Response> takeResponse(QByteArray &buffer) {
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.remove(0, end + 4);
    Response response;
    response.statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = response.statusLine.split(' ');
    response.status = parts.size() >= 2 ? parts.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append({lines.at(i).left(colon).trimmed().toLower(),
                                     lines.at(i).mid(colon + 1).trimmed()});
    }
    return response;
}

QByteArray acceptFor(const QByteArray &key) {
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

// Valid UTF-8 of exactly size bytes, with 1 to 4 byte characters throughout.
QByteArray utf8Text(qsizetype size) {
    static const QByteArray pattern = "h\xC3\xA9llo w\xC3\xB6rld \xE2\x82\xAC \xF0\x9F\x98\x80 ";
    QByteArray out;
    while (out.size() + pattern.size() <= size)
        out += pattern;
    return out + QByteArray(size - out.size(), 'x');
}

// ---- The two ends ---------------------------------------------------------------------------

// Everything one server-side connection did.
struct Record {
    QPointer<WebSocketConnection> connection;
    bool handshakeRequested = false;
    State stateAtHandshake = State::Closed;
    QUrl url;
    QString origin;
    QList<QByteArray> texts;
    QList<QByteArray> binaries;
    QList<QByteArray> pongs;
    int disconnects = 0;
    int closeCode = -1;
    QString closeReason;
    State stateAtDisconnect = State::Open;
};

class TestServer : public QTcpServer, private WebSocketConnectionReceiver {
public:
    // The wss:// path: a QTcpSocket handed over instead of the descriptor.
    bool useSocketConstructor = false;
    // Settings applied to each new connection before it does anything.
    std::function<void(WebSocketConnection &)> configure;
    std::function<void(Record &)> answerHandshake = [](Record &r) {
        r.connection->acceptHandshake();
    };
    // Called after a text message was recorded.
    std::function<void(Record &)> afterText;

    TestServer() { listen(QHostAddress::LocalHost, 0); }
    ~TestServer() override {
        // The connections go first, while the records their callbacks write to still exist.
        for (const auto &record : m_records)
            delete record->connection.data();
    }

    Record *record(qsizetype index = 0) {
        (void)QTest::qWaitFor([&] { return qsizetype(m_records.size()) > index; }, Timeout);
        return qsizetype(m_records.size()) > index ? m_records[index].get() : nullptr;
    }

protected:
    void incomingConnection(qintptr descriptor) override {
        m_records.push_back(std::make_unique<Record>());
        Record *r = m_records.back().get();
        WebSocketConnection *connection;
        if (useSocketConstructor) {
            auto *socket = new QTcpSocket;
            socket->setSocketDescriptor(descriptor);
            connection = new WebSocketConnection(socket, this);
        } else {
            connection = new WebSocketConnection(descriptor, this);
        }
        r->connection = connection;
        if (configure)
            configure(*connection);
        connection->setReceiver(this);
    }

private:
    Record &recordOf(WebSocketConnection *connection) {
        for (const auto &record : m_records) {
            if (record->connection == connection)
                return *record;
        }
        qFatal("a connection without its record");
    }
    void handshakeRequested(WebSocketConnection *connection) override {
        Record &r = recordOf(connection);
        r.handshakeRequested = true;
        r.stateAtHandshake = connection->state();
        r.url = connection->requestUrl();
        r.origin = connection->origin();
        answerHandshake(r);
    }
    void textMessageReceived(WebSocketConnection *connection, const QByteArray &utf8) override {
        Record &r = recordOf(connection);
        r.texts.append(utf8);
        if (afterText)
            afterText(r);
    }
    void binaryMessageReceived(WebSocketConnection *connection, const QByteArray &data) override {
        recordOf(connection).binaries.append(data);
    }
    void pongReceived(WebSocketConnection *connection, const QByteArray &payload) override {
        recordOf(connection).pongs.append(payload);
    }
    void disconnected(WebSocketConnection *connection) override {
        Record &r = recordOf(connection);
        ++r.disconnects;
        r.closeCode = connection->closeCode();
        r.closeReason = connection->closeReason();
        r.stateAtDisconnect = connection->state();
    }

    std::vector<std::unique_ptr<Record>> m_records;
};

// The client end: a raw TCP socket; what it receives collects in `received`. Lower level than
// RawWebSocket (tests/common): it sends bytes as given and parses nothing by itself.
class PeerSocket {
public:
    QTcpSocket socket;
    QByteArray received;

    explicit PeerSocket(const TestServer &server) {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            if (!m_paused)
                received += socket.readAll();
        });
        socket.connectToHost(QHostAddress::LocalHost, server.serverPort());
        socket.waitForConnected(Timeout);
    }

    void send(QByteArrayView bytes) {
        socket.write(bytes.data(), bytes.size());
        socket.flush();
    }
    // Hands bytes to the kernel in pieces, letting the server run after each one, so that it
    // sees every split point.
    void sendInPieces(QByteArrayView bytes, qsizetype pieceSize = 1) {
        for (qsizetype i = 0; i < bytes.size(); i += pieceSize) {
            send(bytes.sliced(i, qMin(pieceSize, bytes.size() - i)));
            QTest::qWait(1);
        }
    }

    bool isClosed() const { return socket.state() == QAbstractSocket::UnconnectedState; }
    // Whether the server ended the TCP connection within the timeout.
    bool waitClosedByPeer(int timeoutMs = Timeout) {
        return QTest::qWaitFor([&] { return isClosed(); }, timeoutMs);
    }

    std::optional<Response> readResponse() {
        std::optional<Response> response;
        (void)QTest::qWaitFor(
            [&] {
                response = takeResponse(received);
                return response || isClosed();
            },
            Timeout);
        return response;
    }
    std::optional<Frame> readFrame() {
        std::optional<Frame> frame;
        (void)QTest::qWaitFor(
            [&] {
                frame = takeFrame(received);
                return frame || isClosed();
            },
            Timeout);
        if (!frame)
            frame = takeFrame(received); // the last bytes may have come with the close
        return frame;
    }

    // A reader that stops reading: the kernel's buffers fill up and the server has to queue.
    void pauseReading() {
        m_paused = true;
        socket.setReadBufferSize(64 * 1024);
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
    }
    void resumeReading() {
        m_paused = false;
        socket.setReadBufferSize(0);
        received += socket.readAll();
    }

private:
    bool m_paused = false;
};

// ---- Steps shared by the tests ---------------------------------------------------------------

// The opening handshake with the default request; record is the server's side of it.
void openConnection(TestServer &server, PeerSocket &client, Record *&record) {
    QVERIFY2(client.socket.state() == QAbstractSocket::ConnectedState, "no TCP connection");
    client.send(Request().bytes());
    const auto response = client.readResponse();
    QVERIFY2(response, "no handshake response");
    QCOMPARE(response->status, 101);
    QCOMPARE(response->header("sec-websocket-accept"), SampleAccept);
    record = server.record();
    QVERIFY(record);
    QCOMPARE(record->connection->state(), State::Open);
}

// A ping's round trip: frames are handled in order, so when its pong is back everything sent
// before it has been handled too. Only for when the server sends nothing else meanwhile.
void sync(PeerSocket &client) {
    static int counter = 0;
    const QByteArray payload = "sync " + QByteArray::number(++counter);
    client.send(clientFrame(Ping, payload));
    const auto frame = client.readFrame();
    QVERIFY2(frame, "no pong");
    QCOMPARE(frame->opcode, int(Pong));
    QCOMPARE(frame->payload, payload);
}

// The server failed the connection (7.1.7): a close frame with code (or alternativeCode), then
// it ends TCP without waiting for an answer and reports that code.
void expectFailure(PeerSocket &client, Record &record, int code, int alternativeCode = -1) {
    const auto frame = client.readFrame();
    QVERIFY2(frame, "no close frame");
    QCOMPARE(frame->opcode, int(Close));
    QVERIFY(!frame->masked);
    const int sent = frame->closeCode();
    if (sent != alternativeCode)
        QCOMPARE(sent, code);
    QVERIFY(Utf8Validator::isValid(frame->closeReason()));
    QVERIFY2(client.waitClosedByPeer(PromptCloseMs), "the server kept the TCP connection");
    QCOMPARE(client.received, QByteArray()); // nothing after the close frame (5.5.1)
    QTRY_COMPARE(record.disconnects, 1);
    QCOMPARE(record.closeCode, sent);
    QCOMPARE(record.stateAtDisconnect, State::Closed);
}

} // namespace

class tst_WebSocketConnection : public QObject {
    Q_OBJECT

private slots:
    // The opening handshake
    void handshakeAccept_data();
    void handshakeAccept();
    void handshakeVariants_data();
    void handshakeVariants();
    void requestUrlAndOrigin();
    void peerAndServerName();
    void handshakeErrors_data();
    void handshakeErrors();
    void handshakeRejected();
    void handshakeUnanswered();
    void handshakeAtSizeLimit();
    void pipelinedFrame();
    void pipelinedFrameBeyondHandshakeLimit();
    void clientGoneDuringHandshake();

    // Receiving
    void textMessage_data();
    void textMessage();
    void nonMinimalLength_data();
    void nonMinimalLength();
    void byteByByte();
    void splitAtEveryOffset();
    void manyFramesInOneWrite();
    void fragmented_data();
    void fragmented();
    void pingBetweenFragments();
    void invalidUtf8FailsFast_data();
    void invalidUtf8FailsFast();
    void invalidUtf8FailsFastInLongFrame();
    void validUtf8SplitAnywhere_data();
    void validUtf8SplitAnywhere();
    void binaryMessage();
    void messageAtSizeLimit();
    void clientPing();
    void protocolErrors_data();
    void protocolErrors();

    // Sending
    void sendText_data();
    void sendText();
    void sendManyInOrder();
    void serverPing();
    void slowReader();

    // Closing
    void closeByClient_data();
    void closeByClient();
    void closeByServer();
    void pingWhileClosing();
    void closeReasonTruncated_data();
    void closeReasonTruncated();
    void tcpClosedByClient();
    void abortNow();
    void abortInsideHandlers();
    void socketConstructor();
};

// ---- The opening handshake ------------------------------------------------------------------

void tst_WebSocketConnection::handshakeAccept_data() {
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("accept");
    QTest::newRow("RFC 6455 sample") << SampleKey << SampleAccept;
    const QByteArray other = QByteArray("0123456789abcdef").toBase64();
    QTest::newRow("other key") << other << acceptFor(other);
}

void tst_WebSocketConnection::handshakeAccept() {
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, accept);
    TestServer server;
    PeerSocket client(server);
    client.send(Request().with("Sec-WebSocket-Key", key).bytes());
    const auto response = client.readResponse();
    QVERIFY2(response, "no handshake response");
    // 4.2.2 item 5: the status line, Upgrade, Connection and the accept value.
    QVERIFY2(response->statusLine == "HTTP/1.1 101" ||
                 response->statusLine.startsWith("HTTP/1.1 101 "),
             response->statusLine.constData());
    QCOMPARE(response->header("upgrade").toLower(), QByteArray("websocket"));
    QVERIFY(response->headerHasToken("connection", "upgrade"));
    QCOMPARE(response->header("sec-websocket-accept"), accept);
    // No extension and no subprotocol was asked for, so none may be named (4.2.2, 9.1).
    QVERIFY(!response->hasHeader("sec-websocket-extensions"));
    QVERIFY(!response->hasHeader("sec-websocket-protocol"));
    QCOMPARE(client.received, QByteArray()); // and nothing after the response
    Record *record = server.record();
    QVERIFY(record);
    QVERIFY(record->handshakeRequested);
    QCOMPARE(record->stateAtHandshake, State::Handshaking);
    QCOMPARE(record->connection->state(), State::Open);
}

// Requests that are valid however they are spelled; each must open a working connection.
void tst_WebSocketConnection::handshakeVariants_data() {
    QTest::addColumn<QByteArray>("request");
    Request lower;
    for (auto &header : lower.headers)
        header.first = header.first.toLower();
    QTest::newRow("lower-case names") << lower.bytes();
    Request upper;
    for (auto &header : upper.headers)
        header.first = header.first.toUpper();
    QTest::newRow("upper-case names") << upper.bytes();
    QTest::newRow("connection token list")
        << Request().with("Connection", "keep-alive, Upgrade").bytes();
    QTest::newRow("connection token list, no space, lower case")
        << Request().with("Connection", "keep-alive,upgrade").bytes();
    QTest::newRow("upgrade value in mixed case") << Request().with("Upgrade", "WebSocket").bytes();
    Request tight;
    tight.separator = ":";
    QTest::newRow("no space after colon") << tight.bytes();
    Request loose;
    loose.separator = ":  \t ";
    QTest::newRow("extra whitespace") << loose.with("Sec-WebSocket-Key", SampleKey + "  ").bytes();
    QTest::newRow("headers in another order") << Request()
                                                     .without("Host")
                                                     .without("Sec-WebSocket-Key")
                                                     .with("Sec-WebSocket-Key", SampleKey)
                                                     .with("Host", "127.0.0.1")
                                                     .bytes();
    QTest::newRow("browser-like extra headers")
        << Request()
               .with("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)")
               .with("Accept-Encoding", "gzip, deflate, br")
               .with("Cache-Control", "no-cache")
               .with("Cookie", "a=b; c=d")
               .bytes();
    QTest::newRow("extension offered")
        << Request()
               .with("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
               .bytes();
    QTest::newRow("subprotocol offered")
        << Request().with("Sec-WebSocket-Protocol", "chat, superchat").bytes();
}

void tst_WebSocketConnection::handshakeVariants() {
    QFETCH(QByteArray, request);
    TestServer server;
    PeerSocket client(server);
    client.send(request);
    const auto response = client.readResponse();
    QVERIFY2(response, "no handshake response");
    QCOMPARE(response->status, 101);
    QCOMPARE(response->header("sec-websocket-accept"), SampleAccept);
    // Offers the server does not take up must not be answered (4.2.2 item 5, 9.1).
    QVERIFY(!response->hasHeader("sec-websocket-extensions"));
    QVERIFY(!response->hasHeader("sec-websocket-protocol"));
    client.send(clientFrame(Text, "works"));
    Record *record = server.record();
    QVERIFY(record);
    QTRY_COMPARE(record->texts, QList<QByteArray>{"works"});
}

void tst_WebSocketConnection::requestUrlAndOrigin() {
    TestServer server;
    {
        PeerSocket client(server);
        client.send(Request()
                        .line("GET /room/a?token=x%20y&n=1 HTTP/1.1")
                        .with("Origin", "http://example.com:8080")
                        .bytes());
        QVERIFY(client.readResponse());
        Record *record = server.record(0);
        QVERIFY(record);
        QVERIFY(record->handshakeRequested);
        QCOMPARE(record->url.path(), u"/room/a"_s);
        const QUrlQuery query(record->url);
        QCOMPARE(query.queryItemValue(u"token"_s, QUrl::FullyDecoded), u"x y"_s);
        QCOMPARE(query.queryItemValue(u"n"_s), u"1"_s);
        QCOMPARE(record->origin, u"http://example.com:8080"_s);
    }
    {
        PeerSocket client(server);
        client.send(Request().line("GET /plain HTTP/1.1").with("origin", "null").bytes());
        QVERIFY(client.readResponse());
        Record *record = server.record(1);
        QVERIFY(record);
        QCOMPARE(record->url.path(), u"/plain"_s);
        QVERIFY(!record->url.hasQuery());
        QCOMPARE(record->origin, u"null"_s); // a lower-case header name too
    }
    {
        PeerSocket client(server);
        client.send(Request().bytes());
        QVERIFY(client.readResponse());
        Record *record = server.record(2);
        QVERIFY(record);
        QCOMPARE(record->url.path(), u"/"_s);
        QVERIFY(record->origin.isEmpty());
    }
    {
        // The absolute form (RFC 7230 5.3.2): path and query count, as in the usual form.
        PeerSocket client(server);
        client.send(Request().line("GET ws://example.org:9042/room/b?n=2 HTTP/1.1").bytes());
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 101);
        Record *record = server.record(3);
        QVERIFY(record);
        QCOMPARE(record->url.path(), u"/room/b"_s);
        QCOMPARE(QUrlQuery(record->url).queryItemValue(u"n"_s), u"2"_s);
    }
}

void tst_WebSocketConnection::peerAndServerName() {
    TestServer server;
    server.configure = [](WebSocketConnection &c) { c.setServerName("test-server/1.0"); };
    PeerSocket client(server);
    client.send(Request().bytes());
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->header("server"), QByteArray("test-server/1.0"));
    Record *record = server.record();
    QVERIFY(record);
    QCOMPARE(record->connection->peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(record->connection->peerPort(), client.socket.localPort());
    QVERIFY(!record->connection->isEncrypted());
}

// Bad requests: an HTTP error status (4.2.1: "such as 400 Bad Request"), then the server ends
// the connection without ever asking the application.
void tst_WebSocketConnection::handshakeErrors_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");               // 0: any 4xx or 5xx
    QTest::addColumn<qint64>("maxHandshakeBytes"); // 0: the default
    QTest::newRow("missing Sec-WebSocket-Key")
        << Request().without("Sec-WebSocket-Key").bytes() << 0 << qint64(0);
    QTest::newRow("key not 16 bytes") // 4.2.1 item 5
        << Request().with("Sec-WebSocket-Key", QByteArray("too short").toBase64()).bytes() << 0
        << qint64(0);
    QTest::newRow("version 8") // 4.4: 426 and the versions the server speaks
        << Request().with("Sec-WebSocket-Version", "8").bytes() << 426 << qint64(0);
    QTest::newRow("version 14") << Request().with("Sec-WebSocket-Version", "14").bytes() << 426
                                << qint64(0);
    QTest::newRow("missing version")
        << Request().without("Sec-WebSocket-Version").bytes() << 0 << qint64(0);
    QTest::newRow("POST") << Request().line("POST / HTTP/1.1").bytes() << 0 << qint64(0);
    QTest::newRow("HTTP/1.0") << Request().line("GET / HTTP/1.0").bytes() << 0 << qint64(0);
    QTest::newRow("target neither a path nor a ws/http URL")
        << Request().line("GET ftp://example.org/ HTTP/1.1").bytes() << 400 << qint64(0);
    QTest::newRow("missing Upgrade") << Request().without("Upgrade").bytes() << 0 << qint64(0);
    QTest::newRow("Upgrade: h2c") << Request().with("Upgrade", "h2c").bytes() << 0 << qint64(0);
    QTest::newRow("Connection without Upgrade")
        << Request().with("Connection", "keep-alive").bytes() << 0 << qint64(0);
    QTest::newRow("missing Host") << Request().without("Host").bytes() << 0 << qint64(0);
    // The start of a TLS ClientHello (a wss:// client on the ws:// port), then a blank line.
    static const char tlsHello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\xff\x00"
                                   "garbage\r\n\r\n";
    QTest::newRow("garbage") << QByteArray(tlsHello, sizeof tlsHello - 1) << 0 << qint64(0);
    QTest::newRow("request line only") << QByteArray("GET\r\n\r\n") << 0 << qint64(0);
    QTest::newRow("over the size limit")
        << Request().with("X-Filler", QByteArray(2000, 'a')).bytes() << 431 << qint64(1024);
    // Never ends: the server must not wait for the end of it.
    QTest::newRow("over the size limit, unterminated")
        << QByteArray("GET / HTTP/1.1\r\nX-Filler: " + QByteArray(2000, 'a')) << 431
        << qint64(1024);
}

void tst_WebSocketConnection::handshakeErrors() {
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(qint64, maxHandshakeBytes);
    TestServer server;
    if (maxHandshakeBytes > 0)
        server.configure = [=](WebSocketConnection &c) {
            c.setMaxHandshakeBytes(maxHandshakeBytes);
        };
    PeerSocket client(server);
    client.send(request);
    const auto response = client.readResponse();
    QVERIFY2(response, "no HTTP response");
    QVERIFY2(response->statusLine.startsWith("HTTP/1.1 "), response->statusLine.constData());
    if (status != 0)
        QCOMPARE(response->status, status);
    else
        QVERIFY2(response->status >= 400 && response->status < 600,
                 response->statusLine.constData());
    if (response->status == 426)
        QCOMPARE(response->header("sec-websocket-version"), QByteArray("13"));
    QVERIFY2(client.waitClosedByPeer(PromptCloseMs), "the server kept the TCP connection");
    Record *record = server.record();
    QVERIFY(record);
    QTRY_COMPARE(record->disconnects, 1);
    QVERIFY(!record->handshakeRequested);
    QCOMPARE(record->stateAtDisconnect, State::Closed);
}

void tst_WebSocketConnection::handshakeRejected() {
    TestServer server;
    server.answerHandshake = [](Record &r) { r.connection->rejectHandshake(403, "Forbidden"); };
    PeerSocket client(server);
    // The frame right behind the request must not be taken as a message of a refused client.
    client.send(Request().bytes() + clientFrame(Text, "sneaked in"));
    const auto response = client.readResponse();
    QVERIFY2(response, "no HTTP response");
    QCOMPARE(response->statusLine, QByteArray("HTTP/1.1 403 Forbidden"));
    QVERIFY(!response->hasHeader("sec-websocket-accept"));
    QVERIFY2(client.waitClosedByPeer(PromptCloseMs), "the server kept the TCP connection");
    Record *record = server.record();
    QVERIFY(record);
    QTRY_COMPARE(record->disconnects, 1);
    QVERIFY(record->texts.isEmpty());
    QCOMPARE(record->stateAtDisconnect, State::Closed);
}

// The header's promise: a request the application leaves unanswered is refused with 503.
void tst_WebSocketConnection::handshakeUnanswered() {
    TestServer server;
    server.answerHandshake = [](Record &) {};
    PeerSocket client(server);
    client.send(Request().bytes());
    const auto response = client.readResponse();
    QVERIFY2(response, "no HTTP response");
    QCOMPARE(response->status, 503);
    QVERIFY2(client.waitClosedByPeer(PromptCloseMs), "the server kept the TCP connection");
    Record *record = server.record();
    QVERIFY(record);
    QTRY_COMPARE(record->disconnects, 1);
}

// A request of exactly setMaxHandshakeBytes() bytes is still taken ("largest accepted").
void tst_WebSocketConnection::handshakeAtSizeLimit() {
    QByteArray request = Request().with("X-Filler", "").bytes();
    const qsizetype fillerAt = request.indexOf("X-Filler: ") + 10;
    request.insert(fillerAt, QByteArray(1024 - request.size(), 'a'));
    QCOMPARE(request.size(), 1024);
    TestServer server;
    server.configure = [](WebSocketConnection &c) { c.setMaxHandshakeBytes(1024); };
    PeerSocket client(server);
    client.send(request);
    const auto response = client.readResponse();
    QVERIFY2(response, "no HTTP response");
    QCOMPARE(response->status, 101);
}

void tst_WebSocketConnection::pipelinedFrame() {
    TestServer server;
    PeerSocket client(server);
    client.send(Request().bytes() + clientFrame(Text, "right behind") +
                clientFrame(Binary, "and another"));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 101);
    Record *record = server.record();
    QVERIFY(record);
    QTRY_COMPARE(record->texts, QList<QByteArray>{"right behind"});
    QTRY_COMPARE(record->binaries, QList<QByteArray>{"and another"});
}

// Frames behind the request do not count towards the handshake's size limit.
void tst_WebSocketConnection::pipelinedFrameBeyondHandshakeLimit() {
    TestServer server;
    server.configure = [](WebSocketConnection &c) { c.setMaxHandshakeBytes(1024); };
    PeerSocket client(server);
    const QByteArray data(4000, '\x5a');
    client.send(Request().bytes() + clientFrame(Binary, data));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 101);
    Record *record = server.record();
    QVERIFY(record);
    QTRY_COMPARE(record->binaries.size(), 1);
    QCOMPARE(record->binaries.first(), data);
}

void tst_WebSocketConnection::clientGoneDuringHandshake() {
    TestServer server;
    PeerSocket client(server);
    client.send(Request().bytes().left(30));
    Record *record = server.record();
    QVERIFY(record);
    QTest::qWait(20);
    client.socket.disconnectFromHost();
    QTRY_COMPARE(record->disconnects, 1);
    QVERIFY(!record->handshakeRequested);
    QCOMPARE(record->closeCode, WebSocketConnection::CloseAbnormal);
    QCOMPARE(record->stateAtDisconnect, State::Closed);
    QTest::qWait(20);
    QCOMPARE(record->disconnects, 1); // once
}

// ---- Receiving ------------------------------------------------------------------------------

void tst_WebSocketConnection::textMessage_data() {
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("empty") << qsizetype(0);
    QTest::newRow("1") << qsizetype(1);
    // Unmasked eight bytes at a time: one short of a word, a word, a word and a byte.
    QTest::newRow("7") << qsizetype(7);
    QTest::newRow("8") << qsizetype(8);
    QTest::newRow("9") << qsizetype(9);
    QTest::newRow("125, longest 7-bit length") << qsizetype(125);
    QTest::newRow("126, shortest 16-bit length") << qsizetype(126);
    QTest::newRow("300") << qsizetype(300);
    QTest::newRow("65535, longest 16-bit length") << qsizetype(65535);
    QTest::newRow("65536, shortest 64-bit length") << qsizetype(65536);
    QTest::newRow("70000") << qsizetype(70000);
}

void tst_WebSocketConnection::textMessage() {
    QFETCH(qsizetype, size);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    const QByteArray text = utf8Text(size);
    client.send(clientFrame(Text, text));
    QTRY_COMPARE(record->texts.size(), 1);
    QCOMPARE(record->texts.first(), text);
    CALL(sync(client));
    QCOMPARE(record->texts.size(), 1);
    QVERIFY(record->binaries.isEmpty());
}

// 5.2 asks senders for the minimal length encoding but names no reaction to a longer one:
// taking the message or failing with 1002 are both fine, misreading the frame is not.
void tst_WebSocketConnection::nonMinimalLength_data() {
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<LengthForm>("form");
    QTest::newRow("5 bytes, 16-bit length") << qsizetype(5) << LengthForm::Sixteen;
    QTest::newRow("5 bytes, 64-bit length") << qsizetype(5) << LengthForm::SixtyFour;
    QTest::newRow("300 bytes, 64-bit length") << qsizetype(300) << LengthForm::SixtyFour;
}

void tst_WebSocketConnection::nonMinimalLength() {
    QFETCH(qsizetype, size);
    QFETCH(LengthForm, form);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    const QByteArray text = utf8Text(size);
    client.send(clientFrame(Text, text, {.length = form}) + clientFrame(Ping, "after"));
    const auto frame = client.readFrame();
    QVERIFY2(frame, "neither a pong nor a close frame");
    if (frame->opcode == Close) {
        QCOMPARE(frame->closeCode(), WebSocketConnection::CloseProtocolError);
        QVERIFY(client.waitClosedByPeer());
        QVERIFY(record->texts.isEmpty());
    } else {
        QCOMPARE(frame->opcode, int(Pong));
        QCOMPARE(frame->payload, QByteArray("after"));
        QCOMPARE(record->texts, QList<QByteArray>{text});
    }
}

// Every byte its own TCP segment: the handshake and every frame header split at each offset.
void tst_WebSocketConnection::byteByByte() {
    TestServer server;
    PeerSocket client(server);
    const QByteArray longText = utf8Text(300);
    client.sendInPieces(Request().bytes() + clientFrame(Text, "h\xC3\xA9llo") +
                        clientFrame(Text, longText) + clientFrame(Text, "a", {.fin = false}) +
                        clientFrame(Continuation, "b") +
                        clientFrame(Binary, QByteArray("\x00\xff", 2)) + clientFrame(Ping, "p") +
                        clientFrame(Close, closePayload(1000, "done")));
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 101);
    const auto pong = client.readFrame();
    QVERIFY(pong);
    QCOMPARE(pong->opcode, int(Pong));
    QCOMPARE(pong->payload, QByteArray("p"));
    const auto close = client.readFrame();
    QVERIFY(close);
    QCOMPARE(close->opcode, int(Close));
    QCOMPARE(close->closeCode(), 1000);
    Record *record = server.record();
    QVERIFY(record);
    QCOMPARE(record->texts, (QList<QByteArray>{"h\xC3\xA9llo", longText, "ab"}));
    QCOMPARE(record->binaries, QList<QByteArray>{QByteArray("\x00\xff", 2)});
    QVERIFY(client.waitClosedByPeer());
    QTRY_COMPARE(record->disconnects, 1);
    QCOMPARE(record->closeCode, 1000);
}

// Frames in two reads split at every offset: the first read ends with a partial frame behind
// complete ones, which the server has to keep for the next read.
void tst_WebSocketConnection::splitAtEveryOffset() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    const QByteArray data(130, '\xb7'); // a 16-bit length
    const QByteArray stream = clientFrame(Text, "one") + clientFrame(Binary, data) +
                              clientFrame(Text, "tw", {.fin = false}) +
                              clientFrame(Continuation, "\xC3\xB6");
    for (qsizetype split = 1; split < stream.size(); ++split) {
        client.send(stream.first(split));
        QTest::qWait(1); // the server reads the first part on its own
        client.send(stream.sliced(split));
        QVERIFY2(QTest::qWaitFor([&] { return record->texts.size() == 2 * split; }, Timeout),
                 QByteArray("split at " + QByteArray::number(split)).constData());
        QCOMPARE(record->texts.at(2 * split - 2), QByteArray("one"));
        QCOMPARE(record->texts.at(2 * split - 1), QByteArray("tw\xC3\xB6"));
        QCOMPARE(record->binaries.size(), split);
        QCOMPARE(record->binaries.last(), data);
    }
}

void tst_WebSocketConnection::manyFramesInOneWrite() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    QByteArray burst;
    QList<QByteArray> expected;
    for (int i = 0; i < 500; ++i) {
        expected.append("message " + QByteArray::number(i));
        // Varying mask keys, so that unmasking in place cannot get away with a fixed key.
        burst += clientFrame(Text, expected.last(), {.maskKey = quint32(i * 2654435761u)});
    }
    client.send(burst);
    QTRY_COMPARE(record->texts.size(), expected.size());
    QCOMPARE(record->texts, expected);
}

// Fragmented messages (5.4), with UTF-8 characters split between fragments: only the message
// as a whole has to be valid (8.1), which Qt 6.4's QWebSocket got wrong.
void tst_WebSocketConnection::fragmented_data() {
    QTest::addColumn<QByteArrayList>("fragments");
    QTest::addColumn<int>("opcode");
    QTest::newRow("three text fragments")
        << QByteArrayList{"Hello, ", "fragmented ", "world"} << int(Text);
    QTest::newRow("empty fragments") << QByteArrayList{"", "x", "", ""} << int(Text);
    QTest::newRow("all empty") << QByteArrayList{"", ""} << int(Text);
    const QByteArray grin = "\xF0\x9F\x98\x80"; // U+1F600, 4 bytes
    for (int at = 1; at < 4; ++at)
        QTest::addRow("4-byte character split after byte %d", at)
            << QByteArrayList{"a" + grin.left(at), grin.mid(at) + "b"} << int(Text);
    QTest::newRow("4-byte character in four fragments")
        << QByteArrayList{grin.mid(0, 1), grin.mid(1, 1), grin.mid(2, 1), grin.mid(3, 1)}
        << int(Text);
    const QByteArray euro = "\xE2\x82\xAC";
    for (int at = 1; at < 3; ++at)
        QTest::addRow("3-byte character split after byte %d", at)
            << QByteArrayList{euro.left(at), euro.mid(at)} << int(Text);
    QTest::newRow("2-byte character split") << QByteArrayList{"\xC3", "\xA9"} << int(Text);
    QTest::newRow("long fragments with split character")
        << QByteArrayList{utf8Text(200) + "\xF0\x9F", "\x98\x80" + utf8Text(70000)} << int(Text);
    QTest::newRow("binary fragments")
        << QByteArrayList{QByteArray("\xF0\x00", 2), "\xff", "\x80"} << int(Binary);
}

void tst_WebSocketConnection::fragmented() {
    QFETCH(QByteArrayList, fragments);
    QFETCH(int, opcode);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    for (qsizetype i = 0; i < fragments.size(); ++i) {
        const bool last = i == fragments.size() - 1;
        client.send(clientFrame(i == 0 ? opcode : Continuation, fragments.at(i), {.fin = last}));
        QTest::qWait(5); // separate reads, so that the server really holds a partial message
    }
    const QByteArray whole = fragments.join();
    if (opcode == Text) {
        QTRY_COMPARE(record->texts.size(), 1);
        QCOMPARE(record->texts.first(), whole);
    } else {
        QTRY_COMPARE(record->binaries.size(), 1);
        QCOMPARE(record->binaries.first(), whole);
    }
    CALL(sync(client));
    QCOMPARE(record->texts.size() + record->binaries.size(), 1);
}

// Invalid UTF-8 is refused with 1007 as soon as the bytes so far cannot begin valid UTF-8 (issue
// 18, RFC 6455 8.1), not only when the message is complete: for every split offset, the first
// part goes as a fragment of its own, or as the first read of one frame; when it is already
// invalid, the close has to come without the rest being sent.
void tst_WebSocketConnection::invalidUtf8FailsFast_data() {
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("validBytes"); // the longest prefix that can still begin valid UTF-8
    QTest::newRow("overlong C0") << QByteArray("ok \xC0\x80 x") << 3;
    QTest::newRow("F5") << QByteArray("ab\xF5"
                                      "cd")
                        << 2;
    QTest::newRow("overlong E0 80") << QByteArray("x\xE0\x80\x80") << 2;
    QTest::newRow("surrogate ED A0") << QByteArray("x\xED\xA0\x80y") << 2;
    QTest::newRow("above U+10FFFF F4 90") << QByteArray("\xF4\x90\x80\x80") << 1;
    QTest::newRow("FF after a character") << QByteArray("\xF0\x9F\x98\x80\xFF") << 4;
    QTest::newRow("lead without continuation") << QByteArray("a\xC3(") << 2;
    QTest::newRow("stray continuation") << QByteArray("abc\x80") << 3;
    // Only the end makes it invalid: the close comes with the last byte.
    QTest::newRow("cut at the end") << QByteArray("abc\xF0\x9F\x98") << 6;
}

void tst_WebSocketConnection::invalidUtf8FailsFast() {
    QFETCH(QByteArray, message);
    QFETCH(int, validBytes);
    for (int acrossFragments = 0; acrossFragments < 2; ++acrossFragments) {
        for (qsizetype split = 1; split < message.size(); ++split) {
            const QByteArray where = (acrossFragments ? "fragments split at " : "reads split at ") +
                                     QByteArray::number(split);
            TestServer server;
            PeerSocket client(server);
            Record *record = nullptr;
            CALL(openConnection(server, client, record));
            QByteArray first;
            QByteArray rest;
            if (acrossFragments) {
                first = clientFrame(Text, message.first(split), {.fin = false});
                rest = clientFrame(Continuation, message.sliced(split));
            } else {
                const QByteArray frame = clientFrame(Text, message);
                const qsizetype header = frame.size() - message.size();
                first = frame.first(header + split);
                rest = frame.sliced(header + split);
            }
            client.send(first);
            if (split <= validBytes) {
                QTest::qWait(5); // the server has read the first part on its own
                QVERIFY2(record->disconnects == 0 && client.received.isEmpty(), where.constData());
                client.send(rest);
            }
            CALL(expectFailure(client, *record, WebSocketConnection::CloseInvalidUtf8));
            QVERIFY2(record->texts.isEmpty(), where.constData());
        }
    }
}

// A large frame whose start is already invalid: the broker closes after the first read instead
// of buffering up to the message size.
void tst_WebSocketConnection::invalidUtf8FailsFastInLongFrame() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    const QByteArray message = "{\"a\":\"\xED\xBF\xBF" + QByteArray(500000, 'x');
    const QByteArray frame = clientFrame(Text, message);
    client.send(frame.first(4096)); // less than 1% of it
    CALL(expectFailure(client, *record, WebSocketConnection::CloseInvalidUtf8));
}

void tst_WebSocketConnection::validUtf8SplitAnywhere_data() {
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("2-byte") << QByteArray("h\xC3\xA9llo");
    QTest::newRow("3- and 4-byte") << QByteArray("\xE2\x82\xAC \xF0\x9F\x98\x80!");
    QTest::newRow("edges of the ranges")
        << QByteArray("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
    QTest::newRow("long ASCII run then a character") << QByteArray("abcdefghijklmnop\xC2\x80xyz");
}

void tst_WebSocketConnection::validUtf8SplitAnywhere() {
    QFETCH(QByteArray, message);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    qsizetype expected = 0;
    for (int acrossFragments = 0; acrossFragments < 2; ++acrossFragments) {
        for (qsizetype split = 1; split < message.size(); ++split) {
            if (acrossFragments) {
                client.send(clientFrame(Text, message.first(split), {.fin = false}));
                QTest::qWait(1);
                client.send(clientFrame(Continuation, message.sliced(split)));
            } else {
                const QByteArray frame = clientFrame(Text, message);
                const qsizetype header = frame.size() - message.size();
                client.send(frame.first(header + split));
                QTest::qWait(1);
                client.send(frame.sliced(header + split));
            }
            ++expected;
            QTRY_COMPARE(record->texts.size(), expected);
            QCOMPARE(record->texts.last(), message);
        }
    }
    QCOMPARE(record->disconnects, 0);
}

// Control frames may come between fragments (5.4); a ping is answered right away (5.5.2).
void tst_WebSocketConnection::pingBetweenFragments() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    client.send(clientFrame(Text, "first \xF0\x9F", {.fin = false}));
    client.send(clientFrame(Ping, "in between"));
    const auto pong = client.readFrame();
    QVERIFY2(pong, "no pong while a message was in progress");
    QCOMPARE(pong->opcode, int(Pong));
    QCOMPARE(pong->payload, QByteArray("in between"));
    QVERIFY(record->texts.isEmpty());
    client.send(clientFrame(Continuation, "\x98\x80 second", {.fin = false}));
    client.send(clientFrame(Pong, "unsolicited")); // allowed (5.5.3)
    client.send(clientFrame(Continuation, " third"));
    QTRY_COMPARE(record->texts.size(), 1);
    QCOMPARE(record->texts.first(), QByteArray("first \xF0\x9F\x98\x80 second third"));
    QCOMPARE(record->pongs, QList<QByteArray>{"unsolicited"});
}

void tst_WebSocketConnection::binaryMessage() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte += char(i);
    client.send(clientFrame(Binary, everyByte)); // not UTF-8, and need not be
    client.send(clientFrame(Binary, ""));
    QTRY_COMPARE(record->binaries.size(), 2);
    QCOMPARE(record->binaries.at(0), everyByte);
    QCOMPARE(record->binaries.at(1), QByteArray());
    QVERIFY(record->texts.isEmpty());
}

void tst_WebSocketConnection::messageAtSizeLimit() {
    TestServer server;
    server.configure = [](WebSocketConnection &c) { c.setMaxMessageBytes(1000); };
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    const QByteArray text = utf8Text(1000);
    client.send(clientFrame(Text, text));
    client.send(clientFrame(Text, text.left(600), {.fin = false}));
    client.send(clientFrame(Continuation, text.mid(600)));
    client.send(clientFrame(Binary, QByteArray(1000, 'b')));
    QTRY_COMPARE(record->texts.size(), 2);
    QCOMPARE(record->texts, (QList<QByteArray>{text, text}));
    QTRY_COMPARE(record->binaries.size(), 1);
    QCOMPARE(record->connection->state(), State::Open);
}

// 5.5.2/5.5.3: a ping is answered with a pong carrying the same payload.
void tst_WebSocketConnection::clientPing() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    for (const QByteArray &payload : {QByteArray(), QByteArray("abc"), QByteArray(125, 'p')}) {
        client.send(clientFrame(Ping, payload));
        const auto frame = client.readFrame();
        QVERIFY(frame);
        QCOMPARE(frame->opcode, int(Pong));
        QVERIFY(frame->fin);
        QVERIFY(!frame->masked);
        QCOMPARE(frame->payload, payload);
    }
    QVERIFY(record->pongs.isEmpty());
}

// Violations fail the connection with the code of section 7.4.1.
void tst_WebSocketConnection::protocolErrors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("alternativeCode");    // -1: none
    QTest::addColumn<qint64>("maxMessageBytes"); // 0: the default

    const int ProtocolError = WebSocketConnection::CloseProtocolError;
    const int InvalidUtf8 = WebSocketConnection::CloseInvalidUtf8;
    const int TooMuchData = WebSocketConnection::CloseTooMuchData;
    auto row = [](const char *name, const QByteArray &bytes, int code, qint64 max = 0,
                  int alternative = -1) {
        QTest::newRow(name) << bytes << code << alternative << max;
    };

    // 5.1: a server must close on an unmasked frame.
    row("unmasked text", clientFrame(Text, "hi", {.masked = false}), ProtocolError);
    row("unmasked ping", clientFrame(Ping, "hi", {.masked = false}), ProtocolError);
    // 5.2: RSV bits without a negotiated extension; opcodes 3-7 and B-F are reserved.
    row("RSV1", clientFrame(Text, "hi", {.rsv = 4}), ProtocolError);
    row("RSV2", clientFrame(Text, "hi", {.rsv = 2}), ProtocolError);
    row("RSV3", clientFrame(Text, "hi", {.rsv = 1}), ProtocolError);
    row("RSV1 on a ping", clientFrame(Ping, "hi", {.rsv = 4}), ProtocolError);
    for (int opcode : {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
        QTest::addRow("reserved opcode %d", opcode)
            << clientFrame(opcode, "hi") << ProtocolError << -1 << qint64(0);
    }
    // 5.2: the most significant bit of a 64-bit length must be 0. Failing it as too big (1009)
    // is an answer as good as 1002.
    row("64-bit length with the top bit set",
        clientFrame(Binary, "hello", {.declaredLength = 0x8000000000000005ULL}), ProtocolError, 0,
        TooMuchData);
    // 5.4: continuation and start frames out of order.
    row("continuation without a start", clientFrame(Continuation, "hi"), ProtocolError);
    row("unfinished continuation without a start", clientFrame(Continuation, "hi", {.fin = false}),
        ProtocolError);
    row("text while a text message is in progress",
        clientFrame(Text, "a", {.fin = false}) + clientFrame(Text, "b"), ProtocolError);
    row("binary while a text message is in progress",
        clientFrame(Text, "a", {.fin = false}) + clientFrame(Binary, "b"), ProtocolError);
    // 5.5: control frames carry at most 125 bytes and are never fragmented.
    row("ping with 126 bytes", clientFrame(Ping, QByteArray(126, 'p')), ProtocolError);
    row("pong with 126 bytes", clientFrame(Pong, QByteArray(126, 'p')), ProtocolError);
    row("close with 126 bytes", clientFrame(Close, closePayload(1000, QByteArray(124, 'c'))),
        ProtocolError);
    row("ping with FIN clear", clientFrame(Ping, "p", {.fin = false}), ProtocolError);
    row("close with FIN clear", clientFrame(Close, closePayload(1000), {.fin = false}),
        ProtocolError);
    // 5.5.1: a close body is empty or starts with a 2-byte code; 7.4: codes that may not be
    // sent (0-999 are unused; 1005, 1006 and 1015 are for reporting only).
    row("close with 1 byte", clientFrame(Close, "\x03"), ProtocolError);
    for (int code : {0, 999, 1005, 1006, 1015}) {
        QTest::addRow("close code %d", code)
            << clientFrame(Close, closePayload(code)) << ProtocolError << -1 << qint64(0);
    }
    // 8.1 and 5.5.1: text and close reasons must be UTF-8.
    row("invalid UTF-8 FF", clientFrame(Text, "ok \xFF"), InvalidUtf8);
    row("overlong UTF-8", clientFrame(Text, "\xC0\x80"), InvalidUtf8);
    row("UTF-8 surrogate", clientFrame(Text, "\xED\xA0\x80"), InvalidUtf8);
    row("UTF-8 cut at the end of the message", clientFrame(Text, "abc\xF0\x9F\x98"), InvalidUtf8);
    row("UTF-8 cut at the end of the last fragment",
        clientFrame(Text, "abc", {.fin = false}) + clientFrame(Continuation, "\xE2\x82"),
        InvalidUtf8);
    row("invalid UTF-8 in the first fragment",
        clientFrame(Text, "\xFF", {.fin = false}) + clientFrame(Continuation, "fine"), InvalidUtf8);
    row("character split between fragments, then broken",
        clientFrame(Text, "\xF0\x9F", {.fin = false}) + clientFrame(Continuation, "ab"),
        InvalidUtf8);
    row("close reason not UTF-8", clientFrame(Close, closePayload(1000, "bye \xFF")), InvalidUtf8);
    // 7.4.1: 1009 for a message over the limit, whole or in fragments, and before its payload
    // has arrived when the header alone says so.
    row("text of 1001 bytes over a 1000 limit", clientFrame(Text, utf8Text(1001)), TooMuchData,
        1000);
    row("binary of 1001 bytes over a 1000 limit", clientFrame(Binary, QByteArray(1001, 'b')),
        TooMuchData, 1000);
    row("two fragments of 600 over a 1000 limit",
        clientFrame(Text, utf8Text(600), {.fin = false}) + clientFrame(Continuation, utf8Text(600)),
        TooMuchData, 1000);
    row("header announcing 1 MB over a 1000 limit",
        clientFrame(Binary, "only this", {.declaredLength = 1000000}), TooMuchData, 1000);
}

void tst_WebSocketConnection::protocolErrors() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(int, alternativeCode);
    QFETCH(qint64, maxMessageBytes);
    TestServer server;
    if (maxMessageBytes > 0)
        server.configure = [=](WebSocketConnection &c) { c.setMaxMessageBytes(maxMessageBytes); };
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    client.send(bytes);
    CALL(expectFailure(client, *record, code, alternativeCode));
    QVERIFY(record->texts.isEmpty());
    QVERIFY(record->binaries.isEmpty());
}

// ---- Sending --------------------------------------------------------------------------------

void tst_WebSocketConnection::sendText_data() {
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<int>("extendedLengthBytes"); // 5.2: the minimal form must be used
    QTest::newRow("empty") << qsizetype(0) << 0;
    QTest::newRow("5") << qsizetype(5) << 0;
    QTest::newRow("125") << qsizetype(125) << 0;
    QTest::newRow("126") << qsizetype(126) << 2;
    QTest::newRow("200") << qsizetype(200) << 2;
    QTest::newRow("65535") << qsizetype(65535) << 2;
    QTest::newRow("65536") << qsizetype(65536) << 8;
    QTest::newRow("70000") << qsizetype(70000) << 8;
}

void tst_WebSocketConnection::sendText() {
    QFETCH(qsizetype, size);
    QFETCH(int, extendedLengthBytes);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    const QByteArray text = utf8Text(size);
    record->connection->sendText(text);
    QVERIFY(record->connection->bytesToWrite() > 0); // queued for the end of this loop pass
    const auto frame = client.readFrame();
    QVERIFY2(frame, "no frame");
    QVERIFY(frame->fin);
    QCOMPARE(frame->rsv, 0);
    QCOMPARE(frame->opcode, int(Text));
    QVERIFY(!frame->masked); // 5.1: a server never masks
    QCOMPARE(frame->extendedLengthBytes, extendedLengthBytes);
    QCOMPARE(frame->payload.size(), text.size());
    QCOMPARE(frame->payload, text);
    QTRY_COMPARE(record->connection->bytesToWrite(), 0);
    QCOMPARE(client.received, QByteArray());
}

void tst_WebSocketConnection::sendManyInOrder() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    constexpr int Count = 1000;
    for (int i = 0; i < Count; ++i)
        record->connection->sendText("message " + QByteArray::number(i));
    // Queued, not written yet: the output goes out once per event loop pass.
    QVERIFY(record->connection->bytesToWrite() > 0);
    QTRY_COMPARE(record->connection->bytesToWrite(), 0);
    for (int i = 0; i < Count; ++i) {
        const auto frame = client.readFrame();
        QVERIFY2(frame, QByteArray("frame " + QByteArray::number(i) + " missing").constData());
        QCOMPARE(frame->opcode, int(Text));
        QCOMPARE(frame->payload, "message " + QByteArray::number(i));
    }
    QCOMPARE(client.received, QByteArray());
}

void tst_WebSocketConnection::serverPing() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    record->connection->ping("are you there");
    auto frame = client.readFrame();
    QVERIFY2(frame, "no ping");
    QCOMPARE(frame->opcode, int(Ping));
    QVERIFY(frame->fin);
    QVERIFY(!frame->masked);
    QCOMPARE(frame->payload, QByteArray("are you there"));
    client.send(clientFrame(Pong, frame->payload));
    QTRY_COMPARE(record->pongs, QList<QByteArray>{"are you there"});

    record->connection->ping();
    frame = client.readFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, int(Ping));
    QCOMPARE(frame->payload, QByteArray());
    client.send(clientFrame(Pong, ""));
    QTRY_COMPARE(record->pongs.size(), 2);
    QCOMPARE(record->pongs.at(1), QByteArray());
}

// A client that stops reading: the server keeps queueing without blocking or failing, and
// everything arrives in order once the client reads again.
void tst_WebSocketConnection::slowReader() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    client.pauseReading();
    constexpr int Count = 320;
    constexpr int ChunkSize = 64 * 1024; // 20 MiB in all
    auto chunk = [](int i) {
        return QByteArray::number(i).leftJustified(8, ' ') +
               QByteArray(ChunkSize - 8, char('a' + i % 26));
    };
    for (int i = 0; i < Count; ++i)
        record->connection->sendText(chunk(i));
    QTest::qWait(300);
    // The kernel takes a few MiB at most (the client's receive buffer is small, the server's
    // send buffer at most net.ipv4.tcp_wmem's maximum, 4 MiB by default); the rest waits here.
    QVERIFY2(record->connection->bytesToWrite() > 2 * 1024 * 1024,
             QByteArray::number(record->connection->bytesToWrite()).constData());
    QCOMPARE(record->connection->state(), State::Open);
    QCOMPARE(record->disconnects, 0);

    client.resumeReading();
    for (int i = 0; i < Count; ++i) {
        const auto frame = client.readFrame();
        QVERIFY2(frame, QByteArray("frame " + QByteArray::number(i) + " missing").constData());
        QCOMPARE(frame->opcode, int(Text));
        QVERIFY2(frame->payload == chunk(i), frame->payload.left(8).constData());
    }
    QTRY_COMPARE(record->connection->bytesToWrite(), 0);
    QCOMPARE(client.received, QByteArray());
}

// ---- Closing --------------------------------------------------------------------------------

// The client starts the closing handshake (5.5.1, 7.1.2): the server answers with a close
// frame, then ends TCP first (7.1.1) and reports the client's code and reason.
void tst_WebSocketConnection::closeByClient_data() {
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code"); // as closeCode() reports it
    QTest::addColumn<QString>("reason");
    QTest::newRow("1000 bye") << closePayload(1000, "bye") << 1000 << u"bye"_s;
    QTest::newRow("1001 without reason") << closePayload(1001) << 1001 << QString();
    QTest::newRow("4999 with UTF-8 reason")
        << closePayload(4999, "tsch\xC3\xBC\xC3\x9F") << 4999 << u"tschüß"_s;
    QTest::newRow("1014 (IANA: bad gateway)")
        << closePayload(1014, "upstream") << 1014 << u"upstream"_s;
    QTest::newRow("3000 with 123-byte reason")
        << closePayload(3000, QByteArray(123, 'r')) << 3000 << QString(123, u'r');
    // 7.1.5: no code in the frame means 1005 for the application.
    QTest::newRow("empty") << QByteArray() << WebSocketConnection::CloseNoStatus << QString();
}

void tst_WebSocketConnection::closeByClient() {
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, reason);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    client.send(clientFrame(Close, payload));
    const auto frame = client.readFrame();
    QVERIFY2(frame, "no close frame");
    QCOMPARE(frame->opcode, int(Close));
    QVERIFY(!frame->masked);
    if (payload.isEmpty()) {
        // An echo with no code, or a code that may be sent (not 1005, 7.4.1).
        QVERIFY(frame->payload.isEmpty() || frame->payload.size() >= 2);
        if (!frame->payload.isEmpty())
            QVERIFY2(frame->closeCode() != 1005 && frame->closeCode() >= 1000,
                     QByteArray::number(frame->closeCode()).constData());
    } else {
        QCOMPARE(frame->closeCode(), code); // "typically echoing the status code" (5.5.1)
    }
    QVERIFY2(client.waitClosedByPeer(PromptCloseMs), "the server kept the TCP connection");
    QCOMPARE(client.received, QByteArray());
    QTRY_COMPARE(record->disconnects, 1);
    QCOMPARE(record->closeCode, code);
    QCOMPARE(record->closeReason, reason);
    QCOMPARE(record->stateAtDisconnect, State::Closed);
}

// The server starts the closing handshake: Open -> Closing -> Closed, no data after its close
// frame (5.5.1), and TCP ends once the client has answered.
void tst_WebSocketConnection::closeByServer() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    WebSocketConnection *connection = record->connection;
    QCOMPARE(connection->state(), State::Open);
    connection->close(4000, u"go away"_s);
    QCOMPARE(connection->state(), State::Closing);
    connection->close(4001, u"again"_s); // ignored: not open any more
    connection->sendText("too late");    // must not be sent after the close frame
    connection->ping("too late");
    const auto frame = client.readFrame();
    QVERIFY2(frame, "no close frame");
    QCOMPARE(frame->opcode, int(Close));
    QVERIFY(frame->fin);
    QVERIFY(!frame->masked);
    QCOMPARE(frame->closeCode(), 4000);
    QCOMPARE(frame->closeReason(), QByteArray("go away"));

    // The server waits for the answer (7.1.2) and still takes frames until then.
    client.send(clientFrame(Text, "still in flight"));
    QTest::qWait(100);
    QVERIFY2(!client.isClosed(), "the server did not wait for the client's close frame");
    QCOMPARE(connection->state(), State::Closing);
    QCOMPARE(record->disconnects, 0);

    client.send(clientFrame(Close, closePayload(4000)));
    QVERIFY2(client.waitClosedByPeer(PromptCloseMs), "the server kept the TCP connection");
    QCOMPARE(client.received, QByteArray()); // nothing queued after close() went out
    QTRY_COMPARE(record->disconnects, 1);
    QCOMPARE(record->stateAtDisconnect, State::Closed);
    QCOMPARE(record->closeCode, 4000);
    QCOMPARE(record->closeReason, u"go away"_s);
    QVERIFY(record->connection);
    QCOMPARE(record->connection->state(), State::Closed);
}

// 5.5.2: a ping is answered "unless it already received a Close frame"; having sent one is
// no reason not to (a pong is a control frame, which 5.5.1 does not forbid after a close).
void tst_WebSocketConnection::pingWhileClosing() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    record->connection->close(WebSocketConnection::CloseNormal, u"bye"_s);
    const auto close = client.readFrame();
    QVERIFY2(close, "no close frame");
    QCOMPARE(close->opcode, int(Close));
    client.send(clientFrame(Ping, "still there?"));
    const auto pong = client.readFrame();
    QVERIFY2(pong, "no pong after the server's close frame");
    QCOMPARE(pong->opcode, int(Pong));
    QCOMPARE(pong->payload, QByteArray("still there?"));
    client.send(clientFrame(Close, closePayload(WebSocketConnection::CloseNormal)));
    QVERIFY(client.waitClosedByPeer());
    QTRY_COMPARE(record->disconnects, 1);
}

// close() cuts the reason to the 123 bytes a control frame leaves for it (5.5), at a character
// boundary so that it stays UTF-8 (5.5.1).
void tst_WebSocketConnection::closeReasonTruncated_data() {
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("expectedBytes");
    QTest::newRow("ASCII, 200") << QString(200, u'a') << 123;
    QTest::newRow("2-byte characters, cut falls inside one") << u"é"_s.repeated(100) << 122;
    QTest::newRow("3-byte characters, cut falls between") << u"€"_s.repeated(60) << 123;
    QTest::newRow("4-byte characters, cut falls inside one") << u"😀"_s.repeated(40) << 120;
    QTest::newRow("exactly 123 bytes") << QString(123, u'b') << 123;
}

void tst_WebSocketConnection::closeReasonTruncated() {
    QFETCH(QString, reason);
    QFETCH(int, expectedBytes);
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    record->connection->close(WebSocketConnection::CloseGoingAway, reason);
    const auto frame = client.readFrame();
    QVERIFY2(frame, "no close frame");
    QCOMPARE(frame->opcode, int(Close));
    QVERIFY(frame->payload.size() <= 125);
    QCOMPARE(frame->closeCode(), WebSocketConnection::CloseGoingAway);
    const QByteArray sent = frame->closeReason();
    QVERIFY(Utf8Validator::isValid(sent));
    QVERIFY(reason.toUtf8().startsWith(sent));
    QCOMPARE(sent.size(), expectedBytes);
    client.send(clientFrame(Close, closePayload(WebSocketConnection::CloseGoingAway)));
    QVERIFY(client.waitClosedByPeer());
    QTRY_COMPARE(record->disconnects, 1);
    // "The code and reason of the first close frame sent": the reason as it went out.
    QCOMPARE(record->closeReason, QString::fromUtf8(sent));
}

void tst_WebSocketConnection::tcpClosedByClient() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    client.socket.disconnectFromHost();
    QTRY_COMPARE(record->disconnects, 1);
    QCOMPARE(record->closeCode, WebSocketConnection::CloseAbnormal); // 7.1.5
    QCOMPARE(record->stateAtDisconnect, State::Closed);
    QTest::qWait(20);
    QCOMPARE(record->disconnects, 1);
}

void tst_WebSocketConnection::abortNow() {
    TestServer server;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    WebSocketConnection *connection = record->connection;
    connection->sendText("queued, maybe never sent");
    connection->abort();
    QCOMPARE(record->disconnects, 1); // before abort() returned
    QCOMPARE(record->stateAtDisconnect, State::Closed);
    QCOMPARE(connection->state(), State::Closed);
    QCOMPARE(connection->closeCode(), WebSocketConnection::CloseAbnormal);
    QVERIFY2(client.waitClosedByPeer(), "the client still sees an open connection");

    // Everything after the end does nothing, and disconnected() stays at one.
    connection->abort();
    connection->sendText("after");
    connection->ping("after");
    connection->close(1000, u"after"_s);
    QTest::qWait(20);
    QCOMPARE(record->disconnects, 1);
}

// abort() from inside the connection's own signals: the rest of what was read is dropped.
void tst_WebSocketConnection::abortInsideHandlers() {
    {
        TestServer server;
        server.answerHandshake = [](Record &r) { r.connection->abort(); };
        PeerSocket client(server);
        client.send(Request().bytes() + clientFrame(Text, "never"));
        QVERIFY2(client.waitClosedByPeer(), "the client still sees an open connection");
        const auto response = takeResponse(client.received);
        QVERIFY(!response || response->status != 101);
        Record *record = server.record();
        QVERIFY(record);
        QCOMPARE(record->disconnects, 1);
        QVERIFY(record->texts.isEmpty());
    }
    {
        TestServer server;
        server.afterText = [](Record &r) { r.connection->abort(); };
        PeerSocket client(server);
        Record *record = nullptr;
        CALL(openConnection(server, client, record));
        client.send(clientFrame(Text, "one") + clientFrame(Text, "two") + clientFrame(Ping, "p"));
        QVERIFY2(client.waitClosedByPeer(), "the client still sees an open connection");
        QCOMPARE(record->texts, QList<QByteArray>{"one"});
        QCOMPARE(record->disconnects, 1);
        QTest::qWait(20);
        QCOMPARE(record->texts.size(), 1);
        QCOMPARE(record->disconnects, 1);
    }
}

// The QTcpSocket constructor (what wss:// uses) runs the same protocol.
void tst_WebSocketConnection::socketConstructor() {
    TestServer server;
    server.useSocketConstructor = true;
    PeerSocket client(server);
    Record *record = nullptr;
    CALL(openConnection(server, client, record));
    client.send(clientFrame(Text, "up", {.fin = false}) + clientFrame(Continuation, "stream"));
    QTRY_COMPARE(record->texts, QList<QByteArray>{"upstream"});
    record->connection->sendText(utf8Text(70000));
    const auto frame = client.readFrame();
    QVERIFY(frame);
    QCOMPARE(frame->payload, utf8Text(70000));
    client.send(clientFrame(Text, "\xFF"));
    CALL(expectFailure(client, *record, WebSocketConnection::CloseInvalidUtf8));
}

// With WSMSGBROKER_TEST_DISPATCHER=epoll on the dispatcher the shipped broker runs on.
WSMSGBROKER_TEST_MAIN(tst_WebSocketConnection)
#include "tst_websocketconnection.moc"

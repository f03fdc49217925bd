// Runs the real wsmsgbroker binary headless and scrapes it as Prometheus and a wait-for loop
// would: GET /metrics under traffic (the counters against what the clients sent and got),
// GET /healthz, the bearer token (right, wrong, missing: 401), the plain requests that keep
// the handshake's HTTP error, over TLS too, and promtool's check of a scrape.

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <map>
#include <memory>
#include <vector>

namespace {

constexpr int TimeoutMs = 10000;
constexpr int Sends = 25; // per sender

QString binaryPath() {
    return QStringLiteral(WSMSGBROKER_BINARY);
}

QByteArray frame(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parseFrame(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// An HTTP answer read to the end of the connection.
struct HttpAnswer {
    int status = 0;
    QByteArray head; // status line and headers
    QByteArray body;
    bool closed = false; // the broker ended the connection

    bool hasHeader(const QByteArray &line) const {
        return head.contains("\r\n" + line + "\r\n") || head.endsWith("\r\n" + line);
    }
};

// The samples of a scrape: "name{labels}" (as written) -> value.
std::map<QByteArray, double> samplesOf(const QByteArray &text) {
    std::map<QByteArray, double> samples;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        samples[line.left(space)] = line.mid(space + 1).toDouble();
    }
    return samples;
}

// One registered client and what it received.
struct Client {
    std::unique_ptr<QWebSocket> socket;
    QStringList received;
    qint64 receivedBytes(const QString &action) const {
        qint64 bytes = 0;
        for (const QString &text : received) {
            if (parseFrame(text).value(QStringLiteral("action")).toString() == action)
                bytes += text.toUtf8().size();
        }
        return bytes;
    }
    int count(const QString &action) const {
        int n = 0;
        for (const QString &text : received)
            n += parseFrame(text).value(QStringLiteral("action")).toString() == action;
        return n;
    }
};

} // namespace

class TestHeadlessMetrics : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void countersUnderTraffic();
    void healthz();
    void scrapeWithNetworkAccessManager();
    void bearerToken();
    void metricsTokenFile();
    void metricsTokenFileErrors_data();
    void metricsTokenFileErrors();
    void otherRequestsKeepTheirAnswer();
    void overTls();
    void promtoolAcceptsScrape();

private:
    void startListening(const QStringList &extra = {});
    // A raw request (the whole head, blank line included) and the answer up to the close.
    // splitAt: the request is sent in two pieces, 100 ms apart.
    HttpAnswer request(const QByteArray &raw, bool tls = false, qsizetype splitAt = 0);
    HttpAnswer get(const QByteArray &path, const QByteArray &authorization = {});
    // GET /metrics that must answer 200; its samples.
    std::map<QByteArray, double> scrape(const QByteArray &authorization = {});
    // Opens a client on path (with the URL's query) and registers it as id (unless empty).
    Client *openClient(const QString &path, const QString &id);
    // Sends a frame and counts its bytes as the broker will.
    void send(Client *from, const QJsonObject &object, qint64 *bytes = nullptr);
    // Two rooms of clients that exchange sends with acks, answers and a fan-out.
    void makeTraffic();

    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
    bool m_tls = false;
    std::vector<std::unique_ptr<Client>> m_clients;
    qint64 m_sendBytes = 0;
    qint64 m_answerBytes = 0;
    qint64 m_registerBytes = 0;
};

void TestHeadlessMetrics::initTestCase() {
    QVERIFY2(QFileInfo(binaryPath()).isExecutable(), qPrintable(binaryPath()));
}

void TestHeadlessMetrics::cleanup() {
    m_clients.clear();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    m_process.reset();
    m_out.clear();
    m_err.clear();
    m_port = 0;
    m_tls = false;
    m_sendBytes = m_answerBytes = m_registerBytes = 0;
}

void TestHeadlessMetrics::startListening(const QStringList &extra) {
    m_process = std::make_unique<QProcess>();
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError(); });
    m_process->start(binaryPath(), QStringList{QStringLiteral("--headless"),
                                               QStringLiteral("--port"), QStringLiteral("0")} +
                                       extra);
    QVERIFY2(m_process->waitForStarted(TimeoutMs), qPrintable(m_process->errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(m_out.contains('\n') || m_process->state() == QProcess::NotRunning,
                              "no listening line", TimeoutMs);
    static const QRegularExpression listening(
        QStringLiteral("^listening on (wss?)://127\\.0\\.0\\.1:(\\d+)/\\n"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
    QVERIFY2(match.hasMatch(), qPrintable(QString::fromUtf8(m_out + m_err)));
    m_tls = match.captured(1) == QLatin1String("wss");
    m_port = quint16(match.captured(2).toInt());
}

HttpAnswer TestHeadlessMetrics::request(const QByteArray &raw, bool tls, qsizetype splitAt) {
    HttpAnswer answer;
    std::unique_ptr<QTcpSocket> socket;
    if (tls) {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone); // the tests' self-signed certificate
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        if (!ssl->waitForEncrypted(TimeoutMs))
            return answer;
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (!socket->waitForConnected(TimeoutMs))
            return answer;
    }
    if (splitAt > 0) {
        socket->write(raw.first(splitAt));
        socket->waitForBytesWritten(TimeoutMs);
        QTest::qWait(100);
    }
    socket->write(raw.sliced(splitAt));
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (socket->state() != QAbstractSocket::UnconnectedState && timer.elapsed() < TimeoutMs) {
        socket->waitForReadyRead(100);
        all += socket->readAll();
    }
    all += socket->readAll();
    answer.closed = socket->state() == QAbstractSocket::UnconnectedState;
    const qsizetype end = all.indexOf("\r\n\r\n");
    answer.head = all.left(end);
    answer.body = end < 0 ? QByteArray() : all.mid(end + 4);
    if (all.startsWith("HTTP/1.1 "))
        answer.status = all.mid(9, 3).toInt();
    return answer;
}

HttpAnswer TestHeadlessMetrics::get(const QByteArray &path, const QByteArray &authorization) {
    QByteArray raw = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) +
                     "\r\nUser-Agent: tst_headlessmetrics\r\n";
    if (!authorization.isEmpty())
        raw += "Authorization: " + authorization + "\r\n";
    return request(raw + "\r\n", m_tls);
}

std::map<QByteArray, double> TestHeadlessMetrics::scrape(const QByteArray &authorization) {
    const HttpAnswer answer = get("/metrics", authorization);
    if (answer.status != 200 ||
        !answer.hasHeader("Content-Type: text/plain; version=0.0.4; charset=utf-8")) {
        qWarning("scrape answered %d: %s", answer.status, answer.head.constData());
        return {};
    }
    return samplesOf(answer.body);
}

Client *TestHeadlessMetrics::openClient(const QString &path, const QString &id) {
    auto client = std::make_unique<Client>();
    client->socket = std::make_unique<QWebSocket>();
    Client *c = client.get();
    connect(c->socket.get(), &QWebSocket::textMessageReceived, this,
            [c](const QString &text) { c->received.append(text); });
    c->socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path)));
    if (!QTest::qWaitFor([c] { return c->socket->state() == QAbstractSocket::ConnectedState; },
                         TimeoutMs))
        return nullptr;
    m_clients.push_back(std::move(client));
    if (!id.isEmpty()) {
        send(c,
             {{QStringLiteral("action"), QStringLiteral("register")}, {QStringLiteral("id"), id}},
             &m_registerBytes);
        if (!QTest::qWaitFor([c] { return c->count(QStringLiteral("registered")) == 1; },
                             TimeoutMs))
            return nullptr;
    }
    return c;
}

void TestHeadlessMetrics::send(Client *from, const QJsonObject &object, qint64 *bytes) {
    const QByteArray text = frame(object);
    if (bytes)
        *bytes += text.size();
    from->socket->sendTextMessage(QString::fromUtf8(text));
}

void TestHeadlessMetrics::makeTraffic() {
    Client *a1 = openClient(QStringLiteral("/alpha"), QStringLiteral("a1"));
    Client *a2 = openClient(QStringLiteral("/alpha"), QStringLiteral("a2"));
    Client *b1 = openClient(QStringLiteral("/beta"), QStringLiteral("b1"));
    Client *b2 = openClient(QStringLiteral("/beta"), QStringLiteral("b2"));
    Client *b3 = openClient(QStringLiteral("/beta"), QStringLiteral("b3"));
    Client *idle = openClient(QStringLiteral("/beta"), {}); // connected, never registered
    QVERIFY(a1 && a2 && b1 && b2 && b3 && idle);
    // a2 answers every ask it gets.
    connect(a2->socket.get(), &QWebSocket::textMessageReceived, this, [this, a2](const QString &t) {
        const QJsonObject ask = parseFrame(t);
        if (ask.value(QStringLiteral("action")).toString() != QLatin1String("message"))
            return;
        send(a2,
             {{QStringLiteral("action"), QStringLiteral("answer")},
              {QStringLiteral("ack"), ask.value(QStringLiteral("ack"))},
              {QStringLiteral("message"),
               QJsonObject{{QStringLiteral("re"), ask.value(QStringLiteral("message"))}}}},
             &m_answerBytes);
    });
    for (int i = 0; i < Sends; ++i) {
        send(a1,
             {{QStringLiteral("action"), QStringLiteral("send")},
              {QStringLiteral("dest"), QStringLiteral("a2")},
              {QStringLiteral("ack"), QStringLiteral("k%1").arg(i)},
              {QStringLiteral("message"), QStringLiteral("ask %1").arg(i)}},
             &m_sendBytes);
        send(b1,
             {{QStringLiteral("action"), QStringLiteral("send")},
              {QStringLiteral("dest"), QJsonArray{QStringLiteral("b2"), QStringLiteral("b3")}},
              {QStringLiteral("message"), QJsonObject{{QStringLiteral("n"), i}}}},
             &m_sendBytes);
    }
    // One destination that names nobody.
    send(b1,
         {{QStringLiteral("action"), QStringLiteral("send")},
          {QStringLiteral("dest"), QStringLiteral("nobody")},
          {QStringLiteral("message"), 1}},
         &m_sendBytes);
    QTRY_COMPARE_WITH_TIMEOUT(a1->count(QStringLiteral("answer")), Sends, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(b2->count(QStringLiteral("message")), Sends, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(b3->count(QStringLiteral("message")), Sends, TimeoutMs);
    QCOMPARE(a2->count(QStringLiteral("message")), Sends);
}

void TestHeadlessMetrics::countersUnderTraffic() {
    startListening();
    if (QTest::currentTestFailed())
        return;
    const std::map<QByteArray, double> before = scrape();
    QCOMPARE(before.at("wsmsgbroker_rooms"), 0.0);
    makeTraffic();
    if (QTest::currentTestFailed())
        return;
    // A few more scrapes first: none of them is a connection, a client or a room.
    for (int i = 0; i < 3; ++i)
        QVERIFY(!scrape().empty());
    const std::map<QByteArray, double> m = scrape();
    QVERIFY(!m.empty());
    const auto value = [&m](const char *key) {
        const auto it = m.find(QByteArray(key));
        return it == m.end() ? -1.0 : it->second;
    };
    QCOMPARE(value("wsmsgbroker_rooms"), 2.0);
    QCOMPARE(value("wsmsgbroker_connections{room=\"/alpha\"}"), 2.0);
    QCOMPARE(value("wsmsgbroker_connections{room=\"/beta\"}"), 4.0);
    QCOMPARE(value("wsmsgbroker_clients_registered{room=\"/alpha\"}"), 2.0);
    QCOMPARE(value("wsmsgbroker_clients_registered{room=\"/beta\"}"), 3.0);
    QCOMPARE(value("wsmsgbroker_connections{room=\"/metrics\"}"), -1.0);
    QCOMPARE(value("wsmsgbroker_connections_opened_total"), 6.0);
    for (const auto &[key, v] : m)
        QVERIFY2(!key.startsWith("wsmsgbroker_connections{") || key.contains("/alpha") ||
                     key.contains("/beta"),
                 key.constData());

    // What the clients sent, frame for frame and byte for byte.
    QCOMPARE(value("wsmsgbroker_frames_received_total{action=\"register\"}"), 5.0);
    QCOMPARE(value("wsmsgbroker_frames_received_total{action=\"send\"}"), 2.0 * Sends + 1);
    QCOMPARE(value("wsmsgbroker_frames_received_total{action=\"answer\"}"), double(Sends));
    QCOMPARE(value("wsmsgbroker_frames_received_total{action=\"unregister\"}"), 0.0);
    QCOMPARE(value("wsmsgbroker_frames_received_total{action=\"other\"}"), 0.0);
    QCOMPARE(value("wsmsgbroker_received_bytes_total{action=\"register\"}"),
             double(m_registerBytes));
    QCOMPARE(value("wsmsgbroker_received_bytes_total{action=\"send\"}"), double(m_sendBytes));
    QCOMPARE(value("wsmsgbroker_received_bytes_total{action=\"answer\"}"), double(m_answerBytes));

    // What they got.
    qint64 messageBytes = 0;
    qint64 answerBytes = 0;
    qint64 registeredBytes = 0;
    for (const auto &client : m_clients) {
        messageBytes += client->receivedBytes(QStringLiteral("message"));
        answerBytes += client->receivedBytes(QStringLiteral("answer"));
        registeredBytes += client->receivedBytes(QStringLiteral("registered"));
    }
    QCOMPARE(value("wsmsgbroker_frames_sent_total{action=\"registered\"}"), 5.0);
    QCOMPARE(value("wsmsgbroker_frames_sent_total{action=\"message\"}"), 3.0 * Sends);
    QCOMPARE(value("wsmsgbroker_frames_sent_total{action=\"answer\"}"), double(Sends));
    QCOMPARE(value("wsmsgbroker_frames_sent_total{action=\"error\"}"), 0.0);
    QCOMPARE(value("wsmsgbroker_sent_bytes_total{action=\"message\"}"), double(messageBytes));
    QCOMPARE(value("wsmsgbroker_sent_bytes_total{action=\"answer\"}"), double(answerBytes));
    QCOMPARE(value("wsmsgbroker_sent_bytes_total{action=\"registered\"}"), double(registeredBytes));
    QCOMPARE(value("wsmsgbroker_deliveries_total"), 3.0 * Sends);
    QCOMPARE(value("wsmsgbroker_answers_forwarded_total"), double(Sends));
    QCOMPARE(value("wsmsgbroker_deliveries_skipped_total{reason=\"unknown_id\"}"), 1.0);
    QCOMPARE(value("wsmsgbroker_deliveries_skipped_total{reason=\"answer_unknown_ack\"}"), 0.0);
    QCOMPARE(value("wsmsgbroker_pending_acks"), 0.0);
    QCOMPARE(value("wsmsgbroker_handshake_failures_total{reason=\"malformed\"}"), 0.0);
    QCOMPARE(value("wsmsgbroker_metrics_unauthorized_total"), 0.0);
    QCOMPARE(value("wsmsgbroker_observation_events_dropped_total"), 0.0);
    QVERIFY(value("wsmsgbroker_build_info{version=\"" WSMSGBROKER_VERSION "\"}") == 1.0);
    QVERIFY(value("process_start_time_seconds") > 1.6e9);
    QVERIFY(value("wsmsgbroker_start_time_seconds") >= value("process_start_time_seconds") - 1);

    // A client that leaves: its close code and reason, and the room's count.
    Client *a2 = m_clients.at(1).get();
    a2->socket->close(QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE_WITH_TIMEOUT(
        scrape()["wsmsgbroker_connections_closed_total{reason=\"client_closed\"}"], 1.0, TimeoutMs);
    const std::map<QByteArray, double> after = scrape();
    QCOMPARE(after.at("wsmsgbroker_close_codes_total{code=\"1000\"}"), 1.0);
    QCOMPARE(after.at("wsmsgbroker_connections{room=\"/alpha\"}"), 1.0);
    QCOMPARE(after.at("wsmsgbroker_clients_registered{room=\"/alpha\"}"), 1.0);
    QCOMPARE(after.at("wsmsgbroker_connections_opened_total"), 6.0);
    QVERIFY(m_err.isEmpty());
}

void TestHeadlessMetrics::healthz() {
    startListening();
    if (QTest::currentTestFailed())
        return;
    const HttpAnswer get = this->get("/healthz");
    QCOMPARE(get.status, 200);
    QCOMPARE(get.body, QByteArray("ok\n"));
    QVERIFY(get.hasHeader("Connection: close"));
    QVERIFY(get.closed);
    const HttpAnswer head =
        request("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", /*tls=*/false);
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QVERIFY(head.hasHeader("Content-Length: 3"));
    // HTTP/1.0, as some probes send it.
    QCOMPARE(request("GET /healthz HTTP/1.0\r\n\r\n").status, 200);
    // A request that arrives in pieces.
    QCOMPARE(request("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", false, 9).status, 200);
    QCOMPARE(scrape().at("wsmsgbroker_connections_opened_total"), 0.0);
}

void TestHeadlessMetrics::scrapeWithNetworkAccessManager() {
    startListening({QStringLiteral("--metrics-token"), QStringLiteral("scrape-me")});
    if (QTest::currentTestFailed())
        return;
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_port)));
    request.setRawHeader("Authorization", "Bearer scrape-me");
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->header(QNetworkRequest::ContentTypeHeader)
                .toString()
                .startsWith(QLatin1String("text/plain; version=0.0.4")));
    const QByteArray body = reply->readAll();
    QVERIFY(body.contains("# TYPE wsmsgbroker_frames_received_total counter\n"));
    QCOMPARE(samplesOf(body).at("wsmsgbroker_rooms"), 0.0);
}

void TestHeadlessMetrics::bearerToken() {
    // The clients' token guards /metrics too when no --metrics-token is given.
    startListening({QStringLiteral("--token"), QStringLiteral("s3cret")});
    if (QTest::currentTestFailed())
        return;
    const HttpAnswer missing = get("/metrics");
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.head.contains("\r\nWWW-Authenticate: Bearer"));
    QVERIFY(!missing.body.contains("wsmsgbroker_"));
    const HttpAnswer wrong = get("/metrics", "Bearer s3creT");
    QCOMPARE(wrong.status, 401);
    QVERIFY(!wrong.body.contains("wsmsgbroker_"));
    QCOMPARE(get("/metrics", "Basic czNjcmV0").status, 401);
    // No token needed to ask whether it is up.
    QCOMPARE(get("/healthz").status, 200);
    const std::map<QByteArray, double> m = scrape("Bearer s3cret");
    QCOMPARE(m.at("wsmsgbroker_metrics_unauthorized_total"), 3.0);
    QCOMPARE(m.at("wsmsgbroker_connections_opened_total"), 0.0);
    QCOMPARE(m.at("wsmsgbroker_handshake_failures_total{reason=\"malformed\"}"), 0.0);
}

void TestHeadlessMetrics::metricsTokenFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.token"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("from-the-file\nsecond line is not the token\n");
    file.close();
    startListening({QStringLiteral("--token"), QStringLiteral("clients"),
                    QStringLiteral("--metrics-token-file"), path});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(get("/metrics", "Bearer clients").status, 401);
    QCOMPARE(get("/metrics", "Bearer from-the-file").status, 200);
    // The clients' token is unchanged.
    Client *client = openClient(QStringLiteral("/room?token=clients"), QStringLiteral("c"));
    QVERIFY(client);
    const std::map<QByteArray, double> m = scrape("Bearer from-the-file");
    QCOMPARE(m.at("wsmsgbroker_clients_registered{room=\"/room\"}"), 1.0);
    QCOMPARE(m.at("wsmsgbroker_metrics_unauthorized_total"), 1.0);
}

void TestHeadlessMetrics::metricsTokenFileErrors_data() {
    QTest::addColumn<QByteArray>("content"); // null: no file at all
    QTest::addColumn<QString>("error");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("cannot read");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("is empty");
    QTest::newRow("blank first line") << QByteArray("  \ntoken\n") << QStringLiteral("is empty");
}

void TestHeadlessMetrics::metricsTokenFileErrors() {
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.token"));
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QProcess process;
    process.start(binaryPath(),
                  {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--metrics-token-file"), path});
    QVERIFY(process.waitForFinished(TimeoutMs));
    QCOMPARE(process.exitCode(), 2);
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(QStringLiteral("--metrics-token-file")) &&
                 stderrText.contains(path) && stderrText.contains(error),
             qPrintable(stderrText));
    QVERIFY(process.readAllStandardOutput().isEmpty()); // it never listened
}

void TestHeadlessMetrics::otherRequestsKeepTheirAnswer() {
    startListening();
    if (QTest::currentTestFailed())
        return;
    // Not GET or HEAD: the handshake's 400 as before; another path: 426, as before.
    const HttpAnswer post = request("POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Content-Length: 0\r\n\r\n");
    QCOMPARE(post.status, 400);
    QVERIFY(post.body.isEmpty());
    const HttpAnswer other = get("/other");
    QCOMPARE(other.status, 426);
    QVERIFY(other.head.contains("\r\nSec-WebSocket-Version: 13"));
    QCOMPARE(get("/").status, 426);
    // A WebSocket client may still use /metrics as a room: upgrades are not intercepted.
    Client *client = openClient(QStringLiteral("/metrics"), QStringLiteral("m"));
    QVERIFY(client);
    const std::map<QByteArray, double> m = scrape();
    QCOMPARE(m.at("wsmsgbroker_handshake_failures_total{reason=\"malformed\"}"), 3.0);
    QCOMPARE(m.at("wsmsgbroker_clients_registered{room=\"/metrics\"}"), 1.0);
    QCOMPARE(m.at("wsmsgbroker_connections_opened_total"), 1.0);
}

void TestHeadlessMetrics::overTls() {
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    startListening({QStringLiteral("--tls-cert"), QStringLiteral(TLS_DIR "/localhost.crt"),
                    QStringLiteral("--tls-key"), QStringLiteral(TLS_DIR "/localhost.key"),
                    QStringLiteral("--metrics-token"), QStringLiteral("t")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_tls);
    const HttpAnswer health = get("/healthz");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body, QByteArray("ok\n"));
    QCOMPARE(get("/metrics").status, 401);
    const std::map<QByteArray, double> m = scrape("Bearer t");
    QCOMPARE(m.at("wsmsgbroker_metrics_unauthorized_total"), 1.0);
    QCOMPARE(m.at("wsmsgbroker_connections_opened_total"), 0.0);
    QCOMPARE(get("/other").status, 426);
}

void TestHeadlessMetrics::promtoolAcceptsScrape() {
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty()) {
        qWarning("*** promtool is MISSING: the Prometheus format of GET /metrics is NOT checked."
                 " Install Debian's prometheus package (scripts/bootstrap.sh does). ***");
        QSKIP("promtool is missing");
    }
    startListening();
    if (QTest::currentTestFailed())
        return;
    makeTraffic();
    if (QTest::currentTestFailed())
        return;
    // Room names are client text: one with a quote, a backslash and a bidi override.
    QVERIFY(openClient(QStringLiteral("/we%22ird%5C%E2%80%AEroom"), QStringLiteral("odd")));
    send(m_clients.front().get(), {{QStringLiteral("action"), QStringLiteral("bogus")}});
    QTRY_COMPARE_WITH_TIMEOUT(m_clients.front()->count(QStringLiteral("error")), 1, TimeoutMs);
    get("/metrics", "Bearer unneeded"); // no token set: answered all the same
    request("BREW /coffee HTTP/1.1\r\n\r\n");
    const HttpAnswer answer = get("/metrics");
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("wsmsgbroker_frames_sent_total{action=\"error\"} 1\n"));
    // Kept beside the test for a look after a failure.
    const QString saved = QStringLiteral("metrics-scrape.txt");
    QFile file(saved);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(answer.body);
    file.close();
    QProcess process;
    process.setStandardInputFile(saved);
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 &&
                 output.trimmed().isEmpty(),
             qPrintable(QStringLiteral("promtool check metrics < %1 (exit %2):\n%3")
                            .arg(QFileInfo(saved).absoluteFilePath())
                            .arg(process.exitCode())
                            .arg(QString::fromUtf8(output))));
}

QTEST_GUILESS_MAIN(TestHeadlessMetrics)
#include "tst_headlessmetrics.moc"

// Unit tests of the broker's plain HTTP side without sockets: PlainHttpRequest (which requests
// are plain, their path and Authorization, the answer's bytes) and HttpEndpoint (what
// /healthz and /metrics answer, the bearer token, what is left to the handshake's error).

#include "brokersnapshot.h"
#include "httpendpoint.h"
#include "plainhttprequest.h"

#include <QTest>

namespace {

const QByteArray Server = "wsmsgbroker/test";

PlainHttpRequest request(const QByteArray &method, const QByteArray &path,
                         const QByteArray &authorization = {}) {
    PlainHttpRequest r;
    r.method = method;
    r.path = path;
    r.authorization = authorization;
    return r;
}

int statusOf(const QByteArray &response) {
    return response.mid(9, 3).toInt();
}

QByteArray bodyOf(const QByteArray &response) {
    return response.mid(response.indexOf("\r\n\r\n") + 4);
}

} // namespace

class tst_HttpEndpoint : public QObject {
    Q_OBJECT

private slots:
    void parsePlain_data();
    void parsePlain();
    void notPlain_data();
    void notPlain();
    void responseBytes();
    void headHasNoBody();
    void healthz();
    void metricsWithoutToken();
    void metricsToken_data();
    void metricsToken();
    void metricsTokenOverridesToken();
    void otherRequestsAreNotAnswered_data();
    void otherRequestsAreNotAnswered();
};

void tst_HttpEndpoint::parsePlain_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("curl") << QByteArray("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:9042\r\n"
                                        "User-Agent: curl/7.88.1\r\nAccept: */*")
                          << QByteArray("GET") << QByteArray("/metrics") << QByteArray();
    QTest::newRow("query dropped") << QByteArray("GET /healthz?probe=1 HTTP/1.1\r\nHost: h")
                                   << QByteArray("GET") << QByteArray("/healthz") << QByteArray();
    QTest::newRow("HTTP/1.0") << QByteArray("HEAD /healthz HTTP/1.0") << QByteArray("HEAD")
                              << QByteArray("/healthz") << QByteArray();
    QTest::newRow("absolute form")
        << QByteArray("GET http://broker:9042/metrics?x=1 HTTP/1.1\r\nHost: broker:9042")
        << QByteArray("GET") << QByteArray("/metrics") << QByteArray();
    QTest::newRow("authorization, any case")
        << QByteArray("GET /metrics HTTP/1.1\r\nhost: h\r\nAUTHORIZATION:  Bearer s3cret  ")
        << QByteArray("GET") << QByteArray("/metrics") << QByteArray("Bearer s3cret");
    QTest::newRow("bare newlines") << QByteArray("POST /metrics HTTP/1.1\nHost: h")
                                   << QByteArray("POST") << QByteArray("/metrics") << QByteArray();
}

void tst_HttpEndpoint::parsePlain() {
    QFETCH(QByteArray, head);
    const std::optional<PlainHttpRequest> parsed = PlainHttpRequest::parse(head);
    QVERIFY(parsed);
    QTEST(parsed->method, "method");
    QTEST(parsed->path, "path");
    QTEST(parsed->authorization, "authorization");
}

void tst_HttpEndpoint::notPlain_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("websocket upgrade")
        << QByteArray("GET /metrics HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
    QTest::newRow("another upgrade") << QByteArray("GET /metrics HTTP/1.1\r\nupgrade: h2c");
    QTest::newRow("HTTP/2") << QByteArray("GET /metrics HTTP/2");
    QTest::newRow("no version") << QByteArray("GET /metrics");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02");
    QTest::newRow("empty") << QByteArray();
}

void tst_HttpEndpoint::notPlain() {
    QFETCH(QByteArray, head);
    QVERIFY(!PlainHttpRequest::parse(head));
}

void tst_HttpEndpoint::responseBytes() {
    QCOMPARE(
        PlainHttpRequest::response(200, "text/plain", "ok\n", false, Server),
        QByteArray("HTTP/1.1 200 OK\r\nServer: wsmsgbroker/test\r\nContent-Type: text/plain\r\n"
                   "Content-Length: 3\r\nCache-Control: no-store\r\nConnection: close\r\n"
                   "\r\nok\n"));
    const QByteArray refused = PlainHttpRequest::response(401, "text/plain", "no\n", false, Server,
                                                          "WWW-Authenticate: Bearer\r\n");
    QVERIFY(refused.startsWith("HTTP/1.1 401 Unauthorized\r\n"));
    QVERIFY(refused.contains("\r\nWWW-Authenticate: Bearer\r\nConnection: close\r\n\r\nno\n"));
}

void tst_HttpEndpoint::headHasNoBody() {
    const QByteArray head = PlainHttpRequest::response(200, "text/plain", "ok\n", true, Server);
    QVERIFY(head.endsWith("Connection: close\r\n\r\n"));
    QVERIFY(head.contains("Content-Length: 3\r\n")); // as GET's, which HEAD describes
}

void tst_HttpEndpoint::healthz() {
    BrokerSettings settings;
    settings.token = QStringLiteral("secret"); // /healthz needs none
    BrokerCounters counters;
    int scrapes = 0;
    HttpEndpoint endpoint(settings, counters, [&scrapes] {
        ++scrapes;
        return QByteArray("m 1\n");
    });
    const QByteArray get = endpoint.answer(request("GET", "/healthz"), Server);
    QCOMPARE(statusOf(get), 200);
    QCOMPARE(bodyOf(get), QByteArray("ok\n"));
    const QByteArray head = endpoint.answer(request("HEAD", "/healthz"), Server);
    QCOMPARE(statusOf(head), 200);
    QCOMPARE(bodyOf(head), QByteArray());
    QCOMPARE(scrapes, 0);
    QCOMPARE(counters.metricsUnauthorized, quint64(0));
}

void tst_HttpEndpoint::metricsWithoutToken() {
    BrokerSettings settings;
    BrokerCounters counters;
    HttpEndpoint endpoint(settings, counters, [] { return QByteArray("wsmsgbroker_rooms 0\n"); });
    const QByteArray answer = endpoint.answer(request("GET", "/metrics"), Server);
    QCOMPARE(statusOf(answer), 200);
    QVERIFY(answer.contains("\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
    QCOMPARE(bodyOf(answer), QByteArray("wsmsgbroker_rooms 0\n"));
    const QByteArray head = endpoint.answer(request("HEAD", "/metrics"), Server);
    QCOMPARE(statusOf(head), 200);
    QVERIFY(head.contains("Content-Length: 20\r\n"));
    QCOMPARE(bodyOf(head), QByteArray());
}

void tst_HttpEndpoint::metricsToken_data() {
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("right") << QByteArray("Bearer s3cret") << 200;
    QTest::newRow("scheme in lower case") << QByteArray("bearer s3cret") << 200;
    QTest::newRow("missing") << QByteArray() << 401;
    QTest::newRow("wrong") << QByteArray("Bearer s3creT") << 401;
    QTest::newRow("prefix of it") << QByteArray("Bearer s3cre") << 401;
    QTest::newRow("longer") << QByteArray("Bearer s3cret2") << 401;
    QTest::newRow("empty token") << QByteArray("Bearer ") << 401;
    QTest::newRow("basic") << QByteArray("Basic czNjcmV0") << 401;
    QTest::newRow("bare token") << QByteArray("s3cret") << 401;
}

void tst_HttpEndpoint::metricsToken() {
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    BrokerSettings settings;
    settings.token = QStringLiteral("s3cret"); // the clients' token guards /metrics too
    BrokerCounters counters;
    int scrapes = 0;
    HttpEndpoint endpoint(settings, counters, [&scrapes] {
        ++scrapes;
        return QByteArray("m 1\n");
    });
    const QByteArray answer = endpoint.answer(request("GET", "/metrics", authorization), Server);
    QCOMPARE(statusOf(answer), status);
    QCOMPARE(answer.contains("\r\nWWW-Authenticate: Bearer"), status == 401);
    QCOMPARE(scrapes, status == 200 ? 1 : 0); // a refused scrape reads nothing
    QCOMPARE(counters.metricsUnauthorized, quint64(status == 401 ? 1 : 0));
    QCOMPARE(bodyOf(answer),
             status == 200 ? QByteArray("m 1\n") : QByteArray("missing or wrong bearer token\n"));
}

void tst_HttpEndpoint::metricsTokenOverridesToken() {
    BrokerSettings settings;
    settings.token = QStringLiteral("clients");
    settings.metricsToken = QStringLiteral("scraper");
    BrokerCounters counters;
    HttpEndpoint endpoint(settings, counters, [] { return QByteArray("m 1\n"); });
    QCOMPARE(statusOf(endpoint.answer(request("GET", "/metrics", "Bearer clients"), Server)), 401);
    QCOMPARE(statusOf(endpoint.answer(request("GET", "/metrics", "Bearer scraper"), Server)), 200);
    QCOMPARE(counters.metricsUnauthorized, quint64(1));
    QVERIFY(HttpEndpoint::isAuthorized("Bearer scraper", QStringLiteral("scraper")));
    QVERIFY(!HttpEndpoint::isAuthorized("Bearerscraper", QStringLiteral("scraper")));
}

void tst_HttpEndpoint::otherRequestsAreNotAnswered_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("POST /metrics") << QByteArray("POST") << QByteArray("/metrics");
    QTest::newRow("DELETE /healthz") << QByteArray("DELETE") << QByteArray("/healthz");
    QTest::newRow("get lower case") << QByteArray("get") << QByteArray("/metrics");
    QTest::newRow("GET /") << QByteArray("GET") << QByteArray("/");
    QTest::newRow("GET /metrics/") << QByteArray("GET") << QByteArray("/metrics/");
    QTest::newRow("GET /chat") << QByteArray("GET") << QByteArray("/chat");
}

void tst_HttpEndpoint::otherRequestsAreNotAnswered() {
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    BrokerSettings settings;
    BrokerCounters counters;
    HttpEndpoint endpoint(settings, counters, [] { return QByteArray("m 1\n"); });
    QCOMPARE(endpoint.answer(request(method, path), Server), QByteArray());
}

QTEST_GUILESS_MAIN(tst_HttpEndpoint)
#include "tst_httpendpoint.moc"

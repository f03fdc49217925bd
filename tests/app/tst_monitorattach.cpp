// The monitor endpoint end to end: the real wsmsgbroker binary runs headless with monitor
// tokens, real clients talk through it, and a window-less Inspector attached through a
// RemoteBroker must see the same events as the broker's own capture (--record); wrong tokens
// and reserved paths are refused with 1008 and counted; the control role disconnects a client
// (the read-only role may not); a monitor follows the broker through a restart; and a monitor
// that stops reading gets the "dropped" marker instead of slowing the broker.

#include "capturereader.h"
#include "connectiontreemodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "monitorprotocol.h"
#include "rawwebsocket.h"
#include "remotebroker.h"
#include "tcpproxy.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <tuple>

#include <signal.h>
#include <sys/types.h>

namespace {

constexpr int TimeoutMs = 20000;
const QString ReadToken = QStringLiteral("read-secret");
const QString ControlToken = QStringLiteral("control-secret");

QString frame(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// What the comparison looks at: everything an event says about the traffic, not its time.
using EventKey = std::tuple<int, quint64, QString, QByteArray, int, QByteArray, int, int>;

EventKey keyOf(const BrokerEvent &e) {
    return {int(e.kind),   e.connectionId, e.room,         e.clientId,
            int(e.action), e.data,         int(e.outcome), int(e.closeReason)};
}

QList<EventKey> keysOf(const BrokerEventList &events) {
    QList<EventKey> keys;
    for (const BrokerEvent &e : events)
        keys.append(keyOf(e));
    return keys;
}

QString describe(const EventKey &k) {
    return QStringLiteral("kind %1 conn %2 room %3 client %4 action %5 outcome %6 close %7: %8")
        .arg(std::get<0>(k))
        .arg(std::get<1>(k))
        .arg(std::get<2>(k), QString::fromUtf8(std::get<3>(k)))
        .arg(std::get<4>(k))
        .arg(std::get<6>(k))
        .arg(std::get<7>(k))
        .arg(QString::fromUtf8(std::get<5>(k).left(80)));
}

BrokerEventList readCapture(const QString &path, QString *error) {
    CaptureReader reader;
    BrokerEventList all;
    if (!reader.open(path, error))
        return all;
    QList<quint64> ids;
    for (quint64 next = reader.firstId(); next != 0 && next <= reader.lastId();) {
        const BrokerEventList events = reader.readRange(next, 1000, &ids);
        if (events.isEmpty())
            break;
        all += events;
        next = ids.constLast() + 1;
    }
    return all;
}

} // namespace

class TestMonitorAttach : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void remoteSeesWhatTheCaptureHolds();
    void startsWithTheNewestEvents();
    void wrongTokensAreRefused();
    void controlRoleDisconnects();
    void reconnectsAfterRestart();
    void reconnectToTheSameRunSkipsWhatItHas();
    void stalledMonitorGetsDroppedMarker();
    void silentServerIsLeft();
    void attachWithoutDisplayIsAnError();

private:
    // Starts the headless broker with both monitor tokens (plus extra) on port (0: any) and
    // waits for its listening line; m_port is then its port.
    void startBroker(const QStringList &extra = {}, quint16 port = 0);
    int terminate();
    QUrl url(const QString &path) const {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    std::unique_ptr<QWebSocket> openClient(const QString &room, const QString &id);
    std::unique_ptr<RemoteBroker> attach(const QString &token);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

void TestMonitorAttach::initTestCase() {
    QVERIFY2(QFileInfo(QStringLiteral(WSMSGBROKER_BINARY)).isExecutable(), WSMSGBROKER_BINARY);
    QVERIFY(m_dir.isValid());
}

void TestMonitorAttach::cleanup() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    m_process.reset();
    m_out.clear();
    m_err.clear();
}

void TestMonitorAttach::startBroker(const QStringList &extra, quint16 port) {
    m_out.clear();
    m_err.clear();
    m_process = std::make_unique<QProcess>();
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError(); });
    m_process->start(QStringLiteral(WSMSGBROKER_BINARY),
                     QStringList{QStringLiteral("--headless"), QStringLiteral("--port"),
                                 QString::number(port), QStringLiteral("--monitor-token"),
                                 ReadToken, QStringLiteral("--monitor-control-token"),
                                 ControlToken} +
                         extra);
    QVERIFY2(m_process->waitForStarted(TimeoutMs), qPrintable(m_process->errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(m_out.contains('\n') || m_process->state() == QProcess::NotRunning,
                              "no listening line", TimeoutMs);
    static const QRegularExpression listening(
        QStringLiteral("^listening on ws://127\\.0\\.0\\.1:(\\d+)/\\n"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
    QVERIFY2(match.hasMatch(),
             qPrintable(QStringLiteral("stdout: \"%1\", stderr: \"%2\"")
                            .arg(QString::fromUtf8(m_out), QString::fromUtf8(m_err))));
    m_port = quint16(match.captured(1).toInt());
}

int TestMonitorAttach::terminate() {
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(TimeoutMs))
        return -1;
    m_err += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

std::unique_ptr<QWebSocket> TestMonitorAttach::openClient(const QString &room, const QString &id) {
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy received(socket.get(), &QWebSocket::textMessageReceived);
    socket->open(url(room));
    if (!QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; },
                         TimeoutMs))
        return nullptr;
    socket->sendTextMessage(frame(
        {{QStringLiteral("action"), QStringLiteral("register")}, {QStringLiteral("id"), id}}));
    if (!received.wait(TimeoutMs) && received.isEmpty())
        return nullptr;
    return socket;
}

std::unique_ptr<RemoteBroker> TestMonitorAttach::attach(const QString &token) {
    auto remote = std::make_unique<RemoteBroker>();
    remote->setReconnectDelays(100, 400);
    remote->open(url(QStringLiteral("/")), token);
    if (!QTest::qWaitFor([&] { return remote->state() == RemoteBroker::State::Connected; },
                         TimeoutMs))
        return nullptr;
    return remote;
}

void TestMonitorAttach::remoteSeesWhatTheCaptureHolds() {
    const QString capture = m_dir.filePath(QStringLiteral("same.wscap"));
    startBroker({QStringLiteral("--record"), capture});
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<RemoteBroker> remote = attach(ReadToken);
    QVERIFY(remote);
    QVERIFY(!remote->isControl());
    Inspector inspector;
    inspector.attach(remote.get());
    BrokerEventList seen;
    connect(remote.get(), &RemoteBroker::eventsReady, this,
            [&seen](const BrokerEventList &events) { seen += events; });

    // Real clients: registers, sends, an ask and its answer, a send to nobody, a bad frame.
    std::unique_ptr<QWebSocket> alice =
        openClient(QStringLiteral("/chat"), QStringLiteral("alice"));
    std::unique_ptr<QWebSocket> bob = openClient(QStringLiteral("/chat"), QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QSignalSpy bobGot(bob.get(), &QWebSocket::textMessageReceived);
    QSignalSpy aliceGot(alice.get(), &QWebSocket::textMessageReceived);
    for (int i = 0; i < 50; ++i)
        alice->sendTextMessage(
            frame({{QStringLiteral("action"), QStringLiteral("send")},
                   {QStringLiteral("dest"), QStringLiteral("bob")},
                   {QStringLiteral("message"), QStringLiteral("hi %1").arg(i)}}));
    alice->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                  {QStringLiteral("dest"), QStringLiteral("bob")},
                                  {QStringLiteral("ack"), QStringLiteral("k1")},
                                  {QStringLiteral("message"), QStringLiteral("ask")}}));
    QTRY_COMPARE_WITH_TIMEOUT(bobGot.size(), 51, TimeoutMs);
    bob->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("answer")},
                                {QStringLiteral("ack"), QStringLiteral("k1")},
                                {QStringLiteral("message"), QStringLiteral("yes")}}));
    alice->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                  {QStringLiteral("dest"), QStringLiteral("nobody")},
                                  {QStringLiteral("message"), 1}}));
    alice->sendTextMessage(QStringLiteral("not json"));
    QTRY_COMPARE_WITH_TIMEOUT(aliceGot.size(), 2, TimeoutMs); // the answer, the error
    alice->close();
    bob->close();
    // Both closes seen by the monitor: nothing more happens in the broker after them.
    QTRY_COMPARE_WITH_TIMEOUT(std::count_if(seen.begin(), seen.end(),
                                            [](const BrokerEvent &e) {
                                                return e.kind ==
                                                       BrokerEvent::Kind::ConnectionClosed;
                                            }),
                              2, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.connections()->rowCount(), 0, TimeoutMs);
    const BrokerEventList remoteEvents = seen;
    QTRY_COMPARE_WITH_TIMEOUT(inspector.log()->rowCount(), int(remoteEvents.size()), TimeoutMs);

    QCOMPARE(terminate(), 0);
    QString error;
    const BrokerEventList recorded = readCapture(capture, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<EventKey> want = keysOf(recorded);
    const QList<EventKey> got = keysOf(remoteEvents);
    for (qsizetype i = 0; i < std::min(want.size(), got.size()); ++i)
        QVERIFY2(want.at(i) == got.at(i),
                 qPrintable(QStringLiteral("event %1: %2 vs %3")
                                .arg(i)
                                .arg(describe(want.at(i)), describe(got.at(i)))));
    QCOMPARE(got.size(), want.size());
    QVERIFY(want.size() > 100);
}

void TestMonitorAttach::startsWithTheNewestEvents() {
    startBroker({QStringLiteral("--monitor-backlog"), QStringLiteral("5")});
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/b"), QStringLiteral("a"));
    QVERIFY(a);
    QSignalSpy aGot(a.get(), &QWebSocket::textMessageReceived);
    for (int i = 0; i < 10; ++i)
        a->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                  {QStringLiteral("dest"), QStringLiteral("a")},
                                  {QStringLiteral("message"), i}}));
    QTRY_COMPARE_WITH_TIMEOUT(aGot.size(), 10, TimeoutMs);
    QTest::qWait(200); // the broker's last batch (every 50 ms) went out

    RawWebSocket raw;
    QCOMPARE(raw.open(url(QStringLiteral("/.wsmsgbroker/monitor?token=read-secret"))), 101);
    QVERIFY(raw.waitForTexts(4, TimeoutMs));
    QString type;
    QJsonObject message;
    QString error;
    QVERIFY(MonitorProtocol::read(raw.texts().at(0), &type, &message, &error));
    QCOMPARE(type, QStringLiteral("hello"));
    QCOMPARE(message.value(QStringLiteral("role")).toString(), QStringLiteral("read"));
    QCOMPARE(message.value(QStringLiteral("backlog")).toInt(), 5);
    QVERIFY(MonitorProtocol::read(raw.texts().at(1), &type, &message, &error));
    QCOMPARE(type, QStringLiteral("snapshot"));
    const BrokerSnapshot snapshot = MonitorProtocol::snapshotFrom(message);
    QCOMPARE(snapshot.connections.size(), 1);
    QCOMPARE(snapshot.connections.constFirst().clientId, QByteArray("a"));
    QCOMPARE(snapshot.counters.framesIn, quint64(11));
    QVERIFY(MonitorProtocol::read(raw.texts().at(2), &type, &message, &error));
    QCOMPARE(type, QStringLiteral("rules"));
    QCOMPARE(message.value(QStringLiteral("rules")).toArray().size(), 0);
    QVERIFY(MonitorProtocol::read(raw.texts().at(3), &type, &message, &error));
    QCOMPARE(type, QStringLiteral("events"));
    quint64 first = 0;
    const BrokerEventList backlog = MonitorProtocol::eventsFrom(message, &first);
    QCOMPARE(backlog.size(), 5);
    // The newest: the last message to a, its frame out last.
    QCOMPARE(backlog.constLast().kind, BrokerEvent::Kind::FrameOut);
    QVERIFY2(backlog.constLast().data.contains("\"message\":9"),
             backlog.constLast().data.constData());
    QVERIFY(first > 1);
}

void TestMonitorAttach::wrongTokensAreRefused() {
    startBroker();
    if (QTest::currentTestFailed())
        return;
    // Wrong and missing tokens, in the header and in the URL: upgraded, then closed with 1008.
    const QList<std::pair<QString, RawWebSocket::Headers>> attempts = {
        {QStringLiteral("/.wsmsgbroker/monitor"), {}},
        {QStringLiteral("/.wsmsgbroker/monitor?token=nope"), {}},
        {QStringLiteral("/.wsmsgbroker/monitor"), {{"Authorization", "Bearer nope"}}},
        {QStringLiteral("/.wsmsgbroker/monitor"), {{"Authorization", "Bearer read-secre"}}},
    };
    for (const auto &[path, headers] : attempts) {
        RawWebSocket raw;
        QCOMPARE(raw.open(url(path), headers), 101);
        QCOMPARE(raw.waitForCloseCode(TimeoutMs), 1008);
        QVERIFY2(raw.closeReason().contains(QLatin1String("token")), qPrintable(raw.closeReason()));
    }
    // No client can take a room under the reserved prefix.
    for (const QString &path :
         {QStringLiteral("/.wsmsgbroker/other"), QStringLiteral("/.wsmsgbroker")}) {
        RawWebSocket raw;
        QCOMPARE(raw.open(url(path)), 101);
        QCOMPARE(raw.waitForCloseCode(TimeoutMs), 1008);
    }
    // The token in the URL works as well as the header does.
    RawWebSocket byQuery;
    QCOMPARE(byQuery.open(url(QStringLiteral("/.wsmsgbroker/monitor?token=read-secret"))), 101);
    QVERIFY(byQuery.waitForTexts(2, TimeoutMs));
    QVERIFY(byQuery.texts().constFirst().contains("\"type\":\"hello\""));

    // A RemoteBroker with a wrong token gives up at once with the broker's reason.
    RemoteBroker wrong;
    wrong.setReconnectDelays(50, 100);
    QSignalSpy errors(&wrong, &RemoteBroker::errorOccurred);
    wrong.open(url(QStringLiteral("/")), QStringLiteral("nope"));
    QTRY_COMPARE_WITH_TIMEOUT(wrong.state(), RemoteBroker::State::Refused, TimeoutMs);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(wrong.lastError().contains(QLatin1String("token")), qPrintable(wrong.lastError()));
    QTest::qWait(300);
    QCOMPARE(wrong.state(), RemoteBroker::State::Refused);

    // Counted: the refusals are token-refused closes in the snapshot a good monitor gets.
    std::unique_ptr<RemoteBroker> good = attach(ReadToken);
    QVERIFY(good);
    QSignalSpy snapshots(good.get(), &RemoteBroker::snapshotReady);
    QVERIFY(snapshots.wait(TimeoutMs));
    const auto snapshot = snapshots.constLast().constFirst().value<BrokerSnapshot>();
    QCOMPARE(snapshot.counters.closesByReason[size_t(CloseReason::TokenRefused)], quint64(5));
    QCOMPARE(snapshot.counters.closesByReason[size_t(CloseReason::HandshakeRefused)], quint64(2));
    QCOMPARE(snapshot.connections.size(), 0); // monitors are not connections
}

void TestMonitorAttach::controlRoleDisconnects() {
    startBroker();
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<RemoteBroker> control = attach(ControlToken);
    std::unique_ptr<RemoteBroker> reader = attach(ReadToken);
    QVERIFY(control && reader);
    QVERIFY(control->isControl());
    QVERIFY(!reader->isControl());
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/r"), QStringLiteral("a"));
    std::unique_ptr<QWebSocket> b = openClient(QStringLiteral("/r"), QStringLiteral("b"));
    QVERIFY(a && b);
    // Which connection "a" is, as the monitor sees it.
    quint64 idOfA = 0;
    QSignalSpy snapshots(reader.get(), &RemoteBroker::snapshotReady);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QVariantList &args : std::as_const(snapshots)) {
                for (const ConnectionInfo &c :
                     args.constFirst().value<BrokerSnapshot>().connections) {
                    if (c.clientId == "a")
                        idOfA = c.connectionId;
                }
            }
            return idOfA != 0;
        }(),
        TimeoutMs);

    // Read-only: refused with a message; the client stays.
    QSignalSpy readerErrors(reader.get(), &RemoteBroker::errorOccurred);
    reader->disconnectClient(idOfA);
    QVERIFY(readerErrors.wait(TimeoutMs));
    QVERIFY2(readerErrors.constFirst().constFirst().toString().contains(QLatin1String("read-only")),
             qPrintable(readerErrors.constFirst().constFirst().toString()));
    QTest::qWait(200);
    QCOMPARE(a->state(), QAbstractSocket::ConnectedState);

    // Control: the client is closed with 1000, b is not touched.
    QSignalSpy aGone(a.get(), &QWebSocket::disconnected);
    control->disconnectClient(idOfA);
    QVERIFY(aGone.wait(TimeoutMs));
    QCOMPARE(a->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QCOMPARE(b->state(), QAbstractSocket::ConnectedState);

    // An unknown connection and an unknown request are errors, not silence.
    QSignalSpy controlErrors(control.get(), &RemoteBroker::errorOccurred);
    control->disconnectClient(999);
    QVERIFY(controlErrors.wait(TimeoutMs));
    QVERIFY(controlErrors.constFirst().constFirst().toString().contains(QLatin1String("999")));

    // setRules: a bad rules array is refused naming the problem; a good one is applied.
    QSignalSpy readerRules(reader.get(), &RemoteBroker::trafficRulesChanged);
    RawWebSocket raw;
    QCOMPARE(raw.open(url(QStringLiteral("/.wsmsgbroker/monitor")),
                      {{"Authorization", "Bearer control-secret"}}),
             101);
    QVERIFY(raw.waitForTexts(2, TimeoutMs));
    const int before = int(raw.texts().size());
    raw.sendText(R"({"v":1,"type":"setRules","rules":[{"name":"x","effect":"explode"}]})");
    raw.sendText(
        R"({"v":1,"type":"setRules","rules":[{"name":"drop-b","match":{"to":"b"},"effect":"drop"}]})");
    raw.sendText(R"({"v":1,"type":"frobnicate"})");
    raw.sendText(R"({"v":1,"type":"setRules","rules":[{"name":"stop-b","effect":"hold"}]})");
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int answers = 0;
            for (const QByteArray &t : raw.texts())
                answers += t.contains("\"type\":\"ok\"") || t.contains("\"type\":\"error\"");
            return answers >= 4;
        }(),
        TimeoutMs);
    QStringList answers;
    for (qsizetype i = before; i < raw.texts().size(); ++i) {
        const QByteArray &t = raw.texts().at(i);
        if (t.contains("\"type\":\"ok\"") || t.contains("\"type\":\"error\""))
            answers << QString::fromUtf8(t);
    }
    QVERIFY2(answers.at(0).contains(QLatin1String("error")) &&
                 answers.at(0).contains(QLatin1String("explode")),
             qPrintable(answers.at(0)));
    QVERIFY2(answers.at(1).contains(QLatin1String("\"rules\":1")), qPrintable(answers.at(1)));
    QVERIFY2(answers.at(2).contains(QLatin1String("frobnicate")), qPrintable(answers.at(2)));
    // Nobody could release what a hold rule set from a monitor holds: refused, drop-b stays.
    QVERIFY2(answers.at(3).contains(QLatin1String("error")) &&
                 answers.at(3).contains(QLatin1String("stop-b")),
             qPrintable(answers.at(3)));
    // Every monitor is told the rules in force.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QVariantList &args : std::as_const(readerRules)) {
                const auto rules = args.constFirst().value<TrafficRuleList>();
                if (rules.size() == 1 && rules.constFirst().name == QLatin1String("drop-b"))
                    return true;
            }
            return false;
        }(),
        TimeoutMs);
    // The rule is in force: b gets nothing now.
    std::unique_ptr<QWebSocket> c = openClient(QStringLiteral("/r"), QStringLiteral("c"));
    QVERIFY(c);
    QSignalSpy bGot(b.get(), &QWebSocket::textMessageReceived);
    QSignalSpy cGot(c.get(), &QWebSocket::textMessageReceived);
    c->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                              {QStringLiteral("dest"), QStringLiteral("b")},
                              {QStringLiteral("message"), 1}}));
    c->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                              {QStringLiteral("dest"), QStringLiteral("c")},
                              {QStringLiteral("message"), 2}}));
    QVERIFY(cGot.wait(TimeoutMs));
    QTest::qWait(200);
    QCOMPARE(bGot.size(), 0);
}

void TestMonitorAttach::reconnectsAfterRestart() {
    startBroker();
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_port;
    std::unique_ptr<RemoteBroker> remote = attach(ReadToken);
    QVERIFY(remote);
    Inspector inspector;
    inspector.attach(remote.get());
    QSignalSpy lost(remote.get(), &RemoteBroker::connectionLost);
    QSignalSpy connected(remote.get(), &RemoteBroker::connected);
    QSignalSpy events(remote.get(), &RemoteBroker::eventsReady);
    QSignalSpy snapshots(remote.get(), &RemoteBroker::snapshotReady);
    QVERIFY(snapshots.wait(TimeoutMs));
    const quint64 firstSession = snapshots.constLast().constFirst().value<BrokerSnapshot>().session;

    QCOMPARE(terminate(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(remote->state(), RemoteBroker::State::Reconnecting, TimeoutMs);
    // Down for a while: the monitor keeps trying.
    QTest::qWait(600);
    QCOMPARE(remote->state(), RemoteBroker::State::Reconnecting);

    startBroker({}, port);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(remote->state(), RemoteBroker::State::Connected, TimeoutMs);
    QCOMPARE(connected.size(), 1);
    events.clear();
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/after"), QStringLiteral("a"));
    QVERIFY(a);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QVariantList &args : std::as_const(events)) {
                for (const BrokerEvent &e : args.constFirst().value<BrokerEventList>()) {
                    if (e.kind == BrokerEvent::Kind::ClientRegistered && e.clientId == "a")
                        return e.session != firstSession && e.session != 0;
                }
            }
            return false;
        }(),
        TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(inspector.connections()->rowCount() > 0, TimeoutMs);
}

// The network path goes and comes back while the broker runs on: the monitor reconnects to the
// same run, and what its backlog repeats is not delivered twice.
void TestMonitorAttach::reconnectToTheSameRunSkipsWhatItHas() {
    startBroker();
    if (QTest::currentTestFailed())
        return;
    TcpProxy proxy(QHostAddress::LocalHost, m_port);
    const quint16 proxyPort = proxy.listen();
    QVERIFY(proxyPort != 0);
    RemoteBroker remote;
    remote.setReconnectDelays(100, 200);
    QSignalSpy connected(&remote, &RemoteBroker::connected);
    BrokerEventList seen;
    connect(&remote, &RemoteBroker::eventsReady, this,
            [&seen](const BrokerEventList &events) { seen += events; });
    remote.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(proxyPort)), ReadToken);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, TimeoutMs);

    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/p"), QStringLiteral("a"));
    QVERIFY(a);
    const auto sendTo = [&](int from, int to) {
        for (int i = from; i < to; ++i)
            a->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                      {QStringLiteral("dest"), QStringLiteral("a")},
                                      {QStringLiteral("message"), i}}));
    };
    const auto countIn = [&](int i) {
        const QByteArray text = "\"message\":" + QByteArray::number(i) + '}';
        return std::count_if(seen.begin(), seen.end(), [&](const BrokerEvent &e) {
            return e.kind == BrokerEvent::Kind::FrameIn && e.data.endsWith(text);
        });
    };
    sendTo(0, 10);
    QTRY_COMPARE_WITH_TIMEOUT(countIn(9), 1, TimeoutMs);

    proxy.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, TimeoutMs);
    sendTo(10, 15);
    QTRY_COMPARE_WITH_TIMEOUT(countIn(14), 1, TimeoutMs);
    QTest::qWait(200);
    for (int i = 0; i < 15; ++i)
        QVERIFY2(countIn(i) == 1,
                 qPrintable(QStringLiteral("message %1 seen %2 times").arg(i).arg(countIn(i))));
    QCOMPARE(std::count_if(seen.begin(), seen.end(),
                           [](const BrokerEvent &e) {
                               return e.kind == BrokerEvent::Kind::ConnectionOpened;
                           }),
             1);
}

void TestMonitorAttach::stalledMonitorGetsDroppedMarker() {
    startBroker({QStringLiteral("--max-message-size"), QString::number(1 << 20)});
    if (QTest::currentTestFailed())
        return;
    RawWebSocket stalled;
    QCOMPARE(stalled.open(url(QStringLiteral("/.wsmsgbroker/monitor")),
                          {{"Authorization", "Bearer read-secret"}}),
             101);
    QVERIFY(stalled.waitForTexts(2, TimeoutMs));
    stalled.pauseReading();

    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("/big"), QStringLiteral("a"));
    QVERIFY(a);
    QSignalSpy aGot(a.get(), &QWebSocket::textMessageReceived);
    const QString payload(200 * 1024, QLatin1Char('x'));
    constexpr int Frames = 200; // about 80 MiB of events for the stalled monitor
    for (int i = 0; i < Frames; ++i)
        a->sendTextMessage(frame({{QStringLiteral("action"), QStringLiteral("send")},
                                  {QStringLiteral("dest"), QStringLiteral("a")},
                                  {QStringLiteral("message"), payload}}));
    // Routing was not slowed down to the stalled monitor's pace.
    QTRY_COMPARE_WITH_TIMEOUT(aGot.size(), Frames, TimeoutMs);

    stalled.resumeReading();
    const auto typeOf = [](const QByteArray &text) {
        return QJsonDocument::fromJson(text).object().value(QStringLiteral("type")).toString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QByteArray &t : stalled.texts()) {
                if (typeOf(t) == QLatin1String("dropped"))
                    return true;
            }
            return false;
        }(),
        TimeoutMs);
    // Nothing lost without a word: every batch starts where the last one ended plus what the
    // markers in between say was dropped.
    quint64 expected = 0;
    quint64 dropped = 0;
    quint64 delivered = 0;
    for (const QByteArray &t : stalled.texts()) {
        const QJsonObject message = QJsonDocument::fromJson(t).object();
        if (typeOf(t) == QLatin1String("dropped")) {
            const auto count = quint64(message.value(QStringLiteral("count")).toDouble());
            QVERIFY(count > 0);
            dropped += count;
            expected += count;
        } else if (typeOf(t) == QLatin1String("events")) {
            quint64 first = 0;
            const BrokerEventList events = MonitorProtocol::eventsFrom(message, &first);
            if (expected != 0)
                QCOMPARE(first, expected);
            expected = first + quint64(events.size());
            delivered += quint64(events.size());
        }
    }
    QVERIFY(dropped > 0);
    QVERIFY(delivered > 0);
    QVERIFY(stalled.isConnected());
}

// A server that takes the connection and never answers (a hung broker, a dead network path):
// the monitor does not wait forever, it drops the connection and tries again.
void TestMonitorAttach::silentServerIsLeft() {
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection())
            accepted.append(socket);
    });
    RemoteBroker remote;
    remote.setReconnectDelays(50, 100);
    remote.setSilenceLimit(300);
    remote.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())),
                QStringLiteral("t"));
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, TimeoutMs);
    QCOMPARE(remote.state(), RemoteBroker::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 2, TimeoutMs);
    QVERIFY(remote.state() != RemoteBroker::State::Connected);
    remote.close();
    QCOMPARE(remote.state(), RemoteBroker::State::Idle);
}

// Without a display the binary runs headless; --attach, which needs the window, must not
// quietly start a broker instead.
void TestMonitorAttach::attachWithoutDisplayIsAnError() {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(WSMSGBROKER_BINARY),
                  {QStringLiteral("--attach"), QStringLiteral("ws://127.0.0.1:1")});
    QVERIFY(process.waitForFinished(TimeoutMs));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("--attach")) && err.contains(QLatin1String("display")),
             qPrintable(err));
}

QTEST_MAIN(TestMonitorAttach)
#include "tst_monitorattach.moc"

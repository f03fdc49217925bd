#include "actioncountmodel.h"
#include "broker.h"
#include "brokersettings.h"
#include "connectiontreemodel.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "ratehistory.h"
#include "recentlyclosedmodel.h"

#include "recordingclient.h"
#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

namespace {

int findRow(const FrameLogModel *log, const std::function<bool(const BrokerEvent &)> &match) {
    for (int r = 0; r < log->rowCount(); ++r) {
        if (match(log->eventAt(r)))
            return r;
    }
    return -1;
}

bool isAskSend(const BrokerEvent &e) {
    return e.kind == BrokerEvent::Kind::FrameIn && e.action == FrameAction::Send && e.ack == "k1";
}

} // namespace

// The Inspector without any widget: a real broker in this thread and real clients feed it, as
// the window's broker thread does.
class TestInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void modelsFollowTheBroker();
    void exportThenOpenRoundTrips();
    void openReportsWhatFailed();

private:
    std::unique_ptr<RecordingClient> connectClient(const QString &room, const QByteArray &id);
    // alice asks bob and gets an answer, sensor sends to nobody in another room.
    void talk();

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<Inspector> m_inspector;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    std::vector<std::unique_ptr<RecordingClient>> m_clients;
    QTemporaryDir m_dir;
};

void TestInspector::init() {
    QVERIFY(m_dir.isValid());
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    m_inspector = std::make_unique<Inspector>();
    m_inspector->attach(m_broker.get());
    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_inspector->log()),
          static_cast<QAbstractItemModel *>(m_inspector->logProxy()),
          static_cast<QAbstractItemModel *>(m_inspector->connections()),
          static_cast<QAbstractItemModel *>(m_inspector->recentlyClosed()),
          static_cast<QAbstractItemModel *>(m_inspector->actionCounts())})
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
}

void TestInspector::cleanup() {
    m_clients.clear();
    m_testers.clear();
    m_inspector.reset();
    m_broker.reset();
}

std::unique_ptr<RecordingClient> TestInspector::connectClient(const QString &room,
                                                              const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = m_broker->url();
    url.setPath(room);
    client->socket.open(url);
    [&] { QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState); }();
    client->send(R"({"action":"register","id":")" + id + R"("})");
    [&] { QTRY_VERIFY(client->hasAction(QStringLiteral("registered"))); }();
    return client;
}

void TestInspector::talk() {
    auto alice = connectClient(QStringLiteral("/chat"), "alice");
    auto bob = connectClient(QStringLiteral("/chat"), "bob");
    auto sensor = connectClient(QStringLiteral("/iot"), "sensor");
    alice->send(R"({"action":"send","dest":"bob","message":{"hello":"bob"},"ack":"k1"})");
    QTRY_VERIFY(bob->hasAction(QStringLiteral("message")));
    bob->send(R"({"action":"answer","ack":"k1","message":"hi alice"})");
    QTRY_VERIFY(alice->hasAction(QStringLiteral("answer")));
    sensor->send(R"({"action":"send","dest":["nobody"],"message":42})");
    m_clients.push_back(std::move(alice));
    m_clients.push_back(std::move(bob));
    m_clients.push_back(std::move(sensor));
    const FrameLogModel *log = m_inspector->log();
    QTRY_VERIFY(findRow(log, [](const BrokerEvent &e) {
                    return e.kind == BrokerEvent::Kind::FrameIn && e.clientId == "sensor" &&
                           e.action == FrameAction::Send;
                }) >= 0);
    QTRY_VERIFY(findRow(log, [](const BrokerEvent &e) {
                    return e.kind == BrokerEvent::Kind::FrameOut && e.action == FrameAction::Answer;
                }) >= 0);
}

void TestInspector::modelsFollowTheBroker() {
    // Rates are changes between snapshots: the traffic comes after the first one.
    QSignalSpy snapshots(m_inspector.get(), &Inspector::snapshotApplied);
    m_broker->setSnapshotInterval(50);
    QTRY_VERIFY(snapshots.size() > 0);
    talk();
    if (QTest::currentTestFailed())
        return;

    // The tree and the statistics come from snapshots.
    ConnectionTreeModel *tree = m_inspector->connections();
    QTRY_COMPARE(tree->connectionCount(), 3);
    QCOMPARE(tree->rowCount(tree->indexOfRoom(QStringLiteral("/chat"))), 2);
    QVERIFY(tree->indexOfRoom(QStringLiteral("/iot")).isValid());
    const auto sawTraffic = [this] {
        const QList<RateHistory::Sample> &samples = m_inspector->rates()->samples();
        return std::any_of(samples.cbegin(), samples.cend(),
                           [](const RateHistory::Sample &s) { return s.inPerSecond > 0; });
    };
    QTRY_VERIFY(sawTraffic());

    // The log and the action counts come from the event batches.
    const FrameLogModel *log = m_inspector->log();
    const int sendRow = findRow(log, isAskSend);
    QVERIFY(sendRow >= 0);
    QCOMPARE(log->askState(sendRow), FrameLogModel::AskState::Answered);
    const AckPairing::Group group = m_inspector->askGroup(sendRow);
    QVERIFY(group.isValid());
    QCOMPARE(group.messages.size(), 1);
    QVERIFY(group.isAnswered());
    QCOMPARE(m_inspector->actionCounts()->count(QStringLiteral("send"), true), 2u);
    QCOMPARE(m_inspector->actionCounts()->count(QStringLiteral("register"), true), 3u);
    QCOMPARE(m_inspector->actionCounts()->count(QStringLiteral("answer"), false), 1u);
    QCOMPARE(m_inspector->logProxy()->rowCount(), log->rowCount());

    // A client leaving shows in the recently closed list and leaves the tree.
    m_clients.back()->socket.close();
    QTRY_VERIFY(m_inspector->recentlyClosed()->rowCount() >= 1);
    QCOMPARE(m_inspector->recentlyClosed()->connectionAt(0).clientId, QByteArray("sensor"));
    QTRY_VERIFY(!tree->indexOfRoom(QStringLiteral("/iot")).isValid());

    m_inspector->clear();
    QCOMPARE(log->rowCount(), 0);
    QCOMPARE(m_inspector->actionCounts()->rowCount(), 0);
}

void TestInspector::exportThenOpenRoundTrips() {
    talk();
    if (QTest::currentTestFailed())
        return;
    FrameLogModel *log = m_inspector->log();
    // Only what the filter shows is exported.
    m_inspector->logProxy()->setRoomFilter(QStringLiteral("/chat"));
    const int exported = m_inspector->logProxy()->rowCount();
    QVERIFY(exported > 0 && exported < log->rowCount());
    BrokerEventList shown;
    for (int r = 0; r < exported; ++r)
        shown.append(log->eventAt(
            m_inspector->logProxy()->mapToSource(m_inspector->logProxy()->index(r, 0)).row()));
    QString error;
    const QString jsonl = m_dir.filePath(QStringLiteral("log.jsonl"));
    const QString har = m_dir.filePath(QStringLiteral("log.har"));
    QVERIFY2(m_inspector->exportLog(jsonl, m_broker->url(), &error), qPrintable(error));
    QVERIFY2(m_inspector->exportLog(har, m_broker->url(), &error), qPrintable(error));
    m_inspector->logProxy()->setRoomFilter(QString());

    // A paused log is resumed by opening: the file's frames are shown at once.
    log->setPaused(true);
    QVERIFY2(m_inspector->openLog(jsonl, &error), qPrintable(error));
    QVERIFY(!log->isPaused());
    QCOMPARE(log->rowCount(), exported);
    for (int r = 0; r < exported; ++r) {
        QCOMPARE(log->eventAt(r).data, shown.at(r).data);
        QCOMPARE(log->eventAt(r).kind, shown.at(r).kind);
        QCOMPARE(log->eventAt(r).clientId, shown.at(r).clientId);
        QCOMPARE(log->eventAt(r).room, shown.at(r).room);
        QCOMPARE(log->eventAt(r).timeMs, shown.at(r).timeMs);
    }
    // The reopened ask is paired and answered again, and the counts are the file's.
    const int sendRow = findRow(log, isAskSend);
    QVERIFY(sendRow >= 0);
    QCOMPARE(log->askState(sendRow), FrameLogModel::AskState::Answered);
    QVERIFY(m_inspector->askGroup(sendRow).isAnswered());
    QCOMPARE(m_inspector->actionCounts()->count(QStringLiteral("send"), true), 1u);

    QVERIFY2(m_inspector->openLog(har, &error), qPrintable(error));
    int frames = 0;
    for (const BrokerEvent &e : shown)
        frames +=
            (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut) ? 1 : 0;
    QCOMPARE(log->rowCount(), frames);
    QVERIFY(findRow(log, isAskSend) >= 0);
}

void TestInspector::openReportsWhatFailed() {
    m_inspector->addEvents({});
    QString error;
    const QString missing = m_dir.filePath(QStringLiteral("missing.jsonl"));
    QVERIFY(!m_inspector->openLog(missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QFile bad(m_dir.filePath(QStringLiteral("bad.jsonl")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not json\n");
    bad.close();
    error.clear();
    QVERIFY(!m_inspector->openLog(bad.fileName(), &error));
    QVERIFY2(error.startsWith(bad.fileName() + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(
        !m_inspector->exportLog(m_dir.filePath(QStringLiteral("no/such/dir.jsonl")), {}, &error));
    QVERIFY2(error.contains(QStringLiteral("no/such/dir.jsonl")), qPrintable(error));
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"

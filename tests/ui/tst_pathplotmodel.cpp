// Plots of pinned JSON paths (issue 15, "Watch a value") without any widget: a real broker in
// this thread and real clients feed an Inspector, whose PathPlotModel keeps the numbers clients
// sent at the pinned paths, per client or per room, bounded, back-filled when pinned.

#include "broker.h"
#include "brokersettings.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "pathplotmodel.h"

#include "recordingclient.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

namespace {

const QString Price = QStringLiteral("message.price");

QList<double> valuesOf(const PathPlotModel::Series &s) {
    QList<double> out;
    for (const PathPlotModel::Point &p : s.points)
        out << p.value;
    return out;
}

const PathPlotModel::Series *seriesNamed(const PathPlotModel *plots, const QString &path,
                                         const QString &label) {
    for (const PathPlotModel::Series &s : plots->series(path)) {
        if (s.label == label)
            return &s;
    }
    return nullptr;
}

int pointCount(const PathPlotModel *plots, const QString &path) {
    int n = 0;
    for (const PathPlotModel::Series &s : plots->series(path))
        n += int(s.points.size());
    return n;
}

} // namespace

class TestPathPlotModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void seriesPerClientWithTheirValuesInOrder();
    void seriesPerRoom();
    void boundedPointsAndSeries();
    void backfilledWhenPinnedThenLive();
    void pausedLogHoldsThePointsBack();
    void unpinAndClear();
    void invalidPaths();

private:
    RecordingClient *connectClient(const QString &room, const QByteArray &id);
    // A client's send of {"price": value} (value as JSON text) to nobody in particular.
    static void sendPrice(RecordingClient *client, const QByteArray &value) {
        client->send(R"({"action":"send","dest":"nobody","message":{"price":)" + value + "}}");
    }
    // Waits until the log has a frame in whose text contains marker.
    void waitForFrame(const QByteArray &marker);

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<Inspector> m_inspector;
    std::vector<std::unique_ptr<RecordingClient>> m_clients;
    PathPlotModel *m_plots = nullptr;
};

void TestPathPlotModel::init() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    m_inspector = std::make_unique<Inspector>();
    m_inspector->attach(m_broker.get());
    m_plots = m_inspector->plots();
    QVERIFY(m_plots);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
}

void TestPathPlotModel::cleanup() {
    m_clients.clear();
    m_inspector.reset();
    m_broker.reset();
}

RecordingClient *TestPathPlotModel::connectClient(const QString &room, const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = m_broker->url();
    url.setPath(room);
    client->socket.open(url);
    if (!QTest::qWaitFor([&] { return client->socket.state() == QAbstractSocket::ConnectedState; }))
        return nullptr;
    if (!id.isEmpty()) {
        client->send(R"({"action":"register","id":")" + id + R"("})");
        if (!QTest::qWaitFor([&] { return client->registered(); }))
            return nullptr;
    }
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

void TestPathPlotModel::waitForFrame(const QByteArray &marker) {
    const FrameLogModel *log = m_inspector->log();
    QTRY_VERIFY([&] {
        for (int r = log->rowCount() - 1; r >= 0; --r) {
            if (log->kindAt(r) == BrokerEvent::Kind::FrameIn &&
                log->eventAt(r).data.contains(marker))
                return true;
        }
        return false;
    }());
}

void TestPathPlotModel::seriesPerClientWithTheirValuesInOrder() {
    QVERIFY(m_plots->pin(Price));
    QCOMPARE(m_plots->paths(), QStringList{Price});
    QSignalSpy added(m_plots, &PathPlotModel::pointsAdded);
    QSignalSpy rows(m_inspector->log(), &QAbstractItemModel::rowsInserted);
    RecordingClient *alice = connectClient(QStringLiteral("/shop"), "alice");
    RecordingClient *bob = connectClient(QStringLiteral("/shop"), "bob");
    RecordingClient *anonymous = connectClient(QStringLiteral("/shop"), QByteArray());
    QVERIFY(alice && bob && anonymous);
    // bob gets what alice sends: the broker's frame out carries message.price too, and is not a
    // value a client sent.
    alice->send(R"({"action":"send","dest":"bob","message":{"price":1}})");
    waitForFrame(R"("price":1})"); // three sockets: which the broker reads first is its choice
    sendPrice(bob, "10");
    waitForFrame(R"("price":10})");
    sendPrice(alice, "2.5");
    sendPrice(anonymous, "-7");
    sendPrice(alice, "3e2");
    // Not numbers, or not at the path: skipped.
    sendPrice(alice, R"("4")");
    sendPrice(alice, "true");
    sendPrice(alice, "null");
    sendPrice(alice, R"({"amount":5})");
    alice->send(R"({"action":"send","dest":"nobody","message":{"cost":6}})");
    alice->send(R"({"action":"send","dest":"nobody","message":[{"price":6}]})");
    alice->socket.sendBinaryMessage(R"({"action":"send","dest":"x","message":{"price":6}})");
    sendPrice(bob, "20");
    waitForFrame(R"("price":20)");

    const auto &series = m_plots->series(Price);
    QCOMPARE(int(series.size()), 3);
    // In the order they first had a value.
    QCOMPARE(series.at(0).label, QStringLiteral("alice"));
    QCOMPARE(series.at(1).label, QStringLiteral("bob"));
    QCOMPARE(series.at(2).label.left(1), QStringLiteral("#")); // an unregistered connection
    QCOMPARE(valuesOf(series.at(0)), (QList<double>{1, 2.5, 300}));
    QCOMPARE(valuesOf(series.at(1)), (QList<double>{10, 20}));
    QCOMPARE(valuesOf(series.at(2)), (QList<double>{-7}));
    QCOMPARE(m_plots->ignoredPoints(Price), 0u);

    // Each point names its row: alice's frame in, in time order.
    const FrameLogModel *log = m_inspector->log();
    qint64 lastTime = 0;
    quint64 lastSerial = 0;
    for (const PathPlotModel::Point &p : series.at(0).points) {
        const int row = log->rowOfSerial(p.serial);
        QVERIFY(row >= 0);
        QCOMPARE(log->kindAt(row), BrokerEvent::Kind::FrameIn);
        QCOMPARE(log->clientIdAt(row), QByteArray("alice"));
        QCOMPARE(log->timeMsAt(row), p.timeMs);
        QCOMPARE(p.room, QStringLiteral("/shop"));
        QCOMPARE(p.clientId, QByteArray("alice"));
        QVERIFY(p.timeMs >= lastTime && p.serial > lastSerial);
        lastTime = p.timeMs;
        lastSerial = p.serial;
    }
    // One signal per batch of rows, naming the path; not one per frame.
    QVERIFY(added.size() > 0);
    QVERIFY(added.size() <= rows.size());
    QCOMPARE(added.constLast().at(0).value<QStringList>(), QStringList{Price});

    // A burst: many values, few signals.
    added.clear();
    for (int i = 0; i < 200; ++i)
        sendPrice(bob, QByteArray::number(100 + i));
    waitForFrame(R"("price":299)");
    QCOMPARE(valuesOf(m_plots->series(Price).at(1)).size(), 202);
    QCOMPARE(valuesOf(m_plots->series(Price).at(1)).constLast(), 299.0);
    QVERIFY2(added.size() < 100, qPrintable(QString::number(added.size())));
}

void TestPathPlotModel::seriesPerRoom() {
    QVERIFY(m_plots->pin(Price));
    RecordingClient *alice = connectClient(QStringLiteral("/shop"), "alice");
    RecordingClient *bob = connectClient(QStringLiteral("/shop"), "bob");
    RecordingClient *carol = connectClient(QStringLiteral("/depot"), "carol");
    QVERIFY(alice && bob && carol);
    sendPrice(alice, "1");
    waitForFrame(R"("price":1})");
    sendPrice(carol, "100");
    waitForFrame(R"("price":100)");
    sendPrice(bob, "2");
    waitForFrame(R"("price":2})");
    QCOMPARE(int(m_plots->series(Price).size()), 3);

    // Regrouped from the points it holds: a room's series in the order the frames came.
    QSignalSpy reset(m_plots, &PathPlotModel::seriesReset);
    m_plots->setGrouping(Price, PathPlotModel::Grouping::ByRoom);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_plots->grouping(Price), PathPlotModel::Grouping::ByRoom);
    QCOMPARE(int(m_plots->series(Price).size()), 2);
    const PathPlotModel::Series *shop = seriesNamed(m_plots, Price, QStringLiteral("/shop"));
    const PathPlotModel::Series *depot = seriesNamed(m_plots, Price, QStringLiteral("/depot"));
    QVERIFY(shop && depot);
    QCOMPARE(valuesOf(*shop), (QList<double>{1, 2}));
    QCOMPARE(valuesOf(*depot), (QList<double>{100}));
    QCOMPARE(m_plots->series(Price).at(0).label, QStringLiteral("/shop"));

    // Live, by room.
    sendPrice(bob, "3");
    sendPrice(carol, "300");
    waitForFrame(R"("price":300)");
    waitForFrame(R"("price":3})");
    QCOMPARE(valuesOf(*seriesNamed(m_plots, Price, QStringLiteral("/shop"))),
             (QList<double>{1, 2, 3}));
    QCOMPARE(valuesOf(*seriesNamed(m_plots, Price, QStringLiteral("/depot"))),
             (QList<double>{100, 300}));

    // And back: per client again.
    m_plots->setGrouping(Price, PathPlotModel::Grouping::ByClient);
    QCOMPARE(valuesOf(*seriesNamed(m_plots, Price, QStringLiteral("bob"))), (QList<double>{2, 3}));
    QCOMPARE(valuesOf(*seriesNamed(m_plots, Price, QStringLiteral("alice"))), (QList<double>{1}));
}

void TestPathPlotModel::boundedPointsAndSeries() {
    QVERIFY(m_plots->pin(Price));
    m_plots->setMaxPointsPerSeries(5);
    RecordingClient *alice = connectClient(QStringLiteral("/shop"), "alice");
    QVERIFY(alice);
    for (int i = 1; i <= 8; ++i)
        sendPrice(alice, QByteArray::number(i));
    waitForFrame(R"("price":8})");
    // The oldest left.
    QCOMPARE(valuesOf(m_plots->series(Price).at(0)), (QList<double>{4, 5, 6, 7, 8}));

    // Series past the bound: their values are counted, not plotted.
    std::vector<RecordingClient *> others;
    for (int i = 0; i < PathPlotModel::MaxSeries + 2; ++i) {
        RecordingClient *c =
            connectClient(QStringLiteral("/shop"), "client-" + QByteArray::number(i));
        QVERIFY(c);
        others.push_back(c);
    }
    for (size_t i = 0; i < others.size(); ++i) {
        sendPrice(others[i], QByteArray::number(1000 + i));
        waitForFrame(R"("price":)" + QByteArray::number(1000 + i));
    }
    sendPrice(others.back(), "9999");
    waitForFrame(R"("price":9999)");
    QCOMPARE(int(m_plots->series(Price).size()), PathPlotModel::MaxSeries);
    // alice and the first 15 others have series; the last three clients do not.
    QCOMPARE(m_plots->series(Price).back().label, QStringLiteral("client-14"));
    QCOMPARE(m_plots->ignoredSeries(Price), 3);
    QCOMPARE(m_plots->ignoredPoints(Price), 4u);
    QVERIFY(!seriesNamed(m_plots, Price, QStringLiteral("client-17")));
}

void TestPathPlotModel::backfilledWhenPinnedThenLive() {
    RecordingClient *alice = connectClient(QStringLiteral("/shop"), "alice");
    RecordingClient *bob = connectClient(QStringLiteral("/shop"), "bob");
    QVERIFY(alice && bob);
    alice->send(R"({"action":"send","dest":"nobody","message":{"items":[{"qty":1},{"qty":2}]}})");
    bob->send(R"({"action":"send","dest":"nobody","message":{"items":[{"qty":3},{"qty":4}]}})");
    sendPrice(alice, "5");
    waitForFrame(R"("price":5)");
    const QString qty = QStringLiteral("message.items[1].qty");
    QVERIFY(m_plots->pin(qty));
    QVERIFY(m_plots->pin(Price));
    QCOMPARE(m_plots->paths(), (QStringList{qty, Price}));
    // From the rows already in the log.
    QCOMPARE(valuesOf(*seriesNamed(m_plots, qty, QStringLiteral("alice"))), (QList<double>{2}));
    QCOMPARE(valuesOf(*seriesNamed(m_plots, qty, QStringLiteral("bob"))), (QList<double>{4}));
    QCOMPARE(valuesOf(*seriesNamed(m_plots, Price, QStringLiteral("alice"))), (QList<double>{5}));
    QCOMPARE(int(m_plots->series(Price).size()), 1);
    // Pinning again changes nothing.
    QVERIFY(m_plots->pin(qty));
    QCOMPARE(m_plots->paths().size(), 2);
    QCOMPARE(pointCount(m_plots, qty), 2);

    // Then live, both paths from one frame.
    bob->send(
        R"({"action":"send","dest":"nobody","message":{"price":6,"items":[{"qty":0},{"qty":7}]}})");
    waitForFrame(R"("price":6)");
    QCOMPARE(valuesOf(*seriesNamed(m_plots, qty, QStringLiteral("bob"))), (QList<double>{4, 7}));
    QCOMPARE(valuesOf(*seriesNamed(m_plots, Price, QStringLiteral("bob"))), (QList<double>{6}));
}

void TestPathPlotModel::pausedLogHoldsThePointsBack() {
    QVERIFY(m_plots->pin(Price));
    RecordingClient *alice = connectClient(QStringLiteral("/shop"), "alice");
    QVERIFY(alice);
    FrameLogModel *log = m_inspector->log();
    log->setPaused(true);
    sendPrice(alice, "1");
    sendPrice(alice, "2");
    QTRY_VERIFY(log->pendingCount() >= 2);
    QTest::qWait(100);
    // The points name rows, and these are not in the log yet.
    QCOMPARE(pointCount(m_plots, Price), 0);
    log->setPaused(false);
    QCOMPARE(valuesOf(m_plots->series(Price).at(0)), (QList<double>{1, 2}));
    for (const PathPlotModel::Point &p : m_plots->series(Price).at(0).points)
        QVERIFY(log->eventAt(log->rowOfSerial(p.serial))
                    .data.contains(R"("price":)" + QByteArray::number(p.value)));
}

void TestPathPlotModel::unpinAndClear() {
    QVERIFY(m_plots->pin(Price));
    QVERIFY(m_plots->pin(QStringLiteral("message.qty")));
    RecordingClient *alice = connectClient(QStringLiteral("/shop"), "alice");
    QVERIFY(alice);
    sendPrice(alice, "1");
    waitForFrame(R"("price":1)");
    QCOMPARE(pointCount(m_plots, Price), 1);

    // The log's Clear empties the series; the paths stay pinned and fill again.
    QSignalSpy reset(m_plots, &PathPlotModel::seriesReset);
    m_inspector->clear();
    QCOMPARE(reset.size(), 2);
    QCOMPARE(pointCount(m_plots, Price), 0);
    QVERIFY(m_plots->isPinned(Price));
    sendPrice(alice, "2");
    waitForFrame(R"("price":2)");
    QCOMPARE(valuesOf(m_plots->series(Price).at(0)), (QList<double>{2}));

    QSignalSpy changed(m_plots, &PathPlotModel::pinnedPathsChanged);
    m_plots->unpin(Price);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_plots->paths(), QStringList{QStringLiteral("message.qty")});
    QVERIFY(m_plots->series(Price).empty());
    QSignalSpy added(m_plots, &PathPlotModel::pointsAdded);
    alice->send(R"({"action":"send","dest":"nobody","message":{"price":3,"qty":4}})");
    waitForFrame(R"("qty":4)");
    QTRY_COMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).value<QStringList>(), QStringList{QStringLiteral("message.qty")});
    QVERIFY(m_plots->series(Price).empty());
    m_plots->unpin(QStringLiteral("message.qty"));
    m_plots->unpin(QStringLiteral("message.qty")); // not pinned: nothing happens
    QCOMPARE(changed.size(), 2);
    QVERIFY(m_plots->paths().isEmpty());
}

void TestPathPlotModel::invalidPaths() {
    QString error;
    QVERIFY(!m_plots->pin(QStringLiteral("message..price"), &error));
    QVERIFY2(error.contains(QStringLiteral("column 9")), qPrintable(error));
    QVERIFY(!m_plots->pin(QString(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(m_plots->paths().isEmpty());
}

QTEST_MAIN(TestPathPlotModel)
#include "tst_pathplotmodel.moc"

// Last values (issue 15): the Inspector's LastValuesModel fed by a real broker (same thread) and
// real clients, under QAbstractItemModelTester: counts, last message and time per room, client
// and action, the log serial of each row's frame, batches, clear().
#include "broker.h"
#include "brokersettings.h"
#include "displaytext.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "lastvaluesmodel.h"

#include "recordingclient.h"
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

using Model = LastValuesModel;

class TestLastValuesModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void valuesPerRoomClientAndAction();
    void oneSignalPerParentAndBatch();
    void longMessagesAreElided();
    void clientTextIsShownVisibly();
    void clearEmptiesIt();

private:
    RecordingClient *connectClient(const QString &room, const QByteArray &id);
    // The cell of a row (room, client, action) in a column, or the row's index.
    QModelIndex at(const QString &room, const QString &client = QString(),
                   const QString &action = QString(), int column = Model::NameColumn) const;
    quint64 count(const QString &room, const QString &client = QString(),
                  const QString &action = QString()) const {
        return at(room, client, action).data(Model::CountRole).toULongLong();
    }
    QString lastMessage(const QString &room, const QString &client, const QString &action) const {
        return at(room, client, action, Model::LastMessageColumn).data().toString();
    }

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<Inspector> m_inspector;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::vector<std::unique_ptr<RecordingClient>> m_clients;
};

void TestLastValuesModel::init() {
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    m_broker = std::make_unique<Broker>(settings);
    m_inspector = std::make_unique<Inspector>();
    m_inspector->attach(m_broker.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_inspector->lastValues(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
}

void TestLastValuesModel::cleanup() {
    m_clients.clear();
    m_tester.reset();
    m_inspector.reset();
    m_broker.reset();
}

RecordingClient *TestLastValuesModel::connectClient(const QString &room, const QByteArray &id) {
    auto client = std::make_unique<RecordingClient>();
    QUrl url = m_broker->url();
    url.setPath(room);
    client->socket.open(url);
    [&] { QTRY_COMPARE(client->socket.state(), QAbstractSocket::ConnectedState); }();
    client->send(R"({"action":"register","id":")" + id + R"("})");
    [&] { QTRY_VERIFY(client->registered()); }();
    m_clients.push_back(std::move(client));
    return m_clients.back().get();
}

QModelIndex TestLastValuesModel::at(const QString &room, const QString &client,
                                    const QString &action, int column) const {
    const QModelIndex row = m_inspector->lastValues()->indexOf(room, client, action);
    return row.isValid() ? row.siblingAtColumn(column) : row;
}

void TestLastValuesModel::valuesPerRoomClientAndAction() {
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    RecordingClient *alice = connectClient(QStringLiteral("/chat"), "alice");
    RecordingClient *bob = connectClient(QStringLiteral("/chat"), "bob");
    RecordingClient *sensor = connectClient(QStringLiteral("/iot"), "sensor");
    for (int price : {101, 102, 103})
        alice->send(R"({"action":"send","dest":"bob","message":{"price":)" +
                    QByteArray::number(price) + R"(,"type":"order"},"ack":"k)" +
                    QByteArray::number(price) + "\"}");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
                 3u);
    bob->send(R"({"action":"answer","ack":"k103","message":"ok"})");
    sensor->send(R"({"action":"send","dest":["nobody"],"message":20.5})");
    sensor->send(R"({"action":"send","dest":["nobody"],"message":21})");
    // Not JSON: counted under the action the log gives it.
    sensor->send("hello?");
    QTRY_COMPARE(count(QStringLiteral("/iot")), 4u);
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("bob"), QStringLiteral("answer")),
                 1u);

    LastValuesModel *model = m_inspector->lastValues();
    // Two rooms, in the order they first sent; clients and their actions likewise.
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, Model::NameColumn).data().toString(), QStringLiteral("/chat"));
    QCOMPARE(model->index(1, Model::NameColumn).data().toString(), QStringLiteral("/iot"));
    const QModelIndex chat = at(QStringLiteral("/chat"));
    QCOMPARE(model->rowCount(chat), 2);
    QCOMPARE(chat.data(Model::LevelRole).toInt(), int(Model::Level::Room));
    const QModelIndex aliceRow = at(QStringLiteral("/chat"), QStringLiteral("alice"));
    QCOMPARE(aliceRow.data(Model::LevelRole).toInt(), int(Model::Level::Client));
    // The register that gave alice her id counts for alice, before her sends.
    QCOMPARE(model->rowCount(aliceRow), 2);
    QCOMPARE(model->index(0, 0, aliceRow).data().toString(), QStringLiteral("register"));
    QCOMPARE(model->index(1, 0, aliceRow).data().toString(), QStringLiteral("send"));
    QCOMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("register")),
             1u);
    QCOMPARE(lastMessage(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
             QStringLiteral(R"({"price":103,"type":"order"})"));
    QCOMPARE(
        lastMessage(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("register")),
        QStringLiteral(R"({"action":"register","id":"alice"})"));
    QCOMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice")), 4u);
    QCOMPARE(count(QStringLiteral("/chat")), 6u); // alice 4, bob register and answer
    QCOMPARE(lastMessage(QStringLiteral("/chat"), QStringLiteral("bob"), QStringLiteral("answer")),
             QStringLiteral(R"("ok")"));
    // Rooms and clients have no message of their own.
    QVERIFY(
        at(QStringLiteral("/chat"), {}, {}, Model::LastMessageColumn).data().toString().isEmpty());
    // What the broker sent (registered, message, answer to alice) is not what clients sent.
    QVERIFY(
        !at(QStringLiteral("/chat"), QStringLiteral("bob"), QStringLiteral("message")).isValid());
    QVERIFY(
        !at(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("answer")).isValid());

    // The second room.
    QCOMPARE(count(QStringLiteral("/iot"), QStringLiteral("sensor"), QStringLiteral("send")), 2u);
    QCOMPARE(lastMessage(QStringLiteral("/iot"), QStringLiteral("sensor"), QStringLiteral("send")),
             QStringLiteral("21"));
    const QString invalid = DisplayText::actionName(BrokerEvent{});
    QCOMPARE(count(QStringLiteral("/iot"), QStringLiteral("sensor"), invalid), 1u);
    QCOMPARE(lastMessage(QStringLiteral("/iot"), QStringLiteral("sensor"), invalid),
             QStringLiteral("hello?"));

    // Times as the log shows them; a row's serial names its frame in the log.
    const FrameLogModel *log = m_inspector->log();
    const QModelIndex send =
        at(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send"));
    const qint64 timeMs = send.data(Model::TimeMsRole).toLongLong();
    QVERIFY(timeMs >= startMs && timeMs <= QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(send.siblingAtColumn(Model::TimeColumn).data().toString(), DisplayText::time(timeMs));
    const QVariant serial = send.data(Model::SerialRole);
    QVERIFY(serial.isValid());
    const int logRow = log->rowOfSerial(serial.toULongLong());
    QVERIFY(logRow >= 0);
    const BrokerEvent frame = log->eventAt(logRow);
    QCOMPARE(frame.kind, BrokerEvent::Kind::FrameIn);
    QCOMPARE(frame.clientId, QByteArray("alice"));
    QVERIFY(frame.data.contains("\"price\":103"));
    QCOMPARE(frame.timeMs, timeMs);
    QCOMPARE(log->index(logRow, FrameLogModel::TimeColumn).data().toString(),
             send.siblingAtColumn(Model::TimeColumn).data().toString());
    // A client's row carries its newest frame: bob's answer.
    const int bobRow = log->rowOfSerial(
        at(QStringLiteral("/chat"), QStringLiteral("bob")).data(Model::SerialRole).toULongLong());
    QVERIFY(bobRow >= 0);
    QCOMPARE(log->eventAt(bobRow).action, FrameAction::Answer);
}

void TestLastValuesModel::oneSignalPerParentAndBatch() {
    RecordingClient *alice = connectClient(QStringLiteral("/chat"), "alice");
    connectClient(QStringLiteral("/chat"), "bob");
    QTRY_COMPARE(count(QStringLiteral("/chat")), 2u); // both registers
    LastValuesModel *model = m_inspector->lastValues();
    QSignalSpy batches(m_broker.get(), &Broker::eventsReady);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 200; ++i)
        alice->send(R"({"action":"send","dest":"bob","message":{"seq":)" + QByteArray::number(i) +
                    "}}");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
                 200u);
    QCOMPARE(lastMessage(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
             QStringLiteral(R"({"seq":199})"));
    // Per batch at most: the room's, the client's and the action's row changed (3), the send
    // row came once (1). Per frame it would be 200 times that.
    QVERIFY(batches.size() >= 1);
    QVERIFY2(changed.size() <= 3 * batches.size(),
             qPrintable(QStringLiteral("%1 dataChanged for %2 batches")
                            .arg(changed.size())
                            .arg(batches.size())));
    QCOMPARE(inserted.size(), 1);
    QVERIFY(batches.size() < 100); // the broker batches (every 50 ms)
}

void TestLastValuesModel::longMessagesAreElided() {
    RecordingClient *alice = connectClient(QStringLiteral("/chat"), "alice");
    const QByteArray text(5000, 'x');
    alice->send(R"({"action":"send","dest":"nobody","message":{"text":")" + text + R"(","n":1}})");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
                 1u);
    const QModelIndex cell = at(QStringLiteral("/chat"), QStringLiteral("alice"),
                                QStringLiteral("send"), Model::LastMessageColumn);
    const QString shown = cell.data().toString();
    QCOMPARE(int(shown.size()), Model::LastMessageLength);
    QVERIFY(shown.startsWith(QLatin1String(R"({"text":"xxx)")));
    QVERIFY(shown.endsWith(QChar(0x2026)));
    // The tooltip lays the message out, up to its own bound.
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY(tip.startsWith(QLatin1String("{\n  \"text\": \"xxx")));
    QCOMPARE(int(tip.size()), Model::ToolTipLength);
    // A short one whole, laid out.
    alice->send(R"({"action":"send","dest":"nobody","message":{"a":[1,2]}})");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
                 2u);
    QCOMPARE(cell.data().toString(), QStringLiteral(R"({"a":[1,2]})"));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
             QStringLiteral("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
}

void TestLastValuesModel::clientTextIsShownVisibly() {
    // A bidi override in the id and the message: shown as a mark, not applied.
    const QByteArray rlo = "\xE2\x80\xAE"; // U+202E RIGHT-TO-LEFT OVERRIDE
    const QByteArray id = "evil" + rlo + "di";
    RecordingClient *evil = connectClient(QStringLiteral("/chat"), id);
    const QByteArray message = R"("ab\u202Ecd )" + rlo + R"(!")";
    evil->send(R"({"action":"send","dest":"nobody","message":)" + message + "}");
    const QString name = DisplayText::clientName(id, 0);
    QVERIFY(name != QString::fromUtf8(id));
    QTRY_COMPARE(count(QStringLiteral("/chat"), name, QStringLiteral("send")), 1u);
    const QModelIndex client = at(QStringLiteral("/chat"), name);
    QCOMPARE(client.data().toString(), DisplayText::clientLabel(id, 0));
    // The escape stays as the client wrote it; the raw character is made visible.
    QCOMPARE(lastMessage(QStringLiteral("/chat"), name, QStringLiteral("send")),
             DisplayText::visible(QString::fromUtf8(message)));
    QVERIFY(!lastMessage(QStringLiteral("/chat"), name, QStringLiteral("send"))
                 .contains(QChar(0x202E)));
}

void TestLastValuesModel::clearEmptiesIt() {
    RecordingClient *alice = connectClient(QStringLiteral("/chat"), "alice");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice")), 1u);
    QSignalSpy reset(m_inspector->lastValues(), &QAbstractItemModel::modelReset);
    m_inspector->clear(); // the log's Clear
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_inspector->lastValues()->rowCount(), 0);
    QVERIFY(!at(QStringLiteral("/chat")).isValid());
    // Counting starts again; the new row's serial is the cleared log's new row.
    alice->send(R"({"action":"send","dest":"nobody","message":1})");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
                 1u);
    QCOMPARE(count(QStringLiteral("/chat")), 1u);
    const int row = m_inspector->log()->rowOfSerial(
        at(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send"))
            .data(Model::SerialRole)
            .toULongLong());
    QVERIFY(row >= 0);
    QCOMPARE(m_inspector->log()->eventAt(row).action, FrameAction::Send);
    // A paused log holds frames back: their rows have no serial until it shows them.
    m_inspector->log()->setPaused(true);
    alice->send(R"({"action":"send","dest":"nobody","message":2})");
    alice->send(R"({"action":"answer","ack":"none","message":3})");
    alice->send(R"({"action":"send","dest":"nobody","message":4})");
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send")),
                 3u);
    QTRY_COMPARE(count(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("answer")),
                 1u);
    const QModelIndex send =
        at(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("send"));
    QVERIFY(!send.data(Model::SerialRole).isValid());
    QSignalSpy changed(m_inspector->lastValues(), &QAbstractItemModel::dataChanged);
    m_inspector->log()->setPaused(false);
    QVERIFY(!changed.isEmpty());
    const FrameLogModel *log = m_inspector->log();
    const auto frameOf = [log](const QModelIndex &index) {
        const QVariant serial = index.data(Model::SerialRole);
        return serial.isValid() ? log->eventAt(log->rowOfSerial(serial.toULongLong()))
                                : BrokerEvent{};
    };
    QVERIFY(frameOf(send).data.contains("\"message\":4"));
    QCOMPARE(frameOf(send).action, FrameAction::Send);
    QVERIFY(frameOf(at(QStringLiteral("/chat"), QStringLiteral("alice"), QStringLiteral("answer")))
                .data.contains("\"message\":3"));
    // The client's and the room's newest frame: the last send.
    QVERIFY(frameOf(send.parent()).data.contains("\"message\":4"));
    QVERIFY(frameOf(send.parent().parent()).data.contains("\"message\":4"));
}

QTEST_MAIN(TestLastValuesModel)
#include "tst_lastvaluesmodel.moc"

#include "broker.h"
#include "brokersettings.h"
#include "framelogmodel.h"
#include "inspector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

// Exports across a broker restart (issue 19, defect 2): connection numbers start again at #1
// in each run, yet each connection keeps its own HAR entry, URL and client id.
namespace {

std::unique_ptr<QWebSocket> registered(const QUrl &brokerUrl, const QString &room,
                                       const QString &id) {
    auto socket = std::make_unique<QWebSocket>();
    QUrl url = brokerUrl;
    url.setPath(room);
    bool confirmed = false;
    QObject::connect(socket.get(), &QWebSocket::textMessageReceived, socket.get(),
                     [&confirmed](const QString &text) {
                         confirmed = confirmed || text.contains(QStringLiteral("registered"));
                     });
    socket->open(url);
    if (!QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; }))
        return nullptr;
    socket->sendTextMessage(QStringLiteral(R"({"action":"register","id":"%1"})").arg(id));
    if (!QTest::qWaitFor([&] { return confirmed; }))
        return nullptr;
    socket->disconnect();
    return socket;
}

int countFrames(const FrameLogModel *log, const QByteArray &text) {
    int n = 0;
    for (int r = 0; r < log->rowCount(); ++r)
        n += log->eventAt(r).data.contains(text) ? 1 : 0;
    return n;
}

} // namespace

class TestHarRestart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportKeepsConnectionsOfEachRunApart();
};

void TestHarRestart::exportKeepsConnectionsOfEachRunApart() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BrokerSettings settings;
    settings.host = QHostAddress(QHostAddress::LocalHost);
    settings.port = 0;
    // The window makes a new broker at each start, so numbers start again at #1.
    auto broker = std::make_unique<Broker>(settings);
    Inspector inspector;
    inspector.attach(broker.get());

    QVERIFY2(broker->start(), qPrintable(broker->errorString()));
    const QUrl firstUrl = broker->url();
    auto alice = registered(firstUrl, QStringLiteral("/chat"), QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendTextMessage(QStringLiteral(R"({"action":"send","dest":"nobody","message":"a1"})"));
    FrameLogModel *log = inspector.log();
    QTRY_VERIFY(countFrames(log, "a1") == 1);
    broker->stop();
    QTRY_COMPARE(alice->state(), QAbstractSocket::UnconnectedState);
    QTest::qWait(50); // the last events of the first run
    broker = std::make_unique<Broker>(settings);
    inspector.attach(broker.get());
    QVERIFY2(broker->start(), qPrintable(broker->errorString()));
    const QUrl secondUrl = broker->url();
    QVERIFY(secondUrl.port() != firstUrl.port());
    auto bob = registered(secondUrl, QStringLiteral("/burst"), QStringLiteral("bob"));
    QVERIFY(bob);
    bob->sendTextMessage(QStringLiteral(R"({"action":"send","dest":"nobody","message":"b1"})"));
    QTRY_VERIFY(countFrames(log, "b1") == 1);
    // Both runs numbered their first connection #1.
    for (int r = 0; r < log->rowCount(); ++r)
        QCOMPARE(log->eventAt(r).connectionId, 1u);

    QString error;
    const QString har = dir.filePath(QStringLiteral("restart.har"));
    QVERIFY2(inspector.exportLog(har, secondUrl, &error), qPrintable(error));
    QFile file(har);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(u"log")
                                   .toObject()
                                   .value(u"entries")
                                   .toArray();
    QCOMPARE(entries.size(), 2);
    QUrl aliceUrl = firstUrl;
    aliceUrl.setPath(QStringLiteral("/chat"));
    QUrl bobUrl = secondUrl;
    bobUrl.setPath(QStringLiteral("/burst"));
    const QList<std::pair<QUrl, QString>> expected{{aliceUrl, QStringLiteral("alice")},
                                                   {bobUrl, QStringLiteral("bob")}};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        QCOMPARE(entry.value(u"request").toObject().value(u"url").toString(),
                 expected.at(i).first.toString());
        QCOMPARE(entry.value(u"_wsmsgbrokerClient").toString(), expected.at(i).second);
        // Each entry holds its own connection's frames only: register, registered, send.
        const QJsonArray messages = entry.value(u"_webSocketMessages").toArray();
        QCOMPARE(messages.size(), 3);
        const QString other = i == 0 ? QStringLiteral("b1") : QStringLiteral("a1");
        for (const QJsonValue &m : messages)
            QVERIFY(!m.toObject().value(u"data").toString().contains(other));
    }

    // Reopened, each frame is under its own client and room.
    const QString jsonl = dir.filePath(QStringLiteral("restart.jsonl"));
    QVERIFY2(inspector.exportLog(jsonl, secondUrl, &error), qPrintable(error));
    for (const QString &name : {har, jsonl}) {
        QVERIFY2(inspector.openLog(name, &error), qPrintable(error));
        QVERIFY(log->rowCount() >= 6); // the six frames, and the JSON Lines events
        QList<quint64> sessions;
        for (int r = 0; r < log->rowCount(); ++r) {
            const BrokerEvent &e = log->eventAt(r);
            const bool aliceFrame = e.data.contains("alice") || e.data.contains("a1");
            const bool bobFrame = e.data.contains("bob") || e.data.contains("b1");
            if (aliceFrame == bobFrame)
                continue; // frames that name neither (errors) or both
            QCOMPARE(e.room, aliceFrame ? QStringLiteral("/chat") : QStringLiteral("/burst"));
            if (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut)
                QCOMPARE(e.clientId, aliceFrame ? QByteArray("alice") : QByteArray("bob"));
            if (name == jsonl && !sessions.contains(e.session))
                sessions.append(e.session);
        }
        // JSON Lines carry the run of each event back.
        if (name == jsonl) {
            QCOMPARE(sessions.size(), 2);
            QVERIFY(!sessions.contains(0u));
        }
    }
}

QTEST_MAIN(TestHarRestart)
#include "tst_harrestart.moc"

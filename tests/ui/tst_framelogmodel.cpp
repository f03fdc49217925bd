#include "brokerevents.h"
#include "framelogmodel.h"
#include "rowpalette.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;

namespace {

// The message numbers of a numbered stream, as the log shows them ("to b: 12").
QList<int> shownNumbers(const FrameLogModel &model) {
    QList<int> numbers;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString summary = model.index(row, FrameLogModel::SummaryColumn).data().toString();
        numbers.append(summary.section(QStringLiteral(": "), 1).toInt());
    }
    return numbers;
}

QList<int> range(int first, int count) {
    QList<int> list;
    for (int n = first; n < first + count; ++n)
        list.append(n);
    return list;
}

// One line per row, every column's text but the time.
QString dump(const FrameLogModel &model) {
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = FrameLogModel::RoomColumn; column < FrameLogModel::ColumnCount; ++column)
            cells.append(model.index(row, column).data().toString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestFrameLogModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchedAppendsWrapTheRing();
    void batchLargerThanCapacityKeepsTail();
    void columnsAndRoles();
    void longMessagesAreCut();
    void trafficControlIsShownWithTheFrame();
    void cutFramesShowTheirStart();
    void problemRowsStandOutOnLightAndDarkPalettes();
    void pauseHoldsEventsAndResumeInsertsThemAtOnce();
    void pauseOverflowCountsAsDropped();
    void clearResetsEverything();
    void capacityChanges();
};

void TestFrameLogModel::batchedAppendsWrapTheRing() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(10);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy dropped(&model, &FrameLogModel::droppedCountChanged);

    const auto check = [&](int insertFirst, int insertLast, int removeLast) {
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), insertFirst);
        QCOMPARE(inserted.at(0).at(2).toInt(), insertLast);
        if (removeLast < 0) {
            QCOMPARE(removed.size(), 0);
        } else {
            QCOMPARE(removed.size(), 1);
            QCOMPARE(removed.at(0).at(1).toInt(), 0);
            QCOMPARE(removed.at(0).at(2).toInt(), removeLast);
        }
        inserted.clear();
        removed.clear();
    };

    model.appendEvents(numberedBatch(0, 3));
    check(0, 2, -1);
    QCOMPARE(shownNumbers(model), range(0, 3));
    QCOMPARE(model.droppedCount(), 0u);
    QCOMPARE(dropped.size(), 0);

    model.appendEvents(numberedBatch(3, 7));
    check(3, 9, -1);
    QCOMPARE(shownNumbers(model), range(0, 10));
    QCOMPARE(model.droppedCount(), 0u);

    // 25 into a full log of 10: 15 of the batch never show, the 10 old rows leave.
    model.appendEvents(numberedBatch(10, 25));
    check(0, 9, 9);
    QCOMPARE(shownNumbers(model), range(25, 10));
    QCOMPARE(model.droppedCount(), 25u);
    QCOMPARE(dropped.last().at(0).toULongLong(), 25u);

    // Small batches now wrap the ring around several times.
    int next = 35;
    for (int batch = 0; batch < 12; ++batch) {
        const int size = 3 + batch % 3; // 3, 4, 5
        model.appendEvents(numberedBatch(next, size));
        next += size;
        check(10 - size, 9, size - 1);
        QCOMPARE(shownNumbers(model), range(next - 10, 10));
        QCOMPARE(model.droppedCount(), quint64(next - 10));
        // Serials number the rows that were shown: the 15 cut from the big batch never were.
        QCOMPARE(model.firstSerial(), quint64(next - 25));
    }
    QCOMPARE(model.serialAt(0), quint64(next - 25));
    QCOMPARE(model.rowOfSerial(quint64(next - 16)), 9);
    QCOMPARE(model.rowOfSerial(quint64(next - 26)), -1);
    QCOMPARE(model.rowOfSerial(quint64(next - 15)), -1);
}

void TestFrameLogModel::batchLargerThanCapacityKeepsTail() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(10);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.appendEvents(numberedBatch(0, 25));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(shownNumbers(model), range(15, 10));
    QCOMPARE(model.droppedCount(), 15u);
    model.appendEvents({});
    QCOMPARE(inserted.size(), 1);
}

void TestFrameLogModel::columnsAndRoles() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString chat = QStringLiteral("/chat");

    BrokerEvent partly = send(1, chat, "alice", {"bob", "zed"}, R"({"text":"hi"})", "k1");
    partly.outcome = BrokerEvent::Outcome::PartlyDelivered;
    partly.detail = QStringLiteral("unknown id zed");
    BrokerEvent closed = system(BrokerEvent::Kind::ConnectionClosed, 2, chat, "bob",
                                QStringLiteral("no pong in 60 s"));
    closed.closeReason = CloseReason::PingTimeout;
    // Never a connection: no id, no room, no client.
    BrokerEvent refused = system(BrokerEvent::Kind::ConnectionClosed, 0, QString(), QByteArray(),
                                 QStringLiteral("answered HTTP 426 Upgrade Required (10.0.0.9:7)"));
    refused.closeReason = CloseReason::HandshakeRefused;
    BrokerEvent binary = frame(BrokerEvent::Kind::FrameIn, 4, QString(), QByteArray(),
                               FrameAction::None, QByteArray("\x01\x02\xff", 3));
    binary.binary = true;
    binary.outcome = BrokerEvent::Outcome::Rejected;
    binary.detail = QStringLiteral("binary frames are not supported");

    model.appendEvents({
        system(BrokerEvent::Kind::ConnectionOpened, 1, chat, QByteArray(),
               QStringLiteral("127.0.0.1:50001")),
        frame(BrokerEvent::Kind::FrameIn, 1, chat, QByteArray(), FrameAction::Register,
              R"({"action":"register","id":"alice"})"),
        system(BrokerEvent::Kind::ClientRegistered, 1, chat, "alice"),
        frame(BrokerEvent::Kind::FrameOut, 1, chat, "alice", FrameAction::Registered,
              FrameCodec::registered(FrameCodec::quote("alice"))),
        partly,
        message(2, chat, "bob", "alice", R"({"text":"hi"})", "k1"),
        answerIn(2, chat, "bob", "k1", R"("fine")"),
        answerOut(1, chat, "alice", "bob", "k1", R"("fine")"),
        answerIn(3, chat, "carol", "k1", "42", BrokerEvent::Outcome::DroppedAnswer),
        error(3, chat, "carol", FrameError::InvalidJson,
              QStringLiteral("unterminated string at offset 9")),
        closed,
        refused,
        binary,
        system(BrokerEvent::Kind::RoomRemoved, 0, chat),
    });

    const QString expected = QStringLiteral(
        "/chat | #1 | system | connected |  | 127.0.0.1:50001\n"
        "/chat | #1 | in | register | 34 | alice\n"
        "/chat | alice | system | id bound |  | registered as alice\n"
        "/chat | alice | out | registered | 36 | alice\n"
        "/chat | alice | in | send | 73 | to bob, zed: {\"text\":\"hi\"} [partly delivered: "
        "unknown id zed]\n"
        "/chat | bob | out | message | 70 | from alice: {\"text\":\"hi\"}\n"
        "/chat | bob | in | answer | 47 | \"fine\"\n"
        "/chat | alice | out | answer | 60 | from bob: \"fine\"\n"
        "/chat | carol | in | answer | 43 | 42 [answer dropped: already answered]\n"
        "/chat | carol | out | error | 83 | invalid-json: unterminated string at offset 9\n"
        "/chat | bob | system | closed |  | ping timeout: no pong in 60 s\n"
        " |  | system | closed |  | handshake refused: answered HTTP 426 Upgrade Required "
        "(10.0.0.9:7)\n"
        "/ | #4 | in | (binary) | 3 | binary: 01 02 ff\n"
        "/chat | #0 | system | room removed |  | room /chat removed");
    QCOMPARE(dump(model), expected);

    const QModelIndex sendTime = model.index(4, FrameLogModel::TimeColumn);
    QCOMPARE(sendTime.data().toString(),
             QDateTime::fromMSecsSinceEpoch(BaseTimeMs).toString(QStringLiteral("hh:mm:ss.zzz")));
    QCOMPARE(model.index(4, FrameLogModel::SizeColumn).data().typeId(), QMetaType::LongLong);
    QCOMPARE(model.index(4, FrameLogModel::SizeColumn)
                 .data(Qt::TextAlignmentRole)
                 .value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);

    // Direction icons for frames when the icon resources are linked in (these tests run
    // without them), never for system rows.
    const QVariant inIcon = model.index(1, FrameLogModel::DirectionColumn).data(Qt::DecorationRole);
    QVERIFY(!inIcon.isValid() || inIcon.typeId() == QMetaType::QIcon);
    QVERIFY(!model.index(0, FrameLogModel::DirectionColumn).data(Qt::DecorationRole).isValid());

    const QModelIndex send = model.index(4, 0);
    QCOMPARE(send.data(FrameLogModel::AckRole).toString(), QStringLiteral("k1"));
    QCOMPARE(send.data(FrameLogModel::ConnectionIdRole).toULongLong(), 1u);
    QCOMPARE(send.data(FrameLogModel::RoomRole).toString(), chat);
    QCOMPARE(send.data(FrameLogModel::ClientIdRole).toString(), QStringLiteral("alice"));
    QCOMPARE(send.data(FrameLogModel::ActionRole).toInt(), int(FrameAction::Send));
    QCOMPARE(send.data(FrameLogModel::KindRole).toInt(), int(BrokerEvent::Kind::FrameIn));
    QCOMPARE(send.data(FrameLogModel::RawTextRole).toString(), QString::fromUtf8(partly.data));
    QCOMPARE(send.data(FrameLogModel::RawDataRole).toByteArray(), partly.data);
    QCOMPARE(send.data(FrameLogModel::TimeMsRole).toLongLong(), BaseTimeMs);
    QCOMPARE(send.data(FrameLogModel::SerialRole).toULongLong(), 4u);
    const BrokerEvent roundTrip = send.data(FrameLogModel::EventRole).value<BrokerEvent>();
    QCOMPARE(roundTrip.data, partly.data);
    QCOMPARE(roundTrip.detail, partly.detail);

    // Problems: partial delivery, dropped answer, error, abnormal close, refused handshake,
    // rejected binary.
    QList<int> problems;
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool problem = model.index(row, 0).data(FrameLogModel::IsProblemRole).toBool();
        QCOMPARE(model.index(row, 0).data(Qt::BackgroundRole).isValid(), problem);
        if (problem)
            problems.append(row);
    }
    QCOMPARE(problems, (QList<int>{4, 8, 9, 10, 11, 12}));
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model.index(1, 0).data(Qt::FontRole).isValid());
    QVERIFY(model.index(4, FrameLogModel::SummaryColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("unknown id zed")));
    QCOMPARE(model.headerData(FrameLogModel::SummaryColumn, Qt::Horizontal).toString(),
             QStringLiteral("Summary"));
}

void TestFrameLogModel::longMessagesAreCut() {
    FrameLogModel model;
    const QByteArray text(500, 'x');
    model.appendEvents({send(1, QString(), "a", {"b"}, '"' + text + '"')});
    const QString summary = model.index(0, FrameLogModel::SummaryColumn).data().toString();
    QCOMPARE(summary.size(), 121);
    QVERIFY(summary.startsWith(QStringLiteral("to b: \"xxx")));
    QVERIFY(summary.endsWith(QChar(0x2026)));
    QVERIFY(!summary.contains(QLatin1Char('\n')));
}

void TestFrameLogModel::trafficControlIsShownWithTheFrame() {
    // Issue 13: what a rule did to a frame is in its summary and its tooltip.
    FrameLogModel model;
    BrokerEvent held = message(2, QStringLiteral("/r"), "b", "a", R"("hi")");
    held.intervention = QStringLiteral("held 1.2 s by rule h; edited");
    BrokerEvent dropped = message(2, QStringLiteral("/r"), "b", "a", R"("bye")");
    dropped.intervention = QStringLiteral("dropped by rule flaky");
    dropped.dropped = true;
    model.appendEvents({held, dropped, message(2, QStringLiteral("/r"), "b", "a", R"("x")")});
    const auto summary = [&](int row, int role = Qt::DisplayRole) {
        return model.index(row, FrameLogModel::SummaryColumn).data(role).toString();
    };
    QCOMPARE(summary(0), QStringLiteral("from a: \"hi\" [held 1.2 s by rule h; edited]"));
    QCOMPARE(summary(1), QStringLiteral("from a: \"bye\" [not delivered: dropped by rule flaky]"));
    QCOMPARE(summary(2), QStringLiteral("from a: \"x\""));
    QVERIFY(summary(0, Qt::ToolTipRole).contains(QStringLiteral("Traffic control: held 1.2 s")));
    QVERIFY(summary(1, Qt::ToolTipRole).contains(QStringLiteral("Not delivered: dropped by rule")));
    QVERIFY(model.isProblemAt(1));
}

void TestFrameLogModel::cutFramesShowTheirStart() {
    FrameLogModel model;
    BrokerEvent e = send(1, QString(), "a", {"b"}, "\"line one\\nline two\"");
    e.size = e.data.size() + 1000; // recorded only in part
    e.data.chop(5);
    BrokerEvent beforeMessage = send(1, QString(), "a", {"b", "c"}, "\"hello\"");
    beforeMessage.size = beforeMessage.data.size() + 1000;
    beforeMessage.data.truncate(beforeMessage.data.indexOf("\"message\"") + 3);
    BrokerEvent inName = e; // cut before the action is whole: nothing to summarize
    inName.data.truncate(5);
    model.appendEvents({e, beforeMessage, inName});
    // The summary whole frames get, the message as far as it was recorded.
    QCOMPARE(model.index(0, FrameLogModel::SummaryColumn).data().toString(),
             QStringLiteral("to b: \"line one\\nline ") + QChar(0x2026));
    QCOMPARE(model.index(1, FrameLogModel::SummaryColumn).data().toString(),
             QStringLiteral("to b, c: "));
    QCOMPARE(model.index(2, FrameLogModel::SummaryColumn).data().toString(),
             QString::fromUtf8(inName.data).trimmed());
    QVERIFY(model.index(0, FrameLogModel::SizeColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("recorded")));
}

void TestFrameLogModel::problemRowsStandOutOnLightAndDarkPalettes() {
    FrameLogModel model;
    model.appendEvents({error(1, QString(), "a", FrameError::InvalidJson, QStringLiteral("bad"))});
    const QPalette original = QGuiApplication::palette();

    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    QGuiApplication::setPalette(light);
    const QColor onLight = model.index(0, 0).data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(onLight.lightness() > 150);
    QVERIFY(onLight.red() > onLight.green());

    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    QGuiApplication::setPalette(dark);
    const QColor onDark = model.index(0, 0).data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(onDark.lightness() < 100);
    QVERIFY(onDark.red() > onDark.green());

    QGuiApplication::setPalette(original);
}

void TestFrameLogModel::pauseHoldsEventsAndResumeInsertsThemAtOnce() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(10);
    model.appendEvents(numberedBatch(0, 4));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy pending(&model, &FrameLogModel::pendingCountChanged);
    QSignalSpy paused(&model, &FrameLogModel::pausedChanged);

    model.setPaused(true);
    QCOMPARE(paused.size(), 1);
    model.appendEvents(numberedBatch(4, 3));
    model.appendEvents(numberedBatch(7, 5));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.pendingCount(), 8);
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.last().at(0).toInt(), 8);

    model.setPaused(false);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1); // 4 + 8 > 10: two old rows leave
    QCOMPARE(shownNumbers(model), range(2, 10));
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(pending.last().at(0).toInt(), 0);
    QCOMPARE(model.droppedCount(), 2u);
    QVERIFY(!model.isPaused());
}

void TestFrameLogModel::pauseOverflowCountsAsDropped() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(10);
    model.setPaused(true);
    model.appendEvents(numberedBatch(0, 6));
    model.appendEvents(numberedBatch(6, 9));
    QCOMPARE(model.pendingCount(), 10);
    QCOMPARE(model.droppedCount(), 5u);
    model.setPaused(false);
    QCOMPARE(shownNumbers(model), range(5, 10));
    QCOMPARE(model.droppedCount(), 5u);
}

void TestFrameLogModel::clearResetsEverything() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(5);
    model.appendEvents(numberedBatch(0, 8));
    model.setPaused(true);
    model.appendEvents(numberedBatch(8, 2));
    QCOMPARE(model.droppedCount(), 3u);
    QSignalSpy dropped(&model, &FrameLogModel::droppedCountChanged);
    QSignalSpy pending(&model, &FrameLogModel::pendingCountChanged);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedCount(), 0u);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(pending.size(), 1);
    QVERIFY(model.isPaused()); // clearing does not resume
    model.setPaused(false);
    model.appendEvents(numberedBatch(20, 2));
    QCOMPARE(shownNumbers(model), range(20, 2));
    // Serials keep counting across a clear, so old ones never name new rows.
    QCOMPARE(model.serialAt(0), 5u); // 5 shown before the clear (3 were cut from the batch)
    model.resetDroppedCount();
    QCOMPARE(model.droppedCount(), 0u);
}

void TestFrameLogModel::capacityChanges() {
    FrameLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.capacity(), FrameLogModel::DefaultCapacity);
    model.setCapacity(10);
    model.appendEvents(numberedBatch(0, 14)); // head is now in the middle of the ring
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setCapacity(4);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(shownNumbers(model), range(10, 4));
    QCOMPARE(model.droppedCount(), 4u + 6u);
    model.setCapacity(8);
    model.appendEvents(numberedBatch(14, 3));
    QCOMPARE(shownNumbers(model), range(10, 7));
    model.appendEvents(numberedBatch(17, 3));
    QCOMPARE(shownNumbers(model), range(12, 8));
    model.setCapacity(0); // at least one row
    QCOMPARE(model.capacity(), 1);
    QCOMPARE(shownNumbers(model), range(19, 1));
}

QTEST_MAIN(TestFrameLogModel)
#include "tst_framelogmodel.moc"

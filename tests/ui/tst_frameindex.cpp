// The frame log's compact rows: every field the log's columns, filters and pairing read comes
// back as it went in, strings are interned, removal from the front keeps the rest in order.
#include "brokerevents.h"
#include "frameindex.h"

#include <QTest>

using namespace BrokerEvents;

class TestFrameIndex : public QObject {
    Q_OBJECT
private slots:
    void headerKeepsEveryIndexedField() {
        FrameIndex index;
        BrokerEvent e = send(7, QStringLiteral("/chat"), "alice", {"bob"}, "42", "a1");
        e.session = 0x1234567890abcdefULL;
        e.sessionUrl = QStringLiteral("ws://127.0.0.1:9042/");
        e.outcome = BrokerEvent::Outcome::PartlyDelivered;
        e.binary = true;
        e.size = 123456;
        index.append(e, 2);
        BrokerEvent closed;
        closed.kind = BrokerEvent::Kind::ConnectionClosed;
        closed.closeReason = CloseReason::SlowConsumer;
        closed.connectionId = 7;
        closed.room = QStringLiteral("/chat");
        closed.timeMs = BaseTimeMs - 1000; // before the first row
        index.append(closed, 0);

        QCOMPARE(index.size(), 2);
        const BrokerEvent h = index.header(0);
        QCOMPARE(h.timeMs, e.timeMs);
        QCOMPARE(h.session, e.session);
        QCOMPARE(h.sessionUrl, e.sessionUrl);
        QCOMPARE(h.connectionId, 7u);
        QCOMPARE(h.room, QStringLiteral("/chat"));
        QCOMPARE(h.clientId, QByteArray("alice"));
        QCOMPARE(h.kind, BrokerEvent::Kind::FrameIn);
        QCOMPARE(h.action, FrameAction::Send);
        QCOMPARE(h.outcome, BrokerEvent::Outcome::PartlyDelivered);
        QVERIFY(h.binary);
        QCOMPARE(h.size, 123456);
        QVERIFY(h.data.isEmpty());
        QCOMPARE(index.askState(0), FrameIndex::AskStateValue(2));
        QVERIFY(index.isProblem(0)); // a partial delivery

        QCOMPARE(index.timeMs(1), BaseTimeMs - 1000);
        QCOMPARE(index.header(1).closeReason, CloseReason::SlowConsumer);
        QVERIFY(index.isProblem(1));
        QVERIFY(index.clientId(1).isEmpty());
    }

    void rowsStaySmall() {
        FrameIndex index;
        QCOMPARE(index.bytesPerRow(), 12);
    }

    void removeFrontKeepsOrderAndAskStates() {
        FrameIndex index;
        for (int i = 0; i < 100; ++i) {
            const QByteArray id = "c" + QByteArray::number(i % 3);
            index.append(frame(BrokerEvent::Kind::FrameOut, quint64(i % 5), QStringLiteral("/r"),
                               id, FrameAction::Message, "{}", BaseTimeMs + i),
                         FrameIndex::AskStateValue(i % 4));
        }
        index.removeFront(40);
        QCOMPARE(index.size(), 60);
        for (int row = 0; row < 60; ++row) {
            const int i = row + 40;
            QCOMPARE(index.timeMs(row), BaseTimeMs + i);
            QCOMPARE(index.connectionId(row), quint64(i % 5));
            QCOMPARE(index.clientId(row), "c" + QByteArray::number(i % 3));
            QCOMPARE(index.askState(row), FrameIndex::AskStateValue(i % 4));
        }
        index.setAskState(0, 3);
        QCOMPARE(index.askState(0), FrameIndex::AskStateValue(3));
        index.clear();
        QCOMPARE(index.size(), 0);
    }

    // Rows live in chunks of 65,536: appending and removing across chunk boundaries, in steps
    // that do not divide a chunk, keeps every row where it was.
    void removeFrontAcrossChunks() {
        FrameIndex index;
        constexpr int Rows = 300000;
        for (int i = 0; i < Rows; ++i) {
            index.append(frame(BrokerEvent::Kind::FrameIn, quint64(i % 7), QStringLiteral("/r"),
                               "c" + QByteArray::number(i % 11), FrameAction::Send, "{}",
                               BaseTimeMs + i),
                         FrameIndex::AskStateValue(i % 4));
        }
        int first = 0;
        for (const int step : {1, 65535, 70000, 100000}) {
            index.removeFront(step);
            first += step;
            QCOMPARE(index.size(), Rows - first);
            for (const int row : {0, 1, 65535, 65536, int(index.size()) - 1}) {
                if (row >= index.size())
                    continue;
                const int i = first + row;
                QCOMPARE(index.timeMs(row), BaseTimeMs + i);
                QCOMPARE(index.connectionId(row), quint64(i % 7));
                QCOMPARE(index.clientId(row), "c" + QByteArray::number(i % 11));
                QCOMPARE(index.askState(row), FrameIndex::AskStateValue(i % 4));
            }
        }
        index.append(frame(BrokerEvent::Kind::FrameOut, 3, QStringLiteral("/r"), "c3",
                           FrameAction::Message, "{}", BaseTimeMs + Rows),
                     1);
        QCOMPARE(index.size(), Rows - first + 1);
        QCOMPARE(index.timeMs(index.size() - 1), BaseTimeMs + Rows);
        index.removeFront(index.size());
        QCOMPARE(index.size(), 0);
        index.append(frame(BrokerEvent::Kind::FrameIn, 1, QStringLiteral("/r"), "c1",
                           FrameAction::Send, "{}", BaseTimeMs),
                     2);
        QCOMPARE(index.size(), 1);
        QCOMPARE(index.clientId(0), QByteArray("c1"));
        QCOMPARE(index.askState(0), FrameIndex::AskStateValue(2));
    }

    void sameConnectionInAnotherSessionIsAnotherConnection() {
        FrameIndex index;
        BrokerEvent a = frame(BrokerEvent::Kind::FrameIn, 1, QStringLiteral("/r"), "x",
                              FrameAction::Register, "{}");
        a.session = 1;
        a.sessionUrl = QStringLiteral("ws://127.0.0.1:9077/");
        BrokerEvent b = a;
        b.session = 2;
        b.sessionUrl = QStringLiteral("ws://127.0.0.1:9078/");
        index.append(a, 0);
        index.append(b, 0);
        QCOMPARE(index.header(0).sessionUrl, a.sessionUrl);
        QCOMPARE(index.header(1).sessionUrl, b.sessionUrl);
        QCOMPARE(index.header(1).session, 2u);
    }

    // A log that keeps its newest rows while clients keep reconnecting (the window soak: a new
    // connection every 60 ms for an hour) must not keep every connection it ever saw.
    void stringsOfRowsGoneAreDropped() {
        FrameIndex index;
        constexpr int Kept = 200;
        for (int i = 0; i < 50000; ++i) {
            const QByteArray id = "soak-" + QByteArray::number(i);
            index.append(frame(BrokerEvent::Kind::FrameIn, quint64(i), QStringLiteral("/soak"), id,
                               FrameAction::Send, "{}", BaseTimeMs + i),
                         FrameIndex::AskStateValue(i % 4));
            if (index.size() > Kept)
                index.removeFront(index.size() - Kept);
        }
        QVERIFY2(index.internedConnections() <= 4 * 1024,
                 qPrintable(QString::number(index.internedConnections())));
        QVERIFY2(index.internedClients() <= 4 * 1024,
                 qPrintable(QString::number(index.internedClients())));
        // What the remaining rows say is unchanged by the renumbering.
        QCOMPARE(index.size(), Kept);
        for (int row = 0; row < Kept; ++row) {
            const int i = 50000 - Kept + row;
            QCOMPARE(index.connectionId(row), quint64(i));
            QCOMPARE(index.clientId(row), "soak-" + QByteArray::number(i));
            QCOMPARE(index.room(row), QStringLiteral("/soak"));
            QCOMPARE(index.askState(row), FrameIndex::AskStateValue(i % 4));
        }
        // And a connection seen again after compaction is found, not interned twice.
        const qsizetype before = index.internedConnections();
        index.append(frame(BrokerEvent::Kind::FrameOut, quint64(49999), QStringLiteral("/soak"),
                           "soak-49999", FrameAction::Message, "{}", BaseTimeMs + 50000),
                     0);
        QCOMPARE(index.internedConnections(), before);
    }

    void framesOfOneClientKeepTheirOwnKindActionAndFlags() {
        // A row's kind, action, outcome and flags are interned with its connection and client:
        // frames of one client that differ in any of them must not share a source, before and
        // after the renumbering of a compaction.
        FrameIndex index;
        const auto shaped = [](int i) {
            BrokerEvent e =
                frame(i % 2 ? BrokerEvent::Kind::FrameOut : BrokerEvent::Kind::FrameIn, 1,
                      QStringLiteral("/r"), "a", i % 3 ? FrameAction::Message : FrameAction::Answer,
                      "{}", BaseTimeMs + i);
            e.binary = i % 5 == 0;
            e.dropped = i % 7 == 0;
            return e;
        };
        const auto check = [&](int row, int i) {
            const BrokerEvent e = shaped(i);
            QCOMPARE(index.kind(row), e.kind);
            QCOMPARE(index.action(row), e.action);
            QCOMPARE(index.binary(row), e.binary);
            QCOMPARE(index.header(row).dropped, e.dropped);
        };
        // Rows of many short-lived connections first, so that removing them compacts the
        // tables and renumbers the sources of the rows that stay.
        for (int i = 0; i < 5000; ++i)
            index.append(frame(BrokerEvent::Kind::FrameIn, quint64(100 + i), QStringLiteral("/x"),
                               {}, FrameAction::Send, "{}", BaseTimeMs + i),
                         0);
        for (int i = 0; i < 210; ++i)
            index.append(shaped(i), 0);
        for (int i = 0; i < 210; ++i)
            check(5000 + i, i);
        index.removeFront(5000);
        QCOMPARE(index.internedConnections(), 1);
        for (int i = 0; i < 210; ++i)
            check(i, i);
    }

    void sizesSaturateInsteadOfWrapping() {
        FrameIndex index;
        BrokerEvent e = frame(BrokerEvent::Kind::FrameIn, 1, QString(), {}, FrameAction::None, {});
        e.size = qint64(1) << 33;
        index.append(e, 0);
        QCOMPARE(index.frameSize(0), qint64(0xffffffffu));
    }
};

QTEST_GUILESS_MAIN(TestFrameIndex)
#include "tst_frameindex.moc"

#include "actioncountmodel.h"
#include "brokerevents.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace BrokerEvents;
using Kind = BrokerEvent::Kind;
using Outcome = BrokerEvent::Outcome;

namespace {

const QString Chat = QStringLiteral("/chat");

// An ask answered, an unanswered send, an error, connections coming and going: the events a
// broker reports for them, in order.
BrokerEventList conversation() {
    return {
        system(Kind::ConnectionOpened, 1, Chat),
        frame(Kind::FrameIn, 1, Chat, {}, FrameAction::Register,
              R"({"action":"register","id":"alice"})"),
        frame(Kind::FrameOut, 1, Chat, "alice", FrameAction::Registered,
              R"({"action":"registered","id":"alice"})"),
        system(Kind::ClientRegistered, 1, Chat, "alice"),
        send(1, Chat, "alice", {"bob"}, R"("q")", "k1"),
        message(2, Chat, "bob", "alice", R"("q")", "k1"),
        answerIn(2, Chat, "bob", "k1", R"("r")", Outcome::Done),
        answerOut(1, Chat, "alice", "bob", "k1", R"("r")"),
        send(1, Chat, "alice", {"bob"}, R"("no ack")"),
        message(2, Chat, "bob", "alice", R"("no ack")"),
        error(1, Chat, "alice", FrameError::UnknownAction, QStringLiteral("no such action")),
        system(Kind::ConnectionClosed, 2, Chat, "bob"),
    };
}

int rowOf(const ActionCountModel &model, const QString &action) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ActionCountModel::ActionColumn).data().toString() == action)
            return row;
    }
    return -1;
}

} // namespace

class TestActionCountModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countsFramesByActionAndDirection();
    void laterBatchesAddToTheirRows();
    void binaryFramesHaveTheirOwnRow();
    void clearEmptiesTheModel();

private:
    ActionCountModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestActionCountModel::init() {
    m_model = new ActionCountModel;
    m_tester = new QAbstractItemModelTester(m_model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestActionCountModel::cleanup() {
    delete m_tester;
    delete m_model;
}

void TestActionCountModel::countsFramesByActionAndDirection() {
    m_model->addEvents(conversation());
    // Only frames count: connection, registration and close events are not frames.
    QCOMPARE(m_model->rowCount(), 6); // register, registered, send, message, answer, error
    QCOMPARE(m_model->columnCount(), int(ActionCountModel::ColumnCount));
    QCOMPARE(m_model->count(QStringLiteral("send"), true), 2u);
    QCOMPARE(m_model->count(QStringLiteral("send"), false), 0u);
    QCOMPARE(m_model->count(QStringLiteral("message"), false), 2u);
    QCOMPARE(m_model->count(QStringLiteral("answer"), true), 1u);
    QCOMPARE(m_model->count(QStringLiteral("answer"), false), 1u);
    QCOMPARE(m_model->count(QStringLiteral("register"), true), 1u);
    QCOMPARE(m_model->count(QStringLiteral("registered"), false), 1u);
    QCOMPARE(m_model->count(QStringLiteral("error"), false), 1u);
    QCOMPARE(m_model->count(QStringLiteral("unregister"), true), 0u);

    const int send = rowOf(*m_model, QStringLiteral("send"));
    QVERIFY(send >= 0);
    QCOMPARE(m_model->index(send, ActionCountModel::InColumn).data().toString(),
             QStringLiteral("2"));
    QCOMPARE(m_model->index(send, ActionCountModel::OutColumn).data().toString(),
             QStringLiteral("0"));
    QCOMPARE(m_model->index(send, ActionCountModel::InColumn).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(
        m_model->headerData(ActionCountModel::InColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Received"));
}

void TestActionCountModel::laterBatchesAddToTheirRows() {
    m_model->addEvents(conversation());
    const int rows = m_model->rowCount();
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->addEvents({send(1, Chat, "alice", {"bob"}, "1"), send(1, Chat, "alice", {"bob"}, "2"),
                        message(2, Chat, "bob", "alice", "1")});
    // Known actions change in place: one dataChanged per row, no new rows.
    QCOMPARE(m_model->rowCount(), rows);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_model->count(QStringLiteral("send"), true), 4u);
    QCOMPARE(m_model->count(QStringLiteral("message"), false), 3u);
    // A new action adds its row at the end.
    m_model->addEvents({frame(Kind::FrameIn, 1, Chat, "alice", FrameAction::Unregister,
                              R"({"action":"unregister"})")});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), rows + 1);
    QCOMPARE(rowOf(*m_model, QStringLiteral("unregister")), rows);
    // An empty batch and a batch of non-frames change nothing.
    m_model->addEvents({});
    m_model->addEvents({system(Kind::ConnectionOpened, 3, Chat)});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(inserted.size(), 1);
}

void TestActionCountModel::binaryFramesHaveTheirOwnRow() {
    BrokerEvent binary = frame(Kind::FrameIn, 1, Chat, "alice", FrameAction::None, "\x01\x02");
    binary.binary = true;
    m_model->addEvents({binary, binary});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, ActionCountModel::InColumn).data().toString(), QStringLiteral("2"));
    QCOMPARE(m_model->index(0, ActionCountModel::ActionColumn).data().toString(),
             QStringLiteral("(binary)"));
}

void TestActionCountModel::clearEmptiesTheModel() {
    m_model->addEvents(conversation());
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->count(QStringLiteral("send"), true), 0u);
    m_model->addEvents(conversation());
    QCOMPARE(m_model->count(QStringLiteral("send"), true), 2u);
}

QTEST_MAIN(TestActionCountModel)
#include "tst_actioncountmodel.moc"

// The window's contracts (issue 15), offscreen, with a real broker and real clients: schemas
// remembered in the settings are loaded at start, violations are counted in the Contracts dock
// by room, action, path and keyword, marked on their rows in the log and in the details pane,
// listed in the statistics and kept in the window's capture; bad files are named in the dock
// while the good ones work, and Clear Schemas stops checking and forgets the path.

#include "brokercontroller.h"
#include "capturereader.h"
#include "capturerecorder.h"
#include "connectiontreemodel.h"
#include "contractviolationmodel.h"
#include "framedetailsview.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "mainwindow.h"
#include "recordingclient.h"
#include "statisticsview.h"
#include "windowundertest.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace {

QString fixture(const QString &name) {
    return QStringLiteral(FIXTURES_DIR "/") + name;
}

} // namespace

class TestContractsDock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }
    void cleanup();
    void violationsAreCounted();
    void violationsAreMarkedListedAndRecorded();
    void badFilesAreNamedAndClearForgets();

private:
    void openWindow(const QString &schemas);
    QString status() const {
        return m_window->findChild<QLabel *>(QStringLiteral("contractsStatus"))->text();
    }

    WindowUnderTest m_ui;
    MainWindow *m_window = nullptr;
};

void TestContractsDock::openWindow(const QString &schemas) {
    QVERIFY(m_ui.open({{QStringLiteral("contracts/path"), schemas}}));
    m_window = m_ui.window();
}

void TestContractsDock::cleanup() {
    m_ui.close();
    m_window = nullptr;
}

void TestContractsDock::violationsAreCounted() {
    openWindow(fixture(QStringLiteral("shop-3.0.yaml")));
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(status().startsWith(QStringLiteral("3 schema(s) from ")), qPrintable(status()));
    RecordingClient *alice = m_ui.connectClient(QStringLiteral("/orders"), "alice");
    RecordingClient *bob = m_ui.connectClient(QStringLiteral("/orders"), "bob");
    QVERIFY(alice && bob);
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":1}})");
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":"x"}})");
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":"y"}})");
    bob->send(R"({"action":"send","dest":"alice","message":{}})");
    QTRY_COMPARE(bob->received.size(), 4); // registered and three messages: none held back
    const auto *model = m_window->findChild<ContractViolationModel *>();
    QVERIFY(model);
    QTRY_COMPARE(model->total(), 3u);
    QCOMPARE(model->rowCount(), 2);
    const auto cell = [&](int row, int column) {
        return model->index(row, column).data().toString();
    };
    QCOMPARE(cell(0, ContractViolationModel::RoomColumn), QStringLiteral("/orders"));
    QCOMPARE(cell(0, ContractViolationModel::ActionColumn), QStringLiteral("send"));
    QCOMPARE(cell(0, ContractViolationModel::PathColumn), QStringLiteral("message/qty"));
    QCOMPARE(cell(0, ContractViolationModel::KeywordColumn), QStringLiteral("type"));
    QCOMPARE(cell(0, ContractViolationModel::CountColumn), QStringLiteral("2"));
    QCOMPARE(cell(1, ContractViolationModel::PathColumn), QStringLiteral("message"));
    QCOMPARE(cell(1, ContractViolationModel::KeywordColumn), QStringLiteral("required"));
    QCOMPARE(cell(1, ContractViolationModel::CountColumn), QStringLiteral("1"));

    // The connection tree counts them per client, next to the id and in its tooltip.
    const auto *tree = m_window->findChild<ConnectionTreeModel *>();
    QVERIFY(tree);
    const auto clientRow = [&](const QString &id) {
        const QModelIndex room = tree->indexOfRoom(QStringLiteral("/orders"));
        for (int r = 0; r < tree->rowCount(room); ++r) {
            const QModelIndex index = tree->index(r, 0, room);
            if (index.data(ConnectionTreeModel::ClientIdRole).toString() == id)
                return index;
        }
        return QModelIndex();
    };
    QTRY_VERIFY(clientRow(QStringLiteral("alice")).isValid());
    QTRY_COMPARE(clientRow(QStringLiteral("alice"))
                     .data(ConnectionTreeModel::ContractViolationsRole)
                     .toULongLong(),
                 2u);
    QCOMPARE(clientRow(QStringLiteral("bob")).data(ConnectionTreeModel::ContractViolationsRole),
             QVariant(qulonglong(1)));
    QVERIFY2(clientRow(QStringLiteral("alice")).data().toString().endsWith(QStringLiteral("⚠ 2")),
             qPrintable(clientRow(QStringLiteral("alice")).data().toString()));
    QVERIFY(clientRow(QStringLiteral("alice"))
                .data(Qt::ToolTipRole)
                .toString()
                .endsWith(QStringLiteral("\n2 contract violation(s)")));
}

void TestContractsDock::violationsAreMarkedListedAndRecorded() {
    openWindow(fixture(QStringLiteral("shop-3.0.yaml")));
    if (QTest::currentTestFailed())
        return;
    RecordingClient *alice = m_ui.connectClient(QStringLiteral("/orders"), "alice");
    RecordingClient *bob = m_ui.connectClient(QStringLiteral("/orders"), "bob");
    QVERIFY(alice && bob);
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":1}})");
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":"x"}})");
    bob->send(R"({"action":"send","dest":"alice","message":{}})");
    const auto *violations = m_window->findChild<ContractViolationModel *>();
    QTRY_COMPARE(violations->total(), 2u);

    // The log: the failing rows, and only those, name the path and keyword.
    auto *log = m_window->findChild<FrameLogModel *>();
    QVERIFY(log);
    QList<int> marked;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (!log->contractFailures(row).isEmpty())
            marked.append(row);
    }
    QCOMPARE(marked.size(), 2);
    const QString summary =
        log->index(marked.at(0), FrameLogModel::SummaryColumn).data().toString();
    QVERIFY2(summary.startsWith(QStringLiteral("violates message/qty: type · ")),
             qPrintable(summary));
    QCOMPARE(log->index(marked.at(1), FrameLogModel::SummaryColumn)
                 .data(FrameLogModel::ContractFailuresRole)
                 .toStringList(),
             QStringList{QStringLiteral("message: required")});

    // The details pane of a selected failing row says why; a passing row says nothing.
    auto *view = m_window->findChild<FrameLogView *>();
    auto *details = m_window->findChild<FrameDetailsView *>();
    QVERIFY(view && details);
    QVERIFY(view->selectLogRow(marked.at(0)));
    QTRY_VERIFY(details->contractText().startsWith(
        QStringLiteral("Violates its contract at message/qty: ")));
    QVERIFY(details->findChild<QLabel *>(QStringLiteral("contractViolationText"))->isVisible());
    QVERIFY(view->selectLogRow(marked.at(0) - 1));
    QTRY_VERIFY(details->contractText().isEmpty());

    // The statistics list them.
    auto *statistics = m_window->findChild<StatisticsView *>();
    QVERIFY(statistics);
    QTRY_VERIFY2(
        statistics->countersText().contains(QStringLiteral("/orders send message/qty type")),
        qPrintable(statistics->countersText()));
    QVERIFY(statistics->countersText().contains(QStringLiteral("Violations")));

    // The window's capture keeps them with their frames.
    const Inspector *inspector = m_window->findChild<Inspector *>();
    QVERIFY(inspector);
    QVERIFY(inspector->recorder()); // recording is on by default
    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(inspector->recorder()->path(), &error), qPrintable(error));
    ContractViolationList recorded;
    QTRY_COMPARE((recorded = reader.readViolations(&error)).size(), 2);
    for (const ContractViolation &v : std::as_const(recorded)) {
        BrokerEvent frame;
        QVERIFY(reader.read(v.captureId, &frame));
        QCOMPARE(log->rowOfCaptureId(v.captureId) >= 0, true);
        QCOMPARE(QString::fromUtf8(frame.clientId), v.sender);
    }
}

void TestContractsDock::badFilesAreNamedAndClearForgets() {
    openWindow(fixture(QStringLiteral("folder")));
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(status().startsWith(QStringLiteral("4 schema(s) from ")), qPrintable(status()));
    QVERIFY2(status().contains(fixture(QStringLiteral("folder/chat/send.schema.json: not JSON"))),
             qPrintable(status()));
    RecordingClient *alice = m_ui.connectClient(QStringLiteral("/orders"), "alice");
    RecordingClient *bob = m_ui.connectClient(QStringLiteral("/orders"), "bob");
    QVERIFY(alice && bob);
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":0}})");
    const auto *model = m_window->findChild<ContractViolationModel *>();
    QTRY_COMPARE(model->total(), 1u);

    auto *clear = m_window->findChild<QAction *>(QStringLiteral("clearSchemas"));
    QVERIFY(clear && clear->isEnabled());
    clear->trigger();
    QCOMPARE(model->total(), 0u);
    QVERIFY(!m_ui.settings()->contains(QStringLiteral("contracts/path")));
    QVERIFY(!clear->isEnabled());
    // Nothing is checked any more: another bad message, then a probe that has arrived.
    alice->send(R"({"action":"send","dest":"bob","message":{"qty":0}})");
    QTRY_COMPARE(bob->received.size(), 3);
    QTest::qWait(200); // two batches
    QCOMPARE(model->total(), 0u);
}

QTEST_MAIN(TestContractsDock)
#include "tst_contractsdock.moc"

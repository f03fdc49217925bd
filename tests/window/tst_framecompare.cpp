#include "framedetailsview.h"
#include "framediffview.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "jsondiffmodel.h"
#include "mainwindow.h"

#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// The details pane's Compare tab (issue 15): the selected frame against the previous one of the
// same client, direction and action; two frames selected with Ctrl+click against each other;
// "show it" selects the other frame; frames that cannot be compared say why.
class TestFrameCompare : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void comparesWithThePreviousFrameLikeIt();
    void comparesTwoSelectedFrames();
    void saysWhyItCannotCompare();

private:
    void select(int logRow,
                QItemSelectionModel::SelectionFlags how = QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    QString heading() const { return m_diff->headingText(); }
    QStringList changes() const; // "path change before after"

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    FrameLogModel *m_log = nullptr;
    FrameLogView *m_view = nullptr;
    FrameDiffView *m_diff = nullptr;
};

namespace {

BrokerEvent frame(quint64 connection, const QByteArray &client, BrokerEvent::Kind kind,
                  FrameAction action, const QByteArray &data, int i) {
    BrokerEvent e;
    e.timeMs = 1700000000000 + i * 1000;
    e.connectionId = connection;
    e.room = QStringLiteral("/shop");
    e.clientId = client;
    e.kind = kind;
    e.action = action;
    e.data = data;
    e.size = data.size();
    return e;
}

} // namespace

void TestFrameCompare::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_settings->setValue(QStringLiteral("capture/enabled"), false);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->resize(1400, 900);
    m_window->show();
    auto *inspector = m_window->findChild<Inspector *>();
    QVERIFY(inspector);
    m_log = inspector->log();
    m_view = m_window->findChild<FrameLogView *>();
    auto *details = m_window->findChild<FrameDetailsView *>();
    QVERIFY(m_view && details);
    m_diff = details->diffView();
    // The tab is shown: it compares as the selection changes.
    auto *tabs = details->findChild<QTabWidget *>();
    tabs->setCurrentWidget(m_diff);
    const auto send = [](const QByteArray &message) {
        return R"({"action":"send","dest":"warehouse","message":)" + message + '}';
    };
    using K = BrokerEvent::Kind;
    inspector->addEvents({
        frame(1, "shop", K::FrameIn, FrameAction::Send, send(R"({"id":1,"qty":2,"note":"a"})"), 0),
        frame(2, "warehouse", K::FrameIn, FrameAction::Send, send(R"({"id":9})"), 1),
        frame(1, "shop", K::FrameOut, FrameAction::Message, R"({"action":"message","x":1})", 2),
        frame(1, "shop", K::FrameIn, FrameAction::Send, send(R"({"id":2,"qty":3,"new":true})"), 3),
        frame(1, "shop", K::FrameIn, FrameAction::Send, "{not json", 4),
        frame(3, {}, K::ConnectionOpened, FrameAction::None, {}, 5),
    });
    QTRY_COMPARE(m_log->rowCount(), 6);
}

void TestFrameCompare::cleanup() {
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestFrameCompare::select(int logRow, QItemSelectionModel::SelectionFlags how) {
    auto *proxy = qobject_cast<FrameFilterProxyModel *>(m_view->model());
    m_view->selectionModel()->setCurrentIndex(proxy->mapFromSource(m_log->index(logRow, 0)),
                                              how | QItemSelectionModel::Rows);
}

QStringList TestFrameCompare::changes() const {
    QStringList out;
    const JsonDiffModel *model = m_diff->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < JsonDiffModel::ColumnCount; ++column)
            cells.append(model->index(row, column).data().toString());
        out.append(cells.join(u' '));
    }
    return out;
}

void TestFrameCompare::comparesWithThePreviousFrameLikeIt() {
    // Row 3 is shop's second send; row 1 (warehouse) and row 2 (a message to shop) are not like it.
    select(3);
    QVERIFY2(heading().contains(QStringLiteral("previous send of shop")), qPrintable(heading()));
    QVERIFY2(heading().contains(QStringLiteral("2 changed, 1 added, 1 removed")),
             qPrintable(heading()));
    QCOMPARE(changes(), (QStringList{
                            QStringLiteral("message.id changed 1 2"),
                            QStringLiteral("message.new added  true"),
                            QStringLiteral("message.note removed \"a\" "),
                            QStringLiteral("message.qty changed 2 3"),
                        }));
    // "show it" selects the frame it compared with, which has nothing earlier like it.
    Q_EMIT m_diff->findChild<QLabel *>()->linkActivated(QStringLiteral("other"));
    QCOMPARE(m_view->currentLogRow(), 0);
    QVERIFY2(heading().contains(QStringLiteral("No earlier send of shop")), qPrintable(heading()));
    QVERIFY(changes().isEmpty());
}

void TestFrameCompare::comparesTwoSelectedFrames() {
    select(1);
    select(3, QItemSelectionModel::Select); // Ctrl+click
    QCOMPARE(m_view->selectedLogRows(), (QList<int>{1, 3}));
    QVERIFY2(heading().startsWith(QStringLiteral("The two selected frames")),
             qPrintable(heading()));
    QCOMPARE(changes(), (QStringList{
                            QStringLiteral("message.id changed 9 2"),
                            QStringLiteral("message.new added  true"),
                            QStringLiteral("message.qty added  3"),
                        }));
    // A third frame: it asks for one or two.
    select(0, QItemSelectionModel::Select);
    QVERIFY2(heading().startsWith(QStringLiteral("Select one frame")), qPrintable(heading()));
    QVERIFY(changes().isEmpty());
}

void TestFrameCompare::saysWhyItCannotCompare() {
    select(4); // not JSON, after a send of shop that is
    QVERIFY2(heading().contains(QStringLiteral("The newer frame is not JSON.")),
             qPrintable(heading()));
    QVERIFY(changes().isEmpty());
    select(5); // a broker event
    QVERIFY2(heading().contains(QStringLiteral("not a frame")), qPrintable(heading()));
}

QTEST_MAIN(TestFrameCompare)
#include "tst_framecompare.moc"

#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "consoleclient.h"
#include "consoleclientwidget.h"
#include "consoleconversationmodel.h"
#include "consolepanel.h"
#include "displaytext.h"
#include "framedetailsview.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "hostilecontent.h"
#include "mainwindow.h"
#include "recordingclient.h"

#include <QCompleter>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Hostile content in the window (issue 18): each case of HostileContent sent by a real client
// through the window's broker to a console client. Every string the log, the tree, the details
// pane and the console show of it (display text and tooltips) shows control characters and
// bidi overrides visibly instead of interpreting them, long ids and rooms are elided with the
// whole text in the tooltip, and a megabyte frame is shown in part, saying so. How late the
// window gets meanwhile is measured by wsmsgbroker-uibench --hostile, not asserted here.
class TestHostileContent : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shownVisibly_data();
    void shownVisibly();

private:
    template <typename T> T *child(const char *name = nullptr) const {
        return name ? m_window->findChild<T *>(QString::fromLatin1(name))
                    : m_window->findChild<T *>();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

// What a view must not hand to text layout: it would be read as something else. Line feeds and
// tabs are allowed where the inspector lays out lines (multiLine), as its own separators.
QString disguise(const QString &text, bool multiLine) {
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (multiLine && (c == u'\n' || c == u'\t'))
            continue;
        if (c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
            c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029)
            return QStringLiteral("U+%1 in: %2")
                .arg(uint(c), 4, 16, QLatin1Char('0'))
                .arg(DisplayText::visible(text.left(200)));
    }
    return {};
}

// Every display text and tooltip of a model, depth first.
void collect(const QAbstractItemModel *model, const QModelIndex &parent, QStringList *shown,
             QStringList *tips) {
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            shown->append(index.data(Qt::DisplayRole).toString());
            tips->append(index.data(Qt::ToolTipRole).toString());
        }
        collect(model, model->index(row, 0, parent), shown, tips);
    }
}

QString checkModel(const char *what, const QAbstractItemModel *model) {
    QStringList shown;
    QStringList tips;
    collect(model, {}, &shown, &tips);
    for (const QString &text : std::as_const(shown)) {
        if (const QString problem = disguise(text, false); !problem.isEmpty())
            return QString::fromLatin1(what) + QStringLiteral(" display: ") + problem;
    }
    for (const QString &text : std::as_const(tips)) {
        if (const QString problem = disguise(text, true); !problem.isEmpty())
            return QString::fromLatin1(what) + QStringLiteral(" tooltip: ") + problem;
    }
    return {};
}

bool anyContains(const QAbstractItemModel *model, int role, const QString &needle) {
    QStringList shown;
    QStringList tips;
    collect(model, {}, &shown, &tips);
    const QStringList &texts = role == Qt::ToolTipRole ? tips : shown;
    return std::any_of(texts.begin(), texts.end(),
                       [&](const QString &t) { return t.contains(needle); });
}

const QString Override = QStringLiteral("\u27e8U+202E\u27e9"); // ⟨U+202E⟩

} // namespace

void TestHostileContent::init() {
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    m_window = std::make_unique<MainWindow>(broker, m_settings.get());
    m_window->show();
    m_window->startBroker();
    QTRY_COMPARE(child<BrokerController>()->state(), BrokerController::State::Running);
}

void TestHostileContent::cleanup() {
    m_window.reset();
    m_settings.reset();
}

void TestHostileContent::shownVisibly_data() {
    QTest::addColumn<int>("which");
    const QList<HostileCase> cases = HostileContent::cases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(qPrintable(cases.at(i).name)) << i;
}

void TestHostileContent::shownVisibly() {
    QFETCH(int, which);
    const HostileCase hostile = HostileContent::cases().at(which);

    // The receiver is a console client in the case's room; the sender a plain client.
    QUrl url = child<BrokerController>()->url();
    url.setPath(hostile.room);
    auto *panel = child<ConsolePanel>("console");
    QVERIFY(panel);
    ConsoleClientWidget *watcher = panel->addClient(url, QStringLiteral("watcher"));
    watcher->connectClient();
    QTRY_COMPARE(watcher->client()->state(), ConsoleClient::State::Registered);
    RecordingClient sender;
    sender.socket.open(url);
    QTRY_COMPARE(sender.socket.state(), QAbstractSocket::ConnectedState);
    sender.send("{\"action\":\"register\",\"id\":" + HostileContent::jsonString(hostile.id) + '}');
    QTRY_VERIFY2(sender.registered(), qPrintable(hostile.name));
    sender.send(HostileContent::sendFrame(hostile, "watcher"));

    const ConsoleConversationModel *conversation = watcher->client()->conversation();
    const auto received = [&] {
        for (int row = 0; row < conversation->count(); ++row) {
            if (conversation->entry(row).kind == ConsoleConversationEntry::Kind::Received)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(received() >= 0, 20000);
    const FrameLogModel *log = child<FrameLogModel>();
    const auto rowOf = [&](FrameAction action) {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->eventAt(row).action == action)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(FrameAction::Message) >= 0, 20000);
    const int sendRow = rowOf(FrameAction::Send);
    QVERIFY(sendRow >= 0);
    const ConnectionTreeModel *tree = child<ConnectionTreeModel>();
    QTRY_COMPARE(tree->connectionCount(), 2);

    // The log, the tree and the console: nothing interpreted, in any cell or tooltip.
    const QString logProblem = checkModel("log", log);
    QVERIFY2(logProblem.isEmpty(), qPrintable(logProblem));
    const QString treeProblem = checkModel("tree", tree);
    QVERIFY2(treeProblem.isEmpty(), qPrintable(treeProblem));
    const QString consoleProblem = checkModel("console", conversation);
    QVERIFY2(consoleProblem.isEmpty(), qPrintable(consoleProblem));
    // The destination field offers the sender's id as it shows ids everywhere else.
    const QAbstractItemModel *offered = watcher->findChild<QCompleter *>()->model();
    QTRY_VERIFY(offered->rowCount() > 0);
    const QString completerProblem = checkModel("destination completer", offered);
    QVERIFY2(completerProblem.isEmpty(), qPrintable(completerProblem));
    QCOMPARE(offered->index(0, 0).data(Qt::EditRole).toString(), QString::fromUtf8(hostile.id));

    // The details of the send: summary, its tooltip, JSON, raw and hex.
    auto *logView = child<QTableView>("frameLog");
    auto *proxy = child<FrameFilterProxyModel>();
    logView->setCurrentIndex(proxy->mapFromSource(log->index(sendRow, 0)));
    auto *details = child<FrameDetailsView>("frameDetails");
    QTRY_VERIFY(!details->rawText().isEmpty());
    const std::pair<const char *, QString> parts[] = {
        {"summary", details->summaryText()}, {"summary tooltip", details->summaryToolTip()},
        {"JSON", details->prettyText()},     {"raw", details->rawText()},
        {"hex", details->hexText()},         {"partial", details->partialText()}};
    for (const auto &[what, text] : parts) {
        const QString problem = disguise(text, true);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QString::fromLatin1(what) + QStringLiteral(": ") + problem));
    }

    if (hostile.large) {
        // Shown in part, saying so, and more on request; the hex view is bounded too.
        QVERIFY2(details->partialText().contains(QStringLiteral("Show more")),
                 qPrintable(details->partialText()));
        // (in characters: a few escapes and the breaks of long lines add some)
        QVERIFY(details->rawText().size() <=
                FrameDetailsView::ShownBytes + FrameDetailsView::ShownBytes / 500);
        QVERIFY(details->hexText().contains(QStringLiteral("more bytes")));
        const qsizetype shown = details->rawText().size();
        details->showMore();
        QVERIFY(details->rawText().size() > shown);
        // The summary cell is one short line of the message.
        const QString summary =
            log->index(rowOf(FrameAction::Message), FrameLogModel::SummaryColumn).data().toString();
        QVERIFY2(summary.size() < 300, qPrintable(summary.left(400)));
    } else {
        QVERIFY(details->partialText().isEmpty());
        // The whole frame, its overrides shown.
        QVERIFY2(details->rawText().contains(Override), qPrintable(details->rawText().left(400)));
        QVERIFY2(details->prettyText().contains(Override),
                 qPrintable(details->prettyText().left(400)));
    }

    if (hostile.name == QLatin1String("bidi-and-controls")) {
        // The override, NUL, ESC and CR as visible characters, where the text is shown.
        const QString client = log->index(sendRow, FrameLogModel::ClientColumn).data().toString();
        for (const QString &visible : {Override, QStringLiteral("\u2400"), QStringLiteral("\u241b"),
                                       QStringLiteral("\u240d")})
            QVERIFY2(client.contains(visible) || log->index(sendRow, FrameLogModel::ClientColumn)
                                                     .data(Qt::ToolTipRole)
                                                     .toString()
                                                     .contains(visible),
                     qPrintable(client));
        QVERIFY(anyContains(tree, Qt::DisplayRole, Override));
        QVERIFY(anyContains(tree, Qt::DisplayRole, QStringLiteral("\u27e8U+2066\u27e9")));
        QVERIFY(anyContains(conversation, Qt::DisplayRole, QStringLiteral("\u241b")));
        QVERIFY(anyContains(log, Qt::DisplayRole, QStringLiteral("\u27e8U+200F\u27e9")));
    }
    if (hostile.name == QLatin1String("long-ids")) {
        // Elided in the cells and the tree, whole (and visible) in their tooltips.
        const QModelIndex client = log->index(sendRow, FrameLogModel::ClientColumn);
        QVERIFY(client.data().toString().size() <= DisplayText::NameLength);
        QVERIFY(client.data().toString().endsWith(QChar(0x2026)));
        QVERIFY(client.data(Qt::ToolTipRole).toString().contains(Override + QStringLiteral("end")));
        const QModelIndex room = log->index(sendRow, FrameLogModel::RoomColumn);
        QVERIFY(room.data().toString().size() <= DisplayText::NameLength);
        QCOMPARE(room.data(Qt::ToolTipRole).toString(), hostile.room);
        QVERIFY(anyContains(tree, Qt::ToolTipRole, Override + QStringLiteral("end")));
        QVERIFY(!anyContains(tree, Qt::DisplayRole, hostile.room));
        QVERIFY(details->summaryToolTip().contains(hostile.room));
        QVERIFY(!details->summaryText().contains(hostile.room));
    }
}

QTEST_MAIN(TestHostileContent)
#include "tst_hostilecontent.moc"

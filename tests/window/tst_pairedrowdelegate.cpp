#include "ackpairing.h"
#include "brokerevents.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "pairedrowdelegate.h"
#include "rowpalette.h"

#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

using namespace BrokerEvents;
using Outcome = BrokerEvent::Outcome;

namespace {

const QString Chat = QStringLiteral("/chat");
constexpr qint64 T0 = BaseTimeMs;

// initStyleOption is what the view paints with; the test reads it.
class ProbedDelegate : public PairedRowDelegate {
public:
    using PairedRowDelegate::initStyleOption;
    using PairedRowDelegate::PairedRowDelegate;
};

} // namespace

// The highlight of the selected send's group lives in the view's delegate, not in the model.
class TestPairedRowDelegate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void highlightsTheGroupOfTheCurrentRow();
};

void TestPairedRowDelegate::highlightsTheGroupOfTheCurrentRow() {
    FrameLogModel log;
    log.setClock([] { return T0 + 1000; });
    log.appendEvents({
        /*  0 */ send(1, Chat, "alice", {"bob", "carol"}, R"("q1")", "a1", T0),
        /*  1 */ message(2, Chat, "bob", "alice", R"("q1")", "a1", T0),
        /*  2 */ message(3, Chat, "carol", "alice", R"("q1")", "a1", T0),
        /*  3 */ send(5, Chat, "erin", {"frank"}, R"("q2")", "a1", T0 + 2),
        /*  4 */ message(6, Chat, "frank", "erin", R"("q2")", "a1", T0 + 2),
        /*  5 */ answerIn(2, Chat, "bob", "a1", R"("r1")", Outcome::Done, T0 + 30),
        /*  6 */ answerOut(1, Chat, "alice", "bob", "a1", R"("r1")", T0 + 31),
        /*  7 */ answerIn(6, Chat, "frank", "a1", R"("r3")", Outcome::Done, T0 + 50),
        /*  8 */ answerOut(5, Chat, "erin", "frank", "a1", R"("r3")", T0 + 51),
        /*  9 */ send(1, Chat, "alice", {"bob"}, R"("no ack")", QByteArray(), T0 + 150),
    });
    // Through the filter proxy, as in the window.
    FrameFilterProxyModel proxy;
    proxy.setSourceModel(&log);
    QTableView view;
    view.setModel(&proxy);
    auto *delegate = new ProbedDelegate(&log, &view);
    QCOMPARE(view.itemDelegate(), delegate);

    const auto background = [&](int row) {
        QStyleOptionViewItem option;
        delegate->initStyleOption(&option, proxy.mapFromSource(log.index(row, 0)));
        return option.backgroundBrush;
    };
    const QColor paired = RowPalette::pairedBackground(RowPalette::applicationPalette());
    const auto pairedRows = [&] {
        QList<int> rows;
        for (int row = 0; row < log.rowCount(); ++row) {
            if (delegate->isPaired(log.serialAt(row))) {
                rows.append(row);
                if (background(row).color() != paired)
                    return QList<int>{-1};
            } else if (background(row).style() != Qt::NoBrush) {
                return QList<int>{-2};
            }
        }
        return rows;
    };
    QCOMPARE(pairedRows(), QList<int>{});

    view.setCurrentIndex(proxy.mapFromSource(log.index(6, 0))); // alice's forwarded answer
    QCOMPARE(pairedRows(), (QList<int>{0, 1, 2, 5, 6}));
    view.setCurrentIndex(proxy.mapFromSource(log.index(3, 0))); // erin's send
    QCOMPARE(pairedRows(), (QList<int>{3, 4, 7, 8}));
    view.setCurrentIndex(proxy.mapFromSource(log.index(9, 0))); // no ack: nothing related
    QCOMPARE(pairedRows(), QList<int>{});
    view.setCurrentIndex(proxy.mapFromSource(log.index(1, 0)));
    QCOMPARE(pairedRows(), (QList<int>{0, 1, 2, 5, 6}));
    view.setCurrentIndex(QModelIndex());
    QCOMPARE(pairedRows(), QList<int>{});
    // A cleared log highlights nothing, whatever was selected.
    view.setCurrentIndex(proxy.mapFromSource(log.index(0, 0)));
    log.clear();
    QVERIFY(!delegate->isPaired(0));
}

QTEST_MAIN(TestPairedRowDelegate)
#include "tst_pairedrowdelegate.moc"

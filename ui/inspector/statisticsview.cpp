#include "statisticsview.h"

#include "actioncountmodel.h"
#include "displaytext.h"
#include "rategraphwidget.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

StatisticsView::StatisticsView(const RateHistory *rates, ActionCountModel *actions, QWidget *parent)
    : QWidget(parent)
    , m_counters(new QLabel(this)) {
    auto *graph = new RateGraphWidget(rates, this);
    auto *table = new QTableView(this);
    table->setModel(actions);
    table->verticalHeader()->hide();
    // Every column as wide as its header and numbers ("Received", "Sent" stay readable).
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counters->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_counters->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(graph, 2);
    auto *row = new QHBoxLayout;
    row->addWidget(table, 0);
    row->addWidget(m_counters, 1);
    layout->addLayout(row, 3);
    setCounters({}, 0);
}

void StatisticsView::setCounters(const BrokerCounters &c, int pendingAcks,
                                 const QList<qint64> &restarts) {
    const QLocale locale;
    const auto n = [&](quint64 v) { return locale.toString(v); };
    QString text = QStringLiteral("<table cellspacing=2>");
    const auto addRow = [&](const QString &label, const QString &value) {
        text += QStringLiteral("<tr><td>%1</td><td align=right nowrap><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), value);
    };
    addRow(tr("Messages delivered"), n(c.delivered));
    addRow(tr("Unknown destinations"), n(c.skippedUnknownId));
    addRow(tr("Answers forwarded"), n(c.answersForwarded));
    addRow(tr("Answers dropped"), n(c.droppedAnswers));
    addRow(tr("Errors sent"), n(c.errorsSent));
    addRow(tr("Acks pending"), n(quint64(pendingAcks)));
    addRow(tr("Acks expired / evicted"),
           QStringLiteral("%1 / %2").arg(n(c.acksExpired), n(c.acksEvicted)));
    addRow(tr("Undelivered (receiver cut off)"), n(c.undelivered));
    addRow(tr("Connections opened / closed"),
           QStringLiteral("%1 / %2").arg(n(c.connectionsOpened), n(c.connectionsClosed)));
    for (int r = int(CloseReason::ClientClosed); r < CloseReasonCount; ++r) {
        if (c.closesByReason[size_t(r)] > 0)
            addRow(tr("  closed: %1").arg(DisplayText::closeReason(CloseReason(r))),
                   n(c.closesByReason[size_t(r)]));
    }
    text += QStringLiteral("</table>");
    if (!restarts.isEmpty())
        text += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Broker restarted %n time(s), last at %1; the counts include the "
                            "earlier runs.",
                            nullptr, int(restarts.size()))
                             .arg(DisplayText::time(restarts.last()).left(8))
                             .toHtmlEscaped());
    m_brokerHtml = text;
    showText();
}

void StatisticsView::setContractCounts(const ContractCounts &counts) {
    m_contractsHtml.clear();
    if (counts.loaded) {
        const QLocale locale;
        QString text = QStringLiteral("<p><b>%1</b></p><table cellspacing=2>")
                           .arg(tr("Contracts").toHtmlEscaped());
        const auto addRow = [&](const QString &label, quint64 value) {
            text += QStringLiteral("<tr><td>%1</td><td align=right nowrap><b>%2</b></td></tr>")
                        .arg(label.toHtmlEscaped(), locale.toString(value));
        };
        addRow(tr("Messages checked"), counts.checked);
        addRow(tr("Violations"), counts.violations);
        if (counts.skipped > 0)
            addRow(tr("Not checked (checker behind)"), counts.skipped);
        for (const auto &[label, count] : counts.top)
            addRow(QStringLiteral("  ") + label, count);
        m_contractsHtml = text + QStringLiteral("</table>");
    }
    showText();
}

void StatisticsView::showText() {
    m_counters->setText(m_brokerHtml + m_contractsHtml);
}

QString StatisticsView::countersText() const {
    return m_counters->text();
}

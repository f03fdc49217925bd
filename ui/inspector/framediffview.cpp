#include "framediffview.h"

#include "displaytext.h"
#include "framecomparison.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "jsondiffmodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QStringList>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

FrameDiffView::FrameDiffView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new JsonDiffModel(this)) {
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    connect(m_heading, &QLabel::linkActivated, this, &FrameDiffView::showOtherFrame);
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("frameDiffTable"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    update();
}

void FrameDiffView::attach(FrameLogView *view, FrameLogModel *log) {
    m_view = view;
    m_log = log;
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FrameDiffView::selectionChanged);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FrameDiffView::selectionChanged);
    selectionChanged();
}

QString FrameDiffView::headingText() const {
    QTextDocument document;
    document.setHtml(m_heading->text());
    return document.toPlainText();
}

QString FrameDiffView::plainText() const {
    QStringList lines{headingText()};
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < JsonDiffModel::ColumnCount; ++column)
            cells.append(m_model->index(row, column).data(Qt::ToolTipRole).toString());
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n');
}

void FrameDiffView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        update();
}

void FrameDiffView::selectionChanged() {
    m_stale = true;
    if (isVisible())
        update();
}

void FrameDiffView::update() {
    m_stale = false;
    m_otherRow = -1;
    m_model->clear();
    const QList<int> selected = m_view ? m_view->selectedLogRows() : QList<int>();
    const int current = m_view ? m_view->currentLogRow() : -1;
    if (selected.size() > 2) {
        m_heading->setText(tr("Select one frame to compare it with the previous one like it, "
                              "or two frames (Ctrl+click) to compare them."));
        return;
    }
    int older = -1;
    int newer = -1;
    QString whom;
    if (selected.size() == 2) {
        older = selected.first();
        newer = selected.last();
        m_otherRow = current == older ? newer : older;
        whom = tr("The two selected frames");
    } else if (current >= 0) {
        newer = current;
        older = FrameComparison::previousAlike(*m_log, current);
        const BrokerEvent header = m_log->headerAt(current);
        const QString client =
            DisplayText::clientLabel(header.clientId, header.connectionId).toHtmlEscaped();
        const QString action = DisplayText::actionName(header).toHtmlEscaped();
        if (older < 0) {
            m_heading->setText(
                header.kind == BrokerEvent::Kind::FrameIn ||
                        header.kind == BrokerEvent::Kind::FrameOut
                    ? tr("No earlier %1 of %2 in this room in the log to compare with.")
                          .arg(action, client)
                    : tr("A broker event is not a frame: there is nothing to compare."));
            return;
        }
        m_otherRow = older;
        const QString time = QDateTime::fromMSecsSinceEpoch(m_log->timeMsAt(older))
                                 .toString(QStringLiteral("HH:mm:ss.zzz"));
        whom = tr("Compared with the previous %1 of %2, at %3 (<a href=\"other\">show it</a>)")
                   .arg(action, client, time);
    } else {
        m_heading->setText(tr("Select a frame to compare it with the previous one like it, or "
                              "two frames (Ctrl+click) to compare them."));
        return;
    }
    const FrameComparison::Result result = FrameComparison::compareRows(*m_log, older, newer);
    if (!result.error.isEmpty()) {
        m_heading->setText(whom + QStringLiteral(": ") + result.error.toHtmlEscaped());
        return;
    }
    m_model->setChanges(result.changes, result.cut);
    m_heading->setText(whom + QStringLiteral(": ") + m_model->summary().toHtmlEscaped());
    m_table->resizeColumnToContents(JsonDiffModel::ChangeColumn);
}

void FrameDiffView::showOtherFrame() {
    if (m_view && m_otherRow >= 0 && !m_view->selectLogRow(m_otherRow))
        m_heading->setText(m_heading->text() + QStringLiteral("<br>") +
                           tr("The filters hide that frame.").toHtmlEscaped());
}

#include "framedetailsview.h"

#include "displaytext.h"
#include "framecodec.h"
#include "framediffview.h"
#include "jsonformatter.h"
#include "jsonhighlighter.h"
#include "jsonpathlocator.h"
#include "rowpalette.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace {

QPlainTextEdit *makeTextView(QWidget *parent) {
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

// Text layout is far worse than linear in a line's length, and QPlainTextEdit lays out only
// the lines it shows: a 64 KiB line (a long JSON string, an array on one line) held the window
// for 1.5 s, the same text in lines of this length lays out as fast as any.
constexpr qsizetype LineLimit = 1000;

// The text in lines of at most LineLimit characters, and at most maxLines of them (*cut says
// whether lines were left out).
QString splitLongLines(const QString &text, qsizetype maxLines, bool *cut = nullptr) {
    qsizetype start = 0;
    qsizetype lines = 0;
    QString out;
    if (cut)
        *cut = false;
    while (start < text.size()) {
        if (++lines > maxLines) {
            if (cut)
                *cut = true;
            break;
        }
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        for (qsizetype at = start; at < end;) {
            qsizetype cut = std::min(end, at + LineLimit);
            if (cut < end && text.at(cut - 1).isHighSurrogate())
                --cut;
            out += QStringView(text).mid(at, cut - at);
            if (cut < end)
                out += u'\n';
            at = cut;
        }
        if (end < text.size())
            out += u'\n';
        start = end + 1;
    }
    return out;
}

} // namespace

FrameDetailsView::FrameDetailsView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_relation(new QLabel(this))
    , m_contract(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_pretty(makeTextView(this))
    , m_raw(makeTextView(this))
    , m_hex(makeTextView(this))
    , m_diff(new FrameDiffView(this))
    , m_copy(new QToolButton(this))
    , m_partial(new QLabel(this)) {
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_relation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_relation->setWordWrap(true);
    m_relation->hide();
    m_contract->setObjectName(QStringLiteral("contractViolationText"));
    m_contract->setTextFormat(Qt::PlainText);
    m_contract->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contract->setWordWrap(true);
    // On the log's warning colour, so that it reads as the same mark as the row's.
    {
        QPalette palette = m_contract->palette();
        palette.setColor(QPalette::Window, RowPalette::warningBackground(palette));
        m_contract->setPalette(palette);
        m_contract->setAutoFillBackground(true);
        m_contract->setMargin(3);
    }
    m_contract->hide();
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    new JsonHighlighter(m_pretty->document());
    m_tabs->addTab(m_pretty, tr("JSON"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_hex, tr("Hex"));
    m_tabs->addTab(m_diff, tr("Compare"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_diff),
                          tr("What changed since the previous frame like this one, or between "
                             "two frames selected with Ctrl+click"));
    // All tabs visible at the dock's width, their titles elided when it is narrow; scroll
    // buttons only when even that does not fit (four tabs must not hold the dock wide).
    m_tabs->setElideMode(Qt::ElideRight);
    m_tabs->setUsesScrollButtons(true);
    m_hex->viewport()->installEventFilter(this);
    m_pretty->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_pretty, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        // A scroll area's context menu position is the viewport's.
        const std::unique_ptr<QMenu> menu(
            jsonContextMenu(m_pretty->cursorForPosition(pos).position()));
        menu->exec(m_pretty->viewport()->mapToGlobal(pos));
    });
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copy->setToolTip(tr("Copy the text of the current tab"));
    m_copy->setAutoRaise(true);
    m_tabs->setCornerWidget(m_copy, Qt::TopRightCorner);
    connect(m_copy, &QToolButton::clicked, this, &FrameDetailsView::copyCurrent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_relation);
    layout->addWidget(m_contract);
    m_partial->setWordWrap(true);
    m_partial->hide();
    connect(m_partial, &QLabel::linkActivated, this, &FrameDetailsView::showMore);
    layout->addWidget(m_partial);
    layout->addWidget(m_tabs, 1);
    clear();
}

void FrameDetailsView::setEvent(const BrokerEvent &event, bool bytesRecorded) {
    m_data = event.data;
    m_shownBytes = ShownBytes;
    const QString client =
        event.clientId.isEmpty()
            ? tr("connection #%1").arg(event.connectionId)
            : tr("%1 (connection #%2)")
                  .arg(DisplayText::clientLabel(event.clientId, event.connectionId))
                  .arg(event.connectionId);
    // Ids and rooms are elided above the tabs: whole (and visible) in the tooltip.
    m_summary->setToolTip(
        event.connectionId == 0
            ? QString()
            : tr("Room: %1\nClient: %2")
                  .arg(DisplayText::roomName(event.room),
                       DisplayText::clientName(event.clientId, event.connectionId)));
    QString what;
    if (event.kind == BrokerEvent::Kind::FrameIn)
        what = tr("%1 received").arg(DisplayText::actionName(event));
    else if (event.kind == BrokerEvent::Kind::FrameOut)
        what = tr("%1 sent").arg(DisplayText::actionName(event));
    else
        what = DisplayText::systemEventName(event.kind);
    const bool isFrame =
        event.kind == BrokerEvent::Kind::FrameIn || event.kind == BrokerEvent::Kind::FrameOut;
    QString summary =
        (isFrame ? tr("<b>%1</b> %2 · room <b>%3</b> · %4 · %n byte(s)", nullptr, int(event.size))
                 : tr("<b>%1</b> %2 · room <b>%3</b> · %4"))
            .arg(what.toHtmlEscaped(),
                 QDateTime::fromMSecsSinceEpoch(event.timeMs)
                     .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz")),
                 DisplayText::roomLabel(event.room).toHtmlEscaped(), client.toHtmlEscaped());
    QString outcome =
        event.kind == BrokerEvent::Kind::ConnectionClosed
            ? DisplayText::closeReason(event.closeReason)
            : (event.outcome == BrokerEvent::Outcome::Done ? QString()
                                                           : DisplayText::outcome(event.outcome));
    if (!event.detail.isEmpty())
        outcome = outcome.isEmpty() ? event.detail : tr("%1: %2").arg(outcome, event.detail);
    if (!outcome.isEmpty())
        summary += QStringLiteral("<br>") + DisplayText::visible(outcome).toHtmlEscaped();
    if (event.dropped || !event.intervention.isEmpty()) {
        const QString what = event.intervention.isEmpty() ? tr("dropped") : event.intervention;
        summary += QStringLiteral("<br><b>%1</b>")
                       .arg((event.dropped ? tr("Not delivered: %1") : tr("Traffic control: %1"))
                                .arg(DisplayText::visible(what))
                                .toHtmlEscaped());
    }
    const QString notRecorded = tr("The capture's writer was too far behind when this frame "
                                   "came: its bytes were not recorded.");
    const bool lost = !bytesRecorded && (event.kind == BrokerEvent::Kind::FrameIn ||
                                         event.kind == BrokerEvent::Kind::FrameOut);
    if (lost)
        summary += QStringLiteral("<br><i>%1</i>").arg(notRecorded.toHtmlEscaped());
    else if (event.data.size() < event.size)
        summary += QStringLiteral("<br><i>%1</i>")
                       .arg(tr("Only the first %n byte(s) were recorded.", nullptr,
                               int(event.data.size())));
    m_summary->setText(summary);

    const bool hasFrame =
        event.kind == BrokerEvent::Kind::FrameIn || event.kind == BrokerEvent::Kind::FrameOut;
    // A broker event has no bytes: its JSON tab shows the event itself, Raw and Hex are off.
    for (QWidget *bytesView : {static_cast<QWidget *>(m_raw), static_cast<QWidget *>(m_hex)}) {
        const int tab = m_tabs->indexOf(bytesView);
        m_tabs->setTabEnabled(tab, hasFrame);
        m_tabs->setTabToolTip(tab, hasFrame ? QString()
                                            : tr("A broker event is not a frame: it has no bytes"));
    }
    m_hex->setPlainText(JsonFormatter::hexDump(event.data, HexBytes, m_hexBytesPerRow));
    m_textFrame = hasFrame && !event.binary;
    m_partial->hide();
    if (lost) {
        m_pretty->setPlainText(notRecorded);
        m_raw->setPlainText(notRecorded);
        if (m_tabs->currentWidget() == m_hex)
            m_tabs->setCurrentWidget(m_pretty);
    } else if (!hasFrame) {
        m_pretty->setPlainText(DisplayText::visibleLines(JsonFormatter::pretty(eventJson(event))));
        m_raw->clear();
        m_tabs->setCurrentWidget(m_pretty);
    } else if (event.binary) {
        m_pretty->setPlainText(tr("(binary frame: see the hex view)"));
        m_raw->clear();
        m_tabs->setCurrentWidget(m_hex);
    } else {
        showText();
        if (m_tabs->currentWidget() == m_hex)
            m_tabs->setCurrentWidget(m_pretty);
    }
    m_copy->setEnabled(true);
}

void FrameDetailsView::showText() {
    // The JSON tab lays out the first bytes as far as they go (JsonText never loses text);
    // client text in both is shown visibly, the layout's own line breaks kept.
    const QByteArrayView shown =
        QByteArrayView(m_data).first(std::min(m_data.size(), m_shownBytes));
    const qsizetype maxLines = ShownLines * (m_shownBytes / ShownBytes);
    bool linesCut = false;
    m_pretty->setPlainText(splitLongLines(DisplayText::visibleLines(JsonFormatter::pretty(shown)),
                                          maxLines, &linesCut));
    m_raw->setPlainText(
        splitLongLines(DisplayText::visibleLines(QString::fromUtf8(shown)), maxLines * 8));
    if (shown.size() < m_data.size()) {
        m_partial->setText(
            tr("<i>Showing the first %1 of %2 bytes.</i> <a href=\"more\">Show more</a>")
                .arg(QLocale().toString(shown.size()), QLocale().toString(m_data.size())));
        m_partial->show();
    } else if (linesCut) {
        m_partial->setText(
            tr("<i>The JSON tab shows the first %1 lines.</i> <a href=\"more\">Show more</a>")
                .arg(QLocale().toString(maxLines)));
        m_partial->show();
    } else {
        m_partial->clear();
        m_partial->hide();
    }
}

void FrameDetailsView::showMore() {
    if (!m_textFrame || m_partial->isHidden())
        return;
    m_shownBytes *= 4;
    showText();
}

QMenu *FrameDetailsView::jsonContextMenu(int textPosition) {
    QMenu *menu = m_pretty->createStandardContextMenu();
    menu->setToolTipsVisible(true);
    menu->addSeparator();
    QAction *plot = menu->addAction(tr("Plot This Path"));
    plot->setObjectName(QStringLiteral("plotThisPath"));
    const JsonPathLocator::Location at =
        m_textFrame ? JsonPathLocator::locate(m_pretty->toPlainText(), textPosition)
                    : JsonPathLocator::Location();
    const QString path = at.path.toString();
    if (!m_textFrame) {
        plot->setEnabled(false);
        plot->setToolTip(tr("Only the members of a text frame's JSON can be plotted"));
    } else if (!at.isMember()) {
        plot->setEnabled(false);
        plot->setToolTip(tr("Right-click a member of the frame to plot its values"));
    } else if (at.kind != JsonPathLocator::Kind::Number) {
        plot->setEnabled(false);
        plot->setToolTip(tr("%1 is not a number here: only numbers can be plotted").arg(path));
    } else {
        plot->setToolTip(
            tr("Plot the numbers clients send at %1 over time, a line per client").arg(path));
        connect(plot, &QAction::triggered, this, [this, path] { Q_EMIT plotPathRequested(path); });
    }
    return menu;
}

QString FrameDetailsView::partialText() const {
    return m_partial->isHidden() ? QString() : m_partial->text();
}

QByteArray FrameDetailsView::eventJson(const BrokerEvent &event) {
    // In the order a reader asks: what, when, where, who, why.
    QByteArray json =
        "{\"event\":" + FrameCodec::quote(DisplayText::systemEventName(event.kind).toUtf8());
    const auto add = [&json](const char *name, const QString &value) {
        if (!value.isEmpty())
            json += ",\"" + QByteArray(name) + "\":" + FrameCodec::quote(value.toUtf8());
    };
    add("time", DisplayText::dateTime(event.timeMs));
    add("room", DisplayText::roomName(event.room));
    add("client", QString::fromUtf8(event.clientId));
    if (event.connectionId != 0)
        json += ",\"connection\":" + QByteArray::number(event.connectionId);
    if (event.kind == BrokerEvent::Kind::ConnectionClosed)
        add("reason", DisplayText::closeReason(event.closeReason));
    add("detail", event.detail);
    add("broker", event.sessionUrl);
    return json + '}';
}

void FrameDetailsView::setRelationText(const QString &text) {
    m_relation->setText(text);
    m_relation->setVisible(!text.isEmpty());
}

void FrameDetailsView::setContractText(const QString &text) {
    m_contract->setText(text);
    m_contract->setVisible(!text.isEmpty());
}

QString FrameDetailsView::contractText() const {
    return m_contract->text();
}

void FrameDetailsView::clear() {
    m_data.clear();
    m_summary->setText(tr("Select a frame in the log to see it here."));
    setRelationText({});
    setContractText({});
    m_pretty->clear();
    m_raw->clear();
    m_hex->clear();
    m_partial->clear();
    m_partial->hide();
    m_textFrame = false;
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        m_tabs->setTabEnabled(tab, true);
        m_tabs->setTabToolTip(tab, QString());
    }
    m_copy->setEnabled(false);
}

QString FrameDetailsView::prettyText() const {
    return m_pretty->toPlainText();
}

QString FrameDetailsView::rawText() const {
    return m_raw->toPlainText();
}

QString FrameDetailsView::summaryText() const {
    return m_summary->text();
}

QString FrameDetailsView::summaryToolTip() const {
    return m_summary->toolTip();
}

QString FrameDetailsView::hexText() const {
    return m_hex->toPlainText();
}

void FrameDetailsView::copyCurrent() {
    // The frame's own text, whole, for its tabs (what they show is cut into lines and may be
    // partial); the hex view and a broker event's JSON as shown.
    QWidget *current = m_tabs->currentWidget();
    if (m_textFrame && current == m_raw)
        QApplication::clipboard()->setText(QString::fromUtf8(m_data));
    else if (m_textFrame && current == m_pretty)
        QApplication::clipboard()->setText(JsonFormatter::pretty(m_data));
    else if (const auto *view = qobject_cast<QPlainTextEdit *>(current))
        QApplication::clipboard()->setText(view->toPlainText());
    else if (current == m_diff)
        QApplication::clipboard()->setText(m_diff->plainText());
}

bool FrameDetailsView::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_hex->viewport() && event->type() == QEvent::Resize)
        updateHex();
    return QWidget::eventFilter(watched, event);
}

void FrameDetailsView::updateHex() {
    // A row of b bytes is 10 + 3b (+1 past 8) + 2 + b + 1 characters wide.
    const int chars = m_hex->viewport()->width() /
                      std::max(1, m_hex->fontMetrics().horizontalAdvance(QLatin1Char('0')));
    const int fit = std::clamp((chars - 14) / 4 / 4 * 4, 4, 16);
    if (fit == m_hexBytesPerRow)
        return;
    m_hexBytesPerRow = fit;
    if (!m_data.isEmpty())
        m_hex->setPlainText(JsonFormatter::hexDump(m_data, HexBytes, fit));
}

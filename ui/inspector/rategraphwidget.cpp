#include "rategraphwidget.h"

#include "graphpainter.h"
#include "ratehistory.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

RateGraphWidget::RateGraphWidget(const RateHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history) {
    connect(history, &RateHistory::changed, this, qOverload<>(&QWidget::update));
    setToolTip(tr("Frames per second over the last minutes"));
}

void RateGraphWidget::paintEvent(QPaintEvent *) {
    QPainter p(this);
    GraphPainter graph(&p, this);
    const QPalette pal = palette();

    const auto &samples = m_history->samples();
    double peak = 0;
    for (const auto &s : samples)
        peak = std::max({peak, s.inPerSecond, s.outPerSecond});
    const double top = GraphPainter::niceCeiling(peak);

    const QFontMetrics &fm = graph.metrics();
    const QRectF plot =
        GraphPainter::plotArea(this, fm.horizontalAdvance(QStringLiteral("000000")) + 6);
    if (!GraphPainter::isUsable(plot))
        return;

    // Grid and labels.
    for (int i = 0; i <= 4; ++i)
        graph.drawGridLine(plot, plot.bottom() - plot.height() * i / 4);
    graph.drawValueLabel(plot, plot.top(), QLocale().toString(top, 'f', 0));
    graph.drawValueLabel(plot, plot.bottom(), QStringLiteral("0"));

    const QColor inColour = QColor(0x2e, 0x9e, 0x4f);
    const QColor outColour = pal.color(QPalette::Highlight);
    const qint64 span = m_history->spanMs();
    const qint64 end = samples.isEmpty() ? 0 : samples.last().timeMs;
    const auto pathOf = [&](bool in) {
        QPainterPath path;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const auto &s = samples.at(i);
            const double x = plot.right() - plot.width() * double(end - s.timeMs) / double(span);
            const double v = in ? s.inPerSecond : s.outPerSecond;
            const double y = plot.bottom() - plot.height() * v / top;
            // A broker restart breaks the curve: no line across the time it was down.
            if (i == 0 || s.startsRun)
                path.moveTo(x, y);
            else
                path.lineTo(x, y);
        }
        return path;
    };
    // In and out are often equal (every message relayed once): a wide solid "in" under a thin
    // dashed "out" keeps both visible where they coincide.
    p.setPen(QPen(inColour, 3.2));
    p.drawPath(pathOf(true));
    p.setPen(QPen(outColour, 1.6, Qt::DashLine));
    p.drawPath(pathOf(false));
    // Where a broker run began after an earlier one: a thin vertical mark.
    QColor mark = pal.color(QPalette::Text);
    mark.setAlpha(110);
    p.setPen(QPen(mark, 1, Qt::DotLine));
    for (const auto &s : samples) {
        if (!s.startsRun)
            continue;
        const double x = plot.right() - plot.width() * double(end - s.timeMs) / double(span);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }

    // Legend and time axis.
    const QString inText = tr("in %1/s").arg(QLocale().toString(m_history->currentIn(), 'f', 0));
    const QString outText = tr("out %1/s").arg(QLocale().toString(m_history->currentOut(), 'f', 0));
    graph.drawLegendText(graph.drawLegendText(plot.left(), inText, inColour) + 16, outText,
                         outColour);
    graph.drawTimeLabel(plot, plot.left(), tr("−%n min", nullptr, int(span / 60000)),
                        Qt::AlignLeft);
    graph.drawTimeLabel(plot, plot.right(), tr("now"), Qt::AlignRight);
}

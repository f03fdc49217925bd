#include "rategraphwidget.h"

#include "ratehistory.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

// A round upper bound for the y axis: 1, 2, 5 times a power of ten.
double niceCeiling(double v) {
    if (v <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (v <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

RateGraphWidget::RateGraphWidget(const RateHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history) {
    connect(history, &RateHistory::changed, this, qOverload<>(&QWidget::update));
    setToolTip(tr("Frames per second over the last minutes"));
}

void RateGraphWidget::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));

    const auto &samples = m_history->samples();
    double peak = 0;
    for (const auto &s : samples)
        peak = std::max({peak, s.inPerSecond, s.outPerSecond});
    const double top = niceCeiling(peak);

    const QFontMetrics fm(font());
    const int left = fm.horizontalAdvance(QStringLiteral("000000")) + 6;
    const QRectF plot(left, fm.height() + 4, width() - left - 6, height() - 2 * fm.height() - 10);
    if (plot.width() < 10 || plot.height() < 10)
        return;

    // Grid and labels.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    p.setPen(grid);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4;
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(0, plot.top() - fm.height() / 2.0, left - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(top, 'f', 0));
    p.drawText(QRectF(0, plot.bottom() - fm.height() / 2.0, left - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));

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
    p.setPen(inColour);
    p.drawText(QPointF(plot.left(), fm.ascent() + 1), inText);
    p.setPen(outColour);
    p.drawText(QPointF(plot.left() + fm.horizontalAdvance(inText) + 16, fm.ascent() + 1), outText);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignLeft,
               tr("−%n min", nullptr, int(span / 60000)));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignRight,
               tr("now"));
}

#include "graphpainter.h"

#include <QPainter>
#include <QWidget>

#include <array>
#include <cmath>

GraphPainter::GraphPainter(QPainter *painter, const QWidget *widget)
    : m_painter(painter)
    , m_metrics(widget->font())
    , m_text(widget->palette().color(QPalette::Text)) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(widget->rect(), widget->palette().color(QPalette::Base));
}

QRectF GraphPainter::plotArea(const QWidget *widget, int leftWidth) {
    const QFontMetrics fm(widget->font());
    return QRectF(leftWidth, fm.height() + 4, widget->width() - leftWidth - 6,
                  widget->height() - 2 * fm.height() - 10);
}

void GraphPainter::drawGridLine(const QRectF &plot, double y) {
    QColor grid = m_text;
    grid.setAlpha(40);
    m_painter->setPen(grid);
    m_painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
}

void GraphPainter::drawValueLabel(const QRectF &plot, double y, const QString &text) {
    m_painter->setPen(m_text);
    m_painter->drawText(
        QRectF(0, y - m_metrics.height() / 2.0, plot.left() - 4, m_metrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, text);
}

void GraphPainter::drawTimeLabel(const QRectF &plot, double x, const QString &text,
                                 Qt::Alignment align) {
    m_painter->setPen(m_text);
    QRectF box(plot.left(), plot.bottom() + 2, plot.width(), m_metrics.height());
    if (align & Qt::AlignHCenter) {
        const double w = m_metrics.horizontalAdvance(text) + 2;
        box = QRectF(x - w / 2, box.top(), w, box.height());
    }
    m_painter->drawText(box, int(align & Qt::AlignHorizontal_Mask), text);
}

double GraphPainter::drawLegendText(double x, const QString &text, const QColor &colour) {
    m_painter->setPen(colour);
    m_painter->drawText(QPointF(x, legendBaseline()), text);
    return x + m_metrics.horizontalAdvance(text);
}

double GraphPainter::niceCeiling(double v) {
    if (v <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (v <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

QList<double> GraphPainter::ticks(double lo, double hi, int count) {
    if (!(hi > lo) || count < 1)
        return {lo};
    const double rough = (hi - lo) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0}) {
        if (rough <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    }
    QList<double> out;
    const double first = std::floor(lo / step) * step;
    for (double v = first; out.size() < 100; v += step) {
        // -0 and sums like 0.30000000000000004 print as written.
        out << (std::abs(v) < step * 1e-9 ? 0.0 : std::round(v / step) * step);
        if (v >= hi - step * 1e-9)
            break;
    }
    return out;
}

QColor GraphPainter::seriesColour(int index) {
    // Tableau's ten, then six darker ones: readable on white and on a dark base.
    static const std::array<QRgb, 16> colours = {
        0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf,
        0xbcbd22, 0x7f7f7f, 0x3182bd, 0xad494a, 0x637939, 0x8c6d31, 0x7b4173, 0x393b79};
    return QColor(colours[size_t(index) % colours.size()]);
}

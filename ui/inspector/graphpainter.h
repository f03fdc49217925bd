#pragma once

#include <QColor>
#include <QFontMetrics>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;
class QWidget;

// The look the window's graphs share (the rate graph, the plots of JSON paths): the palette's
// base colour behind, a faint grid and labels in its text colour and the widget's font, a line
// of legend above the plot and a line of time labels below it.
class GraphPainter {
public:
    // Fills the widget's background.
    GraphPainter(QPainter *painter, const QWidget *widget);

    const QFontMetrics &metrics() const { return m_metrics; }
    QColor textColour() const { return m_text; }
    // The plot's area, leaving leftWidth pixels for the value labels; too small to draw in
    // when it is less than 10 pixels either way (isUsable).
    static QRectF plotArea(const QWidget *widget, int leftWidth);
    static bool isUsable(const QRectF &plot) { return plot.width() >= 10 && plot.height() >= 10; }
    // A horizontal grid line at y.
    void drawGridLine(const QRectF &plot, double y);
    // A value label left of the plot, centred on y.
    void drawValueLabel(const QRectF &plot, double y, const QString &text);
    // A label on the line below the plot, aligned left, right or centred on x.
    void drawTimeLabel(const QRectF &plot, double x, const QString &text, Qt::Alignment align);
    // Text on the legend line above the plot, from x; returns where the next may start.
    double drawLegendText(double x, const QString &text, const QColor &colour);
    // The legend line's baseline.
    double legendBaseline() const { return m_metrics.ascent() + 1; }

    // A round upper bound: 1, 2, 5 times a power of ten (at least 1).
    static double niceCeiling(double v);
    // Round values from at most lo to at least hi, about count steps apart.
    static QList<double> ticks(double lo, double hi, int count);
    // Distinct colours for lines drawn together, on light and dark bases alike.
    static QColor seriesColour(int index);

private:
    QPainter *m_painter;
    QFontMetrics m_metrics;
    QColor m_text;
};

#include "pathplotwidget.h"

#include "displaytext.h"
#include "graphpainter.h"
#include "pathplotmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double ReachPx = 12;  // how near the mouse a point must be to be hovered
constexpr size_t DotsUpTo = 80; // series with few points show each as a dot
constexpr int SwatchPx = 14;    // the line drawn before a series' name in the legend

} // namespace

PathPlotWidget::PathPlotWidget(const PathPlotModel *model, const QString &path, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_path(path) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(model, &PathPlotModel::pointsAdded, this, [this](const QStringList &paths) {
        if (paths.contains(m_path))
            update();
    });
    connect(model, &PathPlotModel::seriesReset, this, [this](const QString &path) {
        if (path != m_path)
            return;
        m_hovered = {-1, -1};
        update();
    });
}

PathPlotWidget::Frame PathPlotWidget::layOut() const {
    Frame f;
    qint64 t0 = std::numeric_limits<qint64>::max();
    qint64 t1 = std::numeric_limits<qint64>::min();
    double v0 = std::numeric_limits<double>::infinity();
    double v1 = -v0;
    for (const PathPlotModel::Series &s : m_model->series(m_path)) {
        for (const PathPlotModel::Point &p : s.points) {
            t0 = std::min(t0, p.timeMs);
            t1 = std::max(t1, p.timeMs);
            v0 = std::min(v0, p.value);
            v1 = std::max(v1, p.value);
        }
    }
    if (t0 > t1)
        return f; // no points
    if (t0 == t1) {
        t0 -= 500;
        t1 += 500;
    }
    if (v0 == v1) {
        const double pad = v0 == 0 ? 1 : std::abs(v0) * 0.1;
        v0 -= pad;
        v1 += pad;
    }
    // The axis runs from tick to tick, so that its ends are labelled too.
    f.ticks = GraphPainter::ticks(v0, v1, 4);
    f.t0 = t0;
    f.t1 = t1;
    f.v0 = std::min(v0, f.ticks.constFirst());
    f.v1 = std::max(v1, f.ticks.constLast());
    f.plot = GraphPainter::plotArea(this, leftWidth(f.ticks));
    f.valid = GraphPainter::isUsable(f.plot);
    return f;
}

int PathPlotWidget::leftWidth(const QList<double> &ticks) const {
    const QFontMetrics fm(font());
    int widest = fm.horizontalAdvance(QStringLiteral("000"));
    for (double t : ticks)
        widest = std::max(widest, fm.horizontalAdvance(valueText(t)));
    return widest + 10;
}

QString PathPlotWidget::valueText(double value) const {
    return QLocale().toString(value, 'g', 6);
}

QPointF PathPlotWidget::map(const Frame &f, qint64 timeMs, double value) const {
    const double x = f.plot.left() + f.plot.width() * double(timeMs - f.t0) / double(f.t1 - f.t0);
    const double y = f.plot.bottom() - f.plot.height() * (value - f.v0) / (f.v1 - f.v0);
    return {x, y};
}

QPointF PathPlotWidget::pointPosition(int series, int point) const {
    const auto &all = m_model->series(m_path);
    const Frame f = layOut();
    if (!f.valid || series < 0 || series >= int(all.size()) || point < 0 ||
        point >= int(all[size_t(series)].points.size()))
        return {};
    const PathPlotModel::Point &p = all[size_t(series)].points[size_t(point)];
    return map(f, p.timeMs, p.value);
}

std::pair<int, int> PathPlotWidget::nearest(const QPoint &pos) const {
    const Frame f = layOut();
    if (!f.valid)
        return {-1, -1};
    std::pair<int, int> best{-1, -1};
    double bestDistance = ReachPx * ReachPx;
    const auto &all = m_model->series(m_path);
    for (size_t s = 0; s < all.size(); ++s) {
        const auto &points = all[s].points;
        for (size_t i = 0; i < points.size(); ++i) {
            const QPointF at = map(f, points[i].timeMs, points[i].value);
            const double dx = at.x() - pos.x();
            const double dy = at.y() - pos.y();
            const double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = {int(s), int(i)};
            }
        }
    }
    return best;
}

QString PathPlotWidget::toolTipAt(const QPoint &pos) const {
    const auto [s, i] = nearest(pos);
    if (s < 0)
        return {};
    const PathPlotModel::Point &p = m_model->series(m_path)[size_t(s)].points[size_t(i)];
    return tr("%1 = %2\n%3 · room %4 · %5\nClick to select this frame in the log")
        .arg(m_path, QLocale().toString(p.value, 'g', 15), DisplayText::time(p.timeMs),
             DisplayText::roomLabel(p.room), DisplayText::clientLabel(p.clientId, p.connectionId));
}

void PathPlotWidget::mouseMoveEvent(QMouseEvent *event) {
    const std::pair<int, int> hovered = nearest(event->position().toPoint());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        update();
    }
    const QString tip = toolTipAt(event->position().toPoint());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
    setCursor(hovered.first >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void PathPlotWidget::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const auto [s, i] = nearest(event->position().toPoint());
    if (s < 0)
        return;
    Q_EMIT pointClicked(m_model->series(m_path)[size_t(s)].points[size_t(i)].serial);
}

void PathPlotWidget::leaveEvent(QEvent *event) {
    if (m_hovered.first >= 0) {
        m_hovered = {-1, -1};
        update();
    }
    QWidget::leaveEvent(event);
}

void PathPlotWidget::paintEvent(QPaintEvent *) {
    QPainter p(this);
    GraphPainter graph(&p, this);
    const auto &all = m_model->series(m_path);
    const Frame f = layOut();
    if (!f.valid) {
        p.setPen(graph.textColour());
        p.drawText(
            rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
            tr("No numbers at %1 yet: the plot shows the values clients send there.").arg(m_path));
        return;
    }

    // Grid and value labels at round values; times at both ends and in the middle.
    for (double t : f.ticks) {
        const double y = map(f, f.t0, t).y();
        graph.drawGridLine(f.plot, y);
        graph.drawValueLabel(f.plot, y, valueText(t));
    }
    const bool withMs = f.t1 - f.t0 < 10000;
    const auto timeText = [withMs](qint64 ms) {
        return withMs ? DisplayText::time(ms)
                      : QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("hh:mm:ss"));
    };
    graph.drawTimeLabel(f.plot, f.plot.left(), timeText(f.t0), Qt::AlignLeft);
    graph.drawTimeLabel(f.plot, f.plot.center().x(), timeText((f.t0 + f.t1) / 2), Qt::AlignHCenter);
    graph.drawTimeLabel(f.plot, f.plot.right(), timeText(f.t1), Qt::AlignRight);

    // The lines, clipped to the plot: the range covers every point, the pen's width does not.
    p.save();
    p.setClipRect(f.plot.adjusted(-4, -4, 4, 4));
    for (size_t s = 0; s < all.size(); ++s) {
        const QColor colour = GraphPainter::seriesColour(int(s));
        // Thousands of points on a few hundred pixels: per pixel column the line only goes
        // to the lowest, the highest and the last value there, so peaks stay and a paint costs
        // the width, not the points.
        QPainterPath line;
        const auto &points = all[s].points;
        int column = 0;
        double x = 0, low = 0, high = 0, last = 0;
        const auto flush = [&] {
            line.lineTo(x, low);
            line.lineTo(x, high);
            line.lineTo(x, last);
        };
        for (size_t i = 0; i < points.size(); ++i) {
            const QPointF at = map(f, points[i].timeMs, points[i].value);
            if (i > 0 && int(at.x()) == column) {
                low = std::min(low, at.y());
                high = std::max(high, at.y());
                last = at.y();
                continue;
            }
            if (i == 0) {
                line.moveTo(at);
            } else {
                flush();
                line.lineTo(at);
            }
            column = int(at.x());
            x = at.x();
            low = high = last = at.y();
        }
        if (!points.empty())
            flush();
        p.setPen(QPen(colour, 1.8));
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        if (points.size() <= DotsUpTo) {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            for (const PathPlotModel::Point &point : points)
                p.drawEllipse(map(f, point.timeMs, point.value), 2.5, 2.5);
        }
    }
    if (m_hovered.first >= 0 && m_hovered.first < int(all.size()) &&
        m_hovered.second < int(all[size_t(m_hovered.first)].points.size())) {
        const PathPlotModel::Point &point =
            all[size_t(m_hovered.first)].points[size_t(m_hovered.second)];
        p.setPen(QPen(GraphPainter::seriesColour(m_hovered.first), 2));
        p.setBrush(palette().color(QPalette::Base));
        p.drawEllipse(map(f, point.timeMs, point.value), 5, 5);
    }
    p.restore();

    // Legend: each series' colour and name, as many as fit; those past the model's bound after.
    double x = f.plot.left();
    const double baseline = graph.legendBaseline();
    const double midline = baseline - graph.metrics().ascent() / 2.0 + 1;
    const int ignored = m_model->ignoredSeries(m_path);
    const QString more =
        ignored > 0 ? tr("(+%n not plotted)", nullptr, ignored) : QStringLiteral("…");
    const double reserve = graph.metrics().horizontalAdvance(more) + 8;
    for (size_t s = 0; s < all.size(); ++s) {
        const QString label = all[s].label;
        const double needed = SwatchPx + 4 + graph.metrics().horizontalAdvance(label) + 12;
        if (x + needed > width() - reserve && s + 1 < all.size()) {
            graph.drawLegendText(x, QStringLiteral("…"), graph.textColour());
            x += graph.metrics().horizontalAdvance(QStringLiteral("…")) + 8;
            break;
        }
        const QColor colour = GraphPainter::seriesColour(int(s));
        p.setPen(QPen(colour, 2.4));
        p.drawLine(QPointF(x, midline), QPointF(x + SwatchPx, midline));
        x = graph.drawLegendText(x + SwatchPx + 4, label, colour) + 12;
    }
    if (ignored > 0)
        graph.drawLegendText(x, more, graph.textColour());
}

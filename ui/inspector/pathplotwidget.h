#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>

class PathPlotModel;

// A line plot of one pinned JSON path's values over time, a line per client (or room) as the
// model groups them, drawn as the rate graph is (GraphPainter). Hovering names the frame of the
// nearest point in a tooltip; clicking it emits pointClicked with the frame's log serial.
class PathPlotWidget : public QWidget {
    Q_OBJECT
public:
    PathPlotWidget(const PathPlotModel *model, const QString &path, QWidget *parent = nullptr);

    QString path() const { return m_path; }
    QSize sizeHint() const override { return {480, 200}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

    // Where a point of a series is drawn (widget coordinates); invalid when it is not.
    QPointF pointPosition(int series, int point) const;
    // What hovering here shows: the nearest point's frame, or empty when none is near.
    QString toolTipAt(const QPoint &pos) const;

Q_SIGNALS:
    // A point was clicked: the serial of its row in the log.
    void pointClicked(quint64 serial);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // The axes' ranges and the plot's area, as the last paint laid them out, for hit tests.
    struct Frame {
        QRectF plot;
        qint64 t0 = 0, t1 = 1;
        double v0 = 0, v1 = 1;
        QList<double> ticks; // round values from v0 to v1, labelled
        bool valid = false;
    };
    Frame layOut() const;
    QPointF map(const Frame &f, qint64 timeMs, double value) const;
    // The series and point index nearest pos within reach, or {-1, -1}.
    std::pair<int, int> nearest(const QPoint &pos) const;
    int leftWidth(const QList<double> &ticks) const;
    QString valueText(double value) const;

    const PathPlotModel *m_model;
    QString m_path;
    std::pair<int, int> m_hovered{-1, -1};
};

#pragma once

#include "jsonpath.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <memory>
#include <vector>

class FrameLogModel;

// The numeric values of pinned JSON paths over time ("Plot This Path"): for each path, a series
// per client (or per room, a setting of the path) of the values clients sent at that path.
// Only frames in from clients count (what a client sent: message.price of its send), and only
// JSON numbers: a numeric string, true or null is not a value here, and is skipped.
//
// Fed by the log it watches: each batch of rows the log takes from the Inspector's event
// batches (live, or when a paused log resumes), so that every point names its row by the log's
// serial and a click can select it. Pinning a path back-fills it from the rows whose events are
// still in memory. Bounded: MaxPointsPerSeries points a series (the oldest dropped) and
// MaxSeries series a path; values of clients (or rooms) past those are ignored and counted, not
// folded into a line that would mix them. Emits pointsAdded once per batch, not per frame.
class PathPlotModel : public QObject {
    Q_OBJECT
public:
    enum class Grouping { ByClient, ByRoom };
    Q_ENUM(Grouping)

    struct Point {
        qint64 timeMs = 0;
        double value = 0;
        quint64 serial = 0; // the row's in the log (FrameLogModel::rowOfSerial)
        quint64 session = 0;
        QString room;
        QByteArray clientId;
        quint64 connectionId = 0;
    };
    struct Series {
        QString key;   // what groups the points: the client (or connection) or the room
        QString label; // as the log shows that client or room
        std::deque<Point> points;
    };

    static constexpr int MaxPointsPerSeries = 5000;
    static constexpr int MaxSeries = 16;
    // Rows a pin looks back at, at most (without a capture every row is in memory).
    static constexpr int BackfillRows = 100000;

    explicit PathPlotModel(const FrameLogModel *log, QObject *parent = nullptr);
    ~PathPlotModel() override;

    // Pins a path (JsonPath syntax) and back-fills it; false with the reason when it does not
    // parse or names no member. Pinning a pinned path again changes nothing (true).
    bool pin(const QString &path, QString *error = nullptr);
    void unpin(const QString &path);
    bool isPinned(const QString &path) const { return plot(path) != nullptr; }
    // In the order they were pinned.
    QStringList paths() const;

    Grouping grouping(const QString &path) const;
    // Regroups the points the path holds (the bounds apply again).
    void setGrouping(const QString &path, Grouping grouping);

    // The path's series in the order they first had a value; empty for a path not pinned.
    const std::vector<Series> &series(const QString &path) const;
    // Values of clients (or rooms) past MaxSeries, and how many of those there were.
    quint64 ignoredPoints(const QString &path) const;
    int ignoredSeries(const QString &path) const;

    int maxPointsPerSeries() const { return m_maxPoints; }
    // Tests set a small bound; shrinking drops the oldest points at the next batch.
    void setMaxPointsPerSeries(int points);

public Q_SLOTS:
    // Empties every series; the paths stay pinned.
    void clear();

Q_SIGNALS:
    void pinnedPathsChanged();
    // Once per batch of the log's rows, naming the paths that got points.
    void pointsAdded(const QStringList &paths);
    // A path's series were rebuilt (back-filled, regrouped, cleared).
    void seriesReset(const QString &path);

private:
    struct Plot;
    Plot *plot(const QString &path) const;
    void addRows(int first, int last);
    // Adds one frame's value to a plot; false when its series is past the bound.
    bool addPoint(Plot &plot, const Point &point) const;
    void backfill(Plot &plot) const;
    // Adds the values of the log's rows first..last to these plots; returns those that got one.
    std::vector<Plot *> feed(int first, int last, const std::vector<Plot *> &plots) const;

    const FrameLogModel *m_log;
    std::vector<std::unique_ptr<Plot>> m_plots;
    int m_maxPoints = MaxPointsPerSeries;
};

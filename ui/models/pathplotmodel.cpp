#include "pathplotmodel.h"

#include "displaytext.h"
#include "framelogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

struct PathPlotModel::Plot {
    QString spelling;
    JsonPath path;
    QByteArray lastName; // UTF-8 of the last member name, to pass over frames without it
    Grouping grouping = Grouping::ByClient;
    std::vector<Series> series;
    quint64 ignoredPoints = 0;
    QSet<QString> ignoredKeys;
};

namespace {

const std::vector<PathPlotModel::Series> NoSeries;

QString keyOf(const PathPlotModel::Point &p, PathPlotModel::Grouping grouping) {
    if (grouping == PathPlotModel::Grouping::ByRoom)
        return p.room;
    // Connection numbers start again with each broker run; an id is the same client again.
    if (p.clientId.isEmpty())
        return QStringLiteral("#%1/%2").arg(p.session).arg(p.connectionId);
    return QLatin1Char('=') + QString::fromUtf8(p.clientId);
}

} // namespace

PathPlotModel::PathPlotModel(const FrameLogModel *log, QObject *parent)
    : QObject(parent)
    , m_log(log) {
    connect(log, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { addRows(first, last); });
    connect(log, &QAbstractItemModel::modelReset, this, &PathPlotModel::clear);
}

PathPlotModel::~PathPlotModel() = default;

PathPlotModel::Plot *PathPlotModel::plot(const QString &path) const {
    for (const auto &p : m_plots) {
        if (p->spelling == path)
            return p.get();
    }
    return nullptr;
}

QStringList PathPlotModel::paths() const {
    QStringList out;
    for (const auto &p : m_plots)
        out << p->spelling;
    return out;
}

bool PathPlotModel::pin(const QString &path, QString *error) {
    QString why;
    const JsonPath parsed = JsonPath::parse(path, &why);
    if (!why.isEmpty() || parsed.isEmpty()) {
        if (error)
            *error = why.isEmpty() ? tr("a path names a member, such as message.price") : why;
        return false;
    }
    if (isPinned(path))
        return true;
    auto p = std::make_unique<Plot>();
    p->spelling = path;
    p->path = parsed;
    for (const JsonPath::Segment &s : parsed.segments()) {
        if (s.index < 0)
            p->lastName = s.name.toUtf8();
    }
    backfill(*p);
    m_plots.push_back(std::move(p));
    Q_EMIT pinnedPathsChanged();
    return true;
}

void PathPlotModel::unpin(const QString &path) {
    const auto it = std::find_if(m_plots.begin(), m_plots.end(),
                                 [&](const auto &p) { return p->spelling == path; });
    if (it == m_plots.end())
        return;
    m_plots.erase(it);
    Q_EMIT pinnedPathsChanged();
}

PathPlotModel::Grouping PathPlotModel::grouping(const QString &path) const {
    const Plot *p = plot(path);
    return p ? p->grouping : Grouping::ByClient;
}

void PathPlotModel::setGrouping(const QString &path, Grouping grouping) {
    Plot *p = plot(path);
    if (!p || p->grouping == grouping)
        return;
    std::vector<Point> points;
    for (Series &s : p->series)
        std::move(s.points.begin(), s.points.end(), std::back_inserter(points));
    std::sort(points.begin(), points.end(),
              [](const Point &a, const Point &b) { return a.serial < b.serial; });
    p->series.clear();
    p->ignoredPoints = 0;
    p->ignoredKeys.clear();
    p->grouping = grouping;
    for (const Point &point : points)
        addPoint(*p, point);
    Q_EMIT seriesReset(path);
}

const std::vector<PathPlotModel::Series> &PathPlotModel::series(const QString &path) const {
    const Plot *p = plot(path);
    return p ? p->series : NoSeries;
}

quint64 PathPlotModel::ignoredPoints(const QString &path) const {
    const Plot *p = plot(path);
    return p ? p->ignoredPoints : 0;
}

int PathPlotModel::ignoredSeries(const QString &path) const {
    const Plot *p = plot(path);
    return p ? int(p->ignoredKeys.size()) : 0;
}

void PathPlotModel::setMaxPointsPerSeries(int points) {
    m_maxPoints = std::max(points, 1);
    for (const auto &p : m_plots) {
        for (Series &s : p->series) {
            while (s.points.size() > size_t(m_maxPoints))
                s.points.pop_front();
        }
        Q_EMIT seriesReset(p->spelling);
    }
}

void PathPlotModel::clear() {
    for (const auto &p : m_plots) {
        p->series.clear();
        p->ignoredPoints = 0;
        p->ignoredKeys.clear();
        Q_EMIT seriesReset(p->spelling);
    }
}

bool PathPlotModel::addPoint(Plot &plot, const Point &point) const {
    const QString key = keyOf(point, plot.grouping);
    auto it = std::find_if(plot.series.begin(), plot.series.end(),
                           [&](const Series &s) { return s.key == key; });
    if (it == plot.series.end()) {
        if (int(plot.series.size()) >= MaxSeries) {
            ++plot.ignoredPoints;
            plot.ignoredKeys.insert(key);
            return false;
        }
        Series s;
        s.key = key;
        s.label = plot.grouping == Grouping::ByRoom
                      ? DisplayText::roomLabel(point.room)
                      : DisplayText::clientLabel(point.clientId, point.connectionId);
        plot.series.push_back(std::move(s));
        it = plot.series.end() - 1;
    }
    it->points.push_back(point);
    if (it->points.size() > size_t(m_maxPoints))
        it->points.pop_front();
    return true;
}

void PathPlotModel::backfill(Plot &plot) const {
    // Only rows whose events are in memory: reading older ones back from the capture would
    // hold the window for as long as the capture is long.
    int first = std::max(0, m_log->rowCount() - BackfillRows);
    while (first < m_log->rowCount() && !m_log->isInMemory(first))
        ++first;
    std::vector<Plot *> plots{&plot};
    feed(first, m_log->rowCount() - 1, plots);
}

void PathPlotModel::addRows(int first, int last) {
    if (m_plots.empty())
        return;
    std::vector<Plot *> plots;
    for (const auto &p : m_plots)
        plots.push_back(p.get());
    const std::vector<Plot *> touched = feed(first, last, plots);
    if (touched.empty())
        return;
    QStringList paths;
    for (const Plot *p : touched)
        paths << p->spelling;
    Q_EMIT pointsAdded(paths);
}

std::vector<PathPlotModel::Plot *> PathPlotModel::feed(int first, int last,
                                                       const std::vector<Plot *> &plots) const {
    std::vector<Plot *> touched;
    for (int row = first; row <= last; ++row) {
        // Rows streamed from a capture (not in memory) are not live traffic; neither are the
        // broker's frames out, system events or binary frames.
        if (!m_log->isInMemory(row) || m_log->kindAt(row) != BrokerEvent::Kind::FrameIn ||
            m_log->binaryAt(row))
            continue;
        const BrokerEvent e = m_log->eventAt(row);
        // Parsing costs far more than looking: a frame without any path's last name (written
        // as is, no escapes in the frame) cannot have a value at it.
        const bool mayEscape = e.data.contains('\\');
        if (!mayEscape && std::none_of(plots.begin(), plots.end(), [&](const Plot *p) {
                return p->lastName.isEmpty() || e.data.contains(p->lastName);
            }))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(e.data);
        const QJsonValue root = doc.isObject()  ? QJsonValue(doc.object())
                                : doc.isArray() ? QJsonValue(doc.array())
                                                : QJsonValue();
        if (root.isNull())
            continue;
        for (Plot *p : plots) {
            const QJsonValue value = p->path.valueIn(root);
            if (!value.isDouble())
                continue;
            const Point point{e.timeMs, value.toDouble(), m_log->serialAt(row), e.session,
                              e.room,   e.clientId,       e.connectionId};
            if (addPoint(*p, point) &&
                std::find(touched.begin(), touched.end(), p) == touched.end())
                touched.push_back(p);
        }
    }
    return touched;
}

#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

// A path to a member of a frame's JSON, from the frame's top level: member names joined by
// dots, array indices as [N], names that are not identifiers ([A-Za-z_][A-Za-z0-9_]*) quoted as
// JSON strings in brackets: message.items[2].qty, message["unit price"], ["odd key"].a.
// The log filter's JSON conditions spell paths the same way.
class JsonPath {
public:
    struct Segment {
        QString name; // a member name, when index < 0
        int index = -1;
        bool operator==(const Segment &) const = default;
    };

    JsonPath() = default;
    explicit JsonPath(QList<Segment> segments)
        : m_segments(std::move(segments)) {}

    // An empty path (the whole frame) is valid but names no member; error says what is wrong
    // and where (1-based column).
    static JsonPath parse(const QString &text, QString *error = nullptr);
    bool isEmpty() const { return m_segments.isEmpty(); }
    const QList<Segment> &segments() const { return m_segments; }
    // The canonical spelling; parse(toString()) gives the same path.
    QString toString() const;
    // Whether a name can be written after a dot without quotes.
    static bool isIdentifier(QStringView name);

    // The value at this path inside root, undefined when a member or index is missing.
    QJsonValue valueIn(const QJsonValue &root) const;

    bool operator==(const JsonPath &) const = default;

private:
    QList<Segment> m_segments;
};

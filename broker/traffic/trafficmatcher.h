#pragma once

#include "trafficrule.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>
#include <vector>

struct Delivery;

// The enabled rules of traffic control, ready to be matched cheaply: a receiver's room picks
// the rules that can apply to it once (candidatesForRoom), and a delivery is then checked
// against those, the plain fields first, the regular expression and the JSON path last (the
// frame is parsed only for a path, and once per delivery).
class TrafficMatcher {
public:
    // One step of a JSON path: a member by name, or an array element by index (index >= 0).
    struct PathStep {
        QString key;
        int index = -1;
    };
    // "message.items[0].id" into its steps; false when malformed.
    static bool compilePath(const QString &path, std::vector<PathStep> *steps);

    TrafficMatcher() = default;
    explicit TrafficMatcher(const TrafficRuleList &rules);

    bool isEmpty() const { return m_rules.empty(); }
    // Indices (into rule()), in their order, of the rules that can apply to frames of each
    // action for a receiver in room with clientId: those whose room, receiver and action are
    // these or unset. A receiver's list is worked out once, not per frame.
    using Candidates = std::array<std::vector<int>, size_t(FrameAction::Error) + 1>;
    Candidates candidatesFor(const QString &room, const QByteArray &clientId) const;
    // The first of candidates that matches the delivery, or -1.
    int firstMatch(const std::vector<int> &candidates, const Delivery &delivery) const;
    const TrafficRule &rule(int index) const { return m_rules[size_t(index)].rule; }
    // The index of the enabled rule with this name, or -1.
    int indexOf(const QString &name) const;

private:
    struct Compiled {
        TrafficRule rule;
        std::vector<PathStep> path;
        bool usesPattern = false;
    };
    // What of a frame has been decoded for the rules so far.
    struct FrameView {
        std::optional<QString> text;
        std::optional<QJsonObject> json;
    };
    bool matches(const Compiled &c, const Delivery &delivery, FrameView &view) const;
    static bool pathMatches(const Compiled &c, const QJsonObject &frame);

    std::vector<Compiled> m_rules;
};

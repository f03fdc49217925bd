#include "trafficmatcher.h"

#include "clientconnection.h"
#include "delivery.h"

#include <QJsonArray>
#include <QJsonDocument>

bool TrafficMatcher::compilePath(const QString &path, std::vector<PathStep> *steps) {
    steps->clear();
    if (path.isEmpty())
        return false;
    qsizetype i = 0;
    const qsizetype n = path.size();
    while (i < n) {
        // A member name up to '.', '[' or the end; it may be missing only before an index.
        qsizetype end = i;
        while (end < n && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
            ++end;
        if (end > i)
            steps->push_back({path.mid(i, end - i), -1});
        else if (end >= n || path.at(end) != QLatin1Char('[') || (i > 0 && steps->empty()))
            return false;
        i = end;
        while (i < n && path.at(i) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return false;
            bool ok = false;
            const int index = path.mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || index < 0)
                return false;
            steps->push_back({QString(), index});
            i = close + 1;
        }
        if (i < n) {
            if (path.at(i) != QLatin1Char('.') || i + 1 >= n)
                return false;
            ++i;
        }
    }
    return !steps->empty();
}

TrafficMatcher::TrafficMatcher(const TrafficRuleList &rules) {
    for (const TrafficRule &rule : rules) {
        if (!rule.enabled)
            continue;
        Compiled c;
        c.rule = rule;
        if (!rule.match.path.isEmpty() && !compilePath(rule.match.path, &c.path))
            continue; // a path that cannot be followed matches nothing
        c.usesPattern = !rule.match.pattern.pattern().isEmpty() && rule.match.pattern.isValid();
        if (c.usesPattern)
            c.rule.match.pattern.optimize();
        m_rules.push_back(std::move(c));
    }
}

TrafficMatcher::Candidates TrafficMatcher::candidatesFor(const QString &room,
                                                         const QByteArray &clientId) const {
    Candidates out;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const TrafficMatch &m = m_rules[i].rule.match;
        if ((!m.room.isEmpty() && m.room != room) || (!m.to.isEmpty() && m.to != clientId))
            continue;
        for (size_t action = 0; action < out.size(); ++action) {
            if (m.action == FrameAction::None || size_t(m.action) == action)
                out[action].push_back(int(i));
        }
    }
    return out;
}

int TrafficMatcher::firstMatch(const std::vector<int> &candidates, const Delivery &delivery) const {
    FrameView view;
    for (int index : candidates) {
        if (matches(m_rules[size_t(index)], delivery, view))
            return index;
    }
    return -1;
}

int TrafficMatcher::indexOf(const QString &name) const {
    for (size_t i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i].rule.name == name)
            return int(i);
    }
    return -1;
}

bool TrafficMatcher::matches(const Compiled &c, const Delivery &d, FrameView &view) const {
    const TrafficMatch &m = c.rule.match;
    if (m.action != FrameAction::None && m.action != d.action)
        return false;
    if (!m.ack.isEmpty() && m.ack != d.ack)
        return false;
    if (!m.from.isEmpty() && m.from != d.senderClientId)
        return false;
    if (!m.to.isEmpty() && (d.receiver == nullptr || m.to != d.receiver->clientId()))
        return false;
    if (c.usesPattern) {
        if (!view.text)
            view.text = QString::fromUtf8(d.frame);
        if (!m.pattern.match(*view.text).hasMatch())
            return false;
    }
    if (!c.path.empty()) {
        if (!view.json)
            view.json = QJsonDocument::fromJson(d.frame).object();
        if (!pathMatches(c, *view.json))
            return false;
    }
    return true;
}

bool TrafficMatcher::pathMatches(const Compiled &c, const QJsonObject &frame) {
    QJsonValue at = frame;
    for (const PathStep &step : c.path) {
        if (step.index >= 0) {
            if (!at.isArray() || step.index >= at.toArray().size())
                return false;
            at = at.toArray().at(step.index);
        } else {
            if (!at.isObject() || !at.toObject().contains(step.key))
                return false;
            at = at.toObject().value(step.key);
        }
    }
    const QJsonValue &equals = c.rule.match.equals;
    return equals.isUndefined() || at == equals;
}

#include "trafficrulesparser.h"

#include "printabletext.h"

#include "trafficmatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <vector>

namespace {

struct EffectName {
    TrafficEffect effect;
    const char *name;
};
constexpr EffectName effectNames[] = {
    {TrafficEffect::Hold, "hold"},
    {TrafficEffect::Delay, "delay"},
    {TrafficEffect::Drop, "drop"},
    {TrafficEffect::Duplicate, "duplicate"},
    {TrafficEffect::Close, "close"},
    {TrafficEffect::Throttle, "throttle"},
    {TrafficEffect::IgnorePings, "ignorePings"},
};

constexpr FrameAction matchableActions[] = {FrameAction::Message, FrameAction::Answer,
                                            FrameAction::Registered, FrameAction::Unregistered,
                                            FrameAction::Error};

const QSet<QString> &ruleKeys() {
    static const QSet<QString> keys{QStringLiteral("name"),
                                    QStringLiteral("enabled"),
                                    QStringLiteral("match"),
                                    QStringLiteral("effect"),
                                    QStringLiteral("ms"),
                                    QStringLiteral("jitterMs"),
                                    QStringLiteral("probability"),
                                    QStringLiteral("copies"),
                                    QStringLiteral("closeCode"),
                                    QStringLiteral("after"),
                                    QStringLiteral("bytesPerSecond")};
    return keys;
}

const QSet<QString> &matchKeys() {
    static const QSet<QString> keys{QStringLiteral("room"), QStringLiteral("from"),
                                    QStringLiteral("to"),   QStringLiteral("action"),
                                    QStringLiteral("ack"),  QStringLiteral("regex"),
                                    QStringLiteral("path"), QStringLiteral("equals")};
    return keys;
}

// Reads one rule; returns an error without the rule's name (the caller adds it).
class RuleReader {
public:
    explicit RuleReader(const QJsonObject &o)
        : m_o(o) {}

    QString read(TrafficRule *rule) {
        for (auto it = m_o.begin(); it != m_o.end(); ++it) {
            if (!ruleKeys().contains(it.key()))
                return TrafficRulesParser::tr("unknown key \"%1\"").arg(it.key());
        }
        if (!m_o.contains(QStringLiteral("name")))
            return TrafficRulesParser::tr("missing \"name\"");
        if (!text(m_o, QStringLiteral("name"), &rule->name))
            return m_error;
        if (rule->name.isEmpty())
            return TrafficRulesParser::tr("\"name\" is empty");
        if (m_o.contains(QStringLiteral("enabled"))) {
            const QJsonValue v = m_o.value(QStringLiteral("enabled"));
            if (!v.isBool())
                return TrafficRulesParser::tr("\"enabled\" must be true or false");
            rule->enabled = v.toBool();
        }
        QString effect;
        if (!m_o.contains(QStringLiteral("effect")))
            return TrafficRulesParser::tr("missing \"effect\"");
        if (!text(m_o, QStringLiteral("effect"), &effect))
            return m_error;
        if (!TrafficRulesParser::effectFromName(effect, &rule->effect))
            return TrafficRulesParser::tr("unknown effect \"%1\" (hold, delay, drop, duplicate, "
                                          "close, throttle or ignorePings)")
                .arg(effect);
        if (m_o.contains(QStringLiteral("match"))) {
            const QJsonValue v = m_o.value(QStringLiteral("match"));
            if (!v.isObject())
                return TrafficRulesParser::tr("\"match\" must be an object");
            if (const QString e = readMatch(v.toObject(), &rule->match); !e.isEmpty())
                return e;
        }
        const bool numbers =
            number(QStringLiteral("ms"), 0, 24 * 3600 * 1000, &rule->ms) &&
            number(QStringLiteral("jitterMs"), 0, 24 * 3600 * 1000, &rule->jitterMs) &&
            number(QStringLiteral("copies"), 2, 100, &rule->copies) &&
            number(QStringLiteral("closeCode"), 0, 4999, &rule->closeCode) &&
            number(QStringLiteral("after"), 1, 1000000000, &rule->after) &&
            number(QStringLiteral("bytesPerSecond"), 1, 1LL << 40, &rule->bytesPerSecond);
        if (!numbers)
            return m_error;
        if (m_o.contains(QStringLiteral("probability"))) {
            const QJsonValue v = m_o.value(QStringLiteral("probability"));
            if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1)
                return TrafficRulesParser::tr("\"probability\" must be a number from 0 to 1");
            rule->probability = v.toDouble();
        }
        if (!TrafficRulesParser::isSendableCloseCode(rule->closeCode))
            return TrafficRulesParser::tr("\"closeCode\" %1 cannot be sent (1000-1003, "
                                          "1007-1009, 1011-1014 or 3000-4999)")
                .arg(rule->closeCode);
        if (rule->effect == TrafficEffect::Throttle && rule->bytesPerSecond <= 0)
            return TrafficRulesParser::tr("throttle needs \"bytesPerSecond\" above 0");
        if (rule->effect == TrafficEffect::Delay && rule->ms == 0 && rule->jitterMs == 0)
            return TrafficRulesParser::tr("delay needs \"ms\" or \"jitterMs\" above 0");
        return {};
    }

private:
    QString readMatch(const QJsonObject &m, TrafficMatch *match) {
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!matchKeys().contains(it.key()))
                return TrafficRulesParser::tr("unknown key \"match.%1\"").arg(it.key());
        }
        QString from, to, action, ack, regex;
        if (!text(m, QStringLiteral("room"), &match->room) ||
            !text(m, QStringLiteral("from"), &from) || !text(m, QStringLiteral("to"), &to) ||
            !text(m, QStringLiteral("action"), &action) || !text(m, QStringLiteral("ack"), &ack) ||
            !text(m, QStringLiteral("regex"), &regex) ||
            !text(m, QStringLiteral("path"), &match->path))
            return m_error;
        if (m.contains(QStringLiteral("room")) && !match->room.startsWith(QLatin1Char('/')))
            return TrafficRulesParser::tr("\"match.room\" must start with /");
        match->from = from.toUtf8();
        match->to = to.toUtf8();
        match->ack = ack.toUtf8();
        if (m.contains(QStringLiteral("action"))) {
            match->action = TrafficRulesParser::actionFromName(action);
            if (match->action == FrameAction::None)
                return TrafficRulesParser::tr("unknown action \"%1\" (message, answer, "
                                              "registered, unregistered or error)")
                    .arg(action);
        }
        if (m.contains(QStringLiteral("regex"))) {
            match->pattern = QRegularExpression(regex);
            if (regex.isEmpty() || !match->pattern.isValid())
                return TrafficRulesParser::tr("invalid regex \"%1\": %2")
                    .arg(regex, regex.isEmpty() ? TrafficRulesParser::tr("empty")
                                                : match->pattern.errorString());
        }
        if (m.contains(QStringLiteral("path")) && !TrafficRulesParser::isValidPath(match->path))
            return TrafficRulesParser::tr("invalid path \"%1\" (e.g. message.items[0].id)")
                .arg(match->path);
        if (m.contains(QStringLiteral("equals"))) {
            if (match->path.isEmpty())
                return TrafficRulesParser::tr("\"match.equals\" needs \"match.path\"");
            match->equals = m.value(QStringLiteral("equals"));
        }
        return {};
    }

    bool text(const QJsonObject &o, const QString &key, QString *out) {
        if (!o.contains(key))
            return true;
        const QJsonValue v = o.value(key);
        if (!v.isString()) {
            m_error = TrafficRulesParser::tr("\"%1\" must be a string").arg(key);
            return false;
        }
        *out = v.toString();
        return true;
    }

    template <typename T> bool number(const QString &key, qint64 min, qint64 max, T *out) {
        if (!m_o.contains(key))
            return true;
        const QJsonValue v = m_o.value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
            m_error = TrafficRulesParser::tr("\"%1\" must be a whole number from %2 to %3")
                          .arg(key)
                          .arg(min)
                          .arg(max);
            return false;
        }
        *out = T(d);
        return true;
    }

    const QJsonObject &m_o;
    QString m_error;
};

} // namespace

TrafficRuleList TrafficRulesParser::parse(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            tr("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return {};
    }
    if (!doc.isArray()) {
        *error = tr("the rules must be a JSON array of objects");
        return {};
    }
    TrafficRuleList rules;
    QSet<QString> names;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array.at(i);
        const QString position = tr("rule %1").arg(i + 1);
        if (!v.isObject()) {
            *error = tr("%1: must be an object").arg(position);
            return {};
        }
        const QJsonObject o = v.toObject();
        const QJsonValue name = o.value(QStringLiteral("name"));
        const QString label = name.isString() && !name.toString().isEmpty()
                                  ? tr("rule \"%1\"").arg(name.toString())
                                  : position;
        TrafficRule rule;
        QString problem = RuleReader(o).read(&rule);
        if (problem.isEmpty() && names.contains(rule.name))
            problem = tr("the name is used by an earlier rule");
        if (!problem.isEmpty()) {
            // Names, keys and patterns come from the file: shown escaped, so that the error
            // stays one line and a control or bidi character cannot pose as its text.
            *error = PrintableText::escape(QStringLiteral("%1: %2").arg(label, problem));
            return {};
        }
        names.insert(rule.name);
        rules.append(rule);
    }
    error->clear();
    return rules;
}

QByteArray TrafficRulesParser::serialize(const TrafficRuleList &rules) {
    QJsonArray array;
    const TrafficRule defaults;
    for (const TrafficRule &rule : rules) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), rule.name);
        if (!rule.enabled)
            o.insert(QStringLiteral("enabled"), false);
        QJsonObject m;
        const TrafficMatch &match = rule.match;
        if (!match.room.isEmpty())
            m.insert(QStringLiteral("room"), match.room);
        if (!match.from.isEmpty())
            m.insert(QStringLiteral("from"), QString::fromUtf8(match.from));
        if (!match.to.isEmpty())
            m.insert(QStringLiteral("to"), QString::fromUtf8(match.to));
        if (match.action != FrameAction::None)
            m.insert(QStringLiteral("action"), actionName(match.action));
        if (!match.ack.isEmpty())
            m.insert(QStringLiteral("ack"), QString::fromUtf8(match.ack));
        if (!match.pattern.pattern().isEmpty())
            m.insert(QStringLiteral("regex"), match.pattern.pattern());
        if (!match.path.isEmpty())
            m.insert(QStringLiteral("path"), match.path);
        if (!match.equals.isUndefined() && !match.path.isEmpty())
            m.insert(QStringLiteral("equals"), match.equals);
        if (!m.isEmpty())
            o.insert(QStringLiteral("match"), m);
        o.insert(QStringLiteral("effect"), effectName(rule.effect));
        if (rule.ms != defaults.ms)
            o.insert(QStringLiteral("ms"), rule.ms);
        if (rule.jitterMs != defaults.jitterMs)
            o.insert(QStringLiteral("jitterMs"), rule.jitterMs);
        if (rule.probability != defaults.probability)
            o.insert(QStringLiteral("probability"), rule.probability);
        if (rule.copies != defaults.copies)
            o.insert(QStringLiteral("copies"), rule.copies);
        if (rule.closeCode != defaults.closeCode)
            o.insert(QStringLiteral("closeCode"), rule.closeCode);
        if (rule.after != defaults.after)
            o.insert(QStringLiteral("after"), rule.after);
        if (rule.bytesPerSecond != defaults.bytesPerSecond)
            o.insert(QStringLiteral("bytesPerSecond"), rule.bytesPerSecond);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString TrafficRulesParser::effectName(TrafficEffect effect) {
    for (const EffectName &e : effectNames) {
        if (e.effect == effect)
            return QLatin1StringView(e.name);
    }
    return {};
}

bool TrafficRulesParser::effectFromName(const QString &name, TrafficEffect *effect) {
    for (const EffectName &e : effectNames) {
        if (name == QLatin1StringView(e.name)) {
            *effect = e.effect;
            return true;
        }
    }
    return false;
}

FrameAction TrafficRulesParser::actionFromName(const QString &name) {
    for (FrameAction action : matchableActions) {
        if (name == actionName(action))
            return action;
    }
    return FrameAction::None;
}

QString TrafficRulesParser::actionName(FrameAction action) {
    const QByteArrayView name = FrameCodec::actionName(action);
    return QString::fromLatin1(name.data(), name.size());
}

bool TrafficRulesParser::isSendableCloseCode(int code) {
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1009) ||
           (code >= 1011 && code <= 1014) || (code >= 3000 && code <= 4999);
}

bool TrafficRulesParser::isValidPath(const QString &path) {
    std::vector<TrafficMatcher::PathStep> steps;
    return TrafficMatcher::compilePath(path, &steps);
}

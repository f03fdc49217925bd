#pragma once

#include "trafficrule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The rules file (--rules, and how the window keeps its rules in the settings): a JSON array
// of objects, one per rule, e.g.
//   [{"name": "lose-b", "match": {"room": "/r", "to": "b", "action": "message"},
//     "effect": "drop", "probability": 0.5}]
// Keys of a rule: name (required, unique), enabled (default true), match, effect (hold, delay,
// drop, duplicate, close, throttle, ignorePings) and the effect's parameters ms, jitterMs,
// probability, copies, closeCode, after, bytesPerSecond. Keys of match: room, from, to, action
// (message, answer, registered, unregistered, error), ack, regex, path, equals.
// "Answer later / never" is a rule matching action "answer" (and maybe one ack) whose effect
// is hold, delay or drop.
class TrafficRulesParser {
    Q_DECLARE_TR_FUNCTIONS(TrafficRulesParser)
public:
    // The rules, or an empty list and a one-line error naming the rule (by name, or by its
    // position from 1 when it has none) and the problem. Nothing is half applied: a caller
    // keeps its previous rules on an error.
    static TrafficRuleList parse(const QByteArray &json, QString *error);
    // The rules as parse() reads them back (defaults left out).
    static QByteArray serialize(const TrafficRuleList &rules);

    static QString effectName(TrafficEffect effect);
    // The effect of a name, false when the name is none.
    static bool effectFromName(const QString &name, TrafficEffect *effect);
    // The frame actions a rule can match (those the broker writes); None for anything else.
    static FrameAction actionFromName(const QString &name);
    static QString actionName(FrameAction action);
    // Close codes a server may send: 1000-1003, 1007-1009, 1011-1014 and 3000-4999.
    static bool isSendableCloseCode(int code);
    // Whether a JSON path ("message.type", "message.items[0].id") is well formed.
    static bool isValidPath(const QString &path);
};

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Content a hostile client sends to make the inspector freeze or lie (issue 18): megabyte
// payloads, nesting to the depth limit, ids and room names at the broker's limits, and control
// characters and bidi overrides in ids, room names and messages. The window test checks how
// each is shown; wsmsgbroker-uibench --hostile measures how late the window gets showing it.
struct HostileCase {
    QString name;
    QString room;       // the URL path the sender (and the receiver) connect to
    QByteArray id;      // the sender's id (UTF-8, may hold NUL and ESC)
    QByteArray message; // the "message" member, JSON text
    bool large = false; // too long for the details pane to lay out whole
};

namespace HostileContent {
// The broker's defaults (BrokerSettings): the cases go right up to them.
constexpr int MaxIdLength = 256;
constexpr int MaxDepth = 128;
constexpr int MaxMessageBytes = 1024 * 1024;

// Text that would pose as something else if a view interpreted it: a right-to-left override
// that turns "exe.txt" around, isolates, a right-to-left mark, NUL, an ANSI colour escape, CR,
// LF and a tab.
QByteArray disguisingText();
// A JSON string literal for UTF-8 text (control characters as \u escapes, the rest as is).
QByteArray jsonString(const QByteArray &utf8);

QList<HostileCase> cases();
// The frame the sender sends: the case's message to dest.
QByteArray sendFrame(const HostileCase &hostile, const QByteArray &dest);
} // namespace HostileContent

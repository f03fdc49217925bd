#pragma once

#include "brokerevent.h"

#include <QCoreApplication>
#include <QString>

// The words and number formats the inspector shows for broker data, in one place so that the
// log, the tree, the recently-closed list and the details view say the same thing.
class DisplayText {
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    // Text from a client as the inspector shows it, so that it cannot pose as the inspector's own
    // text: control characters as Unicode control pictures (NUL as ␀, ESC as ␛, LF as ␊), and
    // bidi overrides, invisible format characters, line separators and lone surrogates as
    // ⟨U+202E⟩. Every view shows client text through one of these two, and only these two.
    static QString visible(QStringView text);
    // The same for multi-line text laid out by the inspector (pretty JSON, the raw tab): line
    // feeds and tabs stay what they are, everything else as visible().
    static QString visibleLines(QStringView text);
    // At most maxChars characters (a surrogate pair kept whole), "…" ending a cut one. For
    // visible() text: an escape is never cut when it was applied to the elided text first.
    static QString elided(const QString &text, int maxChars = NameLength);
    // How many characters of an id or a room name the log and the tree show; the tooltip has all.
    static constexpr int NameLength = 64;

    // "/" for the root room (the empty path), the name otherwise; visible().
    static QString roomName(const QString &room);
    // The client id, or "#<connection id>" while the connection holds none; visible().
    static QString clientName(const QByteArray &clientId, quint64 connectionId);
    // The same, elided to NameLength, for a cell or a tree node.
    static QString roomLabel(const QString &room);
    static QString clientLabel(const QByteArray &clientId, quint64 connectionId);
    static QString closeReason(CloseReason reason);
    // True for closes a developer should look at (not a normal close by either side).
    static QString outcome(BrokerEvent::Outcome outcome);
    // What a non-frame event is called in the action column ("connected", "id bound"...).
    static QString systemEventName(BrokerEvent::Kind kind);
    // The action column: the protocol's name, or a placeholder for binary or unparsable frames.
    static QString actionName(const BrokerEvent &event);
    // hh:mm:ss.zzz, local time.
    static QString time(qint64 msSinceEpoch);
    // yyyy-MM-dd hh:mm:ss.zzz, local time.
    static QString dateTime(qint64 msSinceEpoch);
    // "850 ms", "12 s", "3 min 04 s", "2 h 05 min", "3 d 04 h".
    static QString duration(qint64 ms);
    // "127.0.0.1:51234", "[::1]:51234".
    static QString remoteAddress(const QString &address, quint16 port);
};

#pragma once

#include <QChar>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <algorithm>
#include <cmath>

// Values read from a frame log (JSON Lines or HAR): a file may hold anything, so each is kept
// to what the program can hold, show and save again.
namespace FrameLogValues {

// A time in milliseconds from a file, rounded (seconds times 1000 are rarely whole) and kept
// within the years 1 to 9999, which ISO 8601 text (JSON Lines) can say: what was opened can be
// saved again.
inline qint64 clampedTimeMs(double ms) {
    constexpr double first = -62135596800000.0; // 0001-01-01T00:00:00.000Z
    constexpr double last = 253402300799999.0;  // 9999-12-31T23:59:59.999Z
    if (!std::isfinite(ms))
        return 0;
    return qRound64(std::clamp(ms, first, last));
}

// A count from a file's number (connection, size): negative, fractional, huge or missing ones
// would not convert to an integer (undefined behaviour); 2^53 is the largest JSON keeps exact.
inline qint64 countFromJson(const QJsonValue &value) {
    constexpr double largest = 9007199254740992.0;
    const double n = value.toDouble();
    return n >= 0 ? qint64(std::min(n, largest)) : 0;
}

// An ISO 8601 time; a missing or unreadable one is the epoch, whatever the local time zone.
inline qint64 timeFromIso(const QString &text) {
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? clampedTimeMs(double(time.toMSecsSinceEpoch())) : 0;
}

// A value from the file inside a one-line error: control characters and bidi overrides escaped,
// cut at 40 characters (a file can hold anything there, up to megabytes of it).
inline QString shownInError(const QString &value) {
    QString shown;
    for (const QChar c : value.left(40)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return value.size() > 40 ? shown + QStringLiteral("...") : shown;
}

} // namespace FrameLogValues

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <QList>

#include <optional>

// The members of a JSON object as the text had them: readers that show or send a value on
// (the log's summary, the console's echo) take its bytes from here instead of a QJsonDocument,
// which sorts members and rewrites numbers.
class JsonMembers {
public:
    // The raw text of the top-level member name of the object in json (a later duplicate wins,
    // as in JSON.parse), or nothing when the member is missing or json is not a valid object.
    static std::optional<QByteArrayView> raw(QByteArrayView json, QByteArrayView name);
    // The same value without white space outside strings, members in their order.
    static std::optional<QByteArray> compact(QByteArrayView json, QByteArrayView name);

    // The top-level members of an object whose text was cut short (a frame recorded in part):
    // those whole before the cut, then the one the cut fell in (its value's text up to the
    // cut, complete false). Stops at the first thing that is not JSON.
    struct Member {
        QByteArray name;
        QByteArrayView value;
        bool complete = true;
    };
    static QList<Member> prefix(QByteArrayView json);
};

#pragma once

#include "jsonpath.h"

#include <QString>

// Which member of a frame's JSON a position of its pretty text (JsonFormatter::pretty, as the
// details pane shows it) is on: its key, its value, the braces or brackets of a value that is an
// object or an array, the colon between or the comma after. A position on white space counts
// for the nearest text on its line. Lexical and forgiving like the pretty printer: a text cut
// short still locates the members before the cut, text that is not JSON locates nothing. Line
// breaks inside strings are dropped (the details pane breaks lines longer than it lays out).
class JsonPathLocator {
public:
    enum class Kind { None, Object, Array, String, Number, Literal };
    struct Location {
        JsonPath path;          // empty for the frame as a whole, or when nothing is there
        Kind kind = Kind::None; // the value's
        bool isMember() const { return !path.isEmpty(); }
    };

    static Location locate(const QString &pretty, int position);
    // The path's spelling (JsonPath::toString), empty when the position is on no member.
    static QString pathAt(const QString &pretty, int position) {
        return locate(pretty, position).path.toString();
    }
};

#pragma once

#include <QByteArrayView>

// Checks UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates (U+D800..U+DFFF), nothing
// above U+10FFFF, no truncated sequence at the end. WebSocket text messages must be valid UTF-8
// as a whole (RFC 6455 section 8.1), and Qt 6.4 has no public validator that does not convert.
class Utf8Validator {
public:
    static bool isValid(QByteArrayView bytes);
};

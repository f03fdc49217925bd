#pragma once

#include <QByteArray>
#include <QByteArrayView>

// JSON text laid out again without parsing it into a document, so members keep their order and
// numbers their spelling (QJsonDocument sorts keys and rewrites numbers). A lexical pass that
// only tells strings from the rest: text that is not JSON comes out laid out as far as it goes,
// never lost. The product's one compact-JSON helper, next to the validating JsonScanner.
class JsonText {
public:
    // Indented by indent spaces per level (a negative indent: compact); empty containers stay
    // on one line.
    static QByteArray pretty(QByteArrayView json, int indent = 2);
    // Without any white space outside strings.
    static QByteArray compact(QByteArrayView json);

private:
    // indent < 0: one line.
    static QByteArray reformat(QByteArrayView json, int indent);
};

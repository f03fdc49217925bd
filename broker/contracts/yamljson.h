#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

// YAML (through yaml-cpp) read into QJson values, so that AsyncAPI documents in YAML and JSON
// go through the same code. Plain scalars get JSON types (null, true/false, numbers); quoted
// ones stay strings; anchors and aliases are resolved by yaml-cpp.
class YamlJson {
    Q_DECLARE_TR_FUNCTIONS(YamlJson)

public:
    // False with *error ("line 3, column 5: ...") when text is not YAML or holds something JSON
    // cannot say (a non-scalar map key).
    static bool parse(const QByteArray &text, QJsonValue *value, QString *error);
};

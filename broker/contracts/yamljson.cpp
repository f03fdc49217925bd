#include "yamljson.h"

#include "printabletext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <exception>

namespace {

// Deep enough for any real document, shallow enough for the stack of a hostile one.
constexpr int MaxDepth = 200;

QJsonValue scalarValue(const YAML::Node &node) {
    const std::string &text = node.Scalar();
    // Quoted and tagged scalars ("!" is yaml-cpp's tag for quoted) are strings.
    if (node.Tag() != "?")
        return QString::fromStdString(text);
    const QString s = QString::fromStdString(text);
    if (s.isEmpty() || s == QLatin1String("~") || s == QLatin1String("null") ||
        s == QLatin1String("Null") || s == QLatin1String("NULL"))
        return QJsonValue::Null;
    if (s == QLatin1String("true") || s == QLatin1String("True") || s == QLatin1String("TRUE"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("False") || s == QLatin1String("FALSE"))
        return false;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (integer.match(s).hasMatch()) {
        bool ok = false;
        const qint64 n = s.toLongLong(&ok);
        if (ok)
            return n;
    }
    if (number.match(s).hasMatch()) {
        bool ok = false;
        const double d = s.toDouble(&ok);
        if (ok)
            return d;
    }
    return s;
}

bool convert(const YAML::Node &node, int depth, QJsonValue *out, QString *error) {
    if (depth > MaxDepth) {
        *error = YamlJson::tr("nested deeper than %1 levels").arg(MaxDepth);
        return false;
    }
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        *out = QJsonValue::Null;
        return true;
    case YAML::NodeType::Scalar:
        *out = scalarValue(node);
        return true;
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node) {
            QJsonValue value;
            if (!convert(item, depth + 1, &value, error))
                return false;
            array.append(value);
        }
        *out = array;
        return true;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &pair : node) {
            if (!pair.first.IsScalar()) {
                const YAML::Mark mark = pair.first.Mark();
                *error = YamlJson::tr("line %1, column %2: a map key that is not a scalar")
                             .arg(mark.line + 1)
                             .arg(mark.column + 1);
                return false;
            }
            QJsonValue value;
            if (!convert(pair.second, depth + 1, &value, error))
                return false;
            object.insert(QString::fromStdString(pair.first.Scalar()), value);
        }
        *out = object;
        return true;
    }
    }
    return true;
}

} // namespace

bool YamlJson::parse(const QByteArray &text, QJsonValue *value, QString *error) {
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        return convert(root, 0, value, error);
    } catch (const YAML::Exception &e) {
        *error = tr("line %1, column %2: %3")
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(PrintableText::escape(QString::fromStdString(e.msg)));
        return false;
    } catch (const std::exception &e) {
        *error = PrintableText::escape(QString::fromUtf8(e.what()));
        return false;
    }
}

#include "contractschema.h"

#include "printabletext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QStringList>

#include <algorithm>

#include <exception>
#include <utility>

namespace {

// valijson names a path as ["<root>", "[qty]", "[0]"]; ours is the JSON pointer "/qty/0".
QString pointerOf(const std::vector<std::string> &context) {
    QString pointer;
    for (const std::string &part : context) {
        if (part.size() < 2 || part.front() != '[' || part.back() != ']')
            continue;
        QString name = QString::fromStdString(part.substr(1, part.size() - 2));
        name.replace(QLatin1Char('~'), QStringLiteral("~0"));
        name.replace(QLatin1Char('/'), QStringLiteral("~1"));
        pointer += QLatin1Char('/') + name;
    }
    return pointer;
}

// The first $ref that does not point into this document ("#..."), or null. valijson resolves a
// relative reference against the document itself when it may not fetch one, and then recurses
// until the stack runs out (a fuzz_contractloader find): such schemas are refused before.
std::optional<QString> foreignRef(const QJsonValue &value, int depth = 0) {
    if (depth > 256) // deeper than any JSON this reads (Qt's parser stops at 1,024)
        return std::nullopt;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (auto ref = foreignRef(item, depth + 1))
                return ref;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() == QLatin1String("$ref") && it.value().isString() &&
                !it.value().toString().startsWith(QLatin1Char('#')))
                return it.value().toString();
            if (auto ref = foreignRef(it.value(), depth + 1))
                return ref;
        }
    }
    return std::nullopt;
}

} // namespace

ContractSchema::ContractSchema()
    : m_schema(std::make_unique<valijson::Schema>()) {}

ContractSchema::~ContractSchema() = default;

std::unique_ptr<ContractSchema> ContractSchema::compile(const QJsonValue &schema, QString *error) {
    if (!schema.isObject() && !schema.isBool()) {
        *error = tr("a schema must be a JSON object or a boolean");
        return nullptr;
    }
    if (const std::optional<QString> ref = foreignRef(schema)) {
        *error = tr("$ref %1 is not in this document (other documents are not fetched)").arg(*ref);
        return nullptr;
    }
    std::unique_ptr<ContractSchema> compiled(new ContractSchema);
    // valijson takes a boolean schema only inside another one; at the root, false is ours.
    compiled->m_rejectAll = schema.isBool() && !schema.toBool();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::QtJsonAdapter adapter(schema);
        parser.populateSchema(adapter, *compiled->m_schema);
    } catch (const std::exception &e) {
        // valijson's message quotes the schema (a pattern may hold a line break).
        *error = PrintableText::escape(QString::fromUtf8(e.what()));
        return nullptr;
    }
    return compiled;
}

QList<ContractSchema::Failure> ContractSchema::validate(const QJsonValue &value) const {
    if (m_rejectAll)
        return {{QString(), QStringLiteral("false"), tr("the schema false admits no value")}};
    valijson::Validator validator;
    valijson::ValidationResults results;
    const valijson::adapters::QtJsonAdapter target(value);
    try {
        if (validator.validate(*m_schema, target, &results))
            return {};
    } catch (const std::exception &e) {
        return {{QString(), QStringLiteral("schema"),
                 PrintableText::escape(QString::fromUtf8(e.what()))}};
    }
    // Keep the innermost errors: a context that is a strict prefix of another error's context
    // only repeats that the deeper check failed.
    std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
    QList<Failure> failures;
    for (const auto &error : errors) {
        bool enclosing = false;
        for (const auto &other : errors) {
            if (other.context.size() > error.context.size() &&
                std::equal(error.context.begin(), error.context.end(), other.context.begin())) {
                enclosing = true;
                break;
            }
        }
        if (enclosing)
            continue;
        const QString description = QString::fromStdString(error.description);
        failures.append({pointerOf(error.context), keywordOf(description), description});
    }
    return failures;
}

QString ContractSchema::keywordOf(const QString &description) {
    // valijson's messages are fixed texts (validation_visitor.hpp); the first match wins, so
    // the more particular texts come first.
    static const std::pair<const char *, const char *> table[] = {
        {"anyOf", "anyOf"},
        {"allOf", "allOf"},
        {"oneOf", "oneOf"},
        {"exactly one child", "oneOf"},
        {"if-then-else", "if"},
        {"'const'", "const"},
        {"'contains'", "contains"},
        {"enum", "enum"},
        {"'not'", "not"},
        {"more items than allowed", "additionalItems"},
        {"additional items", "additionalItems"},
        {"Cannot validate item", "additionalItems"},
        {"number less than or equal", "maximum"},
        {"number less than", "exclusiveMaximum"},
        {"number greater than or equal", "minimum"},
        {"number greater than", "exclusiveMinimum"},
        {"Array should contain no more than", "maxItems"},
        {"Array should contain no fewer than", "minItems"},
        {"String should be no more than", "maxLength"},
        {"String should be no fewer than", "minLength"},
        {"Object should have no more than", "maxProperties"},
        {"Object should have no fewer than", "minProperties"},
        {"multiple of", "multipleOf"},
        {"multipleOf", "multipleOf"},
        {"'pattern'", "pattern"},
        {"associated with pattern", "patternProperties"},
        {"additional properties", "additionalProperties"},
        {"Object contains a property", "additionalProperties"},
        {"property name", "properties"},
        {"propertyNames", "propertyNames"},
        {"'type'", "type"},
        {"Elements at indexes", "uniqueItems"},
        {"Missing required property", "required"},
        {"dependency", "dependencies"},
        {"dependent schema", "dependencies"},
        {"Failed to validate item", "items"},
        {"not equal", "const"},
        {"should be a valid", "format"},
    };
    for (const auto &[text, keyword] : table) {
        if (description.contains(QLatin1String(text), Qt::CaseInsensitive))
            return QLatin1String(keyword);
    }
    return QStringLiteral("schema");
}

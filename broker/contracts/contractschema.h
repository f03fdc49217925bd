#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>

namespace valijson {
class Schema;
}

// One compiled JSON Schema (draft 7, through valijson) that validates QJson values. Read-only
// once built, so one instance may validate on any thread.
class ContractSchema {
    Q_DECLARE_TR_FUNCTIONS(ContractSchema)

public:
    struct Failure {
        QString path;    // JSON pointer into the validated value
        QString keyword; // the failing keyword
        QString description;
    };

    ~ContractSchema();
    ContractSchema(const ContractSchema &) = delete;
    ContractSchema &operator=(const ContractSchema &) = delete;

    // Compiles schema; null with *error set when it is not a schema valijson can use (a remote
    // $ref, a bad regex, a wrong type for a keyword...).
    static std::unique_ptr<ContractSchema> compile(const QJsonValue &schema, QString *error);

    // The innermost failures (an enclosing "properties" failure is left out when a failure
    // inside it says more); empty when the value is valid.
    QList<Failure> validate(const QJsonValue &value) const;

    // The keyword a valijson error description stands for.
    static QString keywordOf(const QString &description);

private:
    ContractSchema();
    std::unique_ptr<valijson::Schema> m_schema;
    bool m_rejectAll = false; // the schema `false`
};

#pragma once

#include "brokerevent.h"
#include "contractschema.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>

// The contracts in force: JSON Schemas for the `message` of sends and answers, by room, action
// and optionally the value of one member of the message (the discriminator). Loaded from a
// folder (ROOM/ACTION[.MEMBER=VALUE].schema.json or .yaml) or from an AsyncAPI 2.x/3.0
// document; a schema that cannot be used is left out and said in errors(), the others work.
// Read-only once loaded, so the checker thread may share it.
class ContractSet {
    Q_DECLARE_TR_FUNCTIONS(ContractSet)

public:
    struct Contract {
        QString room;
        QString action;
        QString member; // the discriminator, empty for the room's and action's default
        QString value;
        QString source; // file (and place in it) the schema came from
        std::shared_ptr<const ContractSchema> schema;
    };

    // A folder, an AsyncAPI document (.json, .yaml, .yml), or a single schema file named by the
    // folder convention (its room is "/").
    static std::shared_ptr<const ContractSet> load(const QString &path);

    // "/orders" for "orders", "/" for "": rooms as the broker names them.
    static QString roomOf(const QString &name);

    // Compiles schema and adds it; false with the problem in errors() (prefixed by source).
    bool add(const QString &room, const QString &action, const QString &member,
             const QString &value, const QString &source, const QJsonValue &schema);
    // One line whatever the file held: names, $refs and values from it are escaped.
    void addError(const QString &error);

    // The contract for a message, or null: the one its discriminator value selects, else the
    // default of its room and action.
    const Contract *find(const QString &room, const QString &action,
                         const QJsonValue &message) const;

    // Checks the `message` of a send or answer from a client against the contract found for
    // it. False when none applies or the frame cannot be judged (binary, another action, cut
    // short by the recording limit); true with the failures (none: it passed) otherwise.
    bool check(const BrokerEvent &frame, QList<ContractSchema::Failure> *failures) const;
    // "send" or "answer", as contracts name the actions; empty for the others.
    static QString actionName(FrameAction action);

    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QStringList errors() const { return m_errors; }
    QString path() const { return m_path; }

private:
    struct Group {
        QString member;
        std::shared_ptr<Contract> fallback;
        QHash<QString, std::shared_ptr<Contract>> byValue;
    };

    // A JSON or YAML file (by its suffix) read whole; *error names the file.
    static bool readFile(const QString &file, QJsonValue *value, QString *error);
    void loadFolder(const QString &folder);
    void loadSchemaFile(const QString &file, const QString &room);
    void loadDocument(const QString &file);

    QHash<QString, std::shared_ptr<Group>> m_groups; // by room + '\n' + action
    QStringList m_errors;
    QString m_path;
    int m_size = 0;
};

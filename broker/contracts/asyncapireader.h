#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

class ContractSet;

// Reads the contracts of an AsyncAPI 2.x or 3.0 document: each channel is a room (its name in
// 2.x, its address or else its name in 3.0; "orders" and "/orders" are both room /orders),
// and the payload schemas of its messages are the contract of every send in that room. Several
// messages on one channel are told apart by a discriminator (the message's x-discriminator or
// the payload's `discriminator`, a property whose `const` or one-value `enum` names the
// message); without one, a send must match one of them. Local $refs are resolved here.
class AsyncApiReader {
    Q_DECLARE_TR_FUNCTIONS(AsyncApiReader)

public:
    // Adds what document says to set; problems go to set's errors, prefixed by file.
    static void read(const QJsonValue &document, const QString &file, ContractSet *set);

private:
    AsyncApiReader(const QJsonObject &document, const QString &file, ContractSet *set);
    void readChannel(const QString &key, const QJsonObject &channel, bool version3);
    // value with every local {"$ref": "#/..."} replaced by what it points to; false (and an
    // error) on a dangling or endless reference.
    bool resolve(const QJsonValue &value, int depth, QJsonValue *out, const QString &where);

    QJsonObject m_document;
    QString m_file;
    ContractSet *m_set;
};

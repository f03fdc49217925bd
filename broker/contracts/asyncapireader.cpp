#include "asyncapireader.h"

#include "contractset.h"

#include <QJsonArray>

namespace {

// References deeper than this are taken for a cycle (recursive schemas are not supported).
constexpr int MaxRefDepth = 64;

QString unescapePointer(QString part) {
    part.replace(QStringLiteral("~1"), QStringLiteral("/"));
    part.replace(QStringLiteral("~0"), QStringLiteral("~"));
    return part;
}

QString constOf(const QJsonObject &payload, const QString &member) {
    const QJsonObject property =
        payload.value(QStringLiteral("properties")).toObject().value(member).toObject();
    QJsonValue value = property.value(QStringLiteral("const"));
    const QJsonArray values = property.value(QStringLiteral("enum")).toArray();
    if (value.isUndefined() && values.size() == 1)
        value = values.first();
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

AsyncApiReader::AsyncApiReader(const QJsonObject &document, const QString &file, ContractSet *set)
    : m_document(document)
    , m_file(file)
    , m_set(set) {}

void AsyncApiReader::read(const QJsonValue &document, const QString &file, ContractSet *set) {
    const QJsonObject root = document.toObject();
    const QString version = root.value(QStringLiteral("asyncapi")).toString();
    if (!version.startsWith(QLatin1String("2.")) && !version.startsWith(QLatin1String("3."))) {
        set->addError(tr("%1: not an AsyncAPI 2.x or 3.0 document (no \"asyncapi\": \"2.6.0\" or "
                         "\"3.0.0\")")
                          .arg(file));
        return;
    }
    const QJsonObject channels = root.value(QStringLiteral("channels")).toObject();
    if (channels.isEmpty()) {
        set->addError(tr("%1: no channels").arg(file));
        return;
    }
    AsyncApiReader reader(root, file, set);
    for (auto it = channels.constBegin(); it != channels.constEnd(); ++it) {
        QJsonValue channel;
        const QString where = QStringLiteral("channels/%1").arg(it.key());
        if (reader.resolve(it.value(), 0, &channel, where))
            reader.readChannel(it.key(), channel.toObject(), version.startsWith(QLatin1Char('3')));
    }
}

bool AsyncApiReader::resolve(const QJsonValue &value, int depth, QJsonValue *out,
                             const QString &where) {
    if (depth > MaxRefDepth) {
        m_set->addError(tr("%1: %2: $ref nested deeper than %3 (a cycle?)")
                            .arg(m_file, where)
                            .arg(MaxRefDepth));
        return false;
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray()) {
            QJsonValue resolved;
            if (!resolve(item, depth + 1, &resolved, where))
                return false;
            array.append(resolved);
        }
        *out = array;
        return true;
    }
    if (!value.isObject()) {
        *out = value;
        return true;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue ref = object.value(QStringLiteral("$ref"));
    if (ref.isString() && ref.toString().startsWith(QLatin1String("#/"))) {
        QJsonValue target = m_document;
        const QStringList parts = ref.toString().mid(2).split(QLatin1Char('/'));
        for (const QString &part : parts) {
            const QString name = unescapePointer(part);
            if (target.isObject() && target.toObject().contains(name)) {
                target = target.toObject().value(name);
            } else if (target.isArray() && name.toInt() >= 0 &&
                       name.toInt() < target.toArray().size()) {
                target = target.toArray().at(name.toInt());
            } else {
                m_set->addError(
                    tr("%1: %2: $ref %3 points to nothing").arg(m_file, where, ref.toString()));
                return false;
            }
        }
        return resolve(target, depth + 1, out, where);
    }
    QJsonObject resolvedObject;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QJsonValue resolved;
        if (!resolve(it.value(), depth + 1, &resolved, where))
            return false;
        resolvedObject.insert(it.key(), resolved);
    }
    *out = resolvedObject;
    return true;
}

void AsyncApiReader::readChannel(const QString &key, const QJsonObject &channel, bool version3) {
    QString room = key;
    QJsonArray messages;
    if (version3) {
        const QJsonValue address = channel.value(QStringLiteral("address"));
        if (address.isString())
            room = address.toString();
        for (const QJsonValue &message : channel.value(QStringLiteral("messages")).toObject())
            messages.append(message);
    } else {
        for (const QString &operation : {QStringLiteral("publish"), QStringLiteral("subscribe")}) {
            const QJsonObject message =
                channel.value(operation).toObject().value(QStringLiteral("message")).toObject();
            const QJsonArray oneOf = message.value(QStringLiteral("oneOf")).toArray();
            if (!oneOf.isEmpty()) {
                for (const QJsonValue &m : oneOf)
                    messages.append(m);
            } else if (!message.isEmpty()) {
                messages.append(message);
            }
        }
    }
    room = ContractSet::roomOf(room);
    const QString where = QStringLiteral("%1: channels/%2").arg(m_file, key);
    QJsonArray undiscriminated;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        if (!message.contains(QStringLiteral("payload")))
            continue;
        const QJsonValue payload = message.value(QStringLiteral("payload"));
        QString member = message.value(QStringLiteral("x-discriminator")).toString();
        if (member.isEmpty())
            member = payload.toObject().value(QStringLiteral("discriminator")).toString();
        const QString selected = member.isEmpty() ? QString() : constOf(payload.toObject(), member);
        if (selected.isEmpty()) {
            undiscriminated.append(payload);
            continue;
        }
        const QString name = message.value(QStringLiteral("name")).toString();
        m_set->add(room, QStringLiteral("send"), member, selected,
                   name.isEmpty() ? where : QStringLiteral("%1/%2").arg(where, name), payload);
    }
    if (undiscriminated.size() == 1)
        m_set->add(room, QStringLiteral("send"), {}, {}, where, undiscriminated.first());
    else if (undiscriminated.size() > 1)
        m_set->add(room, QStringLiteral("send"), {}, {}, where,
                   QJsonObject{{QStringLiteral("anyOf"), undiscriminated}});
}

#include "contractset.h"

#include "asyncapireader.h"
#include "printabletext.h"
#include "yamljson.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {

// Schema and AsyncAPI files are small; this keeps a wrong path (a disk image) from being read.
constexpr qint64 MaxFileBytes = 16 << 20;

QString memberText(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

} // namespace

std::shared_ptr<const ContractSet> ContractSet::load(const QString &path) {
    auto set = std::make_shared<ContractSet>();
    set->m_path = path;
    const QFileInfo info(path);
    if (info.isDir()) {
        set->loadFolder(path);
    } else if (!info.exists()) {
        set->addError(tr("%1: no such file or folder").arg(path));
    } else if (info.fileName().contains(QLatin1String(".schema."))) {
        set->loadSchemaFile(path, QStringLiteral("/"));
    } else {
        set->loadDocument(path);
    }
    return set;
}

QString ContractSet::roomOf(const QString &name) {
    return name.startsWith(QLatin1Char('/')) ? name : QLatin1Char('/') + name;
}

bool ContractSet::readFile(const QString &file, QJsonValue *value, QString *error) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(file, f.errorString());
        return false;
    }
    if (f.size() > MaxFileBytes) {
        *error = tr("%1: larger than %2 MiB").arg(file).arg(MaxFileBytes >> 20);
        return false;
    }
    const QByteArray text = f.readAll();
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")) {
        QString problem;
        if (!YamlJson::parse(text, value, &problem)) {
            *error = tr("%1: not YAML: %2").arg(file, problem);
            return false;
        }
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1: not JSON at byte %2: %3")
                     .arg(file)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    *value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    return true;
}

void ContractSet::loadFolder(const QString &folder) {
    const QDir root(folder);
    QDirIterator it(folder,
                    {QStringLiteral("*.schema.json"), QStringLiteral("*.schema.yaml"),
                     QStringLiteral("*.schema.yml")},
                    QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort(); // the same errors in the same order on every load
    for (const QString &file : files) {
        const QString relative = root.relativeFilePath(QFileInfo(file).path());
        loadSchemaFile(file, roomOf(relative == QLatin1String(".") ? QString() : relative));
    }
    if (files.isEmpty() && m_errors.isEmpty())
        addError(tr("%1: no *.schema.json, *.schema.yaml or *.schema.yml files").arg(folder));
}

void ContractSet::loadSchemaFile(const QString &file, const QString &room) {
    // ACTION.schema.json or ACTION.MEMBER=VALUE.schema.json
    const QString name = QFileInfo(file).fileName();
    const QString stem = name.left(name.indexOf(QLatin1String(".schema.")));
    const int dot = stem.indexOf(QLatin1Char('.'));
    const QString action = dot < 0 ? stem : stem.left(dot);
    QString member;
    QString value;
    if (dot >= 0) {
        const QString selector = stem.mid(dot + 1);
        const int equals = selector.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            addError(tr("%1: the name should be ACTION.MEMBER=VALUE.schema.json").arg(file));
            return;
        }
        member = selector.left(equals);
        value = selector.mid(equals + 1);
    }
    if (action != QLatin1String("send") && action != QLatin1String("answer")) {
        addError(tr("%1: the name should start with send or answer").arg(file));
        return;
    }
    QJsonValue schema;
    QString error;
    if (!readFile(file, &schema, &error)) {
        addError(error);
        return;
    }
    add(room, action, member, value, file, schema);
}

void ContractSet::loadDocument(const QString &file) {
    QJsonValue document;
    QString error;
    if (!readFile(file, &document, &error)) {
        addError(error);
        return;
    }
    AsyncApiReader::read(document, file, this);
}

bool ContractSet::add(const QString &room, const QString &action, const QString &member,
                      const QString &value, const QString &source, const QJsonValue &schema) {
    QString error;
    std::shared_ptr<const ContractSchema> compiled = ContractSchema::compile(schema, &error);
    if (!compiled) {
        addError(tr("%1: not a usable schema: %2").arg(source, error));
        return false;
    }
    std::shared_ptr<Group> &group = m_groups[room + QLatin1Char('\n') + action];
    if (!group)
        group = std::make_shared<Group>();
    if (!member.isEmpty() && !group->member.isEmpty() && group->member != member) {
        addError(tr("%1: room %2 already selects %3 schemas by %4, not by %5")
                     .arg(source, room, action, group->member, member));
        return false;
    }
    auto contract = std::make_shared<Contract>(
        Contract{room, action, member, value, source, std::move(compiled)});
    if (member.isEmpty()) {
        group->fallback = contract;
    } else {
        group->member = member;
        group->byValue.insert(value, contract);
    }
    ++m_size;
    return true;
}

void ContractSet::addError(const QString &error) {
    m_errors.append(PrintableText::escape(error));
}

QString ContractSet::actionName(FrameAction action) {
    switch (action) {
    case FrameAction::Send:
        return QStringLiteral("send");
    case FrameAction::Answer:
        return QStringLiteral("answer");
    default:
        return {};
    }
}

bool ContractSet::check(const BrokerEvent &frame, QList<ContractSchema::Failure> *failures) const {
    if (frame.kind != BrokerEvent::Kind::FrameIn || frame.binary)
        return false;
    const QString action = actionName(frame.action);
    // A frame cut short by the recording limit cannot be judged.
    if (action.isEmpty() || frame.data.size() < frame.size)
        return false;
    const QJsonValue message =
        QJsonDocument::fromJson(frame.data).object().value(QStringLiteral("message"));
    const Contract *contract = find(frame.room, action, message);
    if (!contract)
        return false;
    *failures = contract->schema->validate(message);
    return true;
}

const ContractSet::Contract *ContractSet::find(const QString &room, const QString &action,
                                               const QJsonValue &message) const {
    const auto it = m_groups.constFind(room + QLatin1Char('\n') + action);
    if (it == m_groups.constEnd())
        return nullptr;
    const Group &group = **it;
    if (!group.member.isEmpty() && message.isObject()) {
        const auto selected =
            group.byValue.constFind(memberText(message.toObject().value(group.member)));
        if (selected != group.byValue.constEnd())
            return selected->get();
    }
    return group.fallback.get();
}

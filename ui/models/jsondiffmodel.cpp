#include "jsondiffmodel.h"

#include "displaytext.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

JsonDiffModel::JsonDiffModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void JsonDiffModel::setChanges(const JsonDiff::ChangeList &changes, bool cut) {
    beginResetModel();
    m_changes = changes;
    m_cut = cut;
    m_texts.clear();
    m_texts.reserve(changes.size());
    for (const JsonDiff::Change &c : changes)
        m_texts.append(textsOf(c));
    endResetModel();
}

JsonDiffModel::Texts JsonDiffModel::textsOf(const JsonDiff::Change &change) {
    Texts t;
    const QString path =
        DisplayText::visible(change.path.isEmpty() ? tr("(the whole message)") : change.path);
    t.path = DisplayText::elided(path);
    t.pathTip = DisplayText::elided(path, TipLength);
    const QString before = DisplayText::visible(valueText(change.before));
    t.before = DisplayText::elided(before, ValueLength);
    t.beforeTip = DisplayText::elided(before, TipLength);
    const QString after = DisplayText::visible(valueText(change.after));
    t.after = DisplayText::elided(after, ValueLength);
    t.afterTip = DisplayText::elided(after, TipLength);
    return t;
}

void JsonDiffModel::clear() {
    setChanges({}, false);
}

QString JsonDiffModel::summary() const {
    int changed = 0;
    int added = 0;
    int removed = 0;
    for (const JsonDiff::Change &c : m_changes) {
        switch (c.kind) {
        case JsonDiff::Change::Kind::Changed:
            ++changed;
            break;
        case JsonDiff::Change::Kind::Added:
            ++added;
            break;
        case JsonDiff::Change::Kind::Removed:
            ++removed;
            break;
        }
    }
    if (m_changes.isEmpty())
        return tr("No difference");
    const QString counts = tr("%1 changed, %2 added, %3 removed")
                               .arg(QLocale().toString(changed), QLocale().toString(added),
                                    QLocale().toString(removed));
    return m_cut ? tr("%1 (the first %2 changes; there are more)")
                       .arg(counts, QLocale().toString(m_changes.size()))
                 : counts;
}

int JsonDiffModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_changes.size());
}

int JsonDiffModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString JsonDiffModel::valueText(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // A scalar through an array, for JSON's own spelling of strings and numbers.
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    }
}

QVariant JsonDiffModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JsonDiff::Change &c = m_changes.at(index.row());
    if (role == KindRole)
        return int(c.kind);
    if (role == Qt::ForegroundRole && index.column() == ChangeColumn) {
        switch (c.kind) {
        case JsonDiff::Change::Kind::Added:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case JsonDiff::Change::Kind::Removed:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        case JsonDiff::Change::Kind::Changed:
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    const Texts &t = m_texts.at(index.row());
    switch (index.column()) {
    case PathColumn:
        return tip ? t.pathTip : t.path;
    case ChangeColumn:
        switch (c.kind) {
        case JsonDiff::Change::Kind::Added:
            return tr("added");
        case JsonDiff::Change::Kind::Removed:
            return tr("removed");
        case JsonDiff::Change::Kind::Changed:
            return tr("changed");
        }
        return {};
    case BeforeColumn:
        return tip ? t.beforeTip : t.before;
    case AfterColumn:
        return tip ? t.afterTip : t.after;
    default:
        return {};
    }
}

QVariant JsonDiffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("Path");
    case ChangeColumn:
        return tr("Change");
    case BeforeColumn:
        return m_beforeHeader.isEmpty() ? tr("Before") : m_beforeHeader;
    case AfterColumn:
        return m_afterHeader.isEmpty() ? tr("After") : m_afterHeader;
    default:
        return {};
    }
}

void JsonDiffModel::setValueHeaders(const QString &before, const QString &after) {
    m_beforeHeader = before;
    m_afterHeader = after;
    emit headerDataChanged(Qt::Horizontal, BeforeColumn, AfterColumn);
}

#include "trafficrulemodel.h"

#include "displaytext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace {

// A JSON value as compact text ("5", "\"x\"", "{\"a\":1}").
QString jsonText(const QJsonValue &value) {
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

bool sameMatch(const TrafficMatch &a, const TrafficMatch &b) {
    return a.room == b.room && a.from == b.from && a.to == b.to && a.action == b.action &&
           a.ack == b.ack && a.pattern.pattern() == b.pattern.pattern() && a.path == b.path &&
           a.equals == b.equals;
}

} // namespace

TrafficRuleModel::TrafficRuleModel(QObject *parent)
    : QAbstractTableModel(parent) {}

TrafficRuleModel::~TrafficRuleModel() = default;

int TrafficRuleModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rules.size());
}

int TrafficRuleModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficRuleModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrafficRule &rule = m_rules.at(index.row());
    switch (index.column()) {
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return rule.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return rule.enabled ? tr("Enabled: the broker applies this rule")
                                : tr("Disabled: the broker skips this rule");
        break;
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return DisplayText::visible(rule.name);
        break;
    case MatchColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return matchSummary(rule.match);
        break;
    case EffectColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return effectSummary(rule);
        break;
    default:
        break;
    }
    return {};
}

bool TrafficRuleModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    setEnabled(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags TrafficRuleModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return flags;
}

QVariant TrafficRuleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case NameColumn:
        return tr("Name");
    case MatchColumn:
        return tr("Match");
    case EffectColumn:
        return tr("Effect");
    default:
        return {};
    }
}

int TrafficRuleModel::rowOfName(const QString &name) const {
    for (int row = 0; row < m_rules.size(); ++row)
        if (m_rules.at(row).name == name)
            return row;
    return -1;
}

QString TrafficRuleModel::unusedName(const QString &base) const {
    QString name = base;
    for (int n = 2; rowOfName(name) >= 0; ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

QString TrafficRuleModel::matchSummary(const TrafficMatch &match) {
    QStringList parts;
    if (!match.room.isEmpty())
        parts << tr("room %1").arg(DisplayText::roomName(match.room));
    if (!match.from.isEmpty())
        parts << tr("from %1").arg(DisplayText::visible(QString::fromUtf8(match.from)));
    if (!match.to.isEmpty())
        parts << tr("to %1").arg(DisplayText::visible(QString::fromUtf8(match.to)));
    if (match.action != FrameAction::None)
        parts << QString::fromLatin1(FrameCodec::actionName(match.action));
    if (!match.ack.isEmpty())
        parts << tr("ack %1").arg(DisplayText::visible(QString::fromUtf8(match.ack)));
    if (!match.pattern.pattern().isEmpty())
        parts << tr("text matches %1").arg(DisplayText::visible(match.pattern.pattern()));
    if (!match.path.isEmpty()) {
        const QString path = DisplayText::visible(match.path);
        parts << (match.equals.isUndefined()
                      ? tr("%1 exists").arg(path)
                      : tr("%1 = %2").arg(path, DisplayText::visible(jsonText(match.equals))));
    }
    return parts.isEmpty() ? tr("any frame") : parts.join(QStringLiteral(", "));
}

QString TrafficRuleModel::effectName(TrafficEffect effect) {
    switch (effect) {
    case TrafficEffect::Hold:
        return tr("hold");
    case TrafficEffect::Delay:
        return tr("delay");
    case TrafficEffect::Drop:
        return tr("drop");
    case TrafficEffect::Duplicate:
        return tr("duplicate");
    case TrafficEffect::Close:
        return tr("close");
    case TrafficEffect::Throttle:
        return tr("throttle");
    case TrafficEffect::IgnorePings:
        return tr("ignore pings");
    }
    return {};
}

QString TrafficRuleModel::effectSummary(const TrafficRule &rule) {
    const QLocale locale;
    switch (rule.effect) {
    case TrafficEffect::Delay:
        return rule.jitterMs > 0
                   ? tr("delay %1 ms ± %2 ms")
                         .arg(locale.toString(rule.ms), locale.toString(rule.jitterMs))
                   : tr("delay %1 ms").arg(locale.toString(rule.ms));
    case TrafficEffect::Drop:
        return rule.probability >= 1.0
                   ? tr("drop")
                   : tr("drop %1 %").arg(locale.toString(rule.probability * 100.0, 'g', 3));
    case TrafficEffect::Duplicate:
        return tr("duplicate ×%1").arg(locale.toString(rule.copies));
    case TrafficEffect::Close:
        return tr("close %1 after %2").arg(rule.closeCode).arg(locale.toString(rule.after));
    case TrafficEffect::Throttle:
        return tr("throttle to %1/s").arg(locale.formattedDataSize(rule.bytesPerSecond));
    case TrafficEffect::Hold:
    case TrafficEffect::IgnorePings:
        break;
    }
    return effectName(rule.effect);
}

bool TrafficRuleModel::sameRule(const TrafficRule &a, const TrafficRule &b) {
    return a.name == b.name && a.enabled == b.enabled && sameMatch(a.match, b.match) &&
           a.effect == b.effect && a.ms == b.ms && a.jitterMs == b.jitterMs &&
           a.probability == b.probability && a.copies == b.copies && a.closeCode == b.closeCode &&
           a.after == b.after && a.bytesPerSecond == b.bytesPerSecond;
}

void TrafficRuleModel::setRules(const TrafficRuleList &rules) {
    if (rules.size() == m_rules.size() &&
        std::equal(rules.cbegin(), rules.cend(), m_rules.cbegin(), &TrafficRuleModel::sameRule))
        return;
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

void TrafficRuleModel::replaceRules(const TrafficRuleList &rules) {
    beginResetModel();
    m_rules = rules;
    endResetModel();
    Q_EMIT rulesEdited(m_rules);
}

void TrafficRuleModel::addRule(const TrafficRule &rule) {
    const int row = int(m_rules.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rules.append(rule);
    endInsertRows();
    Q_EMIT rulesEdited(m_rules);
}

void TrafficRuleModel::replaceRule(int row, const TrafficRule &rule) {
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules[row] = rule;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT rulesEdited(m_rules);
}

void TrafficRuleModel::removeRule(int row) {
    if (row < 0 || row >= m_rules.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    Q_EMIT rulesEdited(m_rules);
}

void TrafficRuleModel::moveRule(int from, int to) {
    const int count = int(m_rules.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return;
    // beginMoveRows names the row the moved one goes before.
    if (!beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to))
        return;
    m_rules.move(from, to);
    endMoveRows();
    Q_EMIT rulesEdited(m_rules);
}

void TrafficRuleModel::setEnabled(int row, bool enabled) {
    if (row < 0 || row >= m_rules.size() || m_rules.at(row).enabled == enabled)
        return;
    m_rules[row].enabled = enabled;
    Q_EMIT dataChanged(index(row, EnabledColumn), index(row, EnabledColumn),
                       {Qt::CheckStateRole, Qt::ToolTipRole});
    Q_EMIT rulesEdited(m_rules);
}

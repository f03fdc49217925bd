#pragma once

#include "trafficrule.h"

#include <QAbstractTableModel>

// The traffic rules the window shows and edits, in the order the broker tries them. Every change
// the user makes (the enable checkbox through setData, adding, replacing, removing, moving)
// emits rulesEdited with the whole new list, which the window hands to the broker; setRules is
// the way back (the rules the broker runs) and emits nothing.
class TrafficRuleModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { EnabledColumn, NameColumn, MatchColumn, EffectColumn, ColumnCount };
    Q_ENUM(Column)

    explicit TrafficRuleModel(QObject *parent = nullptr);
    ~TrafficRuleModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const TrafficRuleList &rules() const { return m_rules; }
    const TrafficRule &ruleAt(int row) const { return m_rules.at(row); }
    // The row of the first rule with this name, -1 when there is none.
    int rowOfName(const QString &name) const;
    // A name no rule has yet: base, or "base 2", "base 3"…
    QString unusedName(const QString &base) const;

    // "room /r, to b, message"; "any frame" when the match is empty.
    static QString matchSummary(const TrafficMatch &match);
    // "delay 300 ms ± 50 ms", "drop 20 %", "close 1011 after 3"…
    static QString effectSummary(const TrafficRule &rule);
    // The effect's name as the window shows it ("hold", "ignore pings").
    static QString effectName(TrafficEffect effect);
    // Field by field, the regular expression by its pattern.
    static bool sameRule(const TrafficRule &a, const TrafficRule &b);

public Q_SLOTS:
    // The broker's rules; a list equal to the shown one changes nothing (no reset, selection kept).
    void setRules(const TrafficRuleList &rules);
    // The user's new list (an imported rules file): like setRules, and reported.
    void replaceRules(const TrafficRuleList &rules);
    void addRule(const TrafficRule &rule);
    void replaceRule(int row, const TrafficRule &rule);
    void removeRule(int row);
    // Moves the rule at from to the position to (both rows of the current list).
    void moveRule(int from, int to);
    void setEnabled(int row, bool enabled);

Q_SIGNALS:
    void rulesEdited(const TrafficRuleList &rules);

private:
    TrafficRuleList m_rules;
};

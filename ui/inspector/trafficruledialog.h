#pragma once

#include "trafficrule.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

// Edits one traffic rule: its name, what it matches and its effect, with only the fields of the
// chosen effect shown. OK stays disabled while the rule is not valid, and a line says why.
class TrafficRuleDialog : public QDialog {
    Q_OBJECT

public:
    // takenNames: the other rules' names, which this one may not reuse.
    TrafficRuleDialog(const TrafficRule &rule, const QStringList &takenNames,
                      QWidget *parent = nullptr);
    ~TrafficRuleDialog() override;

    // The rule as the fields say; only meaningful while problem() is empty.
    TrafficRule rule() const;
    // Why the fields do not make a rule, translated; empty when they do.
    QString problem() const;

private:
    void setRule(const TrafficRule &rule);
    void revalidate();
    QWidget *effectPage(TrafficEffect effect);

    QStringList m_takenNames;
    QLineEdit *m_name;
    QCheckBox *m_enabled;
    QLineEdit *m_room;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QComboBox *m_action;
    QLineEdit *m_ack;
    QLineEdit *m_pattern;
    QLineEdit *m_path;
    QLineEdit *m_equals;
    QComboBox *m_effect;
    QStackedWidget *m_effectFields;
    QSpinBox *m_ms;
    QSpinBox *m_jitterMs;
    QDoubleSpinBox *m_probability;
    QSpinBox *m_copies;
    QSpinBox *m_closeCode;
    QSpinBox *m_after;
    QSpinBox *m_bytesPerSecond;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

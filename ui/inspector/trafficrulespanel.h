#pragma once

#include <QWidget>

class QPushButton;
class QTableView;
class TrafficRuleModel;
class TrafficRuleDialog;

// The Rules dock: the traffic rules in the order the broker tries them, each with its enable
// checkbox, and Add…, Edit…, Remove, Up, Down, Import… and Export… of a rules file. Edits go to
// the model, which reports them (TrafficRuleModel::rulesEdited).
class TrafficRulesPanel : public QWidget {
    Q_OBJECT

public:
    explicit TrafficRulesPanel(TrafficRuleModel *model, QWidget *parent = nullptr);
    ~TrafficRulesPanel() override;

    QTableView *view() const { return m_view; }
    // The selected rule's row, -1 when none is.
    int currentRow() const;

    // Replaces the rules with a rules file's, or writes them to one; false with a translated
    // error (the rules are kept).
    bool importRules(const QString &path, QString *error);
    bool exportRules(const QString &path, QString *error) const;

public Q_SLOTS:
    // Open the rule editor (window-modal, not blocking): a new rule, or the selected one.
    void addRule();
    void editRule();
    void removeRule();
    void moveUp();
    void moveDown();

private:
    // Opens the editor on rule; row -1 adds what it accepts, otherwise replaces that row.
    void openEditor(int row);
    void updateButtons();
    void importInteractively();
    void exportInteractively();

    TrafficRuleModel *m_model;
    QTableView *m_view;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_import;
    QPushButton *m_export;
};

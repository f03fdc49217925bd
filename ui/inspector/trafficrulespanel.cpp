#include "trafficrulespanel.h"

#include "trafficruledialog.h"
#include "trafficrulemodel.h"
#include "trafficrulesparser.h"

#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

TrafficRulesPanel::TrafficRulesPanel(TrafficRuleModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("&Up"), this))
    , m_down(new QPushButton(tr("&Down"), this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_export(new QPushButton(tr("E&xport…"), this)) {
    m_view->setObjectName(QStringLiteral("trafficRules"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers); // the checkbox still toggles
    m_view->setWordWrap(false);
    // The match takes what the name, the checkbox and the effect leave.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TrafficRuleModel::MatchColumn, QHeaderView::Stretch);
    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addRule"));
    m_edit->setObjectName(QStringLiteral("editRule"));
    m_remove->setObjectName(QStringLiteral("removeRule"));
    m_up->setObjectName(QStringLiteral("moveRuleUp"));
    m_down->setObjectName(QStringLiteral("moveRuleDown"));
    m_import->setObjectName(QStringLiteral("importRules"));
    m_export->setObjectName(QStringLiteral("exportRules"));
    m_import->setToolTip(tr("Replace the rules with a rules file's (as --rules reads it)"));
    m_export->setToolTip(tr("Save the rules as a rules file for --rules"));

    // Rows of two and three: in two rows of five and two the buttons held the dock wider than
    // its default width, and Down and Export were cut off behind a scroll bar.
    auto *buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(m_edit, 0, 1);
    buttons->addWidget(m_remove, 0, 2);
    buttons->addWidget(m_up, 1, 0);
    buttons->addWidget(m_down, 1, 1);
    buttons->addWidget(m_import, 2, 0);
    buttons->addWidget(m_export, 2, 1);
    buttons->setColumnStretch(3, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &TrafficRulesPanel::addRule);
    connect(m_edit, &QPushButton::clicked, this, &TrafficRulesPanel::editRule);
    connect(m_remove, &QPushButton::clicked, this, &TrafficRulesPanel::removeRule);
    connect(m_up, &QPushButton::clicked, this, &TrafficRulesPanel::moveUp);
    connect(m_down, &QPushButton::clicked, this, &TrafficRulesPanel::moveDown);
    connect(m_import, &QPushButton::clicked, this, &TrafficRulesPanel::importInteractively);
    connect(m_export, &QPushButton::clicked, this, &TrafficRulesPanel::exportInteractively);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != TrafficRuleModel::EnabledColumn)
            editRule();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TrafficRulesPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TrafficRulesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TrafficRulesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TrafficRulesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &TrafficRulesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrafficRulesPanel::updateButtons);
    updateButtons();
}

TrafficRulesPanel::~TrafficRulesPanel() = default;

int TrafficRulesPanel::currentRow() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() && m_view->selectionModel()->isRowSelected(current.row())
               ? current.row()
               : -1;
}

void TrafficRulesPanel::updateButtons() {
    const int row = currentRow();
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
    m_export->setEnabled(m_model->rowCount() > 0);
}

void TrafficRulesPanel::addRule() {
    openEditor(-1);
}

void TrafficRulesPanel::editRule() {
    if (currentRow() >= 0)
        openEditor(currentRow());
}

void TrafficRulesPanel::openEditor(int row) {
    TrafficRule rule;
    if (row >= 0) {
        rule = m_model->ruleAt(row);
    } else {
        rule.name = m_model->unusedName(tr("rule"));
    }
    QStringList taken;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (r != row)
            taken << m_model->ruleAt(r).name;
    auto *dialog = new TrafficRuleDialog(rule, taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        if (row < 0) {
            m_model->addRule(dialog->rule());
            m_view->selectRow(m_model->rowCount() - 1);
        } else if (row < m_model->rowCount()) {
            m_model->replaceRule(row, dialog->rule());
        }
    });
    dialog->open();
}

void TrafficRulesPanel::removeRule() {
    const int row = currentRow();
    if (row >= 0)
        m_model->removeRule(row);
}

void TrafficRulesPanel::moveUp() {
    const int row = currentRow();
    if (row > 0) {
        m_model->moveRule(row, row - 1);
        m_view->selectRow(row - 1);
    }
}

void TrafficRulesPanel::moveDown() {
    const int row = currentRow();
    if (row >= 0 && row + 1 < m_model->rowCount()) {
        m_model->moveRule(row, row + 1);
        m_view->selectRow(row + 1);
    }
}

bool TrafficRulesPanel::importRules(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    const TrafficRuleList rules = TrafficRulesParser::parse(file.readAll(), &why);
    if (!why.isEmpty()) {
        *error = tr("%1: %2").arg(path, why);
        return false;
    }
    m_model->replaceRules(rules);
    return true;
}

bool TrafficRulesPanel::exportRules(const QString &path, QString *error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(TrafficRulesParser::serialize(m_model->rules())) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TrafficRulesPanel::importInteractively() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Rules"), {},
                                                      tr("Rules files (*.json);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !importRules(path, &error))
        QMessageBox::warning(this, tr("Import Rules"), error);
}

void TrafficRulesPanel::exportInteractively() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Rules"), QStringLiteral("rules.json"), tr("Rules files (*.json)"));
    QString error;
    if (!path.isEmpty() && !exportRules(path, &error))
        QMessageBox::warning(this, tr("Export Rules"), error);
}

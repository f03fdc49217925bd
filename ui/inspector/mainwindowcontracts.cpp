// Message contracts in the window (issue 15): File > Load Schemas Folder… / Load AsyncAPI
// File… / Clear Schemas, the path remembered in the settings, and the Contracts dock counting
// violations by room, action, path and keyword. Checking runs on ContractChecker's thread, fed
// the same event batches as the log.
#include "mainwindow.h"

#include "brokercontroller.h"
#include "connectiontreemodel.h"
#include "contractchecker.h"
#include "contractviolationmodel.h"
#include "framelogmodel.h"
#include "inspector.h"
#include "statisticsview.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const QString PathKey = QStringLiteral("contracts/path");

} // namespace

void MainWindow::createContractsDock(QMenu *fileMenu) {
    m_contractChecker = new ContractChecker(this);
    m_contractChecker->setObjectName(QStringLiteral("contractChecker"));
    m_contractViolations = new ContractViolationModel(this);
    // The batches as the inspector logged (and recorded) them: violations then name the
    // frames' capture ids, and the capture keeps them.
    connect(m_inspector, &Inspector::eventsAdded, m_contractChecker,
            &ContractChecker::checkRecorded);
    connect(m_contractChecker, &ContractChecker::violationsFound, m_inspector,
            &Inspector::recordViolations);
    connect(m_contractChecker, &ContractChecker::violationsFound, m_contractViolations,
            &ContractViolationModel::addViolations);
    connect(m_contractChecker, &ContractChecker::violationsFound, m_tree,
            &ConnectionTreeModel::addContractViolations);
    connect(m_contractChecker, &ContractChecker::violationsFound, this,
            &MainWindow::updateContractStatistics);

    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    m_contractsStatus = new QLabel(panel);
    m_contractsStatus->setObjectName(QStringLiteral("contractsStatus"));
    m_contractsStatus->setWordWrap(true);
    m_contractsStatus->setTextFormat(Qt::PlainText);
    auto *table = new QTableView(panel);
    table->setObjectName(QStringLiteral("contractViolations"));
    table->setModel(m_contractViolations);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_contractsStatus);
    layout->addWidget(table, 1);
    auto *dock = new QDockWidget(tr("Contracts"), this);
    dock->setObjectName(QStringLiteral("contractsDock"));
    // In a scroll area, as the other right-hand docks: the table's columns would otherwise
    // hold the dock area (and the connection tree beside it) wider than the first start allows.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    if (auto *stats = findChild<QDockWidget *>(QStringLiteral("statisticsDock")))
        tabifyDockWidget(stats, dock);
    findChild<QDockWidget *>(QStringLiteral("detailsDock"))->raise();
    // Hidden until schemas are loaded (View lists it): its table would otherwise squeeze the
    // connection tree at first start.
    dock->hide();

    // Before the separator above Quit.
    QAction *before = fileMenu->actions().at(fileMenu->actions().size() - 2);
    auto *folder = new QAction(tr("Load Schemas &Folder…"), fileMenu);
    folder->setObjectName(QStringLiteral("loadSchemasFolder"));
    connect(folder, &QAction::triggered, this, [this] { loadSchemasInteractively(true); });
    auto *asyncApi = new QAction(tr("Load Schemas from AsyncAPI &Document…"), fileMenu);
    asyncApi->setObjectName(QStringLiteral("loadSchemasFile"));
    connect(asyncApi, &QAction::triggered, this, [this] { loadSchemasInteractively(false); });
    m_clearSchemasAction = new QAction(tr("Clear Schemas"), fileMenu);
    m_clearSchemasAction->setObjectName(QStringLiteral("clearSchemas"));
    connect(m_clearSchemasAction, &QAction::triggered, this, &MainWindow::clearSchemas);
    fileMenu->insertActions(before, {folder, asyncApi, m_clearSchemasAction});
    fileMenu->insertSeparator(folder);

    const QString saved = m_settings->value(PathKey).toString();
    if (saved.isEmpty())
        clearSchemas();
    else
        loadSchemas(saved, false);
}

void MainWindow::loadSchemasInteractively(bool folder) {
    const QString start = QFileInfo(m_settings->value(PathKey).toString()).path();
    const QString path =
        folder
            ? QFileDialog::getExistingDirectory(this, tr("Load Schemas Folder"), start)
            : QFileDialog::getOpenFileName(this, tr("Load Schemas from AsyncAPI Document"), start,
                                           tr("AsyncAPI documents (*.json *.yaml *.yml)"));
    if (!path.isEmpty())
        loadSchemas(path, true);
}

void MainWindow::loadSchemas(const QString &path, bool interactive) {
    const std::shared_ptr<const ContractSet> contracts = ContractSet::load(path);
    m_contractChecker->setContracts(contracts);
    m_log->setContracts(contracts);
    m_contractViolations->clear();
    m_tree->clearContractViolations();
    updateContractStatistics();
    m_settings->setValue(PathKey, path);
    m_clearSchemasAction->setEnabled(true);
    findChild<QDockWidget *>(QStringLiteral("contractsDock"))->show();
    QString status =
        tr("%n schema(s) from %1", nullptr, contracts->size()).arg(QDir::toNativeSeparators(path));
    if (!contracts->errors().isEmpty())
        status += QLatin1Char('\n') + contracts->errors().join(QLatin1Char('\n'));
    m_contractsStatus->setText(status);
    if (interactive && !contracts->errors().isEmpty())
        QMessageBox::warning(this, tr("Load Schemas"),
                             tr("Some schemas could not be used:\n%1")
                                 .arg(contracts->errors().join(QLatin1Char('\n'))));
}

void MainWindow::clearSchemas() {
    m_contractChecker->setContracts(nullptr);
    m_log->setContracts(nullptr);
    m_contractViolations->clear();
    m_tree->clearContractViolations();
    updateContractStatistics();
    m_settings->remove(PathKey);
    m_clearSchemasAction->setEnabled(false);
    m_contractsStatus->setText(tr("No schemas loaded (File > Load Schemas Folder… or Load "
                                  "Schemas from AsyncAPI Document…)"));
}

void MainWindow::updateContractStatistics() {
    if (!m_contractChecker) // a snapshot before the dock is made
        return;
    StatisticsView::ContractCounts counts;
    counts.loaded = m_contractChecker->contracts() && !m_contractChecker->contracts()->isEmpty();
    counts.checked = m_contractChecker->framesChecked();
    counts.violations = m_contractChecker->violationCount();
    counts.skipped = m_contractChecker->eventsSkipped();
    counts.top = m_contractViolations->mostFrequent(5);
    m_statistics->setContractCounts(counts);
}

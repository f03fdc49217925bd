#include "peerscriptspanel.h"

#include "peerscriptlistmodel.h"
#include "peerscriptrunner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

PeerScriptsPanel::PeerScriptsPanel(PeerScriptListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model) {
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("peerScriptList"));
    m_view->setModel(model);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("peerScriptOutput"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(PeerScriptListModel::MaxOutputLines);
    m_output->setPlaceholderText(tr("What the selected script prints with console.log(), and "
                                    "the error that stopped it"));

    auto *runButton = new QPushButton(tr("Run Script…"), this);
    runButton->setObjectName(QStringLiteral("runScriptButton"));
    runButton->setToolTip(tr("Run a JavaScript file whose clients talk to this broker (see the "
                             "README's \"Scripted peers\")"));
    connect(runButton, &QPushButton::clicked, this, &PeerScriptsPanel::runScriptRequested);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopScriptButton"));
    connect(m_stopButton, &QPushButton::clicked, this, [this] { m_model->stop(currentRow()); });
    m_againButton = new QPushButton(tr("Run Again"), this);
    m_againButton->setObjectName(QStringLiteral("runScriptAgainButton"));
    m_againButton->setToolTip(tr("Read the file again and start it afresh"));
    connect(m_againButton, &QPushButton::clicked, this,
            [this] { m_model->runAgain(currentRow()); });
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeScriptButton"));
    connect(m_removeButton, &QPushButton::clicked, this, [this] { m_model->remove(currentRow()); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(runButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_againButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_output);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showOutput();
        updateButtons();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &PeerScriptsPanel::updateButtons);
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        showOutput();
        updateButtons();
    });
    connect(model, &PeerScriptListModel::outputAdded, this, [this](int row, const QString &line) {
        if (row != currentRow())
            return;
        m_output->appendPlainText(line);
    });
    updateButtons();
}

void PeerScriptsPanel::showScript(int row) {
    m_view->selectRow(row);
    showOutput();
    updateButtons();
}

int PeerScriptsPanel::currentRow() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void PeerScriptsPanel::updateButtons() {
    const PeerScriptRunner *runner = m_model->runner(currentRow());
    m_stopButton->setEnabled(runner && runner->state() == PeerScriptRunner::State::Running);
    m_againButton->setEnabled(runner);
    m_removeButton->setEnabled(runner);
}

void PeerScriptsPanel::showOutput() {
    m_output->setPlainText(m_model->output(currentRow()).join(u'\n'));
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

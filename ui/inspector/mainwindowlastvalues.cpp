// Last values (issue 15): the "Last Values" dock, what each client sent last per room and
// action, tabbed with Statistics. The model is the Inspector's (LastValuesModel); a double-click
// on an action row selects its frame in the log.
#include "mainwindow.h"

#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "lastvaluesmodel.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QStatusBar>
#include <QTreeView>

#include <algorithm>

void MainWindow::createLastValuesDock() {
    LastValuesModel *model = m_inspector->lastValues();
    auto *view = new QTreeView(this);
    view->setObjectName(QStringLiteral("lastValues"));
    view->setModel(model);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    // Double-click selects the frame; rooms and clients open with their arrows.
    view->setExpandsOnDoubleClick(false);
    using Model = LastValuesModel;
    // Name, count, then the message, which a narrow dock shows the start of; the time last.
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->moveSection(header->visualIndex(Model::CountColumn), 1);
    const QFontMetrics fm = view->fontMetrics();
    const auto title = [model](int column) {
        return model->headerData(column, Qt::Horizontal).toString();
    };
    const auto width = [&fm, &title](int column, const QString &sample) {
        return std::max(fm.horizontalAdvance(title(column)), fm.horizontalAdvance(sample)) + 20;
    };
    header->resizeSection(Model::NameColumn,
                          width(Model::NameColumn, QStringLiteral("sensor-0000")) +
                              view->indentation() * 2);
    header->resizeSection(Model::CountColumn, width(Model::CountColumn, QStringLiteral("00000")));
    header->resizeSection(
        Model::LastMessageColumn,
        width(Model::LastMessageColumn, QStringLiteral(R"({"type":"order","price":120.5})")));
    header->resizeSection(Model::TimeColumn,
                          width(Model::TimeColumn, QStringLiteral("00:00:00.000")));

    // New rooms and clients open, so that their values show at once; what the user closed
    // stays closed.
    connect(model, &QAbstractItemModel::rowsInserted, view,
            [view, model](const QModelIndex &parent, int first, int last) {
                for (int row = first; row <= last; ++row)
                    view->expandRecursively(model->index(row, 0, parent));
            });
    connect(view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(Model::LevelRole).toInt() != int(Model::Level::Action))
            return;
        const QVariant serial = index.data(Model::SerialRole);
        const int row = serial.isValid() ? m_log->rowOfSerial(serial.toULongLong()) : -1;
        if (row < 0)
            statusBar()->showMessage(tr("That frame is no longer in the log"), 4000);
        else if (!m_logView->selectLogRow(row))
            statusBar()->showMessage(tr("That frame is hidden by the log's filters"), 4000);
    });

    auto *dock = new QDockWidget(tr("Last Values"), this);
    dock->setObjectName(QStringLiteral("lastValuesDock"));
    dock->setWidget(view);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    if (auto *stats = findChild<QDockWidget *>(QStringLiteral("statisticsDock")))
        tabifyDockWidget(stats, dock);
    findChild<QDockWidget *>(QStringLiteral("detailsDock"))->raise();
}

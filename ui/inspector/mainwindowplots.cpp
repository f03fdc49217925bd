// Plots of JSON paths in the window (issue 15, "Watch a value"): the details' JSON tab pins a
// path (Plot This Path), the Plots dock shows a plot per pinned path, stacked, each with its
// path, a by client / by room choice and a remove button; clicking a point selects its frame in
// the log and shows it in the details. The points are the Inspector's (PathPlotModel).
#include "mainwindow.h"

#include "framedetailsview.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "pathplotmodel.h"
#include "pathplotwidget.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const char *const PathProperty = "plotPath";

} // namespace

void MainWindow::createPlotsDock() {
    m_plotsPanel = new QWidget(this);
    m_plotsPanel->setObjectName(QStringLiteral("plots"));
    auto *layout = new QVBoxLayout(m_plotsPanel);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *hint = new QLabel(tr("Right-click a number in the JSON tab of Frame Details and choose "
                               "Plot This Path to plot its values here."),
                            m_plotsPanel);
    hint->setObjectName(QStringLiteral("plotsHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint, 0, Qt::AlignTop);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_plotsPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_plotsDock = new QDockWidget(tr("Plots"), this);
    m_plotsDock->setObjectName(QStringLiteral("plotsDock"));
    m_plotsDock->setWidget(scroll);
    addDockWidget(Qt::BottomDockWidgetArea, m_plotsDock);
    m_viewMenu->addAction(m_plotsDock->toggleViewAction());
    if (auto *console = findChild<QDockWidget *>(QStringLiteral("consoleDock")))
        tabifyDockWidget(console, m_plotsDock);
    if (auto *console = findChild<QDockWidget *>(QStringLiteral("consoleDock")))
        console->raise();
    // Out of the way until a path is pinned (View lists it).
    m_plotsDock->hide();

    PathPlotModel *plots = m_inspector->plots();
    connect(m_details, &FrameDetailsView::plotPathRequested, this,
            [this, plots](const QString &path) {
                QString error;
                if (!plots->pin(path, &error))
                    statusBar()->showMessage(tr("Cannot plot %1: %2").arg(path, error), 5000);
                // Pinned now or before: the plot comes into view.
                m_plotsDock->show();
                m_plotsDock->raise();
                const int wanted = std::max(260, height() / 3);
                if (!m_plotsDock->isFloating() && m_plotsDock->height() < wanted)
                    resizeDocks({m_plotsDock}, {wanted}, Qt::Vertical);
            });
    connect(plots, &PathPlotModel::pinnedPathsChanged, this, &MainWindow::updatePlots);
}

void MainWindow::updatePlots() {
    PathPlotModel *plots = m_inspector->plots();
    const QStringList paths = plots->paths();
    auto *layout = static_cast<QVBoxLayout *>(m_plotsPanel->layout());
    // Plots of paths no longer pinned go; the others stay as they are (their grouping, size).
    QStringList shown;
    for (QFrame *panel : m_plotsPanel->findChildren<QFrame *>(QStringLiteral("plotPanel"),
                                                              Qt::FindDirectChildrenOnly)) {
        const QString path = panel->property(PathProperty).toString();
        if (paths.contains(path)) {
            shown << path;
            continue;
        }
        // Later: its remove button may be what is calling.
        panel->hide();
        panel->setObjectName(QString());
        panel->deleteLater();
    }
    for (const QString &path : paths) {
        if (shown.contains(path))
            continue;
        auto *panel = new QFrame(m_plotsPanel);
        panel->setObjectName(QStringLiteral("plotPanel"));
        panel->setProperty(PathProperty, path);
        panel->setFrameShape(QFrame::StyledPanel);
        auto *title = new QLabel(panel);
        title->setTextFormat(Qt::PlainText);
        title->setText(path);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto *grouping = new QComboBox(panel);
        grouping->setObjectName(QStringLiteral("plotGrouping"));
        grouping->addItem(tr("By client"), int(PathPlotModel::Grouping::ByClient));
        grouping->addItem(tr("By room"), int(PathPlotModel::Grouping::ByRoom));
        grouping->setToolTip(tr("A line per client, or per room"));
        grouping->setCurrentIndex(grouping->findData(int(plots->grouping(path))));
        connect(grouping, &QComboBox::currentIndexChanged, this, [plots, path, grouping] {
            plots->setGrouping(path, PathPlotModel::Grouping(grouping->currentData().toInt()));
        });
        auto *remove = new QToolButton(panel);
        remove->setObjectName(QStringLiteral("removePlot"));
        remove->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove this plot"));
        connect(remove, &QToolButton::clicked, this, [plots, path] { plots->unpin(path); });
        auto *plot = new PathPlotWidget(plots, path, panel);
        plot->setObjectName(QStringLiteral("pathPlot"));
        plot->setMinimumHeight(160);
        connect(plot, &PathPlotWidget::pointClicked, this, &MainWindow::selectPlottedFrame);

        auto *header = new QHBoxLayout;
        header->addWidget(title, 1);
        header->addWidget(grouping);
        header->addWidget(remove);
        auto *box = new QVBoxLayout(panel);
        box->setContentsMargins(6, 4, 6, 6);
        box->addLayout(header);
        box->addWidget(plot, 1);
        layout->addWidget(panel, 1);
    }
    m_plotsPanel->findChild<QLabel *>(QStringLiteral("plotsHint"))->setVisible(paths.isEmpty());
}

void MainWindow::selectPlottedFrame(quint64 serial) {
    const int row = m_log->rowOfSerial(serial);
    if (row < 0)
        statusBar()->showMessage(tr("That frame has left the log."), 5000);
    else if (!m_logView->selectLogRow(row))
        statusBar()->showMessage(tr("The log's filters hide that frame."), 5000);
    else if (auto *details = findChild<QDockWidget *>(QStringLiteral("detailsDock")))
        details->raise(); // the selection shows the frame there (showSelectedFrame)
}

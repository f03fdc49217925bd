#include "logfilewindow.h"

#include "askrelationtext.h"
#include "captureconverter.h"
#include "captureloader.h"
#include "capturereader.h"
#include "contractfailuretext.h"
#include "framedetailsview.h"
#include "framediffview.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "framelogview.h"
#include "inspector.h"
#include "inspectoricon.h"
#include "logfilterbar.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

LogFileWindow::LogFileWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_inspector(new Inspector(this)) {
    setObjectName(QStringLiteral("LogFileWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(icon("wsmsgbroker"));
    m_workDir = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                    .filePath(QStringLiteral("opened"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    m_filterBar = new LogFilterBar(m_inspector->logProxy(), top);
    m_filterBar->setObjectName(QStringLiteral("logFilterBar"));
    m_banner = new QLabel(top);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(6, 3, 6, 3);
    m_banner->hide();
    m_logView = new FrameLogView(m_inspector->logProxy(), m_inspector->log(), top);
    m_logView->setObjectName(QStringLiteral("frameLog"));
    auto *layout = new QVBoxLayout(top);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_logView, 1);
    m_details = new FrameDetailsView(splitter);
    m_details->setObjectName(QStringLiteral("frameDetails"));
    m_details->diffView()->attach(m_logView, m_inspector->log());
    splitter->addWidget(top);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *saveAs =
        file->addAction(icon("export"), tr("Save &As…"), this, &LogFileWindow::saveAsInteractively);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);

    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);

    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogFileWindow::showSelectedFrame);
    connect(m_inspector->logProxy(), &FrameFilterProxyModel::filterChanged, this,
            &LogFileWindow::updateStatus);
    connect(m_inspector, &Inspector::searchProgress, this, &LogFileWindow::updateStatus);
    resize(1200, 800);
}

LogFileWindow::~LogFileWindow() {
    // A converted log's capture was only for this window.
    const QString converted = m_inspector->loader() && m_inspector->loader()->isConverted()
                                  ? m_inspector->loader()->capturePath()
                                  : QString();
    delete m_inspector;
    if (!converted.isEmpty()) {
        QFile::remove(converted);
        QFile::remove(converted + QStringLiteral("-wal"));
        QFile::remove(converted + QStringLiteral("-shm"));
    }
}

bool LogFileWindow::open(const QString &path, QString *error) {
    m_path = path;
    setWindowTitle(tr("%1 — WSMsgBroker").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    if (!m_inspector->openFile(path, m_workDir, error))
        return false;
    CaptureLoader *loader = m_inspector->loader();
    connect(loader, &CaptureLoader::progress, this, &LogFileWindow::onProgress,
            Qt::UniqueConnection);
    connect(loader, &CaptureLoader::finished, this, &LogFileWindow::onFinished,
            Qt::UniqueConnection);
    connect(m_cancel, &QToolButton::clicked, loader, &CaptureLoader::cancel, Qt::UniqueConnection);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_status->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    return true;
}

void LogFileWindow::onProgress(qint64 done, qint64 total, bool converting) {
    // Progress in thousandths: QProgressBar counts in int.
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(std::min<qint64>(1000, done * 1000 / total)) : 0);
    m_progress->setFormat(converting ? tr("Reading %p%")
                                     : tr("%1 frames").arg(QLocale().toString(done)));
}

void LogFileWindow::onFinished(bool ok, const QString &error) {
    m_progress->hide();
    m_cancel->hide();
    if (!ok) {
        m_banner->setText(tr("Could not open everything: %1").arg(error));
        m_banner->show();
    }
    updateStatus();
    Q_EMIT loadFinished(ok, error);
}

void LogFileWindow::updateStatus() {
    const FrameLogModel *log = m_inspector->log();
    const FrameFilterProxyModel *proxy = m_inspector->logProxy();
    QString text = proxy->isFiltering() ? tr("%1 of %2 frames")
                                              .arg(QLocale().toString(proxy->rowCount()),
                                                   QLocale().toString(log->rowCount()))
                                        : tr("%1 frames").arg(QLocale().toString(log->rowCount()));
    if (proxy->isSearchingCapture())
        text += tr(" · searching…");
    m_status->setText(tr("%1 · %2").arg(text, QDir::toNativeSeparators(m_path)));
}

void LogFileWindow::showSelectedFrame() {
    const int row = m_logView->currentLogRow();
    if (row < 0) {
        m_details->clear();
        return;
    }
    m_details->setEvent(m_inspector->log()->eventAt(row));
    m_details->setRelationText(
        AskRelationText::describe(*m_inspector->log(), m_inspector->askGroup(row)));
    m_details->setContractText(ContractFailureText::describe(*m_inspector->log(), row));
}

void LogFileWindow::setContracts(std::shared_ptr<const ContractSet> contracts) {
    m_inspector->log()->setContracts(std::move(contracts));
}

void LogFileWindow::saveAsInteractively() {
    QString selected;
    const QString name = QFileDialog::getSaveFileName(
        this, tr("Save As"), QFileInfo(m_path).completeBaseName() + QStringLiteral(".wscap"),
        tr("Capture (*.wscap);;JSON Lines, filtered (*.jsonl);;HAR, filtered (*.har)"), &selected);
    if (name.isEmpty())
        return;
    QString error;
    bool ok;
    if (name.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) ||
        name.endsWith(QLatin1String(".har"), Qt::CaseInsensitive)) {
        ok = m_inspector->exportLog(name, QUrl(), &error);
    } else {
        // The capture as it is, committed state (a converted log's capture is kept this way).
        ok = CaptureConverter::copyCapture(m_inspector->capturePath(), name, &error);
    }
    if (!ok)
        QMessageBox::warning(this, tr("Save As"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(name)), 5000);
}

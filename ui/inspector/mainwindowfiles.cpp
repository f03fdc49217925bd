// The window's files: Open (a capture or log in a window of its own), Export Log and Save
// Capture As. The capture the window records itself is started in mainwindow.cpp.
#include "mainwindow.h"

#include "brokercontroller.h"
#include "capturerecorder.h"
#include "contractchecker.h"
#include "framefilterproxymodel.h"
#include "inspector.h"
#include "logfilewindow.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QStatusBar>

void MainWindow::openFile(const QString &path) {
    auto *window = new LogFileWindow();
    // Marked by the contracts loaded here (the window's own capture keeps what was found live).
    window->setContracts(m_contractChecker ? m_contractChecker->contracts() : nullptr);
    QString error;
    if (!window->open(path, &error)) {
        delete window;
        QMessageBox::warning(this, tr("Open"), error);
        return;
    }
    window->show();
}

void MainWindow::exportLogInteractively() {
    QString selected;
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export Log"), QStringLiteral("frames.jsonl"),
        tr("JSON Lines (*.jsonl);;HAR, as browsers save it (*.har)"), &selected);
    if (fileName.isEmpty())
        return;
    QString error;
    if (!m_inspector->exportLog(fileName, m_controller->url(), &error))
        QMessageBox::warning(this, tr("Export Log"), error);
    else
        statusBar()->showMessage(
            tr("Saved %n frame(s) to %1", nullptr, m_proxy->rowCount()).arg(fileName), 5000);
}

void MainWindow::openLogInteractively() {
    const QString fileName = QFileDialog::getOpenFileName(
        this, tr("Open"), {},
        tr("Captures and frame logs (*.wscap *.jsonl *.har *.json);;All files (*)"));
    if (!fileName.isEmpty())
        openFile(fileName);
}

void MainWindow::saveCaptureInteractively() {
    CaptureRecorder *recorder = m_inspector->recorder();
    if (!recorder) {
        QMessageBox::information(this, tr("Save Capture As"),
                                 tr("This session is not being recorded to disk."));
        return;
    }
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Save Capture As"), QStringLiteral("session.wscap"), tr("Capture (*.wscap)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!recorder->saveAs(fileName, &error))
        QMessageBox::warning(this, tr("Save Capture As"), error);
    else
        statusBar()->showMessage(tr("Saved the capture to %1").arg(fileName), 5000);
}

#include "sessioncapture.h"

#include "capturerecorder.h"
#include "inspector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

SessionCapture::SessionCapture(QSettings *settings)
    : m_settings(settings) {
    m_settings->beginGroup(QStringLiteral("capture"));
    m_enabled = m_settings->value(QStringLiteral("enabled"), true).toBool();
    const qint64 maxMiB =
        m_settings->value(QStringLiteral("maxMiB"), m_budget.maxBytes >> 20).toLongLong();
    const qint64 maxFrames =
        m_settings->value(QStringLiteral("maxFrames"), m_budget.maxFrames).toLongLong();
    if (maxMiB > 0)
        m_budget.maxBytes = maxMiB << 20;
    if (maxFrames > 0)
        m_budget.maxFrames = maxFrames;
    m_lastPath = m_settings->value(QStringLiteral("current")).toString();
    m_lastCrashed =
        !m_lastPath.isEmpty() && !m_settings->value(QStringLiteral("cleanExit"), true).toBool();
    if (!m_lastPath.isEmpty() && !QFile::exists(m_lastPath)) {
        m_lastPath.clear();
        m_lastCrashed = false;
    }
    m_folder = m_settings->value(QStringLiteral("folder")).toString();
    m_settings->endGroup();
    m_dir = m_folder.isEmpty() ? defaultFolder() : m_folder;
    beginSession();
    removeOldSessions();
}

void SessionCapture::markCleanExit() {
    m_settings->beginGroup(QStringLiteral("capture"));
    m_settings->setValue(QStringLiteral("cleanExit"), true);
    m_settings->endGroup();
    m_settings->sync();
}

void SessionCapture::removeOldSessions() const {
    QDir dir(m_dir);
    const QStringList sessions =
        dir.entryList({QStringLiteral("session-*.wscap")}, QDir::Files, QDir::Name);
    // Names sort by time; this session's file does not exist yet, the last one is kept.
    const qsizetype excess = sessions.size() - (KeptSessions - 1);
    for (qsizetype i = 0; i < excess; ++i) {
        const QString name = dir.filePath(sessions.at(i));
        if (name == m_lastPath)
            continue;
        QFile::remove(name);
        QFile::remove(name + QStringLiteral("-wal"));
        QFile::remove(name + QStringLiteral("-shm"));
    }
}

QString SessionCapture::defaultFolder() const {
    // The platform's settings keep captures in the app's data folder; a settings file of its
    // own (--settings, tests) keeps them beside it, so that runs stay apart.
    const QString settingsDir = QFileInfo(m_settings->fileName()).absolutePath();
    const bool platformSettings = settingsDir.startsWith(
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    return platformSettings
               ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                     .filePath(QStringLiteral("captures"))
               : QDir(settingsDir).filePath(QStringLiteral("captures"));
}

QString SessionCapture::folderProblem(const QString &folder) {
    if (folder.isEmpty())
        return {};
    if (QDir::isRelativePath(folder))
        return QCoreApplication::translate("SessionCapture",
                                           "The capture folder \"%1\" is not an absolute path.")
            .arg(folder);
    // The nearest part of the path that exists decides whether the rest can be made.
    QFileInfo existing(folder);
    while (!existing.exists() && !existing.isRoot())
        existing = QFileInfo(existing.absolutePath());
    if (!existing.isDir())
        return QCoreApplication::translate(
                   "SessionCapture",
                   "The capture folder \"%1\" cannot be made: %2 is not a folder.")
            .arg(folder, QDir::toNativeSeparators(existing.absoluteFilePath()));
    if (!existing.isWritable())
        return QCoreApplication::translate(
                   "SessionCapture",
                   "The capture folder \"%1\" cannot be written: %2 is read-only.")
            .arg(folder, QDir::toNativeSeparators(existing.absoluteFilePath()));
    return {};
}

void SessionCapture::beginSession() {
    QDir().mkpath(m_dir);
    m_path = QDir(m_dir).filePath(
        QStringLiteral("session-%1.wscap")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    if (!m_enabled)
        return;
    m_settings->beginGroup(QStringLiteral("capture"));
    m_settings->setValue(QStringLiteral("previous"), m_lastPath);
    m_settings->setValue(QStringLiteral("current"), m_path);
    m_settings->setValue(QStringLiteral("cleanExit"), false);
    m_settings->endGroup();
    m_settings->sync();
}

void SessionCapture::save() const {
    m_settings->beginGroup(QStringLiteral("capture"));
    m_settings->setValue(QStringLiteral("enabled"), m_enabled);
    m_settings->setValue(QStringLiteral("maxMiB"), m_budget.maxBytes >> 20);
    m_settings->setValue(QStringLiteral("maxFrames"), m_budget.maxFrames);
    m_settings->setValue(QStringLiteral("folder"), m_folder);
    m_settings->endGroup();
    m_settings->sync();
}

bool SessionCapture::apply(const Options &options, Inspector *inspector, QString *error) {
    const QString problem = folderProblem(options.folder);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const bool budgetChanged = options.budget.maxBytes != m_budget.maxBytes ||
                               options.budget.maxFrames != m_budget.maxFrames;
    const bool wasEnabled = m_enabled;
    m_budget = options.budget;
    m_folder = options.folder;
    m_enabled = options.enabled;
    save();
    if (budgetChanged && inspector->recorder())
        inspector->recorder()->setBudget(m_budget);
    if (wasEnabled && !m_enabled) {
        inspector->stopRecording(); // flushed: the file is complete, as after a clean exit
        markCleanExit();
    } else if (!wasEnabled && m_enabled) {
        m_dir = m_folder.isEmpty() ? defaultFolder() : m_folder;
        // The session just recorded (if any) becomes the last one.
        if (QFile::exists(m_path))
            m_lastPath = m_path;
        beginSession();
        // The log's rows name frames by their id in the capture they were recorded in; a new
        // capture numbers from 1 again, so the log starts over with it.
        inspector->clear();
        if (!inspector->startRecording(m_path, m_budget, error))
            return false;
    }
    return true;
}

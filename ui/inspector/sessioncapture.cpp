#include "sessioncapture.h"

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
    m_dir = m_settings->value(QStringLiteral("folder")).toString();
    if (m_dir.isEmpty()) {
        // The platform's settings keep captures in the app's data folder; a settings file of
        // its own (--settings, tests) keeps them beside it, so that runs stay apart.
        const QString settingsDir = QFileInfo(m_settings->fileName()).absolutePath();
        const bool platformSettings = settingsDir.startsWith(
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
        m_dir = platformSettings
                    ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                          .filePath(QStringLiteral("captures"))
                    : QDir(settingsDir).filePath(QStringLiteral("captures"));
    }
    QDir().mkpath(m_dir);
    m_path = QDir(m_dir).filePath(
        QStringLiteral("session-%1.wscap")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    if (m_enabled) {
        m_settings->setValue(QStringLiteral("previous"), m_lastPath);
        m_settings->setValue(QStringLiteral("current"), m_path);
        m_settings->setValue(QStringLiteral("cleanExit"), false);
    }
    m_settings->endGroup();
    m_settings->sync();
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

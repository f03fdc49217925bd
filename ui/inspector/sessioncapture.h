#pragma once

#include "capturebudget.h"

#include <QString>

class QSettings;

// Where the window's capture of this session goes and what is known about the last one: each
// start records into a new file under the app's data folder (the newest few are kept, older
// ones deleted), and a marker in the settings says whether the previous session ended
// cleanly, so a crashed session can be offered for opening.
class SessionCapture {
public:
    static constexpr int KeptSessions = 5;

    // Reads the budget and the last session from settings, picks this session's file, and
    // marks the session as running.
    explicit SessionCapture(QSettings *settings);

    QString path() const { return m_path; }
    CaptureBudget budget() const { return m_budget; }
    bool isEnabled() const { return m_enabled; }
    // The previous session's capture, if it still exists.
    QString lastSessionPath() const { return m_lastPath; }
    // Whether the previous session stopped without closing its window (a crash, kill -9).
    bool lastSessionCrashed() const { return m_lastCrashed; }
    // Called when the window closes normally.
    void markCleanExit();

private:
    void removeOldSessions() const;

    QSettings *m_settings;
    QString m_dir;
    QString m_path;
    QString m_lastPath;
    bool m_lastCrashed = false;
    bool m_enabled = true;
    CaptureBudget m_budget;
};

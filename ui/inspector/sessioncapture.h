#pragma once

#include "capturebudget.h"

#include <QString>

class Inspector;
class QSettings;

// Where the window's capture of this session goes and what is known about the last one: each
// start records into a new file under the app's data folder (the newest few are kept, older
// ones deleted), and a marker in the settings says whether the previous session ended
// cleanly, so a crashed session can be offered for opening. The Settings dialog's Capture
// group edits its options, which apply() puts into effect on the running recorder.
class SessionCapture {
public:
    static constexpr int KeptSessions = 5;

    // The settings keys capture/enabled, maxMiB, maxFrames and folder.
    struct Options {
        bool enabled = true;
        CaptureBudget budget;
        QString folder; // empty: the default folder
    };

    // Reads the budget and the last session from settings, picks this session's file, and
    // marks the session as running.
    explicit SessionCapture(QSettings *settings);

    QString path() const { return m_path; }
    CaptureBudget budget() const { return m_budget; }
    bool isEnabled() const { return m_enabled; }
    Options options() const { return {m_enabled, m_budget, m_folder}; }
    // Where captures go when the folder setting is empty.
    QString defaultFolder() const;
    // Why captures cannot be written into folder ("… is not a folder"), or empty; a folder
    // that does not exist yet is fine when it can be made.
    static QString folderProblem(const QString &folder);

    // Saves the options and applies them without a broker restart: a new budget reaches the
    // running recorder (it evicts down to it at its next commit); turning recording off stops
    // the recorder and keeps its file; turning it on starts a new session capture (the log
    // starts empty with it, its rows read from that capture). A new folder is used from the
    // next session on. False, with the error naming the folder or file, when nothing was
    // changed (an unusable folder) or recording could not start again.
    bool apply(const Options &options, Inspector *inspector, QString *error);
    // The previous session's capture, if it still exists.
    QString lastSessionPath() const { return m_lastPath; }
    // Whether the previous session stopped without closing its window (a crash, kill -9).
    bool lastSessionCrashed() const { return m_lastCrashed; }
    // Called when the window closes normally.
    void markCleanExit();

private:
    void removeOldSessions() const;
    // Picks this session's file in m_dir and marks it as the running session.
    void beginSession();
    void save() const;

    QSettings *m_settings;
    QString m_folder; // the setting; m_dir is the folder this session's file is in
    QString m_dir;
    QString m_path;
    QString m_lastPath;
    bool m_lastCrashed = false;
    bool m_enabled = true;
    CaptureBudget m_budget;
};

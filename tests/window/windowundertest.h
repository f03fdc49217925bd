#pragma once

#include "mainwindow.h"
#include "recordingclient.h"

#include <QSettings>
#include <QSize>
#include <QTemporaryDir>
#include <QVariantMap>

#include <memory>
#include <vector>

// A MainWindow for the window tests: settings of its own (an INI file in a temporary folder,
// values given before the window reads them), its broker on a free loopback port, shown
// offscreen and running; and the real clients a test connects to it, closed with it.
class WindowUnderTest {
public:
    WindowUnderTest() = default;
    ~WindowUnderTest() { close(); }
    WindowUnderTest(const WindowUnderTest &) = delete;
    WindowUnderTest &operator=(const WindowUnderTest &) = delete;

    // False when the window did not show or its broker did not start in time.
    bool open(const QVariantMap &settings = {}, const QSize &size = {});
    void close();

    MainWindow *window() const { return m_window.get(); }
    QSettings *settings() const { return m_settings.get(); }
    // A client in room, registered as id; null when it could not connect or register.
    RecordingClient *connectClient(const QString &room, const QByteArray &id);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<RecordingClient>> m_clients;
};

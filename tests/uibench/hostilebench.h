#pragma once

#include <QUrl>

class MainWindow;

// wsmsgbroker-uibench --hostile: sends each case of HostileContent through the window's broker
// (a plain sender to a console client, in the case's room), selects the frame in the log so
// that the details pane shows it, and prints how late the window's event loop was meanwhile,
// per case. Returns the process's exit code.
class HostileBench {
public:
    static int run(MainWindow *window, const QUrl &brokerUrl);
};

#pragma once

#include <QString>

class QUrl;

// The room of a request URL: its path, with the empty path and "/" being the same room. The
// one statement of the rule for everything that names rooms (broker, console, log files).
QString roomNameOf(const QUrl &url);

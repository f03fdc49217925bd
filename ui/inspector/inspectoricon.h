#pragma once

#include <QIcon>
#include <QString>

// An icon of the application's resources (:/icons/NAME.svg).
inline QIcon icon(const char *name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1StringView(name)));
}

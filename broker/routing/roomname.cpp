#include "roomname.h"

#include <QUrl>

QString roomNameOf(const QUrl &url) {
    const QString path = url.path();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

// Writes a file the test hands to the code under test (a script, a recording) and returns its
// path; a file that cannot be written ends the test run, as nothing after it would mean much.
inline QString writeTestFile(const QTemporaryDir &dir, const QString &name,
                             const QByteArray &text) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

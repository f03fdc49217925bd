// libFuzzer target over FrameLogFile::read(), the reader of the JSON Lines and HAR logs a user
// opens (often someone else's file). Beyond "no crash, no hang, no sanitizer report" it checks
// what the window relies on:
// - a refused file gets one line of error that names the line (JSON Lines) or the entry (HAR);
// - what was read, written back as JSON Lines and read again, gives the same events, field by
//   field and in order (so saving an opened log loses nothing);
// - the frames of what was read, written as HAR and read again, are the same frames (kind,
//   time, data), in time order: HAR keeps only frames and regroups them by connection.

#include "framelogfile.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail) {
    std::fprintf(stderr, "invariant broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

bool read(const QByteArray &bytes, BrokerEventList *events, QString *error) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return FrameLogFile::read(&buffer, events, error);
}

QByteArray write(const BrokerEventList &events, FrameLogFile::Format format) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!FrameLogFile::write(&buffer, format, events, QUrl(QStringLiteral("ws://127.0.0.1:9000/")),
                             &error))
        fail("writing to a buffer failed", error);
    return buffer.data();
}

// Everything a JSON Lines line keeps, in the order the fields are written.
auto jsonLinesFields(const BrokerEvent &e) {
    return std::tie(e.timeMs, e.kind, e.room, e.connectionId, e.size, e.clientId, e.session,
                    e.sessionUrl, e.action, e.outcome, e.closeReason, e.ack, e.detail, e.binary,
                    e.data);
}

// What HAR keeps of a frame.
auto harFields(const BrokerEvent &e) {
    return std::tie(e.timeMs, e.kind, e.binary, e.data);
}

BrokerEventList framesInTimeOrder(const BrokerEventList &events) {
    BrokerEventList frames;
    for (const BrokerEvent &e : events) {
        if (e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut)
            frames.append(e);
    }
    std::stable_sort(frames.begin(), frames.end(), [](const BrokerEvent &a, const BrokerEvent &b) {
        return harFields(a) < harFields(b);
    });
    return frames;
}

QString describe(const BrokerEvent &e) {
    return QStringLiteral("time %1 kind %2 connection %3 size %4 binary %5 data %6")
        .arg(e.timeMs)
        .arg(int(e.kind))
        .arg(e.connectionId)
        .arg(e.size)
        .arg(e.binary)
        .arg(QString::fromLatin1(e.data.left(64).toHex()));
}

void checkError(const QByteArray &input, const QString &error) {
    if (error.isEmpty())
        fail("a refused file without an error", QString());
    if (error.contains(QLatin1Char('\n')) || error.contains(QLatin1Char('\r')))
        fail("an error of more than one line", error);
    static const QRegularExpression where(QStringLiteral("^(line|HAR entry) (\\d+)\\b"));
    const QRegularExpressionMatch m = where.match(error);
    if (!m.hasMatch())
        fail("an error that names no line or entry", error);
    const qlonglong number = m.captured(2).toLongLong();
    if (number < 1 || (m.captured(1) == QLatin1String("line") && number > input.count('\n') + 1))
        fail("an error naming a line the file does not have", error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    BrokerEventList events;
    QString error;
    if (!read(input, &events, &error)) {
        checkError(input, error);
        return 0;
    }

    BrokerEventList again;
    if (!read(write(events, FrameLogFile::Format::JsonLines), &again, &error))
        fail("what was read, saved as JSON Lines, cannot be read again", error);
    if (again.size() != events.size())
        fail("JSON Lines round trip changed the number of events",
             QStringLiteral("%1 -> %2").arg(events.size()).arg(again.size()));
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (jsonLinesFields(events.at(i)) != jsonLinesFields(again.at(i)))
            fail("JSON Lines round trip changed an event",
                 describe(events.at(i)) + QStringLiteral("\n -> ") + describe(again.at(i)));
    }

    BrokerEventList fromHar;
    if (!read(write(events, FrameLogFile::Format::Har), &fromHar, &error))
        fail("what was read, saved as HAR, cannot be read again", error);
    const BrokerEventList before = framesInTimeOrder(events);
    const BrokerEventList after = framesInTimeOrder(fromHar);
    if (before.size() != after.size())
        fail("HAR round trip changed the number of frames",
             QStringLiteral("%1 -> %2").arg(before.size()).arg(after.size()));
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (harFields(before.at(i)) != harFields(after.at(i)))
            fail("HAR round trip changed a frame",
                 describe(before.at(i)) + QStringLiteral("\n -> ") + describe(after.at(i)));
    }
    return 0;
}

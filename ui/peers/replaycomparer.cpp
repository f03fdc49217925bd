#include "replaycomparer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString compact(const QJsonValue &value) {
    if (value.isUndefined())
        return ReplayComparer::tr("nothing");
    // QJsonDocument takes only objects and arrays: wrap a scalar and cut the brackets off.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString shown = QString::fromUtf8(text.mid(1, text.size() - 2));
    if (shown.size() > 120)
        shown = shown.left(120) + QStringLiteral("…");
    return shown;
}

} // namespace

QString ReplayComparer::channelKey(const QString &clientId, bool sent) {
    return (sent ? QStringLiteral(">") : QStringLiteral("<")) + clientId;
}

void ReplayComparer::expect(const RecordedSession &recording, const QStringList &sentBy) {
    m_channels.clear();
    m_differences.clear();
    m_summary = {};
    const qint64 start = recording.frames().isEmpty() ? 0 : recording.frames().first().timeMs;
    for (const RecordedSession::Frame &frame : recording.frames()) {
        if (frame.sent && !sentBy.contains(frame.clientId))
            continue;
        Channel &channel = m_channels[channelKey(frame.clientId, frame.sent)];
        channel.expected.append(RecordedSession::comparable(frame.data));
        channel.atMs.append(frame.timeMs - start);
    }
    // Clients that received nothing still have a channel: anything they get is extra.
    for (const RecordedSession::Client &client : recording.clients()) {
        m_channels[channelKey(client.id, false)];
        if (sentBy.contains(client.id))
            m_channels[channelKey(client.id, true)];
    }
}

const ReplayComparer::Difference *ReplayComparer::actual(const QString &clientId, bool sent,
                                                         const QByteArray &data, qint64 replayMs) {
    const auto it = m_channels.find(channelKey(clientId, sent));
    if (it == m_channels.end())
        return nullptr;
    Channel &channel = *it;
    Difference difference;
    difference.clientId = clientId;
    difference.sent = sent;
    difference.index = channel.next;
    difference.actual = RecordedSession::comparable(data);
    if (channel.next >= channel.expected.size()) {
        ++channel.next;
        ++m_summary.extra;
        difference.kind = Difference::Kind::Extra;
        difference.atMs = replayMs;
        m_differences.append(difference);
        return &m_differences.last();
    }
    difference.expected = channel.expected[channel.next];
    difference.atMs = channel.atMs[channel.next];
    ++channel.next;
    difference.changes = compare(difference.expected, difference.actual);
    if (difference.changes.isEmpty()) {
        ++m_summary.matched;
        return nullptr;
    }
    ++m_summary.differing;
    m_differences.append(difference);
    return &m_differences.last();
}

bool ReplayComparer::complete() const {
    for (const Channel &channel : m_channels) {
        if (channel.next < channel.expected.size())
            return false;
    }
    return true;
}

int ReplayComparer::receivedCount(const QString &clientId) const {
    return m_channels.value(channelKey(clientId, false)).next;
}

void ReplayComparer::finish() {
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        Channel &channel = *it;
        for (; channel.next < channel.expected.size(); ++channel.next) {
            Difference difference;
            difference.kind = Difference::Kind::Missing;
            difference.clientId = it.key().mid(1);
            difference.sent = it.key().startsWith(u'>');
            difference.index = channel.next;
            difference.atMs = channel.atMs[channel.next];
            difference.expected = channel.expected[channel.next];
            m_differences.append(difference);
            ++m_summary.missing;
        }
    }
}

JsonDiff::ChangeList ReplayComparer::compare(const QJsonObject &expected,
                                             const QJsonObject &actual) const {
    // Nearly every frame of a good replay matches: equality first, paths only when it fails.
    if (expected == actual)
        return {};
    JsonDiff::ChangeList changes = JsonDiff::compare(expected, actual);
    changes.removeIf([this](const JsonDiff::Change &change) { return ignored(change.path); });
    return changes;
}

bool ReplayComparer::ignored(const QString &path) const {
    for (const QString &prefix : m_ignored) {
        if (path == prefix || (path.startsWith(prefix) &&
                               (path.at(prefix.size()) == u'.' || path.at(prefix.size()) == u'[')))
            return true;
    }
    return false;
}

QString ReplayComparer::report(int maxDifferences) const {
    QStringList lines;
    lines << tr("replay: %1 frames matched, %2 differing, %3 missing, %4 extra")
                 .arg(m_summary.matched)
                 .arg(m_summary.differing)
                 .arg(m_summary.missing)
                 .arg(m_summary.extra);
    for (qsizetype i = 0; i < m_differences.size() && i < maxDifferences; ++i)
        lines << describe(m_differences[i]);
    if (maxDifferences > 0 && m_differences.size() > maxDifferences)
        lines << tr("… and %1 more differences").arg(m_differences.size() - maxDifferences);
    return lines.join(u'\n');
}

QString ReplayComparer::describe(const Difference &d) {
    const QString action = (d.kind == Difference::Kind::Extra ? d.actual : d.expected)
                               .value(QLatin1String("action"))
                               .toString();
    const QString which =
        d.sent ? tr("%1 sent #%2 (%3)").arg(d.clientId).arg(d.index + 1).arg(action)
               : tr("%1 received #%2 (%3)").arg(d.clientId).arg(d.index + 1).arg(action);
    const QString at = tr("%1 s into the recording").arg(double(d.atMs) / 1000.0, 0, 'f', 3);
    switch (d.kind) {
    case Difference::Kind::Missing:
        return tr("%1 at %2: missing, expected %3").arg(which, at, compact(QJsonValue(d.expected)));
    case Difference::Kind::Extra:
        return tr("%1: extra, not in the recording: %2").arg(which, compact(QJsonValue(d.actual)));
    case Difference::Kind::Differs:
        break;
    }
    QStringList changes;
    for (const JsonDiff::Change &change : d.changes) {
        const QString path = change.path.isEmpty() ? tr("the frame") : change.path;
        changes << tr("%1: expected %2, got %3")
                       .arg(path, compact(change.before), compact(change.after));
        if (changes.size() == 3)
            break;
    }
    if (d.changes.size() > 3)
        changes << tr("%1 more").arg(d.changes.size() - 3);
    return tr("%1 at %2: %3").arg(which, at, changes.join(QStringLiteral("; ")));
}

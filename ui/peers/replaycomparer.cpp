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

int ReplayComparer::addChannel(const QString &clientId, bool sent) {
    auto it = m_channelOf.find(clientId);
    if (it == m_channelOf.end())
        it = m_channelOf.insert(clientId, {-1, -1});
    int &index = (*it)[sent ? 1 : 0];
    if (index < 0) {
        index = int(m_channels.size());
        m_channels.append({clientId, sent, {}, {}, 0});
    }
    return index;
}

int ReplayComparer::channel(const QString &clientId, bool sent) const {
    const auto it = m_channelOf.constFind(clientId);
    return it == m_channelOf.cend() ? -1 : (*it)[sent ? 1 : 0];
}

void ReplayComparer::expect(const RecordedSession &recording, const QStringList &sentBy) {
    m_channels.clear();
    m_channelOf.clear();
    m_differences.clear();
    m_summary = {};
    m_outstanding = 0;
    const qint64 start = recording.frames().isEmpty() ? 0 : recording.frames().first().timeMs;
    for (const RecordedSession::Frame &frame : recording.frames()) {
        if (frame.sent && !sentBy.contains(frame.clientId))
            continue;
        Channel &channel = m_channels[addChannel(frame.clientId, frame.sent)];
        channel.expected.append(frame.data);
        channel.atMs.append(frame.timeMs - start);
        ++m_outstanding;
    }
    // Clients that received nothing still have a channel: anything they get is extra.
    for (const RecordedSession::Client &client : recording.clients()) {
        addChannel(client.id, false);
        if (sentBy.contains(client.id))
            addChannel(client.id, true);
    }
}

const ReplayComparer::Difference *ReplayComparer::actual(int channelIndex, QByteArrayView data,
                                                         qint64 replayMs) {
    if (channelIndex < 0 || channelIndex >= m_channels.size())
        return nullptr;
    Channel &channel = m_channels[channelIndex];
    if (channel.next < channel.expected.size()) {
        const int index = channel.next++;
        --m_outstanding;
        if (data == QByteArrayView(channel.expected[index])) {
            ++m_summary.matched;
            return nullptr;
        }
        Difference difference;
        difference.clientId = channel.clientId;
        difference.sent = channel.sent;
        difference.index = index;
        difference.atMs = channel.atMs[index];
        difference.expected = RecordedSession::comparable(channel.expected[index]);
        difference.actual = RecordedSession::comparable(data.toByteArray());
        difference.changes = compare(difference.expected, difference.actual);
        if (difference.changes.isEmpty()) {
            ++m_summary.matched;
            return nullptr;
        }
        ++m_summary.differing;
        m_differences.append(difference);
        return &m_differences.last();
    }
    Difference difference;
    difference.kind = Difference::Kind::Extra;
    difference.clientId = channel.clientId;
    difference.sent = channel.sent;
    difference.index = channel.next++;
    difference.atMs = replayMs;
    difference.actual = RecordedSession::comparable(data.toByteArray());
    ++m_summary.extra;
    m_differences.append(difference);
    return &m_differences.last();
}

int ReplayComparer::receivedCount(const QString &clientId) const {
    const int index = channel(clientId, false);
    return index < 0 ? 0 : m_channels[index].next;
}

void ReplayComparer::finish() {
    for (Channel &channel : m_channels) {
        for (; channel.next < channel.expected.size(); ++channel.next) {
            Difference difference;
            difference.kind = Difference::Kind::Missing;
            difference.clientId = channel.clientId;
            difference.sent = channel.sent;
            difference.index = channel.next;
            difference.atMs = channel.atMs[channel.next];
            difference.expected = RecordedSession::comparable(channel.expected[channel.next]);
            m_differences.append(difference);
            ++m_summary.missing;
            --m_outstanding;
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

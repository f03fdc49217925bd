#pragma once

#include "jsondiff.h"
#include "recordedsession.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <array>

// Compares a replay with its recording, client by client and direction by direction: the n-th
// frame a client sends (or receives) now against the n-th it sent (or received) then, as JSON
// values (RecordedSession::comparable), paths the user ignores left out. Frames still expected
// at the end are missing; frames past the recording are extra. A frame byte for byte as
// recorded is equal as a value too: the bytes are compared first, and only frames that differ
// in them are parsed, so a good replay costs a memcmp a frame.
class ReplayComparer {
    Q_DECLARE_TR_FUNCTIONS(ReplayComparer)
public:
    struct Difference {
        enum class Kind : quint8 { Differs, Missing, Extra };
        Kind kind = Kind::Differs;
        QString clientId;
        bool sent = false;
        int index = 0;        // 0-based among that client's frames in that direction
        qint64 atMs = 0;      // into the recording (Extra: into the replay)
        QJsonObject expected; // empty for Extra
        QJsonObject actual;   // empty for Missing
        JsonDiff::ChangeList changes;
    };
    struct Summary {
        int matched = 0;
        int differing = 0;
        int missing = 0;
        int extra = 0;
        bool passed() const { return differing == 0 && missing == 0 && extra == 0; }
    };

    // sentBy: the clients whose sent frames are compared (the live ones: a simulated client
    // sends the recording by construction); every client's received frames are compared.
    void expect(const RecordedSession &recording, const QStringList &sentBy);
    // Paths such as "message.timestamp" (and everything under them) are not compared.
    void setIgnoredPaths(const QStringList &paths) { m_ignored = paths; }

    // The channel of clientId's frames in one direction, for actual(); -1 when they are not
    // compared. Valid until the next expect().
    int channel(const QString &clientId, bool sent) const;
    // A frame of the replay; returns the difference it made, if any (nullptr when it matched or
    // is not compared).
    const Difference *actual(int channel, QByteArrayView data, qint64 replayMs);
    const Difference *actual(const QString &clientId, bool sent, QByteArrayView data,
                             qint64 replayMs) {
        return actual(channel(clientId, sent), data, replayMs);
    }
    // Whether every expected frame has come.
    bool complete() const { return m_outstanding == 0; }
    // How many frames clientId has received so far in the replay.
    int receivedCount(const QString &clientId) const;
    // Notes what never came as missing; call once at the end.
    void finish();

    Summary summary() const { return m_summary; }
    const QList<Difference> &differences() const { return m_differences; }
    // The summary line, then the first maxDifferences differences, one line each.
    QString report(int maxDifferences = 10) const;
    static QString describe(const Difference &difference);

private:
    struct Channel {
        QString clientId;
        bool sent = false;
        QList<QByteArray> expected; // the recorded frames, parsed only when a replayed one differs
        QList<qint64> atMs;
        int next = 0;
    };
    int addChannel(const QString &clientId, bool sent);
    JsonDiff::ChangeList compare(const QJsonObject &expected, const QJsonObject &actual) const;
    bool ignored(const QString &path) const;

    QList<Channel> m_channels;
    QHash<QString, std::array<int, 2>> m_channelOf; // by client id: received, sent (-1: none)
    qsizetype m_outstanding = 0;                    // expected frames not come yet
    QStringList m_ignored;
    QList<Difference> m_differences;
    Summary m_summary;
};

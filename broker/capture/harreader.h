#pragma once

#include "brokerevent.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>

#include <queue>

// Reads the WebSocket messages of a HAR (Chrome's `_webSocketMessages`, as DevTools, Playwright's
// recordHar and this program write it) one event at a time, in time order across connections,
// without building the document: the text (typically a mapped file) is scanned once for its
// entries, then each connection's messages are parsed as they are merged.
class HarReader {
    Q_DECLARE_TR_FUNCTIONS(HarReader)
public:
    // text must stay valid while this reads it.
    explicit HarReader(QByteArrayView text);

    // Scans the entries; false with a one-line error naming what is wrong.
    bool start(QString *error);
    // The next event in time order; false at the end (error empty) or on a bad message.
    bool next(BrokerEvent *event, QString *error);
    qint64 messageCount() const { return m_messageCount; }
    qint64 messagesRead() const { return m_messagesRead; }

private:
    // One connection's messages, read in order; pending is its next event.
    struct Cursor {
        qsizetype position = 0; // in the messages array, after '[' or a message's ','
        int entry = 0;          // its index in the file (1-based), for messages
        quint64 connection = 0;
        QString room;
        QByteArray clientId;
        // The entry's startedDateTime, when it has a readable one.
        qint64 startMs = 0;
        bool hasStart = false;
        BrokerEvent pending;
    };
    // The unit of `_webSocketMessages[].time`: Chrome DevTools (and our own writer) write
    // seconds since the epoch, Playwright's recordHar milliseconds. Unknown when another tool
    // wrote the file.
    enum class TimeUnit { Unknown, Seconds, Milliseconds };
    qint64 messageTimeMs(const QJsonValue &value, const Cursor &cursor) const;
    bool scanEntry(qsizetype begin, qsizetype end, int index, QString *error);
    // Parses the cursor's next message into pending; false at the end or on error.
    bool advance(Cursor &cursor, QString *error);

    QByteArrayView m_text;
    QList<Cursor> m_cursors;
    TimeUnit m_unit = TimeUnit::Unknown;
    // (time, cursor index), smallest first: equal times keep the file's order.
    using Key = std::pair<qint64, qsizetype>;
    std::priority_queue<Key, std::vector<Key>, std::greater<Key>> m_heap;
    qint64 m_messageCount = 0;
    qint64 m_messagesRead = 0;
};

#include "harreader.h"

#include "framelogvalues.h"
#include "jsonscanner.h"
#include "roomname.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace {

constexpr int MaxDepth = 1000;

FrameAction actionFromName(const QString &name) {
    for (int a = int(FrameAction::Register); a <= int(FrameAction::Error); ++a) {
        if (name == QLatin1StringView(FrameCodec::actionName(FrameAction(a))))
            return FrameAction(a);
    }
    return FrameAction::None;
}

// The action of a frame from its text (a HAR keeps only the text).
FrameAction actionOfFrame(const QJsonObject &o, bool incoming) {
    const FrameAction a = actionFromName(o.value(QStringLiteral("action")).toString());
    if (a == FrameAction::Answer)
        return a;
    const bool clientAction =
        a == FrameAction::Register || a == FrameAction::Unregister || a == FrameAction::Send;
    return clientAction == incoming ? a : FrameAction::None;
}

// Calls member(name) for each member of the object at the scanner (which must consume the
// value).
template <typename Member> bool forEachMember(JsonScanner &s, int depth, Member member) {
    s.skipWhitespace();
    if (!s.enter(depth) || !s.consume('{'))
        return s.fail("expected an object"), false;
    s.skipWhitespace();
    if (s.consume('}'))
        return true;
    while (true) {
        s.skipWhitespace();
        QByteArray name;
        if (!s.scanString(&name))
            return false;
        s.skipWhitespace();
        if (!s.consume(':'))
            return s.fail("expected ':'"), false;
        s.skipWhitespace();
        if (!member(name))
            return false;
        s.skipWhitespace();
        if (s.consume('}'))
            return true;
        if (!s.consume(','))
            return s.fail("expected ',' or '}'"), false;
    }
}

template <typename Element> bool forEachElement(JsonScanner &s, int depth, Element element) {
    s.skipWhitespace();
    if (!s.enter(depth) || !s.consume('['))
        return s.fail("expected an array"), false;
    s.skipWhitespace();
    if (s.consume(']'))
        return true;
    while (true) {
        s.skipWhitespace();
        if (!element())
            return false;
        s.skipWhitespace();
        if (s.consume(']'))
            return true;
        if (!s.consume(','))
            return s.fail("expected ',' or ']'"), false;
    }
}

} // namespace

HarReader::HarReader(QByteArrayView text)
    : m_text(text) {}

bool HarReader::start(QString *error) {
    JsonScanner s(m_text, MaxDepth);
    bool sawLog = false;
    int entryIndex = 0;
    int failedEntry = 0; // the entry that is not valid JSON (1-based), if any
    const bool ok = forEachMember(s, 1, [&](const QByteArray &name) {
        if (name != "log")
            return s.scanValue(1);
        sawLog = true;
        return forEachMember(s, 2, [&](const QByteArray &logMember) {
            if (logMember == "creator") {
                // Tells the unit of the message times; it may come after the entries, whose
                // messages are read only once the whole log is scanned.
                const qsizetype at = s.offset();
                if (!s.scanValue(2))
                    return false;
                const QString creator =
                    QJsonDocument::fromJson(m_text.sliced(at, s.offset() - at).toByteArray())
                        .object()
                        .value(QStringLiteral("name"))
                        .toString();
                if (creator == QLatin1String("Playwright"))
                    m_unit = TimeUnit::Milliseconds;
                else if (creator == QLatin1String("WebInspector") ||
                         creator == QLatin1String("wsmsgbroker"))
                    m_unit = TimeUnit::Seconds;
                return true;
            }
            if (logMember != "entries")
                return s.scanValue(2);
            return forEachElement(s, 3, [&] {
                const qsizetype begin = s.offset();
                if (!s.scanValue(3)) {
                    failedEntry = entryIndex + 1;
                    return false;
                }
                return scanEntry(begin, s.offset(), ++entryIndex, error);
            });
        });
    });
    if (!error->isEmpty())
        return false;
    if (!ok) {
        // One line naming the entry, or else the line, where the text stops being JSON.
        if (failedEntry > 0) {
            *error = tr("HAR entry %1: not valid JSON: %2").arg(failedEntry).arg(s.error());
        } else {
            const qsizetype at = std::clamp(s.offset(), qsizetype(0), m_text.size());
            *error = tr("line %1: not a valid HAR: %2")
                         .arg(m_text.first(at).count('\n') + 1)
                         .arg(s.error());
        }
        return false;
    }
    if (!sawLog) {
        *error = tr("line 1: not a HAR: there is no \"log\" member");
        return false;
    }
    for (qsizetype i = 0; i < m_cursors.size(); ++i) {
        if (advance(m_cursors[i], error))
            m_heap.push({m_cursors[i].pending.timeMs, i});
        else if (!error->isEmpty())
            return false;
    }
    return true;
}

bool HarReader::scanEntry(qsizetype begin, qsizetype end, int index, QString *error) {
    // Only the members needed, each parsed on its own; the messages are counted and left for
    // later.
    JsonScanner s(m_text.sliced(begin, end - begin), MaxDepth);
    if (s.peek() != '{')
        return true; // not an object: nothing to read in it
    QByteArrayView request;
    QByteArrayView client;
    QByteArrayView started;
    qsizetype messages = -1;
    qint64 count = 0;
    forEachMember(s, 4, [&](const QByteArray &name) {
        const qsizetype at = s.offset();
        if (name == "_webSocketMessages") {
            messages = begin + at;
            return forEachElement(s, 5, [&] {
                ++count;
                return s.scanValue(5);
            });
        }
        if (!s.scanValue(4))
            return false;
        const QByteArrayView value = m_text.sliced(begin + at, s.offset() - at);
        if (name == "request")
            request = value;
        else if (name == "_wsmsgbrokerClient")
            client = value;
        else if (name == "startedDateTime")
            started = value;
        return true;
    });
    if (messages < 0)
        return true; // an HTTP request in a browser's HAR
    Cursor cursor;
    cursor.entry = index;
    cursor.connection = quint64(m_cursors.size() + 1);
    cursor.position = messages + 1; // after '['
    const QJsonObject requestObject = QJsonDocument::fromJson(request.toByteArray()).object();
    cursor.room = roomNameOf(QUrl(requestObject.value(QStringLiteral("url")).toString()));
    if (!client.isEmpty()) {
        const QJsonArray wrapped =
            QJsonDocument::fromJson("[" + client.toByteArray() + "]").array();
        cursor.clientId = wrapped.at(0).toString().toUtf8();
    }
    if (!started.isEmpty()) {
        const QJsonArray wrapped =
            QJsonDocument::fromJson("[" + started.toByteArray() + "]").array();
        const QDateTime start = QDateTime::fromString(wrapped.at(0).toString(), Qt::ISODateWithMs);
        cursor.hasStart = start.isValid();
        if (cursor.hasStart)
            cursor.startMs = FrameLogValues::clampedTimeMs(double(start.toMSecsSinceEpoch()));
    }
    m_messageCount += count;
    m_cursors.append(std::move(cursor));
    Q_UNUSED(error);
    return true;
}

bool HarReader::advance(Cursor &c, QString *error) {
    JsonScanner s(m_text.sliced(c.position), MaxDepth);
    s.skipWhitespace();
    if (s.consume(','))
        s.skipWhitespace();
    if (s.atEnd() || s.peek() == ']')
        return false;
    const qsizetype begin = s.offset();
    if (!s.scanValue(5)) {
        *error = tr("HAR entry %1: %2").arg(c.entry).arg(s.error());
        return false;
    }
    const QByteArrayView text = m_text.sliced(c.position + begin, s.offset() - begin);
    c.position += s.offset();

    const QJsonObject m = QJsonDocument::fromJson(text.toByteArray()).object();
    const QString type = m.value(QStringLiteral("type")).toString();
    if (type != QLatin1String("send") && type != QLatin1String("receive")) {
        *error = tr("HAR entry %1: message type \"%2\" is neither send nor receive")
                     .arg(c.entry)
                     .arg(FrameLogValues::shownInError(type));
        return false;
    }
    BrokerEvent e;
    e.kind =
        type == QLatin1String("send") ? BrokerEvent::Kind::FrameIn : BrokerEvent::Kind::FrameOut;
    e.timeMs = messageTimeMs(m.value(QStringLiteral("time")), c);
    e.connectionId = c.connection;
    e.room = c.room;
    e.binary = m.value(QStringLiteral("opcode")).toInt(1) == 2;
    const QString data = m.value(QStringLiteral("data")).toString();
    e.data = e.binary ? QByteArray::fromBase64(data.toLatin1()) : data.toUtf8();
    e.size = e.data.size();
    // Written by us for a frame recorded only in part: its whole size.
    if (m.value(QStringLiteral("_wsmsgbrokerTruncated")).toBool())
        e.size = std::max(
            e.size, FrameLogValues::countFromJson(m.value(QStringLiteral("_wsmsgbrokerSize"))));
    if (!e.binary) {
        const QJsonObject o = QJsonDocument::fromJson(e.data).object();
        e.action = actionOfFrame(o, e.kind == BrokerEvent::Kind::FrameIn);
        e.ack = o.value(QStringLiteral("ack")).toString().toUtf8();
        // Learn the client's id from its own register frame.
        if (e.action == FrameAction::Register && c.clientId.isEmpty())
            c.clientId = o.value(QStringLiteral("id")).toString().toUtf8();
    }
    e.clientId = c.clientId;
    e.outcome = BrokerEvent::Outcome::Done;
    c.pending = std::move(e);
    return true;
}

// Milliseconds since the epoch of a message's time. In an unknown unit, the reading that lands
// nearer the entry's start is meant (the two differ a thousandfold); without a start, the
// magnitude tells: 1e11 is the year 5138 in seconds, 1973 in milliseconds. A missing time, or -1
// where it can be Playwright's (it writes -1 when told to omit timings), is the entry's start.
qint64 HarReader::messageTimeMs(const QJsonValue &value, const Cursor &c) const {
    const double time = value.toDouble();
    if (!value.isDouble() || (time == -1 && m_unit != TimeUnit::Seconds))
        return c.startMs;
    TimeUnit unit = m_unit;
    if (unit == TimeUnit::Unknown) {
        const double start = double(c.startMs);
        const bool seconds =
            c.hasStart ? std::abs(time * 1000.0 - start) <= std::abs(time - start) : time < 1e11;
        unit = seconds ? TimeUnit::Seconds : TimeUnit::Milliseconds;
    }
    return FrameLogValues::clampedTimeMs(unit == TimeUnit::Seconds ? time * 1000.0 : time);
}

bool HarReader::next(BrokerEvent *event, QString *error) {
    if (m_heap.empty())
        return false;
    const qsizetype index = m_heap.top().second;
    m_heap.pop();
    Cursor &c = m_cursors[index];
    *event = std::move(c.pending);
    ++m_messagesRead;
    if (advance(c, error))
        m_heap.push({c.pending.timeMs, index});
    else if (!error->isEmpty())
        return false;
    return true;
}

#include "capturesearch.h"

#include "capturereader.h"
#include "framecodec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QThread>

namespace {

bool isAscii(QStringView text) {
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

QLatin1StringView latin1(const QByteArray &bytes) {
    return QLatin1StringView(bytes.constData(), bytes.size());
}

// Rows read at once: one read transaction each, short enough not to hold back the writer's
// checkpoints, long enough that the per-query cost does not count.
constexpr int ChunkRows = 20'000;
// Results are handed out at least this often while found.
constexpr int BatchMs = 100;

} // namespace

// What a row must contain. The same rules as the log's filter (FrameFilterProxyModel): the
// frame's text, its room, client, action name and detail.
struct CaptureSearch::Matcher {
    bool useRegex = false;
    QRegularExpression regex; // regular-expression mode
    QString text;             // plain text mode
    QByteArray asciiNeedle;   // plain ASCII text: searched in the bytes in place
    Qt::CaseSensitivity cs = Qt::CaseInsensitive;

    bool matchesText(const QString &s) const {
        return useRegex ? regex.match(s).hasMatch() : s.contains(text, cs);
    }
    bool matchesBytes(const QByteArray &bytes) const {
        if (!asciiNeedle.isEmpty())
            return latin1(bytes).contains(QLatin1StringView(asciiNeedle), cs);
        return matchesText(QString::fromUtf8(bytes));
    }
};

CaptureSearch::CaptureSearch(QObject *parent)
    : QObject(parent) {}

CaptureSearch::~CaptureSearch() {
    cancel();
}

QRegularExpression CaptureSearch::plainText(const QString &text) {
    return QRegularExpression(QRegularExpression::escape(text),
                              QRegularExpression::CaseInsensitiveOption);
}

void CaptureSearch::start(const QString &capturePath, const QRegularExpression &pattern,
                          quint64 fromId, quint64 toId) {
    auto matcher = std::make_shared<Matcher>();
    matcher->useRegex = true;
    matcher->regex = pattern;
    matcher->regex.optimize();
    begin(capturePath, matcher, fromId, toId);
}

void CaptureSearch::startText(const QString &capturePath, const QString &text,
                              Qt::CaseSensitivity cs, quint64 fromId, quint64 toId) {
    auto matcher = std::make_shared<Matcher>();
    matcher->text = text;
    matcher->cs = cs;
    if (isAscii(text))
        matcher->asciiNeedle = text.toLatin1();
    begin(capturePath, matcher, fromId, toId);
}

void CaptureSearch::begin(const QString &capturePath, std::shared_ptr<const Matcher> matcher,
                          quint64 fromId, quint64 toId) {
    cancel();
    m_cancel = false;
    m_running = true;
    const int generation = ++m_generation;
    m_thread.reset(
        QThread::create([=, this] { run(capturePath, matcher, fromId, toId, generation); }));
    m_thread->setObjectName(QStringLiteral("capture search"));
    m_thread->start();
}

void CaptureSearch::cancel() {
    if (!m_thread)
        return;
    m_cancel = true;
    m_thread->wait();
    m_thread.reset();
    ++m_generation; // what it found and is still on its way is dropped
    if (std::exchange(m_running, false))
        emit finished(0, true);
}

void CaptureSearch::run(const QString &capturePath, std::shared_ptr<const Matcher> matcher,
                        quint64 fromId, quint64 toId, int generation) {
    // Everything reaches the search's own thread as queued calls, dropped once it was
    // cancelled or restarted.
    const auto post = [this, generation](auto call) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, call] {
                if (generation == m_generation)
                    call(this);
            },
            Qt::QueuedConnection);
    };
    CaptureReader reader;
    QString error;
    if (!reader.open(capturePath, &error)) {
        post([error](CaptureSearch *s) {
            s->m_running = false;
            emit s->failed(error);
            emit s->finished(0, false);
        });
        return;
    }
    const quint64 first = std::max(fromId, reader.firstId());
    const quint64 last = toId == 0 ? reader.lastId() : std::min(toId, reader.lastId());
    const quint64 total = first == 0 || last < first ? 0 : last - first + 1;

    // Names are few and repeat on every row: each is matched once.
    QHash<QString, bool> roomMatches;
    QHash<QByteArray, bool> clientMatches;
    bool actionMatches[int(FrameAction::Error) + 1];
    for (int a = 0; a <= int(FrameAction::Error); ++a) {
        actionMatches[a] =
            a != int(FrameAction::None) &&
            matcher->matchesText(QString::fromLatin1(FrameCodec::actionName(FrameAction(a))));
    }
    const auto matches = [&](const BrokerEvent &e) {
        if (actionMatches[int(e.action)])
            return true;
        auto room = roomMatches.constFind(e.room);
        if (room == roomMatches.cend())
            room = roomMatches.insert(e.room, matcher->matchesText(e.room));
        if (*room)
            return true;
        if (!e.clientId.isEmpty()) {
            auto client = clientMatches.constFind(e.clientId);
            if (client == clientMatches.cend())
                client = clientMatches.insert(e.clientId, matcher->matchesBytes(e.clientId));
            if (*client)
                return true;
        }
        return (!e.detail.isEmpty() && matcher->matchesText(e.detail)) ||
               (!e.data.isEmpty() && matcher->matchesBytes(e.data));
    };

    quint64 matched = 0;
    quint64 scanned = 0;
    QList<quint64> batch;
    QElapsedTimer sinceBatch;
    sinceBatch.start();
    const auto handOut = [&] {
        if (!batch.isEmpty())
            post([found = std::exchange(batch, {})](CaptureSearch *s) { emit s->found(found); });
        post([scanned, total](CaptureSearch *s) { emit s->progress(scanned, total); });
        sinceBatch.restart();
    };
    quint64 next = first;
    QList<quint64> ids;
    while (total > 0 && next <= last && !m_cancel) {
        const int want = int(std::min<quint64>(ChunkRows, last - next + 1));
        const BrokerEventList events = reader.readRange(next, want, &ids);
        if (events.isEmpty())
            break;
        for (qsizetype i = 0; i < events.size() && ids.at(i) <= last; ++i) {
            if (matches(events.at(i))) {
                batch.append(ids.at(i));
                ++matched;
            }
        }
        scanned = std::min(last, ids.constLast()) - first + 1;
        next = ids.constLast() + 1;
        // The first results go out at once, later ones in batches.
        if ((!batch.isEmpty() && matched == quint64(batch.size())) ||
            sinceBatch.elapsed() >= BatchMs)
            handOut();
    }
    const bool cancelled = m_cancel;
    if (!cancelled) {
        scanned = total;
        handOut();
    }
    const QString warning = reader.warning();
    post([matched, cancelled, warning](CaptureSearch *s) {
        s->m_running = false;
        if (!warning.isEmpty())
            emit s->failed(warning);
        emit s->finished(matched, cancelled);
    });
}

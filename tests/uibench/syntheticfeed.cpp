#include "syntheticfeed.h"

#include <QDateTime>

#include <algorithm>

namespace {

constexpr int BatchIntervalMs = 50; // EventRecorder's
constexpr int Rooms = 20;
constexpr int Pairs = 100;

QByteArray numbered(const char *prefix, quint64 n) {
    return QByteArray(prefix) + QByteArray::number(n);
}

} // namespace

SyntheticFeed::SyntheticFeed(int framesPerSecond, QObject *parent)
    : QObject(parent)
    , m_rate(framesPerSecond) {}

SyntheticFeed::~SyntheticFeed() {
    stop();
}

void SyntheticFeed::start() {
    stop();
    m_sent = 0;
    m_skipped = 0;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("synthetic feed"));
    m_timer = new QTimer;
    m_timer->setInterval(BatchIntervalMs);
    m_timer->moveToThread(m_thread);
    connect(m_timer, &QTimer::timeout, m_timer, [this] { tick(); });
    connect(m_thread, &QThread::started, m_timer, [this] {
        m_clock.start();
        m_timer->start();
    });
    m_thread->start();
}

void SyntheticFeed::stop() {
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_timer, [this] { m_timer->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_timer;
    delete m_thread;
    m_timer = nullptr;
    m_thread = nullptr;
}

BrokerEvent SyntheticFeed::frame(quint64 n, qint64 timeMs) {
    // Names are shared, as the broker shares a connection's room and id with its events.
    static const QString session = QStringLiteral("ws://127.0.0.1:9042/");
    static const QList<QString> rooms = [] {
        QList<QString> list;
        for (int r = 0; r < Rooms; ++r)
            list.append(QStringLiteral("/room%1").arg(r));
        return list;
    }();
    static const QList<QByteArray> askers = [] {
        QList<QByteArray> list;
        for (int p = 0; p < Pairs; ++p)
            list.append(numbered("a", quint64(p)));
        return list;
    }();
    static const QList<QByteArray> answerers = [] {
        QList<QByteArray> list;
        for (int p = 0; p < Pairs; ++p)
            list.append(numbered("b", quint64(p)));
        return list;
    }();
    const quint64 ask = n / 4;
    const int pair = int(ask % Pairs);
    const QByteArray &asker = askers.at(pair);
    const QByteArray &answerer = answerers.at(pair);
    const QByteArray ack = QByteArray::number(ask);
    const QByteArray payload = R"({"n":)" + QByteArray::number(ask) +
                               R"(,"text":"state update for the dashboard widget )" +
                               QByteArray::number(ask % 1000) + R"("})";
    BrokerEvent e;
    e.timeMs = timeMs;
    e.session = 1;
    e.sessionUrl = session;
    e.room = rooms.at(pair % Rooms);
    e.ack = ack;
    e.outcome = BrokerEvent::Outcome::Done;
    switch (n % 4) {
    case 0: // {"action":"send","dest":["b7"],"message":{...},"ack":"123"}
        e.kind = BrokerEvent::Kind::FrameIn;
        e.action = FrameAction::Send;
        e.connectionId = quint64(pair) * 2 + 1;
        e.clientId = asker;
        e.data = R"({"action":"send","dest":[")" + answerer + R"("],"message":)" + payload +
                 R"(,"ack":")" + ack + R"("})";
        break;
    case 1:
        e.kind = BrokerEvent::Kind::FrameOut;
        e.action = FrameAction::Message;
        e.connectionId = quint64(pair) * 2 + 2;
        e.clientId = answerer;
        e.data = R"({"action":"message","from":")" + asker + R"(","message":)" + payload +
                 R"(,"ack":")" + ack + R"("})";
        break;
    case 2:
        e.kind = BrokerEvent::Kind::FrameIn;
        e.action = FrameAction::Answer;
        e.connectionId = quint64(pair) * 2 + 2;
        e.clientId = answerer;
        e.data = R"({"action":"answer","ack":")" + ack + R"(","message":)" + payload + "}";
        break;
    default:
        e.kind = BrokerEvent::Kind::FrameOut;
        e.action = FrameAction::Answer;
        e.connectionId = quint64(pair) * 2 + 1;
        e.clientId = asker;
        e.data = R"({"action":"answer","from":")" + answerer + R"(","ack":")" + ack +
                 R"(","message":)" + payload + "}";
        break;
    }
    e.size = e.data.size();
    return e;
}

void SyntheticFeed::tick() {
    // As many frames as the rate owes by now, up to one batch interval's worth twice over: what
    // a late event loop missed beyond that is not made up, as the broker's per-second recording
    // limit would not record it either (counted in framesSkipped).
    const quint64 owed = quint64(m_clock.elapsed()) * quint64(m_rate) / 1000 - m_sent - m_skipped;
    const quint64 cap = quint64(m_rate) * 2 * BatchIntervalMs / 1000;
    quint64 due = std::min(owed, cap);
    m_skipped += owed - due;
    if (m_limit > 0)
        due = std::min(due, m_limit - m_sent);
    if (due == 0)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    BrokerEventList batch;
    batch.reserve(qsizetype(due));
    for (quint64 i = 0; i < due; ++i)
        batch.append(frame(m_sent + i, now));
    m_sent += due;
    m_sentShared = m_sent;
    m_skippedShared = m_skipped;
    Q_EMIT eventsReady(batch);
    if (m_limit > 0 && m_sent >= m_limit) {
        m_timer->stop();
        Q_EMIT limitReached();
    }
}

#include "bystanderpair.h"

#include <QJsonDocument>
#include <QTest>

BystanderPair::BystanderPair(QObject *parent)
    : QObject(parent) {
    connect(&m_timer, &QTimer::timeout, this, &BystanderPair::tick);
    connect(&m_a, &ProtocolClient::frameReceived, this, [this](const QJsonObject &frame) {
        check(frame, QStringLiteral("bystander-b"), &m_receivedByA);
    });
    connect(&m_b, &ProtocolClient::frameReceived, this, [this](const QJsonObject &frame) {
        check(frame, QStringLiteral("bystander-a"), &m_receivedByB);
    });
}

bool BystanderPair::start(const QUrl &url, int intervalMs) {
    if (!m_a.open(url) || !m_b.open(url) || !m_a.registerAs(QStringLiteral("bystander-a")) ||
        !m_b.registerAs(QStringLiteral("bystander-b")))
        return false;
    m_timer.start(intervalMs);
    return true;
}

bool BystanderPair::stopAndDrain(int timeoutMs) {
    m_stopping = true;
    const bool drained =
        QTest::qWaitFor([this] { return received() == sent() || !m_problem.isEmpty(); },
                        timeoutMs) &&
        m_problem.isEmpty();
    m_timer.stop();
    return drained;
}

void BystanderPair::tick() {
    if (m_stopping)
        return;
    if (!bothOpen()) {
        if (m_problem.isEmpty())
            m_problem = QStringLiteral("a bystander was disconnected (close code a=%1 b=%2)")
                            .arg(m_a.closeCode())
                            .arg(m_b.closeCode());
        return;
    }
    m_a.sendTo(QStringLiteral("bystander-b"), QJsonObject{{QStringLiteral("seq"), m_sentByA++}});
    m_b.sendTo(QStringLiteral("bystander-a"), QJsonObject{{QStringLiteral("seq"), m_sentByB++}});
}

void BystanderPair::check(const QJsonObject &frame, const QString &expectedFrom, int *received) {
    if (!m_problem.isEmpty() || !m_timer.isActive())
        return; // "registered" and the like, before the traffic starts
    const QString action = frame.value(QStringLiteral("action")).toString();
    const int seq =
        frame.value(QStringLiteral("message")).toObject().value(QStringLiteral("seq")).toInt(-1);
    if (action != QLatin1String("message") ||
        frame.value(QStringLiteral("from")).toString() != expectedFrom || seq != *received) {
        m_problem =
            QStringLiteral("%1 expected message #%2 from %3, got %4")
                .arg(expectedFrom == QLatin1String("bystander-a") ? QStringLiteral("b")
                                                                  : QStringLiteral("a"))
                .arg(*received)
                .arg(expectedFrom,
                     QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
        return;
    }
    ++*received;
}

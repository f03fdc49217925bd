#include "protocolclient.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

ProtocolClient::ProtocolClient(QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        emit frameReceived(m_frames.constLast());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_disconnected = true; });
}

bool ProtocolClient::open(const QUrl &url, int timeoutMs) {
    m_disconnected = false;
    m_socket.open(url);
    return QTest::qWaitFor([this] { return isOpen() || m_disconnected; }, timeoutMs) && isOpen();
}

bool ProtocolClient::registerAs(const QString &id, int timeoutMs) {
    m_id = id;
    const qsizetype before = m_frames.size();
    sendJson({{QStringLiteral("action"), QStringLiteral("register")}, {QStringLiteral("id"), id}});
    return QTest::qWaitFor(
        [&] {
            for (qsizetype i = before; i < m_frames.size(); ++i) {
                if (m_frames.at(i).value(QStringLiteral("action")).toString() ==
                    QLatin1String("registered"))
                    return true;
            }
            return false;
        },
        timeoutMs);
}

bool ProtocolClient::waitForProbeFrom(ProtocolClient &from, int timeoutMs) {
    const QString probe = QStringLiteral("probe-%1").arg(++m_probes);
    from.sendTo(m_id, QJsonObject{{QStringLiteral("probe"), probe}});
    const auto isProbe = [&probe](const QJsonObject &frame) {
        return frame.value(QStringLiteral("action")).toString() == QLatin1String("message") &&
               frame.value(QStringLiteral("message")).toObject().value(QStringLiteral("probe")) ==
                   probe;
    };
    if (!QTest::qWaitFor([&] { return std::any_of(m_frames.cbegin(), m_frames.cend(), isProbe); },
                         timeoutMs))
        return false;
    m_frames.removeIf(isProbe);
    return true;
}

void ProtocolClient::sendJson(const QJsonObject &frame) {
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void ProtocolClient::sendTo(const QString &dest, const QJsonValue &message, const QString &ack) {
    QJsonObject frame{{QStringLiteral("action"), QStringLiteral("send")},
                      {QStringLiteral("dest"), dest},
                      {QStringLiteral("message"), message}};
    if (!ack.isEmpty())
        frame.insert(QStringLiteral("ack"), ack);
    sendJson(frame);
}

bool ProtocolClient::waitForFrames(int count, int timeoutMs) {
    return QTest::qWaitFor([&] { return m_frames.size() >= count; }, timeoutMs);
}

bool ProtocolClient::waitForDisconnected(int timeoutMs) {
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

QList<QJsonObject> ProtocolClient::framesWithAction(const QString &action) const {
    QList<QJsonObject> out;
    for (const QJsonObject &f : m_frames) {
        if (f.value(QStringLiteral("action")).toString() == action)
            out.append(f);
    }
    return out;
}

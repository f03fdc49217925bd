#include "admission.h"

#include "clientconnection.h"
#include "websocketconnection.h"

#include <QDateTime>
#include <QUrlQuery>

Admission::Admission(const BrokerSettings &settings)
    : m_settings(settings) {}

std::optional<Admission::Refusal> Admission::checkOrigin(const QString &origin) const {
    // The allow-list is for browsers, which always send Origin and cannot forge it. A client
    // without one is a program, which could send any Origin it liked, so refusing it would
    // protect nothing and only lock out scripts like the original node client (--token is the
    // way to keep programs out).
    if (m_settings.allowedOrigins.isEmpty() || origin.isEmpty() ||
        m_settings.allowedOrigins.contains(origin))
        return std::nullopt;
    return Refusal{CloseReason::OriginRefused, 0,
                   tr("Origin \"%1\" is not on the allow-list").arg(origin)};
}

std::optional<Admission::Refusal> Admission::checkOpened(int connectionCount,
                                                         const QUrl &requestUrl) const {
    if (connectionCount > m_settings.maxConnections) {
        return Refusal{CloseReason::TooManyConnections, WebSocketConnection::ClosePolicyViolated,
                       tr("too many connections (limit %1)").arg(m_settings.maxConnections)};
    }
    if (!m_settings.token.isEmpty() &&
        !isSameSecret(
            QUrlQuery(requestUrl).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded),
            m_settings.token)) {
        return Refusal{CloseReason::TokenRefused, WebSocketConnection::ClosePolicyViolated,
                       tr("missing or wrong access token")};
    }
    return std::nullopt;
}

std::optional<Admission::Refusal> Admission::checkMonitor(const QUrl &requestUrl,
                                                          const QByteArray &authorization,
                                                          MonitorRole *role) const {
    QString presented =
        QUrlQuery(requestUrl).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    static constexpr QByteArrayView bearer("bearer ");
    if (authorization.size() > bearer.size() &&
        authorization.first(bearer.size()).compare(bearer, Qt::CaseInsensitive) == 0)
        presented = QString::fromUtf8(authorization.mid(bearer.size()).trimmed());
    // Both compared every time: which one matched must not show in the timing either.
    const bool control = !m_settings.monitorControlToken.isEmpty() &&
                         isSameSecret(presented, m_settings.monitorControlToken);
    const bool read =
        !m_settings.monitorToken.isEmpty() && isSameSecret(presented, m_settings.monitorToken);
    if (!control && !read)
        return Refusal{CloseReason::TokenRefused, WebSocketConnection::ClosePolicyViolated,
                       tr("monitor: missing or wrong monitor token")};
    *role = control ? MonitorRole::Control : MonitorRole::Read;
    return std::nullopt;
}

std::optional<QString> Admission::countFrame(ClientConnection *conn) const {
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (nowMs - conn->rateWindowStartMs >= 1000) {
        conn->rateWindowStartMs = nowMs;
        conn->rateWindowFrames = 0;
    }
    if (++conn->rateWindowFrames <= m_settings.rateLimitPerSecond)
        return std::nullopt;
    return tr("more than %1 frames per second").arg(m_settings.rateLimitPerSecond);
}

bool Admission::isSameSecret(const QString &presented, const QString &expected) {
    const QByteArray a = presented.toUtf8();
    const QByteArray b = expected.toUtf8();
    unsigned difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < b.size(); ++i)
        difference |= uchar(b.at(i)) ^ uchar(i < a.size() ? a.at(i) : 0);
    return difference == 0;
}

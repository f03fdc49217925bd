#include "httpendpoint.h"

#include "admission.h"
#include "brokersnapshot.h"
#include "metricstext.h"

HttpEndpoint::HttpEndpoint(const BrokerSettings &settings, BrokerCounters &counters,
                           MetricsSource metrics)
    : m_settings(settings)
    , m_counters(counters)
    , m_metrics(std::move(metrics)) {}

QByteArray HttpEndpoint::answer(const PlainHttpRequest &request, const QByteArray &serverName) {
    if (request.method != "GET" && !request.isHead())
        return {};
    static const QByteArray plainText = QByteArrayLiteral("text/plain; charset=utf-8");
    if (request.path == "/healthz")
        return PlainHttpRequest::response(200, plainText, "ok\n", request.isHead(), serverName);
    if (request.path != "/metrics")
        return {};
    const QString &token =
        m_settings.metricsToken.isEmpty() ? m_settings.token : m_settings.metricsToken;
    if (!token.isEmpty() && !isAuthorized(request.authorization, token)) {
        ++m_counters.metricsUnauthorized;
        return PlainHttpRequest::response(401, plainText, "missing or wrong bearer token\n",
                                          request.isHead(), serverName,
                                          "WWW-Authenticate: Bearer realm=\"wsmsgbroker\"\r\n");
    }
    return PlainHttpRequest::response(200, MetricsText::ContentType.toByteArray(), m_metrics(),
                                      request.isHead(), serverName);
}

bool HttpEndpoint::isAuthorized(const QByteArray &authorization, const QString &token) {
    constexpr QByteArrayView scheme = "bearer ";
    if (authorization.size() < scheme.size() ||
        authorization.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return Admission::isSameSecret({}, token); // the same time as a wrong token
    return Admission::isSameSecret(QString::fromUtf8(authorization.sliced(scheme.size()).trimmed()),
                                   token);
}

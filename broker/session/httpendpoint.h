#pragma once

#include "brokersettings.h"
#include "plainhttprequest.h"

#include <QByteArray>

#include <functional>

struct BrokerCounters;

// The plain HTTP side of the broker's port: GET (or HEAD) /healthz answers 200 while the
// broker listens, for containers and wait-for loops; GET /metrics answers the Prometheus
// text, behind a bearer token when one is set (--metrics-token, else --token). Other
// requests are not answered here (the handshake's HTTP error answers them, as before).
class HttpEndpoint {
public:
    // Makes the metrics text; called on the broker's thread, for each authorised scrape.
    using MetricsSource = std::function<QByteArray()>;

    HttpEndpoint(const BrokerSettings &settings, BrokerCounters &counters, MetricsSource metrics);

    // The whole HTTP answer to request, or an empty array when it is not one of ours.
    // Refused scrapes are counted (BrokerCounters::metricsUnauthorized).
    QByteArray answer(const PlainHttpRequest &request, const QByteArray &serverName);

    // Whether an Authorization header value is "Bearer <token>" (the scheme in any case),
    // compared in constant time.
    static bool isAuthorized(const QByteArray &authorization, const QString &token);

private:
    const BrokerSettings &m_settings;
    BrokerCounters &m_counters;
    MetricsSource m_metrics;
};

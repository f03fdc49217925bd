#pragma once

#include "brokersettings.h"
#include "closereason.h"

#include <QCoreApplication>
#include <QUrl>

#include <optional>

class ClientConnection;

// Who may connect, and how fast they may send: the Origin allow-list, the access token, the
// connection limit and the per-connection rate limit.
class Admission {
    Q_DECLARE_TR_FUNCTIONS(Admission)
public:
    struct Refusal {
        CloseReason reason = CloseReason::None;
        int closeCode = 0; // for refusals after the upgrade
        QString detail;
    };

    explicit Admission(const BrokerSettings &settings);

    // Before the upgrade: the Origin header ("" when the client sent none).
    std::optional<Refusal> checkOrigin(const QString &origin) const;
    // After the upgrade (the refused client still shows up, with its reason): the connection
    // limit, counting the new one, and the token of the request URL.
    std::optional<Refusal> checkOpened(int connectionCount, const QUrl &requestUrl) const;
    enum class MonitorRole : quint8 { Read, Control };
    // A connection to the monitor path (after the upgrade): its token, from the URL's ?token=
    // or an "Authorization: Bearer" header, names its role.
    std::optional<Refusal> checkMonitor(const QUrl &requestUrl, const QByteArray &authorization,
                                        MonitorRole *role) const;
    // Counts a frame against the rate limit; a refusal is the error text.
    std::optional<QString> checkRate(ClientConnection *conn) const {
        if (m_settings.rateLimitPerSecond <= 0) [[likely]]
            return std::nullopt;
        return countFrame(conn);
    }

    // Compares a presented secret with the expected one in a time that does not depend on
    // where they first differ, so timing the refusals does not reveal the token.
    static bool isSameSecret(const QString &presented, const QString &expected);

private:
    std::optional<QString> countFrame(ClientConnection *conn) const;

    const BrokerSettings &m_settings;
};

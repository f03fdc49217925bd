#pragma once

#include "brokersettings.h"

#include <QCoreApplication>
#include <QSslConfiguration>

// The TLS identity for wss://: a PEM certificate (chain) and its unencrypted PEM private key.
class TlsIdentity {
    Q_DECLARE_TR_FUNCTIONS(TlsIdentity)
public:
    // Fills config from the settings' files; returns a one-line error, or an empty string.
    static QString load(const BrokerSettings &settings, QSslConfiguration *config);
};

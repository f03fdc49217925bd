#pragma once

#include "brokersettings.h"
#include "settingsdialog.h"

#include <QStringList>

// What pressing OK in the settings dialog changes, and what that takes. The broker copies its
// settings when it is made and has no way to take new ones (host, port and TLS are bound at
// listen; every limit is read from that copy), so any change to them needs a restart, which
// disconnects every client. The inspector's own options apply live: the log resizes in place
// and the unanswered threshold only changes how rows look; the language is saved for the next
// start.
class BrokerSettingsChange {
public:
    using InspectorOptions = SettingsDialog::InspectorOptions;

    BrokerSettingsChange(const BrokerSettings &before, const InspectorOptions &inspectorBefore,
                         const BrokerSettings &after, const InspectorOptions &inspectorAfter);

    // Nothing differs: OK did nothing.
    bool isEmpty() const { return m_brokerFields.isEmpty() && m_inspectorFields.isEmpty(); }
    // The broker must be restarted to use the new settings.
    bool needsRestart() const { return !m_brokerFields.isEmpty(); }
    // The log or its display changes (applied live, no restart).
    bool changesDisplay() const;
    // Settings keys of what changed, in the order of BrokerSettings ("port", "maxMessageBytes").
    QStringList brokerFields() const { return m_brokerFields; }
    // "logCapacity", "unansweredThresholdMs", "language".
    QStringList inspectorFields() const { return m_inspectorFields; }

private:
    QStringList m_brokerFields;
    QStringList m_inspectorFields;
};

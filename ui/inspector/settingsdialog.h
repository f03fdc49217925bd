#pragma once

#include "brokersettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Edits the broker's settings and the inspector's own (log size, unanswered threshold).
// Nothing here applies them: the window restarts the broker with what the dialog returns.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    struct InspectorOptions {
        int logCapacity = 100000;
        int unansweredThresholdMs = 5000;
        QString language; // "fr", "de", "en", or empty for the system's; read at start
    };

    SettingsDialog(const BrokerSettings &broker, const InspectorOptions &inspector,
                   QWidget *parent = nullptr);

    BrokerSettings brokerSettings() const;
    InspectorOptions inspectorOptions() const;

private:
    void validate();

    BrokerSettings m_base;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_duplicateIds;
    QSpinBox *m_ackTtl;
    QSpinBox *m_maxMessageKiB;
    QSpinBox *m_maxQueuedKiB;
    QSpinBox *m_maxConnections;
    QSpinBox *m_pingInterval;
    QSpinBox *m_rateLimit;
    QLineEdit *m_token;
    QSpinBox *m_logCapacity;
    QSpinBox *m_unansweredMs;
    QComboBox *m_language;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

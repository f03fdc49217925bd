#pragma once

#include "brokersettings.h"
#include "sessioncapture.h"

#include <QDialog>
#include <QList>

#include <utility>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Edits the broker's settings, the inspector's own (log size, unanswered threshold) and the
// session capture's. Nothing here applies them: the window restarts the broker with what the
// dialog returns when a broker setting changed, and applies the rest live.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    struct InspectorOptions {
        int logCapacity = 100000;
        int unansweredThresholdMs = 5000;
        QString language; // "fr", "de", "en", or empty for the system's; read at start
    };

    // defaultCaptureFolder is shown while the capture folder field is empty.
    SettingsDialog(const BrokerSettings &broker, const InspectorOptions &inspector,
                   const SessionCapture::Options &capture, const QString &defaultCaptureFolder,
                   QWidget *parent = nullptr);

    BrokerSettings brokerSettings() const;
    InspectorOptions inspectorOptions() const;
    SessionCapture::Options captureOptions() const;

private:
    void validate();
    // "Frames kept in the log takes 1,000 to 10,000,000 …" for the first field whose typed
    // number is out of its range (the spin box would silently put its old value back).
    QString rangeProblem() const;

    void browseCaptureFolder();

    BrokerSettings m_base;
    SessionCapture::Options m_captureBase;
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
    QCheckBox *m_captureEnabled;
    QSpinBox *m_captureMiB;
    QSpinBox *m_captureFrames;
    QLineEdit *m_captureFolder;
    QLabel *m_problem;
    QList<std::pair<QSpinBox *, QString>> m_rangedFields; // with the names their rows show
    QDialogButtonBox *m_buttons;
};

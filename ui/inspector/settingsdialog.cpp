#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr int MinCaptureMiB = 16;
constexpr int MaxCaptureMiB = 1024 * 1024; // 1 TiB

QSpinBox *makeSpin(int min, int max, int value, const QString &suffix, QWidget *parent) {
    auto *spin = new QSpinBox(parent);
    spin->setRange(min, max);
    spin->setValue(std::clamp(value, min, max));
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(true);
    return spin;
}

} // namespace

SettingsDialog::SettingsDialog(const BrokerSettings &broker, const InspectorOptions &inspector,
                               const SessionCapture::Options &capture,
                               const QString &defaultCaptureFolder, QWidget *parent)
    : QDialog(parent)
    , m_base(broker)
    , m_captureBase(capture)
    , m_host(new QLineEdit(broker.host.toString(), this))
    , m_port(makeSpin(0, 65535, broker.port, {}, this))
    , m_duplicateIds(new QComboBox(this))
    , m_ackTtl(makeSpin(1, 7 * 24 * 3600, broker.ackTtlMs / 1000, tr(" s"), this))
    , m_maxMessageKiB(
          makeSpin(1, 1024 * 1024, int(broker.maxMessageBytes / 1024), tr(" KiB"), this))
    , m_maxQueuedKiB(
          makeSpin(1, 16 * 1024 * 1024, int(broker.maxQueuedBytes / 1024), tr(" KiB"), this))
    , m_maxConnections(makeSpin(1, 1000000, broker.maxConnections, {}, this))
    , m_pingInterval(makeSpin(0, 24 * 3600, broker.pingIntervalMs / 1000, tr(" s"), this))
    , m_rateLimit(makeSpin(0, 100000000, broker.rateLimitPerSecond, tr(" frames/s"), this))
    , m_token(new QLineEdit(broker.token, this))
    , m_logCapacity(makeSpin(1000, 10000000, inspector.logCapacity, tr(" frames"), this))
    , m_unansweredMs(makeSpin(100, 3600000, inspector.unansweredThresholdMs, tr(" ms"), this))
    , m_language(new QComboBox(this))
    , m_captureEnabled(new QCheckBox(tr("Record &every session"), this))
    , m_captureMiB(makeSpin(MinCaptureMiB, MaxCaptureMiB,
                            int(std::min<qint64>(capture.budget.maxBytes >> 20, MaxCaptureMiB)),
                            tr(" MiB"), this))
    , m_captureFrames(makeSpin(1000, 100000000,
                               int(std::min<qint64>(capture.budget.maxFrames, 100000000)),
                               tr(" frames"), this))
    , m_captureFolder(new QLineEdit(capture.folder, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    // Names for tests and accessibility tools, after the settings keys they edit.
    const std::pair<QWidget *, const char *> names[] = {{m_host, "host"},
                                                        {m_port, "port"},
                                                        {m_duplicateIds, "duplicateIds"},
                                                        {m_ackTtl, "ackTtl"},
                                                        {m_maxMessageKiB, "maxMessageKiB"},
                                                        {m_maxQueuedKiB, "maxQueuedKiB"},
                                                        {m_maxConnections, "maxConnections"},
                                                        {m_pingInterval, "pingInterval"},
                                                        {m_rateLimit, "rateLimit"},
                                                        {m_token, "token"},
                                                        {m_logCapacity, "logCapacity"},
                                                        {m_unansweredMs, "unansweredThreshold"},
                                                        {m_language, "language"},
                                                        {m_captureEnabled, "captureEnabled"},
                                                        {m_captureMiB, "captureMaxMiB"},
                                                        {m_captureFrames, "captureMaxFrames"},
                                                        {m_captureFolder, "captureFolder"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QString::fromLatin1(name));
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setGroupSeparatorShown(false); // a port is a name, "9,077" is not one
    m_pingInterval->setSpecialValueText(tr("off"));
    m_rateLimit->setSpecialValueText(tr("no limit"));
    m_duplicateIds->addItem(tr("Newcomer takes the id over"),
                            int(BrokerSettings::DuplicateIdPolicy::TakeOver));
    m_duplicateIds->addItem(tr("Refuse the newcomer"),
                            int(BrokerSettings::DuplicateIdPolicy::Reject));
    m_duplicateIds->setCurrentIndex(
        broker.duplicateIds == BrokerSettings::DuplicateIdPolicy::Reject ? 1 : 0);
    m_token->setPlaceholderText(tr("none: any client may connect"));
    m_token->setEchoMode(QLineEdit::PasswordEchoOnEdit);

    auto *listen = new QGroupBox(tr("Broker"), this);
    auto *listenForm = new QFormLayout(listen);
    listenForm->addRow(tr("&Host address:"), m_host);
    listenForm->addRow(tr("&Port:"), m_port);
    listenForm->addRow(tr("&Duplicate ids:"), m_duplicateIds);
    listenForm->addRow(tr("&Access token:"), m_token);

    auto *limits = new QGroupBox(tr("Limits"), this);
    auto *limitsForm = new QFormLayout(limits);
    limitsForm->addRow(tr("Unanswered &ack kept for:"), m_ackTtl);
    limitsForm->addRow(tr("Largest &message:"), m_maxMessageKiB);
    limitsForm->addRow(tr("&Unsent data per client:"), m_maxQueuedKiB);
    limitsForm->addRow(tr("Most &connections:"), m_maxConnections);
    limitsForm->addRow(tr("P&ing interval:"), m_pingInterval);
    limitsForm->addRow(tr("&Rate limit per client:"), m_rateLimit);

    // Language names in their own language, as people look for them.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(inspector.language)));
    m_language->setToolTip(tr("Takes effect the next time the window starts; --lang overrides it"));

    auto *inspectorBox = new QGroupBox(tr("Inspector"), this);
    auto *inspectorForm = new QFormLayout(inspectorBox);
    inspectorForm->addRow(tr("Frames &kept in the log:"), m_logCapacity);
    inspectorForm->addRow(tr("Mark asks &unanswered after:"), m_unansweredMs);
    inspectorForm->addRow(tr("La&nguage (at next start):"), m_language);

    m_captureEnabled->setChecked(capture.enabled);
    m_captureEnabled->setToolTip(tr("Off stops the recorder and keeps its file; on starts a new "
                                    "capture, and the log starts empty with it"));
    m_captureMiB->setToolTip(tr("The oldest frames are discarded, in whole chunks, past this size "
                                "or the frame budget; applies to the running capture"));
    m_captureFrames->setToolTip(m_captureMiB->toolTip());
    m_captureFolder->setPlaceholderText(QDir::toNativeSeparators(defaultCaptureFolder));
    m_captureFolder->setToolTip(tr(
        "Where session captures are kept; empty for the default. Used from the next session on"));
    auto *browse = new QPushButton(tr("Bro&wse…"), this);
    browse->setObjectName(QStringLiteral("captureFolderBrowse"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseCaptureFolder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_captureFolder, 1);
    folderRow->addWidget(browse);

    auto *captureBox = new QGroupBox(tr("Capture"), this);
    auto *captureForm = new QFormLayout(captureBox);
    captureForm->addRow(m_captureEnabled);
    captureForm->addRow(tr("Disk &budget:"), m_captureMiB);
    captureForm->addRow(tr("&Frame budget:"), m_captureFrames);
    captureForm->addRow(tr("F&older:"), folderRow);

    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_problem->setPalette(warning);

    auto *layout = new QVBoxLayout(this);
    // The dialog grows when the warning appears instead of squeezing the rows above it.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    // Two columns, so that the dialog fits a 1024x700 screen.
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(listen);
    left->addWidget(limits);
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(inspectorBox);
    right->addWidget(captureBox);
    right->addStretch();
    columns->addLayout(left);
    columns->addLayout(right);
    layout->addLayout(columns);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_host, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_captureFolder, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    for (QFormLayout *form : {listenForm, limitsForm, inspectorForm, captureForm}) {
        for (int row = 0; row < form->rowCount(); ++row) {
            // A row spanning both columns (the checkbox) has neither role.
            QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
            QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
            auto *spin = field ? qobject_cast<QSpinBox *>(field->widget()) : nullptr;
            auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
            if (!spin || !label)
                continue;
            QString name = label->text().remove(QLatin1Char('&')).trimmed();
            while (name.endsWith(QLatin1Char(':')) || name.endsWith(QChar(0xa0)) ||
                   name.endsWith(QLatin1Char(' ')))
                name.chop(1);
            m_rangedFields.append({spin, name});
            // The editor's text: the spin box signals only values it accepts.
            connect(spin->findChild<QLineEdit *>(), &QLineEdit::textChanged, this,
                    &SettingsDialog::validate);
        }
    }
    validate();
}

QString SettingsDialog::rangeProblem() const {
    for (const auto &[spin, name] : m_rangedFields) {
        QString typed = spin->cleanText();
        typed.remove(spin->locale().groupSeparator());
        bool isNumber = false;
        const qlonglong number = spin->locale().toLongLong(typed, &isNumber);
        if (!isNumber || (number >= spin->minimum() && number <= spin->maximum()))
            continue;
        return tr("%1 takes %2 to %3%4; %5 would be put back to %6.")
            .arg(name, spin->locale().toString(spin->minimum()),
                 spin->locale().toString(spin->maximum()), spin->suffix(),
                 spin->locale().toString(number),
                 spin->locale().toString(spin->value()) + spin->suffix());
    }
    return {};
}

void SettingsDialog::validate() {
    const QString host = m_host->text().trimmed();
    QHostAddress address;
    const bool hostValid = address.setAddress(host) || host == QLatin1String("localhost");
    QString problem = rangeProblem();
    if (problem.isEmpty() && !hostValid)
        problem = tr("\"%1\" is not an IP address.").arg(host);
    else if (problem.isEmpty() && !address.isLoopback() && host != QLatin1String("localhost") &&
             m_token->text().isEmpty())
        problem =
            tr("Listening on %1 lets other machines connect: consider an access token.").arg(host);
    const QString folderProblem = SessionCapture::folderProblem(m_captureFolder->text().trimmed());
    if (!folderProblem.isEmpty() && (problem.isEmpty() || hostValid))
        problem = folderProblem; // refused, so said before a mere advice
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(hostValid && folderProblem.isEmpty());
}

BrokerSettings SettingsDialog::brokerSettings() const {
    BrokerSettings s = m_base;
    const QString host = m_host->text().trimmed();
    s.host = host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost)
                                                : QHostAddress(host);
    s.port = quint16(m_port->value());
    s.duplicateIds = BrokerSettings::DuplicateIdPolicy(m_duplicateIds->currentData().toInt());
    // A field shows its value rounded to its unit (or clamped to its range); left alone, it
    // keeps the exact value it was given, so that OK with nothing changed changes nothing.
    const auto edited = [](const QSpinBox *spin, auto base, auto unit) {
        const auto shown =
            std::clamp(qint64(base / unit), qint64(spin->minimum()), qint64(spin->maximum()));
        return spin->value() == shown ? base : decltype(base)(spin->value()) * unit;
    };
    s.ackTtlMs = edited(m_ackTtl, m_base.ackTtlMs, 1000);
    s.maxMessageBytes = edited(m_maxMessageKiB, m_base.maxMessageBytes, qint64(1024));
    s.maxQueuedBytes = edited(m_maxQueuedKiB, m_base.maxQueuedBytes, qint64(1024));
    s.maxConnections = edited(m_maxConnections, m_base.maxConnections, 1);
    s.pingIntervalMs = edited(m_pingInterval, m_base.pingIntervalMs, 1000);
    s.rateLimitPerSecond = edited(m_rateLimit, m_base.rateLimitPerSecond, 1);
    s.token = m_token->text();
    return s;
}

SettingsDialog::InspectorOptions SettingsDialog::inspectorOptions() const {
    return {m_logCapacity->value(), m_unansweredMs->value(), m_language->currentData().toString()};
}

SessionCapture::Options SettingsDialog::captureOptions() const {
    SessionCapture::Options options = m_captureBase;
    options.enabled = m_captureEnabled->isChecked();
    // As brokerSettings(): a field left alone keeps the exact value it was given.
    const qint64 shownMiB =
        std::clamp<qint64>(m_captureBase.budget.maxBytes >> 20, MinCaptureMiB, MaxCaptureMiB);
    if (m_captureMiB->value() != shownMiB)
        options.budget.maxBytes = qint64(m_captureMiB->value()) << 20;
    const qint64 shownFrames = std::clamp<qint64>(m_captureBase.budget.maxFrames, 1000, 100000000);
    if (m_captureFrames->value() != shownFrames)
        options.budget.maxFrames = m_captureFrames->value();
    options.folder = QDir::fromNativeSeparators(m_captureFolder->text().trimmed());
    return options;
}

void SettingsDialog::browseCaptureFolder() {
    const QString start = m_captureFolder->text().trimmed().isEmpty()
                              ? m_captureFolder->placeholderText()
                              : m_captureFolder->text().trimmed();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Capture Folder"), start);
    if (!folder.isEmpty())
        m_captureFolder->setText(QDir::toNativeSeparators(folder));
}

#include "replaydialog.h"

#include "displaytext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum ClientColumn { LiveColumn, IdColumn, RoomColumn, SentColumn, ReceivedColumn };

} // namespace

ReplayDialog::ReplayDialog(QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Replay Recording"));
    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(QStringLiteral("replayFile"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(tr("A capture, JSON Lines log or HAR"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, &ReplayDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browse);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("replayMessage"));
    m_message->setWordWrap(true);

    m_clients = new QTableWidget(0, 5, this);
    m_clients->setObjectName(QStringLiteral("replayClients"));
    m_clients->setHorizontalHeaderLabels(
        {tr("Live"), tr("Client"), tr("Room"), tr("Sent"), tr("Received")});
    m_clients->verticalHeader()->hide();
    m_clients->horizontalHeader()->setStretchLastSection(true);
    m_clients->setSelectionMode(QAbstractItemView::NoSelection);
    m_clients->setToolTip(tr("Check the clients a real client under test will take: it "
                             "connects and registers that id, and what it sends and receives is "
                             "compared with the recording. The others are simulated."));

    m_timing = new QComboBox(this);
    m_timing->setObjectName(QStringLiteral("replayTiming"));
    m_timing->addItem(tr("As recorded"), int(ReplayOptions::Timing::AsRecorded));
    m_timing->addItem(tr("As fast as possible"), int(ReplayOptions::Timing::AsFastAsPossible));
    m_timing->addItem(tr("Wait for the expected input"), int(ReplayOptions::Timing::WaitForInput));
    m_timing->setToolTip(tr("Wait for the expected input: a simulated client sends its next "
                            "frame once it has received what it had received before it"));
    m_speed = new QDoubleSpinBox(this);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setRange(0.01, 1000);
    m_speed->setValue(1);
    m_speed->setSuffix(tr(" ×"));
    connect(m_timing, &QComboBox::currentIndexChanged, this, &ReplayDialog::updateSpeed);
    m_ignore = new QLineEdit(this);
    m_ignore->setObjectName(QStringLiteral("replayIgnore"));
    m_ignore->setPlaceholderText(tr("message.timestamp, message.id"));
    m_ignore->setToolTip(tr("JSON paths not compared, separated by commas"));
    m_timeout = new QSpinBox(this);
    m_timeout->setRange(1, 86400);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long to wait for the live clients, and for the end"));

    auto *form = new QFormLayout;
    form->addRow(tr("Recording:"), fileRow);
    form->addRow(tr("Timing:"), m_timing);
    form->addRow(tr("Speed:"), m_speed);
    form->addRow(tr("Ignore paths:"), m_ignore);
    form->addRow(tr("Timeout:"), m_timeout);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_startButton = buttons->addButton(tr("Start Replay"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("startReplay"));
    m_startButton->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_clients, 1);
    layout->addWidget(buttons);
    resize(560, 460);
    updateSpeed();
}

bool ReplayDialog::loadRecording(const QString &path) {
    QString error;
    RecordedSession recording;
    const bool ok = recording.load(path, &error);
    m_fileEdit->setText(path);
    m_startButton->setEnabled(ok);
    m_clients->setRowCount(0);
    if (!ok) {
        m_message->setText(error);
        return false;
    }
    m_recording = recording;
    m_path = path;
    m_message->setText(recording.warning().isEmpty()
                           ? tr("%n client(s), %1 s", nullptr, int(recording.clients().size()))
                                 .arg(double(recording.durationMs()) / 1000.0, 0, 'f', 1)
                           : recording.warning());
    for (const RecordedSession::Client &client : recording.clients()) {
        const int row = m_clients->rowCount();
        m_clients->insertRow(row);
        auto *live = new QTableWidgetItem;
        live->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        live->setCheckState(Qt::Unchecked);
        m_clients->setItem(row, LiveColumn, live);
        const auto text = [](const QString &value) {
            auto *item = new QTableWidgetItem(value);
            item->setFlags(Qt::ItemIsEnabled);
            return item;
        };
        // Ids come from clients: shown with control characters visible.
        m_clients->setItem(row, IdColumn, text(DisplayText::visible(client.id)));
        m_clients->item(row, IdColumn)->setData(Qt::UserRole, client.id);
        m_clients->setItem(row, RoomColumn, text(DisplayText::visible(client.room)));
        m_clients->setItem(row, SentColumn, text(QString::number(client.sent)));
        m_clients->setItem(row, ReceivedColumn, text(QString::number(client.received)));
    }
    m_clients->resizeColumnsToContents();
    return true;
}

ReplayOptions ReplayDialog::options() const {
    ReplayOptions options;
    options.timing = ReplayOptions::Timing(m_timing->currentData().toInt());
    options.speed = m_speed->value();
    options.timeoutS = m_timeout->value();
    for (const QString &path : m_ignore->text().split(u',', Qt::SkipEmptyParts))
        options.ignoredPaths << path.trimmed();
    for (int row = 0; row < m_clients->rowCount(); ++row) {
        if (m_clients->item(row, LiveColumn)->checkState() == Qt::Checked)
            options.liveIds << m_clients->item(row, IdColumn)->data(Qt::UserRole).toString();
    }
    return options;
}

void ReplayDialog::setOptions(const ReplayOptions &options) {
    m_timing->setCurrentIndex(m_timing->findData(int(options.timing)));
    m_speed->setValue(options.speed);
    m_timeout->setValue(options.timeoutS);
    m_ignore->setText(options.ignoredPaths.join(QStringLiteral(", ")));
    for (int row = 0; row < m_clients->rowCount(); ++row) {
        const QString id = m_clients->item(row, IdColumn)->data(Qt::UserRole).toString();
        m_clients->item(row, LiveColumn)
            ->setCheckState(options.liveIds.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
}

void ReplayDialog::chooseFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Replay Recording"), m_path,
                                     tr("Recordings (*.wscap *.jsonl *.har);;All files (*)"));
    if (!path.isEmpty())
        loadRecording(path);
}

void ReplayDialog::updateSpeed() {
    m_speed->setEnabled(m_timing->currentData().toInt() == int(ReplayOptions::Timing::AsRecorded));
}

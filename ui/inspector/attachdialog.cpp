#include "attachdialog.h"

#include "remotebroker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {
const QString Group = QStringLiteral("attach");
const QString RecentKey = QStringLiteral("recentUrls");
// Beside recentUrls, one per URL: its token, empty when not to be remembered.
const QString TokensKey = QStringLiteral("recentTokens");
} // namespace

AttachDialog::AttachDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_url(new QComboBox(this))
    , m_token(new QLineEdit(this))
    , m_rememberToken(new QCheckBox(tr("&Remember the token on this computer"), this))
    , m_problem(new QLabel(this)) {
    setWindowTitle(tr("Attach to Broker"));
    m_url->setObjectName(QStringLiteral("attachUrl"));
    m_url->setEditable(true);
    m_url->addItems(recentUrls(settings));
    m_url->setMinimumContentsLength(36);
    m_url->lineEdit()->setPlaceholderText(QStringLiteral("ws://host:9042"));
    m_token->setObjectName(QStringLiteral("attachToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("--monitor-token or --monitor-control-token"));
    m_rememberToken->setObjectName(QStringLiteral("rememberToken"));
    m_problem->setObjectName(QStringLiteral("attachProblem"));

    auto *explanation =
        new QLabel(tr("Shows a broker running elsewhere (wsmsgbroker --headless --monitor-token …) "
                      "in this window, through its monitor endpoint. This window's own broker "
                      "stops meanwhile."),
                   this);
    explanation->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Broker &URL:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_rememberToken);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_url, &QComboBox::currentTextChanged, this, &AttachDialog::updateOk);
    connect(m_url, &QComboBox::currentTextChanged, this, &AttachDialog::fillToken);
    fillToken();
    updateOk();
}

QStringList AttachDialog::recentUrls(QSettings *settings) {
    settings->beginGroup(Group);
    const QStringList list = settings->value(RecentKey).toStringList();
    settings->endGroup();
    return list;
}

QUrl AttachDialog::url() const {
    const QString text = m_url->currentText().trimmed();
    if (!text.contains(QLatin1String("://")))
        return {};
    return RemoteBroker::monitorUrl(QUrl(text));
}

QString AttachDialog::token() const {
    return m_token->text().trimmed();
}

void AttachDialog::updateOk() {
    m_problem->setText(url().isValid() || m_url->currentText().trimmed().isEmpty()
                           ? QString()
                           : tr("The URL must start with ws:// or wss://."));
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_ok->setEnabled(url().isValid());
}

void AttachDialog::fillToken() {
    m_settings->beginGroup(Group);
    const QStringList urls = m_settings->value(RecentKey).toStringList();
    const QStringList tokens = m_settings->value(TokensKey).toStringList();
    m_settings->endGroup();
    const qsizetype at = urls.indexOf(m_url->currentText().trimmed());
    const QString saved = at >= 0 && at < tokens.size() ? tokens.at(at) : QString();
    // A remembered token goes with its URL only: typing another URL takes it away again.
    if (!saved.isEmpty()) {
        m_token->setText(saved);
        m_rememberToken->setChecked(true);
        m_tokenFilled = true;
    } else if (m_tokenFilled) {
        m_token->clear();
        m_rememberToken->setChecked(false);
        m_tokenFilled = false;
    }
}

void AttachDialog::remember() const {
    const QString text = m_url->currentText().trimmed();
    m_settings->beginGroup(Group);
    QStringList urls = m_settings->value(RecentKey).toStringList();
    QStringList tokens = m_settings->value(TokensKey).toStringList();
    tokens.resize(urls.size());
    if (const qsizetype at = urls.indexOf(text); at >= 0) {
        urls.removeAt(at);
        tokens.removeAt(at);
    }
    urls.prepend(text);
    tokens.prepend(m_rememberToken->isChecked() ? token() : QString());
    urls = urls.mid(0, RecentLimit);
    tokens = tokens.mid(0, RecentLimit);
    m_settings->setValue(RecentKey, urls);
    m_settings->setValue(TokensKey, tokens);
    m_settings->endGroup();
}

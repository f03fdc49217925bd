#include "trafficruledialog.h"

#include "trafficrulemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

constexpr TrafficEffect AllEffects[] = {TrafficEffect::Hold,       TrafficEffect::Delay,
                                        TrafficEffect::Drop,       TrafficEffect::Duplicate,
                                        TrafficEffect::Close,      TrafficEffect::Throttle,
                                        TrafficEffect::IgnorePings};

// The frames the broker writes to its clients, which rules act on.
constexpr FrameAction WrittenActions[] = {FrameAction::Message, FrameAction::Answer,
                                          FrameAction::Registered, FrameAction::Unregistered,
                                          FrameAction::Error};

QSpinBox *makeSpin(int min, int max, const QString &suffix, QWidget *parent) {
    auto *spin = new QSpinBox(parent);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(true);
    return spin;
}

QLineEdit *makeLine(const char *name, const QString &placeholder, QWidget *parent) {
    auto *line = new QLineEdit(parent);
    line->setObjectName(QString::fromLatin1(name));
    line->setPlaceholderText(placeholder);
    line->setClearButtonEnabled(true);
    return line;
}

// The text of an "equals" field as a JSON value; Undefined when it is not one.
QJsonValue parseJsonValue(const QString &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("]"), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().first();
}

QString jsonText(const QJsonValue &value) {
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

// Codes a close frame may carry (RFC 6455 7.4): 1004-1006 and 1015 are reserved, 1016-2999 are
// kept for the standard, 3000-4999 are libraries' and applications'.
bool isSendableCloseCode(int code) {
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
           (code >= 3000 && code <= 4999);
}

} // namespace

TrafficRuleDialog::TrafficRuleDialog(const TrafficRule &rule, const QStringList &takenNames,
                                     QWidget *parent)
    : QDialog(parent)
    , m_takenNames(takenNames)
    , m_name(makeLine("ruleName", tr("a name for the log, e.g. flaky-net"), this))
    , m_enabled(new QCheckBox(tr("&Enabled"), this))
    , m_room(makeLine("ruleRoom", tr("any room, or e.g. /chat"), this))
    , m_from(makeLine("ruleFrom", tr("any sender"), this))
    , m_to(makeLine("ruleTo", tr("any receiver"), this))
    , m_action(new QComboBox(this))
    , m_ack(makeLine("ruleAck", tr("any ack"), this))
    , m_pattern(makeLine("rulePattern", tr("a regular expression over the frame's JSON"), this))
    , m_path(makeLine("rulePath", tr("e.g. message.type or message.items[0].id"), this))
    , m_equals(makeLine("ruleEquals", tr("a JSON value; empty: the path exists"), this))
    , m_effect(new QComboBox(this))
    , m_effectFields(new QStackedWidget(this))
    , m_ms(makeSpin(0, 3600000, tr(" ms"), this))
    , m_jitterMs(makeSpin(0, 3600000, tr(" ms"), this))
    , m_probability(new QDoubleSpinBox(this))
    , m_copies(makeSpin(2, 1000, QString(), this))
    , m_closeCode(makeSpin(1000, 4999, QString(), this))
    , m_after(makeSpin(1, 1000000000, QString(), this))
    , m_bytesPerSecond(makeSpin(1, 1000000000, tr(" bytes/s"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Traffic Rule"));
    setObjectName(QStringLiteral("trafficRuleDialog"));
    m_enabled->setObjectName(QStringLiteral("ruleEnabled"));
    m_action->setObjectName(QStringLiteral("ruleAction"));
    m_effect->setObjectName(QStringLiteral("ruleEffect"));
    m_ms->setObjectName(QStringLiteral("ruleMs"));
    m_jitterMs->setObjectName(QStringLiteral("ruleJitterMs"));
    m_probability->setObjectName(QStringLiteral("ruleProbability"));
    m_copies->setObjectName(QStringLiteral("ruleCopies"));
    m_closeCode->setObjectName(QStringLiteral("ruleCloseCode"));
    m_after->setObjectName(QStringLiteral("ruleAfter"));
    m_bytesPerSecond->setObjectName(QStringLiteral("ruleBytesPerSecond"));
    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_problem->setWordWrap(true);
    m_closeCode->setGroupSeparatorShown(false); // a code, not a quantity: 1011, not 1,011
    m_probability->setRange(0.1, 100.0);
    m_probability->setDecimals(1);
    m_probability->setSuffix(tr(" %"));

    m_action->addItem(tr("any action"), int(FrameAction::None));
    for (const FrameAction action : WrittenActions)
        m_action->addItem(QString::fromLatin1(FrameCodec::actionName(action)), int(action));
    for (const TrafficEffect effect : AllEffects) {
        m_effect->addItem(TrafficRuleModel::effectName(effect), int(effect));
        m_effectFields->addWidget(effectPage(effect));
    }

    auto *matchBox = new QGroupBox(tr("Match: frames the broker writes to a client"), this);
    auto *match = new QFormLayout(matchBox);
    match->addRow(tr("&Room:"), m_room);
    match->addRow(tr("&From:"), m_from);
    match->addRow(tr("&To:"), m_to);
    match->addRow(tr("&Action:"), m_action);
    match->addRow(tr("A&ck:"), m_ack);
    match->addRow(tr("Te&xt matches:"), m_pattern);
    match->addRow(tr("JSON &path:"), m_path);
    match->addRow(tr("E&quals:"), m_equals);

    auto *effectBox = new QGroupBox(tr("Effect"), this);
    auto *effect = new QVBoxLayout(effectBox);
    effect->addWidget(m_effect);
    effect->addWidget(m_effectFields);

    auto *top = new QFormLayout;
    top->addRow(tr("&Name:"), m_name);
    top->addRow(QString(), m_enabled);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(matchBox);
    layout->addWidget(effectBox);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_effect, &QComboBox::currentIndexChanged, m_effectFields,
            &QStackedWidget::setCurrentIndex);

    setRule(rule);
    for (QLineEdit *line : {m_name, m_room, m_from, m_to, m_ack, m_pattern, m_path, m_equals})
        connect(line, &QLineEdit::textChanged, this, &TrafficRuleDialog::revalidate);
    for (QSpinBox *spin : {m_ms, m_jitterMs, m_copies, m_closeCode, m_after, m_bytesPerSecond})
        connect(spin, &QSpinBox::valueChanged, this, &TrafficRuleDialog::revalidate);
    connect(m_effect, &QComboBox::currentIndexChanged, this, &TrafficRuleDialog::revalidate);
    revalidate();
}

TrafficRuleDialog::~TrafficRuleDialog() = default;

QWidget *TrafficRuleDialog::effectPage(TrafficEffect effect) {
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    const auto note = [form, page](const QString &text) {
        auto *label = new QLabel(text, page);
        label->setWordWrap(true);
        form->addRow(label);
    };
    switch (effect) {
    case TrafficEffect::Hold:
        note(tr("Matching frames wait in the Held list until you release or drop them; later "
                "frames to the same client wait behind them."));
        break;
    case TrafficEffect::Delay:
        form->addRow(tr("&Delay:"), m_ms);
        form->addRow(tr("Plus up to (random):"), m_jitterMs);
        break;
    case TrafficEffect::Drop:
        form->addRow(tr("&Probability:"), m_probability);
        break;
    case TrafficEffect::Duplicate:
        form->addRow(tr("&Written, in all:"), m_copies);
        break;
    case TrafficEffect::Close:
        form->addRow(tr("Close &code:"), m_closeCode);
        form->addRow(tr("On the matching frame number:"), m_after);
        break;
    case TrafficEffect::Throttle:
        form->addRow(tr("&At most:"), m_bytesPerSecond);
        break;
    case TrafficEffect::IgnorePings:
        note(tr("The broker stops answering the receiver's pings, as a broker that hangs."));
        break;
    }
    return page;
}

void TrafficRuleDialog::setRule(const TrafficRule &rule) {
    m_name->setText(rule.name);
    m_enabled->setChecked(rule.enabled);
    m_room->setText(rule.match.room);
    m_from->setText(QString::fromUtf8(rule.match.from));
    m_to->setText(QString::fromUtf8(rule.match.to));
    m_action->setCurrentIndex(std::max(0, m_action->findData(int(rule.match.action))));
    m_ack->setText(QString::fromUtf8(rule.match.ack));
    m_pattern->setText(rule.match.pattern.pattern());
    m_path->setText(rule.match.path);
    m_equals->setText(rule.match.equals.isUndefined() ? QString() : jsonText(rule.match.equals));
    m_effect->setCurrentIndex(std::max(0, m_effect->findData(int(rule.effect))));
    m_effectFields->setCurrentIndex(m_effect->currentIndex());
    m_ms->setValue(rule.ms);
    m_jitterMs->setValue(rule.jitterMs);
    m_probability->setValue(rule.probability * 100.0);
    m_copies->setValue(rule.copies);
    m_closeCode->setValue(rule.closeCode);
    m_after->setValue(rule.after);
    m_bytesPerSecond->setValue(int(std::clamp<qint64>(rule.bytesPerSecond, 1, 1000000000)));
}

TrafficRule TrafficRuleDialog::rule() const {
    TrafficRule rule;
    rule.name = m_name->text().trimmed();
    rule.enabled = m_enabled->isChecked();
    rule.match.room = m_room->text().trimmed();
    rule.match.from = m_from->text().toUtf8();
    rule.match.to = m_to->text().toUtf8();
    rule.match.action = FrameAction(m_action->currentData().toInt());
    rule.match.ack = m_ack->text().toUtf8();
    rule.match.pattern = QRegularExpression(m_pattern->text());
    rule.match.path = m_path->text().trimmed();
    rule.match.equals = m_equals->text().trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                             : parseJsonValue(m_equals->text());
    rule.effect = TrafficEffect(m_effect->currentData().toInt());
    rule.ms = m_ms->value();
    rule.jitterMs = m_jitterMs->value();
    rule.probability = m_probability->value() / 100.0;
    rule.copies = m_copies->value();
    rule.closeCode = m_closeCode->value();
    rule.after = m_after->value();
    rule.bytesPerSecond = m_bytesPerSecond->value();
    return rule;
}

QString TrafficRuleDialog::problem() const {
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("The rule needs a name: the log says which rule acted on a frame.");
    if (m_takenNames.contains(name))
        return tr("Another rule is named \"%1\".").arg(name);
    if (!m_pattern->text().isEmpty()) {
        const QRegularExpression pattern(m_pattern->text());
        if (!pattern.isValid())
            return tr("The regular expression is not valid at character %1: %2.")
                .arg(pattern.patternErrorOffset() + 1)
                .arg(pattern.errorString());
    }
    const bool hasEquals = !m_equals->text().trimmed().isEmpty();
    if (hasEquals && m_path->text().trimmed().isEmpty())
        return tr("\"Equals\" needs a JSON path to compare.");
    if (hasEquals && parseJsonValue(m_equals->text()).isUndefined())
        return tr("\"Equals\" is not a JSON value (text needs quotes: \"ready\").");
    switch (TrafficEffect(m_effect->currentData().toInt())) {
    case TrafficEffect::Delay:
        if (m_ms->value() == 0 && m_jitterMs->value() == 0)
            return tr("A delay of 0 ms does nothing: set a delay or a random part.");
        break;
    case TrafficEffect::Close:
        if (!isSendableCloseCode(m_closeCode->value()))
            return tr("Close code %1 cannot be sent: use 1000-1003, 1007-1014 or 3000-4999.")
                .arg(m_closeCode->value());
        break;
    default:
        break;
    }
    return {};
}

void TrafficRuleDialog::revalidate() {
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

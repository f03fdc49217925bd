#include "savedmessagesstore.h"

#include <QSettings>

namespace {

// Texts alone, as versions before the sent messages' destinations wrote them: read, then
// replaced by SentKey at the next write.
const QString OldHistoryKey = QStringLiteral("console/history");
const QString SentKey = QStringLiteral("console/sentMessages");
const QString SavedKey = QStringLiteral("console/savedMessages");
const QString NameKey = QStringLiteral("name");
const QString TextKey = QStringLiteral("text");
const QString KindKey = QStringLiteral("kind");
const QString ToKey = QStringLiteral("to");
const QString RoomKey = QStringLiteral("room");
const QString ExpectAnswerKey = QStringLiteral("expectAnswer");

// The names are the settings' format: one per SentMessage::Kind, in order.
const char *const kindNames[] = {"send", "answer", "raw-text", "raw-binary-hex", "raw-binary-text"};
static_assert(std::size(kindNames) == size_t(SentMessage::Kind::RawBinaryText) + 1);

SentMessage::Kind kindFromName(const QString &name) {
    for (size_t i = 0; i < std::size(kindNames); ++i) {
        if (name == QLatin1StringView(kindNames[i]))
            return SentMessage::Kind(i);
    }
    return SentMessage::Kind::Send;
}

} // namespace

SavedMessagesStore::SavedMessagesStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings) {
    if (!m_settings) {
        m_ownedSettings = std::make_unique<QSettings>();
        m_settings = m_ownedSettings.get();
    }
    reload();
}

SavedMessagesStore::~SavedMessagesStore() = default;

void SavedMessagesStore::reload() {
    m_history.clear();
    if (m_settings->contains(OldHistoryKey) &&
        !m_settings->contains(SentKey + QStringLiteral("/size"))) {
        for (const QString &text : m_settings->value(OldHistoryKey).toStringList()) {
            SentMessage entry;
            entry.text = text;
            m_history.append(entry);
        }
    }
    const int sent = m_settings->beginReadArray(SentKey);
    for (int i = 0; i < sent; ++i) {
        m_settings->setArrayIndex(i);
        SentMessage entry;
        entry.text = m_settings->value(TextKey).toString();
        entry.kind = kindFromName(m_settings->value(KindKey).toString());
        entry.destinations = m_settings->value(ToKey).toString();
        entry.room = m_settings->value(RoomKey).toString();
        entry.expectAnswer = m_settings->value(ExpectAnswerKey).toBool();
        if (!entry.text.isEmpty())
            m_history.append(entry);
    }
    m_settings->endArray();
    while (m_history.size() > m_historyLimit)
        m_history.removeFirst();
    m_saved.clear();
    const int count = m_settings->beginReadArray(SavedKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        const QString name = m_settings->value(NameKey).toString();
        if (!name.isEmpty())
            m_saved.insert(name, m_settings->value(TextKey).toString());
    }
    m_settings->endArray();
    emit historyChanged();
    emit savedMessagesChanged();
}

QStringList SavedMessagesStore::history() const {
    QStringList texts;
    texts.reserve(m_history.size());
    for (const SentMessage &entry : m_history)
        texts.append(entry.text);
    return texts;
}

void SavedMessagesStore::addToHistory(const QString &text) {
    SentMessage entry;
    entry.text = text;
    addToHistory(entry);
}

void SavedMessagesStore::addToHistory(const SentMessage &entry) {
    if (entry.text.trimmed().isEmpty())
        return;
    if (!m_history.isEmpty() && m_history.constLast() == entry)
        return;
    m_history.removeAll(entry);
    m_history.append(entry);
    while (m_history.size() > m_historyLimit)
        m_history.removeFirst();
    writeHistory();
}

void SavedMessagesStore::clearHistory() {
    if (m_history.isEmpty())
        return;
    m_history.clear();
    writeHistory();
}

void SavedMessagesStore::setHistoryLimit(int limit) {
    m_historyLimit = std::max(1, limit);
    if (m_history.size() > m_historyLimit) {
        m_history = m_history.mid(m_history.size() - m_historyLimit);
        writeHistory();
    }
}

void SavedMessagesStore::saveMessage(const QString &name, const QString &text) {
    if (name.isEmpty())
        return;
    m_saved.insert(name, text);
    writeSaved();
}

bool SavedMessagesStore::removeSavedMessage(const QString &name) {
    if (!m_saved.remove(name))
        return false;
    writeSaved();
    return true;
}

void SavedMessagesStore::writeHistory() {
    m_settings->remove(OldHistoryKey);
    m_settings->remove(SentKey);
    m_settings->beginWriteArray(SentKey, int(m_history.size()));
    for (int i = 0; i < m_history.size(); ++i) {
        const SentMessage &entry = m_history.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(TextKey, entry.text);
        m_settings->setValue(KindKey, QLatin1StringView(kindNames[int(entry.kind)]));
        if (!entry.destinations.isEmpty())
            m_settings->setValue(ToKey, entry.destinations);
        if (!entry.room.isEmpty())
            m_settings->setValue(RoomKey, entry.room);
        if (entry.expectAnswer)
            m_settings->setValue(ExpectAnswerKey, true);
    }
    m_settings->endArray();
    m_settings->sync();
    emit historyChanged();
}

void SavedMessagesStore::writeSaved() {
    // An array of name/text pairs: names may hold any character, '/' included, which keys
    // could not.
    m_settings->remove(SavedKey);
    m_settings->beginWriteArray(SavedKey, int(m_saved.size()));
    int i = 0;
    for (auto it = m_saved.cbegin(); it != m_saved.cend(); ++it, ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(NameKey, it.key());
        m_settings->setValue(TextKey, it.value());
    }
    m_settings->endArray();
    m_settings->sync();
    emit savedMessagesChanged();
}

#include "savedmessagesstore.h"

#include <QSettings>

namespace {

const QString HistoryKey = QStringLiteral("console/history");
const QString SavedKey = QStringLiteral("console/savedMessages");
const QString NameKey = QStringLiteral("name");
const QString TextKey = QStringLiteral("text");

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
    m_history = m_settings->value(HistoryKey).toStringList();
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

void SavedMessagesStore::addToHistory(const QString &text) {
    if (text.trimmed().isEmpty())
        return;
    if (!m_history.isEmpty() && m_history.constLast() == text)
        return;
    m_history.removeAll(text);
    m_history.append(text);
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
    m_settings->setValue(HistoryKey, m_history);
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

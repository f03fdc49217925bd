#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

// One message the console sent, as the history recalls it: the text with where and how it went.
struct SentMessage {
    enum class Kind { Send, Answer, RawText, RawBinaryHex, RawBinaryText };
    QString text;
    Kind kind = Kind::Send;
    QString destinations; // as typed for a send; the asker for an answer; empty for raw frames
    QString room;         // the room of the client that sent it
    bool expectAnswer = false;
    friend bool operator==(const SentMessage &, const SentMessage &) = default;
};

// The test console's history of sent messages and its named saved messages, kept in the settings
// file (group "console") and shared by every console tab. Writes go to the settings at once, so
// a crash loses nothing and another panel on the same file sees them after re-reading.
class SavedMessagesStore : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultHistoryLimit = 100;

    // settings is not owned and must outlive the store; nullptr uses a default QSettings (the
    // application's organisation and name) owned by the store.
    explicit SavedMessagesStore(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~SavedMessagesStore() override;

    // Oldest first. Adding an entry already present moves it to the end; the oldest entries go
    // once the limit is passed.
    const QList<SentMessage> &sentMessages() const { return m_history; }
    // The texts alone, oldest first: what the editor walks with Up and Down.
    QStringList history() const;
    void addToHistory(const SentMessage &entry);
    // A text with no destination (a send typed nowhere yet).
    void addToHistory(const QString &text);
    void clearHistory();
    int historyLimit() const { return m_historyLimit; }
    void setHistoryLimit(int limit);

    // Names in sorted order.
    QStringList savedNames() const { return m_saved.keys(); }
    bool hasSavedMessage(const QString &name) const { return m_saved.contains(name); }
    QString savedMessage(const QString &name) const { return m_saved.value(name); }
    // Replaces a message of the same name.
    void saveMessage(const QString &name, const QString &text);
    bool removeSavedMessage(const QString &name);

    // Reads history and saved messages from the settings again.
    void reload();

signals:
    void historyChanged();
    void savedMessagesChanged();

private:
    void writeHistory();
    void writeSaved();

    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings *m_settings = nullptr;
    QList<SentMessage> m_history;
    QMap<QString, QString> m_saved;
    int m_historyLimit = DefaultHistoryLimit;
};

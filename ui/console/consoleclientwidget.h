#pragma once

#include "consoleclient.h"

#include <QIcon>
#include <QPersistentModelIndex>
#include <QWidget>

class JsonEditor;
class QCheckBox;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class DestinationCompletionModel;
class QTableView;
class QToolButton;
class SavedMessagesStore;
struct SentMessage;

// One tab of the test console: the connection row, the conversation of this client and the
// composer. The protocol logic lives in ConsoleClient; this widget only shows it and feeds it.
class ConsoleClientWidget : public QWidget {
    Q_OBJECT
public:
    // What Send sends: a JSON message through the protocol, or a frame exactly as typed.
    enum class ComposerMode { Json, RawText, RawBinaryHex, RawBinaryText };
    Q_ENUM(ComposerMode)

    // store is shared by all tabs and must outlive the widget.
    explicit ConsoleClientWidget(SavedMessagesStore *store, QWidget *parent = nullptr);
    ~ConsoleClientWidget() override;

    ConsoleClient *client() const { return m_client; }
    JsonEditor *editor() const { return m_editor; }

    QUrl url() const;
    void setUrl(const QUrl &url);
    QString clientId() const;
    void setClientId(const QString &id);
    // The room the URL names ("/" for the empty path), as the broker names rooms.
    QString room() const;

    QString destinations() const;
    void setDestinations(const QString &text);
    // Ids offered for completion in the destination field (the ids registered in the room).
    void setCompletionIds(const QStringList &ids);
    QStringList completionIds() const { return m_completionIds; }

    ComposerMode composerMode() const;
    void setComposerMode(ComposerMode mode);
    bool expectsAnswer() const;
    void setExpectAnswer(bool expect);
    // Whether Send would send now (connected, destinations given, the message valid).
    bool canSend() const;
    // The line under the editor: the first JSON error with its line and column, or empty.
    QString problemText() const;
    // Where and how the message recalled from history went; empty when none is shown.
    QString recallText() const;

    static QIcon stateIcon(ConsoleClient::State state);

public slots:
    void connectClient();
    void disconnectClient();
    // Register when not registered, unregister when registered.
    void toggleRegistration();
    bool sendFromComposer();
    // Sends the editor's JSON as the answer to the selected message; false when none is
    // selected or it cannot be answered.
    bool answerSelected();
    void selectConversationRow(int row);
    void focusComposer();

signals:
    // Title, URL or state changed: the tab follows.
    void summaryChanged();

private:
    void buildUi();
    void updateControls();
    void updateBadge();
    void updateDestinationCompletion();
    void insertCompletion(const QString &completion);
    void updateSavedMenu();
    void saveCurrentMessage();
    void showConversationMenu(const QPoint &pos);
    void applyAutoAnswer();
    QPersistentModelIndex answerableSelection() const;
    // History: what a sent message is recorded as, and recalling one with Up and Down.
    SentMessage sentMessage(const QString &text) const;
    void showHistoryEntry(qsizetype index);

    SavedMessagesStore *m_store = nullptr;
    ConsoleClient *m_client = nullptr;

    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QPushButton *m_registerButton = nullptr;
    QLabel *m_badge = nullptr;

    QComboBox *m_autoAnswerCombo = nullptr;
    QLineEdit *m_autoAnswerValueEdit = nullptr;
    QLabel *m_autoAnswerProblem = nullptr; // says why an invalid fixed value answers nothing

    QTableView *m_conversationView = nullptr;
    bool m_followTail = true;

    QLineEdit *m_destEdit = nullptr;
    QCompleter *m_completer = nullptr;
    DestinationCompletionModel *m_completionModel = nullptr;
    QStringList m_completionIds;
    QComboBox *m_modeCombo = nullptr;
    JsonEditor *m_editor = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_answerLabel = nullptr;
    QLabel *m_recallLabel = nullptr; // where and how a message recalled from history went
    struct ComposerFields {
        QString destinations;
        ComposerMode mode = ComposerMode::Json;
        bool expectAnswer = false;
    };
    ComposerFields m_draftFields; // the fields as they were before walking the history
    QCheckBox *m_expectAnswerCheck = nullptr;
    QPushButton *m_beautifyButton = nullptr;
    QPushButton *m_compactButton = nullptr;
    QToolButton *m_savedButton = nullptr;
    QPushButton *m_answerButton = nullptr;
    QPushButton *m_sendButton = nullptr;
};

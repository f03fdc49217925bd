#pragma once

#include "consolejson.h"

#include <QPlainTextEdit>
#include <QStringList>

class JsonHighlighter;

// A plain text editor for one JSON value (any type, as the protocol's "message" allows). It
// checks the text as you type and marks the first error; it walks a history with Up on the
// first line and Down on the last one, and asks for submission on Ctrl+Enter. Ctrl+End goes to
// the end of the text; once there, it is the window's again (the log's "follow newest").
class JsonEditor : public QPlainTextEdit {
    Q_OBJECT
    Q_PROPERTY(bool valid READ isValid NOTIFY validityChanged)
    Q_PROPERTY(bool validationEnabled READ isValidationEnabled WRITE setValidationEnabled)

public:
    using Check = ConsoleJson::Check;

    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

    bool isValid() const { return m_check.valid; }
    const Check &lastCheck() const { return m_check; }
    // "Line 2, column 5: unterminated string", translated; empty when valid.
    QString errorText() const;

    // Raw mode turns validation marks off: the text is sent as typed.
    bool isValidationEnabled() const { return m_validationEnabled; }
    void setValidationEnabled(bool enabled);

    // Oldest first; navigation starts past the newest entry, at the text being written.
    void setHistory(const QStringList &entries);
    QStringList history() const { return m_history; }
    // The history entry shown, unedited; history().size() while the text is the draft.
    qsizetype historyIndex() const { return m_historyIndex; }

public slots:
    void beautify();
    void compact();
    // Show the previous (older) or next (newer) history entry; false when there is none.
    bool historyBack();
    bool historyForward();

signals:
    void validityChanged(bool valid);
    // The check result changed (error text or position), valid or not.
    void checkChanged();
    void submitRequested();
    // Up or Down showed history entry index (history().size(): back at the draft).
    void historyShown(qsizetype index);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void revalidate();
    void updateErrorMark();
    void replaceTextKeepingUndo(const QString &text);

    Check m_check;
    bool m_validationEnabled = true;
    QStringList m_history;
    qsizetype m_historyIndex = 0; // == m_history.size(): the draft
    QString m_draft;
    bool m_navigating = false;
    JsonHighlighter *m_highlighter = nullptr;
};

#include "jsoneditor.h"

#include "jsonhighlighter.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QTextBlock>

JsonEditor::JsonEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new JsonHighlighter(document())) {
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setPlaceholderText(tr("JSON value, e.g. {\"hello\": \"world\"}"));
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        // Edited: the draft from now on. Only a change of the text counts: textChanged also
        // comes for formats (the highlighter switched on or off, later, by a timer).
        if (!m_navigating && m_historyIndex < m_history.size() &&
            toPlainText() != m_history.at(m_historyIndex))
            m_historyIndex = m_history.size();
        revalidate();
    });
    revalidate();
}

JsonEditor::~JsonEditor() = default;

QString JsonEditor::errorText() const {
    if (m_check.valid)
        return {};
    if (m_check.empty)
        return tr("Empty: type a JSON value");
    return tr("Line %1, column %2: %3").arg(m_check.line).arg(m_check.column).arg(m_check.error);
}

void JsonEditor::setValidationEnabled(bool enabled) {
    if (m_validationEnabled == enabled)
        return;
    m_validationEnabled = enabled;
    m_highlighter->setDocument(enabled ? document() : nullptr);
    updateErrorMark();
}

void JsonEditor::setHistory(const QStringList &entries) {
    const bool atDraft = m_historyIndex >= m_history.size();
    m_history = entries;
    if (atDraft || m_historyIndex > m_history.size())
        m_historyIndex = m_history.size();
}

void JsonEditor::beautify() {
    if (m_check.valid)
        replaceTextKeepingUndo(ConsoleJson::beautified(toPlainText()));
}

void JsonEditor::compact() {
    if (m_check.valid)
        replaceTextKeepingUndo(ConsoleJson::compacted(toPlainText()));
}

bool JsonEditor::historyBack() {
    if (m_historyIndex <= 0 || m_history.isEmpty())
        return false;
    if (m_historyIndex >= m_history.size())
        m_draft = toPlainText();
    m_historyIndex = std::min(m_historyIndex, m_history.size()) - 1;
    m_navigating = true;
    setPlainText(m_history.at(m_historyIndex));
    m_navigating = false;
    moveCursor(QTextCursor::End);
    emit historyShown(m_historyIndex);
    return true;
}

bool JsonEditor::historyForward() {
    if (m_historyIndex >= m_history.size())
        return false;
    ++m_historyIndex;
    m_navigating = true;
    setPlainText(m_historyIndex < m_history.size() ? m_history.at(m_historyIndex) : m_draft);
    m_navigating = false;
    moveCursor(QTextCursor::End);
    emit historyShown(m_historyIndex);
    return true;
}

bool JsonEditor::event(QEvent *event) {
    // A text editor takes Ctrl+End before the window's shortcuts see it. Where it would do
    // nothing (the cursor already at the end), the window's shortcut gets it: Ctrl+End twice
    // goes to the end of the message, then follows the log's newest frames.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QTextCursor cursor = textCursor();
        if (key->matches(QKeySequence::MoveToEndOfDocument) && !cursor.hasSelection() &&
            cursor.atEnd()) {
            event->ignore();
            return false;
        }
    }
    return QPlainTextEdit::event(event);
}

void JsonEditor::keyPressEvent(QKeyEvent *event) {
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        emit submitRequested();
        event->accept();
        return;
    }
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        const QTextCursor cursor = textCursor();
        if (event->key() == Qt::Key_Up && cursor.block() == document()->firstBlock() &&
            historyBack()) {
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_Down && cursor.block() == document()->lastBlock() &&
            historyForward()) {
            event->accept();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

void JsonEditor::revalidate() {
    const bool wasValid = m_check.valid;
    const Check before = m_check;
    m_check = ConsoleJson::check(toPlainText());
    updateErrorMark();
    if (before.valid != m_check.valid || before.position != m_check.position ||
        before.error != m_check.error)
        emit checkChanged();
    if (wasValid != m_check.valid)
        emit validityChanged(m_check.valid);
}

void JsonEditor::updateErrorMark() {
    QList<QTextEdit::ExtraSelection> selections;
    if (m_validationEnabled && !m_check.valid && !m_check.empty) {
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(Qt::red);
        mark.cursor = QTextCursor(document());
        const qsizetype length = document()->characterCount() - 1;
        qsizetype start = std::min(m_check.position, length);
        // Mark one character; at the very end, the last one.
        if (start >= length && start > 0)
            start = length - 1;
        mark.cursor.setPosition(int(start));
        mark.cursor.setPosition(int(std::min(start + 1, length)), QTextCursor::KeepAnchor);
        selections.append(mark);
    }
    setExtraSelections(selections);
}

void JsonEditor::replaceTextKeepingUndo(const QString &text) {
    if (text == toPlainText())
        return;
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

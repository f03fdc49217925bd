#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours JSON text: member names, strings, numbers, literals. Colours come from the palette
// so that dark themes stay readable.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

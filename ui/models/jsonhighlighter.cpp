#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace {

// Mixes a hue into the text colour: readable on light and dark backgrounds alike.
QColor tinted(const QColor &text, const QColor &hue) {
    const bool dark = text.lightness() > 128; // light text means a dark theme
    QColor c = hue;
    return dark ? c.lighter(150) : c.darker(130);
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document) {
    const QColor text = QGuiApplication::palette().color(QPalette::Text);
    m_key.setForeground(tinted(text, QColor(0x2b, 0x6c, 0xb0)));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(tinted(text, QColor(0x2e, 0x8b, 0x3e)));
    m_number.setForeground(tinted(text, QColor(0xb0, 0x5a, 0x00)));
    m_literal.setForeground(tinted(text, QColor(0x8e, 0x3c, 0xb0)));
}

void JsonHighlighter::highlightBlock(const QString &text) {
    // Strings may span lines only in broken JSON; each block is scanned on its own.
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != QLatin1Char('"'))
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            j = std::min(j + 1, n);
            qsizetype k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == QLatin1Char(':');
            setFormat(int(i), int(j - i), isKey ? m_key : m_string);
            i = j;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n && (text.at(j).isDigit() || text.at(j) == QLatin1Char('.') ||
                             text.at(j) == QLatin1Char('e') || text.at(j) == QLatin1Char('E') ||
                             text.at(j) == QLatin1Char('+') || text.at(j) == QLatin1Char('-')))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i;
            while (j < n && text.at(j).isLetter())
                ++j;
            setFormat(int(i), int(j - i), m_literal);
            i = j;
        } else {
            ++i;
        }
    }
}

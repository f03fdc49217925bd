#pragma once

#include <QColor>
#include <QPalette>

// Row tints for the inspector's tables. Each is the palette's base colour mixed with a hue, and
// text keeps the palette's own colour, so rows stay readable on light and dark themes alike.
class RowPalette {
public:
    // Errors, drops, abnormal closes: base tinted red.
    static QColor problemBackground(const QPalette &palette);
    // Asks still unanswered past the threshold: base tinted amber.
    static QColor warningBackground(const QPalette &palette);
    // Frames paired with the selected ask: base tinted with the selection colour.
    static QColor pairedBackground(const QPalette &palette);
    // Secondary text (placeholders such as "(unregistered)").
    static QColor dimmedText(const QPalette &palette);

    // Mixes a into b; amount 0 gives a, 1 gives b.
    static QColor mix(const QColor &a, const QColor &b, qreal amount);
    // The palette the models use: the application's (tests and views share it).
    static QPalette applicationPalette();
};

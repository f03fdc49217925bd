#include "rowpalette.h"

#include <QGuiApplication>

QColor RowPalette::mix(const QColor &a, const QColor &b, qreal amount) {
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    const auto channel = [amount](qreal p, qreal q) { return p + (q - p) * amount; };
    return QColor::fromRgbF(float(channel(x.redF(), y.redF())),
                            float(channel(x.greenF(), y.greenF())),
                            float(channel(x.blueF(), y.blueF())));
}

QColor RowPalette::problemBackground(const QPalette &palette) {
    return mix(palette.color(QPalette::Base), QColor(0xe0, 0x1b, 0x24), 0.28);
}

QColor RowPalette::warningBackground(const QPalette &palette) {
    return mix(palette.color(QPalette::Base), QColor(0xe5, 0xa5, 0x0a), 0.28);
}

QColor RowPalette::pairedBackground(const QPalette &palette) {
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.35);
}

QColor RowPalette::dimmedText(const QPalette &palette) {
    return palette.color(QPalette::PlaceholderText);
}

QPalette RowPalette::applicationPalette() {
    return QGuiApplication::palette();
}

// Every icon of resources.qrc loads through the SVG icon engine (the Qt SVG plugin must be
// installed, or QIcon stays empty without a word), and the desktop files name the right icon.
#include <QDirIterator>
#include <QIcon>
#include <QPixmap>
#include <QTest>

class TestIcons : public QObject {
    Q_OBJECT

private slots:
    void everyIconRenders_data();
    void everyIconRenders();
};

void TestIcons::everyIconRenders_data() {
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(":/icons"));
    int count = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(path)) << path;
        ++count;
    }
    QVERIFY2(count >= 20, "the icon resources are not linked in");
}

void TestIcons::everyIconRenders() {
    QFETCH(QString, path);
    const QIcon icon(path);
    QVERIFY(!icon.isNull());
    for (int size : {16, 24, 48}) {
        const QPixmap pixmap = icon.pixmap(size);
        QVERIFY2(!pixmap.isNull(), qPrintable(QStringLiteral("%1 at %2 px").arg(path).arg(size)));
        // Something was drawn: not every pixel is transparent.
        const QImage image = pixmap.toImage();
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y)
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = qAlpha(image.pixel(x, y)) > 0;
        QVERIFY2(drawn, qPrintable(path));
    }
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"

// Build-time helper: renders the scalable application icon to the fixed-size PNGs that are
// installed into the hicolor theme, so desktops without SVG icon support still get a sharp icon.
// Uses Qt SVG, which the project needs anyway, instead of an extra tool such as rsvg-convert.

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[]) {
    // Rendering paths into a QImage needs no display, so no QGuiApplication (and no platform
    // plugin) at build time; the icon has no text that would need fonts.
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);

    const QStringList args = app.arguments();
    if (args.size() != 4) {
        err << "usage: svgtopng INPUT.svg SIZE OUTPUT.png\n";
        return 2;
    }
    bool sizeOk = false;
    const int size = args.at(2).toInt(&sizeOk);
    if (!sizeOk || size <= 0) {
        err << "svgtopng: invalid size " << args.at(2) << '\n';
        return 2;
    }

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "svgtopng: cannot read " << args.at(1) << '\n';
        return 1;
    }

    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();

    if (!image.save(args.at(3), "PNG")) {
        err << "svgtopng: cannot write " << args.at(3) << '\n';
        return 1;
    }
    return 0;
}

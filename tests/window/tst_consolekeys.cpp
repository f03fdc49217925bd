#include "brokercontroller.h"
#include "consoleclientwidget.h"
#include "consolepanel.h"
#include "jsoneditor.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Ctrl+End is the window's "follow the newest frames", and also what a text editor does to go to
// the end of its text. In the console's editor it goes to the end of the message first, and
// follows the log once there; it used to be swallowed by the editor (issue 19).
class TestConsoleKeys : public QObject {
    Q_OBJECT

private slots:
    void ctrlEndInTheEditorGoesToItsEnd();
};

void TestConsoleKeys::ctrlEndInTheEditorGoesToItsEnd() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    BrokerSettings broker;
    broker.port = 0;
    MainWindow window(broker, &settings);
    window.resize(1200, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto *console = window.findChild<ConsolePanel *>(QStringLiteral("console"));
    auto *follow = window.findChild<QAction *>(QStringLiteral("followNewest"));
    QVERIFY(console && follow);
    ConsoleClientWidget *client = console->addClient();
    JsonEditor *editor = client->editor();
    editor->setPlainText(QStringLiteral("{\n  \"a\": 1,\n  \"b\": 2\n}"));
    editor->moveCursor(QTextCursor::Start);
    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());
    follow->setChecked(false);

    QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(editor->textCursor().position(), editor->document()->characterCount() - 1);
    QVERIFY(!follow->isChecked()); // the log was not touched
    // At the end already, the key would do nothing in the editor: it follows the log again
    // (the README's shortcut, which the editor used to swallow whole).
    QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(follow->isChecked());
    QVERIFY(editor->hasFocus());
    follow->setChecked(false);
    QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(editor->textCursor().position(), 0);

    // Anywhere else, Ctrl+End still follows the newest frames again.
    auto *log = window.findChild<QTableView *>(QStringLiteral("frameLog"));
    log->setFocus();
    QTRY_VERIFY(log->hasFocus());
    QTest::keyClick(log, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(follow->isChecked());
}

QTEST_MAIN(TestConsoleKeys)
#include "tst_consolekeys.moc"

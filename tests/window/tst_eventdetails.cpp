#include "brokerevents.h"
#include "framedetailsview.h"

#include <QTabWidget>
#include <QTest>

// A broker event selected in the log (issue 19): no empty Raw tab and no "0 byte(s)", but the
// event itself, as JSON; Raw and Hex have nothing to show and are off.
using namespace BrokerEvents;

class TestEventDetails : public QObject {
    Q_OBJECT

private slots:
    void systemEventShowsItselfAsJson();
};

void TestEventDetails::systemEventShowsItselfAsJson() {
    FrameDetailsView view;
    view.show();
    auto *tabs = view.findChild<QTabWidget *>();
    QVERIFY(tabs);
    BrokerEvent closed = system(BrokerEvent::Kind::ConnectionClosed, 12, QStringLiteral("/iot"),
                                "flaky", QStringLiteral("close code 1006"));
    closed.closeReason = CloseReason::ConnectionLost;
    view.setEvent(closed);

    const QString json = view.prettyText();
    for (const char *expected :
         {"\"event\": \"closed\"", "\"room\": \"/iot\"", "\"client\": \"flaky\"",
          "\"connection\": 12", "\"reason\": \"connection lost\"",
          "\"detail\": \"close code 1006\""})
        QVERIFY2(json.contains(QString::fromLatin1(expected)), qPrintable(json));
    QCOMPARE(tabs->currentIndex(), 0); // JSON
    QVERIFY(!tabs->isTabEnabled(1));   // Raw
    QVERIFY(!tabs->isTabEnabled(2));   // Hex
    QVERIFY(!view.summaryText().contains(QStringLiteral("byte")));

    // A frame afterwards has all three again.
    view.setEvent(send(3, QStringLiteral("/chat"), "alice", {"bob"}, R"({"hi":1})"));
    QVERIFY(tabs->isTabEnabled(1) && tabs->isTabEnabled(2));
    QVERIFY(view.rawText().contains(QStringLiteral("\"dest\":[\"bob\"]")));
}

QTEST_MAIN(TestEventDetails)
#include "tst_eventdetails.moc"

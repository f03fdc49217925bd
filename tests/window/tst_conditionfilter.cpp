// The filter bar's JSON condition mode (issue 15, path filter): the "{ }" toggle, a condition
// typed character by character (marked invalid on the way, like a regular expression), the
// rows it keeps from real traffic, and new frames judged as they arrive.
#include "brokercontroller.h"
#include "framefilterproxymodel.h"
#include "framelogmodel.h"
#include "mainwindow.h"
#include "windowundertest.h"

#include "recordingclient.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWebSocket>

#include <memory>

class TestConditionFilter : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void togglesExcludeEachOther();
    void typedConditionFiltersLiveTraffic();

private:
    void order(int price, const char *type);
    // The prices of the frames the log shows (message.price), in order; -1 for frames without.
    QList<int> shownPrices() const;
    template <typename T> T *child(const char *name = nullptr) const {
        return name ? m_window->findChild<T *>(QString::fromLatin1(name))
                    : m_window->findChild<T *>();
    }

    WindowUnderTest m_ui;
    MainWindow *m_window = nullptr;
    RecordingClient *m_alice = nullptr;
    RecordingClient *m_shop = nullptr;
};

void TestConditionFilter::init() {
    QVERIFY(m_ui.open());
    m_window = m_ui.window();
    m_alice = m_ui.connectClient(QStringLiteral("/shop"), "alice");
    m_shop = m_ui.connectClient(QStringLiteral("/shop"), "shop");
    QVERIFY(m_alice && m_shop);
}

void TestConditionFilter::cleanup() {
    m_ui.close();
    m_window = nullptr;
}

void TestConditionFilter::order(int price, const char *type) {
    m_alice->send(R"({"action":"send","dest":"shop","message":{"type":")" + QByteArray(type) +
                  R"(","price":)" + QByteArray::number(price) + "}}");
}

QList<int> TestConditionFilter::shownPrices() const {
    const FrameFilterProxyModel *proxy = child<FrameFilterProxyModel>();
    QList<int> prices;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QJsonObject frame =
            QJsonDocument::fromJson(
                proxy->index(r, 0).data(FrameLogModel::RawDataRole).toByteArray())
                .object();
        prices.append(frame.value(u"message").toObject().value(u"price").toInt(-1));
    }
    return prices;
}

void TestConditionFilter::togglesExcludeEachOther() {
    auto *text = child<QLineEdit>("textFilter");
    auto *regex = child<QToolButton>("regexToggle");
    auto *condition = child<QToolButton>("conditionToggle");
    QVERIFY(text && regex && condition);
    QCOMPARE(condition->text(), QStringLiteral("{ }"));
    QVERIFY(condition->toolTip().contains(QLatin1String("message.price > 100")));
    const QString plainPlaceholder = text->placeholderText();

    QTest::mouseClick(condition, Qt::LeftButton);
    QVERIFY(condition->isChecked());
    QVERIFY(child<FrameFilterProxyModel>()->isConditionMode());
    QVERIFY(text->placeholderText().contains(QLatin1String("message.price > 100")));
    QTest::mouseClick(regex, Qt::LeftButton);
    QVERIFY(regex->isChecked());
    QVERIFY(!condition->isChecked());
    QVERIFY(!child<FrameFilterProxyModel>()->isConditionMode());
    QVERIFY(child<FrameFilterProxyModel>()->isRegularExpression());
    QTest::mouseClick(condition, Qt::LeftButton);
    QVERIFY(!regex->isChecked());
    QVERIFY(!child<FrameFilterProxyModel>()->isRegularExpression());
    QVERIFY(child<FrameFilterProxyModel>()->isConditionMode());
    QTest::mouseClick(condition, Qt::LeftButton);
    QVERIFY(!child<FrameFilterProxyModel>()->isConditionMode());
    QCOMPARE(text->placeholderText(), plainPlaceholder);
}

void TestConditionFilter::typedConditionFiltersLiveTraffic() {
    for (const auto &[price, type] : {std::pair{50, "order"}, std::pair{150, "order"},
                                      std::pair{250, "quote"}, std::pair{120, "order"}})
        order(price, type);
    QTRY_COMPARE(m_shop->received.size(), 5); // registered and four messages
    FrameFilterProxyModel *proxy = child<FrameFilterProxyModel>();
    const FrameLogModel *log = child<FrameLogModel>();
    // Every frame is in the log: the sends and the messages they became.
    const auto priced = [this] {
        const QList<int> prices = shownPrices();
        return int(std::count_if(prices.cbegin(), prices.cend(), [](int p) { return p > 0; }));
    };
    QTRY_COMPARE(priced(), 8);
    const int all = log->rowCount();

    auto *text = child<QLineEdit>("textFilter");
    auto *problem = child<QLabel>("filterProblem");
    QTest::mouseClick(child<QToolButton>("conditionToggle"), Qt::LeftButton);
    text->setFocus();
    // Half-typed: marked and explained, every row still shown.
    QTest::keyClicks(text, QStringLiteral("message.price >"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("expected a value after > (column 16)")),
             qPrintable(problem->text()));
    QVERIFY(problem->text().startsWith(QLatin1String("Invalid condition")));
    QCOMPARE(text->toolTip(), problem->text());
    QVERIFY(text->palette().color(QPalette::Base) != m_window->palette().color(QPalette::Base));
    QCOMPARE(proxy->rowCount(), all);

    QTest::keyClicks(text, QStringLiteral(" 100"));
    QVERIFY(!problem->isVisible());
    QVERIFY(text->toolTip().isEmpty());
    QCOMPARE(text->palette().color(QPalette::Base), m_window->palette().color(QPalette::Base));
    QTRY_VERIFY(!proxy->isRefiltering());
    // Sends and messages over 100, in log order.
    QCOMPARE(shownPrices(), (QList<int>{150, 150, 250, 250, 120, 120}));

    QTest::keyClicks(text, QStringLiteral(" && message.type == \"order\" && action == \"send\""));
    QTRY_VERIFY(!proxy->isRefiltering());
    QCOMPARE(shownPrices(), (QList<int>{150, 120}));

    // New frames are judged as they arrive.
    order(300, "order");
    order(301, "quote");
    order(99, "order");
    QTRY_COMPARE(m_shop->received.size(), 8);
    QTRY_COMPARE(shownPrices(), (QList<int>{150, 120, 300}));

    // A name that is not plain is written quoted; the error names its column.
    text->clear();
    QTest::keyClicks(text, QStringLiteral("message.content-type"));
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QLatin1String("(column 16)")));
    text->clear();
    QVERIFY(!problem->isVisible());

    // Clear filters: back to plain text, the toggle too.
    QTest::keyClicks(text, QStringLiteral("message.price >= 300"));
    QTRY_COMPARE(shownPrices(), (QList<int>{300, 300, 301, 301}));
    QTest::mouseClick(child<QToolButton>("clearFilters"), Qt::LeftButton);
    QVERIFY(!child<QToolButton>("conditionToggle")->isChecked());
    QVERIFY(!proxy->isConditionMode());
    QCOMPARE(proxy->rowCount(), log->rowCount());
}

QTEST_MAIN(TestConditionFilter)
#include "tst_conditionfilter.moc"

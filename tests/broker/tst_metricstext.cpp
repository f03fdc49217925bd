// Unit tests of MetricsText, the Prometheus text GET /metrics answers: the format (HELP and
// TYPE once per family, before its samples; counters ending in _total), the values of the
// counters, label escaping of hostile room names, and the bound on room label values. When
// promtool is installed, it checks a rendering with hostile rooms too.

#include "metricstext.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <map>
#include <set>

namespace {

// One parsed sample: its family name, its labels (unescaped) and its value.
struct Sample {
    QByteArray name;
    std::map<QByteArray, QByteArray> labels;
    double value = 0;
};

// A reader of the format, strict enough to fail on what Prometheus would refuse: it reports
// the first problem, or fills samples and the families' types.
QString parseExposition(const QByteArray &text, std::vector<Sample> *samples,
                        std::map<QByteArray, QByteArray> *types) {
    static const QRegularExpression nameRe(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    if (!text.endsWith('\n'))
        return QStringLiteral("the text does not end with a newline");
    std::set<QByteArray> helped;
    std::set<QByteArray> finished; // families whose samples are over
    QByteArray current;
    const QList<QByteArray> lines = text.chopped(1).split('\n');
    for (const QByteArray &line : lines) {
        const QString where = QStringLiteral(" in line \"%1\"").arg(QString::fromUtf8(line));
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            const QList<QByteArray> parts = line.mid(7).split(' ');
            const QByteArray name = parts.value(0);
            if (!nameRe.match(QString::fromLatin1(name)).hasMatch() || parts.size() < 2)
                return QStringLiteral("bad comment") + where;
            if (line.startsWith("# HELP ")) {
                if (!helped.insert(name).second)
                    return QStringLiteral("HELP twice") + where;
            } else {
                if (!helped.count(name))
                    return QStringLiteral("TYPE before HELP") + where;
                if (types->count(name))
                    return QStringLiteral("TYPE twice") + where;
                (*types)[name] = parts.at(1);
                if (!current.isEmpty())
                    finished.insert(current);
                current = name;
            }
            continue;
        }
        Sample sample;
        qsizetype at = 0;
        while (at < line.size() && line.at(at) != '{' && line.at(at) != ' ')
            ++at;
        sample.name = line.left(at);
        if (sample.name != current || finished.count(sample.name))
            return QStringLiteral("sample outside its family") + where;
        if (at < line.size() && line.at(at) == '{') {
            ++at;
            while (at < line.size() && line.at(at) != '}') {
                const qsizetype eq = line.indexOf("=\"", at);
                if (eq < 0)
                    return QStringLiteral("bad label") + where;
                const QByteArray label = line.mid(at, eq - at);
                QByteArray value;
                at = eq + 2;
                for (; at < line.size() && line.at(at) != '"'; ++at) {
                    if (line.at(at) != '\\') {
                        value += line.at(at);
                        continue;
                    }
                    const char escaped = line.at(++at);
                    if (escaped == 'n')
                        value += '\n';
                    else if (escaped == '\\' || escaped == '"')
                        value += escaped;
                    else
                        return QStringLiteral("bad escape") + where;
                }
                if (at >= line.size())
                    return QStringLiteral("unterminated label value") + where;
                ++at; // the closing quote
                if (!sample.labels.emplace(label, value).second)
                    return QStringLiteral("label twice") + where;
                if (at < line.size() && line.at(at) == ',')
                    ++at;
            }
            ++at; // the closing brace
        }
        if (at >= line.size() || line.at(at) != ' ')
            return QStringLiteral("no value") + where;
        bool ok = false;
        sample.value = line.mid(at + 1).toDouble(&ok);
        if (!ok)
            return QStringLiteral("bad value") + where;
        samples->push_back(std::move(sample));
    }
    for (const auto &[name, type] : *types) {
        if ((type == "counter") != name.endsWith("_total"))
            return QStringLiteral("%1 is a %2")
                .arg(QString::fromLatin1(name), QString::fromLatin1(type));
    }
    return {};
}

MetricsText::State sampleState() {
    MetricsText::State state;
    BrokerCounters &c = state.counters;
    c.connectionsOpened = 12;
    c.framesInByAction[size_t(FrameAction::Register)] = 4;
    c.framesInByAction[size_t(FrameAction::Send)] = 7;
    c.framesInByAction[size_t(FrameAction::None)] = 1;
    c.bytesInByAction[size_t(FrameAction::Send)] = 700;
    c.framesOutByAction[size_t(FrameAction::Message)] = 9;
    c.bytesOutByAction[size_t(FrameAction::Message)] = 990;
    c.delivered = 9;
    c.answersForwarded = 3;
    c.skippedByReason[size_t(SkippedDelivery::UnknownId)] = 2;
    c.skippedByReason[size_t(SkippedDelivery::AnswerAskerLeft)] = 1;
    c.closesByReason[size_t(CloseReason::ClientClosed)] = 5;
    c.closesByReason[size_t(CloseReason::SlowConsumer)] = 1;
    c.closesByReason[size_t(CloseReason::HandshakeRefused)] = 2;
    c.closesByReason[size_t(CloseReason::HandshakeTimeout)] = 1;
    c.closesByCode[BrokerCounters::closeCodeSlot(1000)] = 5;
    c.closesByCode[BrokerCounters::closeCodeSlot(1008)] = 1;
    c.closesByCode[BrokerCounters::closeCodeSlot(4321)] = 2;
    c.metricsUnauthorized = 3;
    state.rooms = {{QStringLiteral("/chat"), 3, 2}, {QStringLiteral("/"), 1, 0}};
    state.pendingAcks = 4;
    state.unrecordedFrames = 6;
    state.brokerStartedAtMs = 1700000000123;
    state.processStartSeconds = 1699999999.5;
    state.version = "1.2.3";
    return state;
}

// The value of the sample name{label="value"} (or the unlabelled one); -1 when absent.
double valueOf(const std::vector<Sample> &samples, const QByteArray &name,
               const QByteArray &label = {}, const QByteArray &value = {}) {
    for (const Sample &s : samples) {
        if (s.name != name)
            continue;
        if (label.isEmpty()
                ? s.labels.empty()
                : (s.labels.size() == 1 && s.labels.count(label) && s.labels.at(label) == value))
            return s.value;
    }
    return -1;
}

int countOf(const std::vector<Sample> &samples, const QByteArray &name) {
    return int(std::count_if(samples.begin(), samples.end(),
                             [&name](const Sample &s) { return s.name == name; }));
}

} // namespace

class tst_MetricsText : public QObject {
    Q_OBJECT

private slots:
    void formatIsValid();
    void countersShowTheirValues();
    void everyKnownLabelValueIsShown();
    void emptyStateIsValid();
    void escapeLabelValue_data();
    void escapeLabelValue();
    void hostileRoomNamesAreEscaped();
    void roomsPastTheBoundAreSummed();
    void fewRoomsHaveNoOther();
    void boundAtThousandRooms();
    void processStartTimeIsThePast();
    void promtoolAcceptsHostileRooms();
};

void tst_MetricsText::formatIsValid() {
    const QByteArray text = MetricsText::render(sampleState());
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    const QString problem = parseExposition(text, &samples, &types);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + QString::fromUtf8(text)));
    QVERIFY(types.size() >= 20);
    for (const auto &[name, type] : types) {
        QVERIFY2(name.startsWith("wsmsgbroker_") || name == "process_start_time_seconds", name);
        QVERIFY2(type == "counter" || type == "gauge", name);
        QVERIFY2(countOf(samples, name) > 0, name); // no family without samples
    }
    QCOMPARE(MetricsText::ContentType, QByteArrayView("text/plain; version=0.0.4; charset=utf-8"));
}

void tst_MetricsText::countersShowTheirValues() {
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    QVERIFY(parseExposition(MetricsText::render(sampleState()), &samples, &types).isEmpty());
    QCOMPARE(valueOf(samples, "wsmsgbroker_build_info", "version", "1.2.3"), 1.0);
    QCOMPARE(valueOf(samples, "process_start_time_seconds"), 1699999999.5);
    QCOMPARE(valueOf(samples, "wsmsgbroker_start_time_seconds"), 1700000000.123);
    QCOMPARE(valueOf(samples, "wsmsgbroker_rooms"), 2.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "/chat"), 3.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_clients_registered", "room", "/chat"), 2.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "/"), 1.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_clients_registered", "room", "/"), 0.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections_opened_total"), 12.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_frames_received_total", "action", "register"), 4.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_frames_received_total", "action", "send"), 7.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_frames_received_total", "action", "other"), 1.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_received_bytes_total", "action", "send"), 700.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_frames_sent_total", "action", "message"), 9.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_sent_bytes_total", "action", "message"), 990.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_deliveries_total"), 9.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_answers_forwarded_total"), 3.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_deliveries_skipped_total", "reason", "unknown_id"), 2.0);
    QCOMPARE(
        valueOf(samples, "wsmsgbroker_deliveries_skipped_total", "reason", "answer_asker_left"),
        1.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections_closed_total", "reason", "client_closed"),
             5.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_slow_consumer_cutoffs_total"), 1.0);
    // Refused handshakes are no connections: counted as handshake failures only.
    QCOMPARE(valueOf(samples, "wsmsgbroker_handshake_failures_total", "reason", "malformed"), 2.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_handshake_failures_total", "reason", "timeout"), 1.0);
    QCOMPARE(
        valueOf(samples, "wsmsgbroker_connections_closed_total", "reason", "handshake_refused"),
        -1.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_close_codes_total", "code", "1000"), 5.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_close_codes_total", "code", "1008"), 1.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_close_codes_total", "code", "4000-4999"), 2.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_close_codes_total", "code", "1003"), -1.0); // unseen
    QCOMPARE(valueOf(samples, "wsmsgbroker_pending_acks"), 4.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_observation_events_dropped_total"), 6.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_metrics_unauthorized_total"), 3.0);
}

void tst_MetricsText::everyKnownLabelValueIsShown() {
    // Fixed label sets are shown at zero too: a rate() over a series that appears late misses
    // its first increase.
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    QVERIFY(parseExposition(MetricsText::render({}), &samples, &types).isEmpty());
    QCOMPARE(countOf(samples, "wsmsgbroker_frames_received_total"), 5);
    QCOMPARE(countOf(samples, "wsmsgbroker_frames_sent_total"), 5);
    QCOMPARE(countOf(samples, "wsmsgbroker_deliveries_skipped_total"), SkippedDeliveryCount);
    QCOMPARE(countOf(samples, "wsmsgbroker_connections_closed_total"), 12);
    QCOMPARE(countOf(samples, "wsmsgbroker_handshake_failures_total"), 3);
    for (const char *action : {"register", "unregister", "send", "answer", "other"})
        QCOMPARE(valueOf(samples, "wsmsgbroker_frames_received_total", "action", action), 0.0);
    for (const char *action : {"registered", "unregistered", "message", "answer", "error"})
        QCOMPARE(valueOf(samples, "wsmsgbroker_frames_sent_total", "action", action), 0.0);
}

void tst_MetricsText::emptyStateIsValid() {
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    const QByteArray text = MetricsText::render({});
    const QString problem = parseExposition(text, &samples, &types);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // No rooms: the per-room families have their HELP and TYPE and no sample, which the
    // format allows.
    QCOMPARE(countOf(samples, "wsmsgbroker_connections"), 0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_rooms"), 0.0);
}

void tst_MetricsText::escapeLabelValue_data() {
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("plain") << QByteArray("/chat") << QByteArray("/chat");
    QTest::newRow("quote") << QByteArray("/a\"b") << QByteArray("/a\\\"b");
    QTest::newRow("backslash") << QByteArray("/a\\b") << QByteArray("/a\\\\b");
    QTest::newRow("newline") << QByteArray("/a\nb") << QByteArray("/a\\nb");
    QTest::newRow("all") << QByteArray("\\\"\n") << QByteArray("\\\\\\\"\\n");
    QTest::newRow("utf-8 kept") << QByteArray("/caf\xc3\xa9") << QByteArray("/caf\xc3\xa9");
}

void tst_MetricsText::escapeLabelValue() {
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(MetricsText::escapeLabelValue(in), out);
}

void tst_MetricsText::hostileRoomNamesAreEscaped() {
    MetricsText::State state;
    const QString hostile = QStringLiteral("/x\"} 99\nwsmsgbroker_rooms 1e9\n\\");
    state.rooms = {{hostile, 2, 1}};
    const QByteArray text = MetricsText::render(state);
    QVERIFY2(text.contains("wsmsgbroker_connections{room=\"/x\\\"} 99\\nwsmsgbroker_rooms "
                           "1e9\\n\\\\\"} 2\n"),
             text.constData());
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    const QString problem = parseExposition(text, &samples, &types);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Read back, the label is the name itself, and nothing was injected.
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", hostile.toUtf8()), 2.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_rooms"), 1.0);
    QCOMPARE(countOf(samples, "wsmsgbroker_rooms"), 1);
}

void tst_MetricsText::roomsPastTheBoundAreSummed() {
    MetricsText::State state;
    state.rooms = {{QStringLiteral("/a"), 3, 1},
                   {QStringLiteral("/b"), 1, 1},
                   {QStringLiteral("/c"), 5, 4},
                   {QStringLiteral("/d"), 1, 0},
                   {QStringLiteral("/e"), 3, 2}};
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    QVERIFY(parseExposition(MetricsText::render(state, 2), &samples, &types).isEmpty());
    // The two largest; a tie (/a and /e) goes by name.
    QCOMPARE(countOf(samples, "wsmsgbroker_connections"), 3);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "/c"), 5.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "/a"), 3.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "/e"), -1.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "(other)"), 5.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_clients_registered", "room", "(other)"), 3.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_clients_registered", "room", "/c"), 4.0);
    QCOMPARE(valueOf(samples, "wsmsgbroker_rooms"), 5.0); // all of them
}

void tst_MetricsText::fewRoomsHaveNoOther() {
    MetricsText::State state;
    state.rooms = {{QStringLiteral("/a"), 1, 1}, {QStringLiteral("/b"), 2, 0}};
    const QByteArray text = MetricsText::render(state, 2);
    QVERIFY(text.contains("wsmsgbroker_connections{room=\"/b\"} 2\n"));
    QVERIFY(!text.contains("{room=\"(other)\"}"));
}

void tst_MetricsText::boundAtThousandRooms() {
    // A client that opens 5,000 rooms: the scrape keeps 1,000 room values (the largest) and
    // one sum, and stays small.
    MetricsText::State state;
    int total = 0;
    for (int i = 0; i < 5000; ++i) {
        const int connections = i < 10 ? 100 + i : 1;
        state.rooms.push_back({QStringLiteral("/room%1").arg(i), connections, 0});
        total += connections;
    }
    const QByteArray text = MetricsText::render(state);
    std::vector<Sample> samples;
    std::map<QByteArray, QByteArray> types;
    QVERIFY(parseExposition(text, &samples, &types).isEmpty());
    QCOMPARE(countOf(samples, "wsmsgbroker_connections"), MetricsText::DefaultMaxRooms + 1);
    QCOMPARE(countOf(samples, "wsmsgbroker_clients_registered"), MetricsText::DefaultMaxRooms + 1);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room",
                         QByteArray("/room") + QByteArray::number(i)),
                 double(100 + i));
    double sum = 0;
    for (const Sample &s : samples) {
        if (s.name == "wsmsgbroker_connections")
            sum += s.value;
    }
    QCOMPARE(sum, double(total));
    QCOMPARE(valueOf(samples, "wsmsgbroker_connections", "room", "(other)"), 4000.0);
    QVERIFY2(text.size() < 200 * 1024, QByteArray::number(text.size()));
}

void tst_MetricsText::processStartTimeIsThePast() {
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double start = MetricsText::processStartTime();
    QVERIFY2(start <= now + 1 && start > now - 3600, qPrintable(QString::number(start, 'f', 3)));
    QCOMPARE(MetricsText::processStartTime(), start); // read once
}

void tst_MetricsText::promtoolAcceptsHostileRooms() {
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        QSKIP("promtool is missing (Debian package prometheus; scripts/bootstrap.sh installs it)");
    MetricsText::State state = sampleState();
    state.rooms.push_back({QString::fromUtf8("/x\"\\\n\xe2\x80\xae"), 1, 1}); // a bidi override
    for (int i = 0; i < 1100; ++i)
        state.rooms.push_back({QStringLiteral("/r%1").arg(i), 1, 0});
    QProcess process;
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(process.waitForStarted());
    process.write(MetricsText::render(state));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             output.constData());
    QVERIFY2(output.trimmed().isEmpty(), output.constData());
}

QTEST_GUILESS_MAIN(tst_MetricsText)
#include "tst_metricstext.moc"

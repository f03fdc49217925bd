// Runs the real wsmsgbroker binary and checks its capture options as a CI script would use
// them: --record with real clients (every frame whole after SIGTERM, a 1 MiB message too), the
// frame budget's eviction line, a capture that cannot be made, and --convert's round trip
// through JSON Lines and HAR plus its one-line errors.

#include "capturebudget.h"
#include "capturereader.h"
#include "capturewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

#include <signal.h>
#include <sys/types.h>

namespace {

constexpr int TimeoutMs = 20000;
constexpr qsizetype OneMiB = 1 << 20;

QString binaryPath() {
    return QStringLiteral(WSMSGBROKER_BINARY);
}

QString frame(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString sendFrame(const QString &dest, const QString &message) {
    return frame({{QStringLiteral("action"), QStringLiteral("send")},
                  {QStringLiteral("dest"), dest},
                  {QStringLiteral("message"), message}});
}

// A message of n bytes that is not the same byte over and over (a cut or a shifted copy
// would not compare equal).
QString bigMessage(qsizetype n) {
    QString text;
    text.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        text.append(QLatin1Char(char('a' + (i * 7 + i / 26) % 26)));
    return text;
}

BrokerEventList readAll(const QString &path, QString *error) {
    CaptureReader reader;
    BrokerEventList all;
    if (!reader.open(path, error))
        return all;
    QList<quint64> ids;
    for (quint64 next = reader.firstId(); next != 0 && next <= reader.lastId();) {
        const BrokerEventList events = reader.readRange(next, 1000, &ids);
        if (events.isEmpty())
            break;
        all += events;
        next = ids.constLast() + 1;
    }
    return all;
}

bool isFrame(const BrokerEvent &e) {
    return e.kind == BrokerEvent::Kind::FrameIn || e.kind == BrokerEvent::Kind::FrameOut;
}

} // namespace

class TestHeadlessRecord : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void recordKeepsEveryFrameWhole();
    void frameBudgetEvicts();
    void recordingErrorIsOneLine();
    void uncreatableCapture_data();
    void uncreatableCapture();
    void badBudget();
    void convertRoundTripKeepsBigFrame();
    void convertBadInput_data();
    void convertBadInput();
    void convertDamagedInput();

private:
    void start(const QStringList &arguments);
    // Starts the headless broker recording into path (plus extra options) and waits for the
    // listening line; m_port is then its port.
    void startRecording(const QString &path, const QStringList &extra = {});
    std::unique_ptr<QWebSocket> openClient(const QString &id);
    // SIGTERM, then the exit code (-1 when it did not stop).
    int terminate();
    // Runs the binary to its end; its exit code (-1 when it did not finish).
    int run(const QStringList &arguments);
    QStringList errLines() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

void TestHeadlessRecord::initTestCase() {
    QVERIFY2(QFileInfo(binaryPath()).isExecutable(), qPrintable(binaryPath()));
    QVERIFY(m_dir.isValid());
}

void TestHeadlessRecord::cleanup() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    m_process.reset();
    m_out.clear();
    m_err.clear();
    m_port = 0;
}

void TestHeadlessRecord::start(const QStringList &arguments) {
    m_process = std::make_unique<QProcess>();
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_out += m_process->readAllStandardOutput(); });
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError(); });
    m_process->start(binaryPath(), arguments);
    QVERIFY2(m_process->waitForStarted(TimeoutMs), qPrintable(m_process->errorString()));
}

void TestHeadlessRecord::startRecording(const QString &path, const QStringList &extra) {
    start(QStringList{QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--record"), path} +
          extra);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY2_WITH_TIMEOUT(m_out.contains('\n') || m_process->state() == QProcess::NotRunning,
                              "no listening line", TimeoutMs);
    static const QRegularExpression listening(
        QStringLiteral("^listening on ws://127\\.0\\.0\\.1:(\\d+)/\\n"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
    QVERIFY2(match.hasMatch(),
             qPrintable(QStringLiteral("stdout: \"%1\", stderr: \"%2\"")
                            .arg(QString::fromUtf8(m_out), QString::fromUtf8(m_err))));
    m_port = quint16(match.captured(1).toInt());
}

std::unique_ptr<QWebSocket> TestHeadlessRecord::openClient(const QString &id) {
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy received(socket.get(), &QWebSocket::textMessageReceived);
    socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/rec").arg(m_port)));
    if (!QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; },
                         TimeoutMs))
        return nullptr;
    socket->sendTextMessage(frame(
        {{QStringLiteral("action"), QStringLiteral("register")}, {QStringLiteral("id"), id}}));
    if (!received.wait(TimeoutMs) && received.isEmpty())
        return nullptr;
    return socket;
}

int TestHeadlessRecord::terminate() {
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(TimeoutMs))
        return -1;
    m_out += m_process->readAllStandardOutput();
    m_err += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

int TestHeadlessRecord::run(const QStringList &arguments) {
    start(arguments);
    if (!m_process->waitForFinished(TimeoutMs))
        return -1;
    m_out += m_process->readAllStandardOutput();
    m_err += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QStringList TestHeadlessRecord::errLines() const {
    return QString::fromUtf8(m_err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestHeadlessRecord::recordKeepsEveryFrameWhole() {
    const QString path = m_dir.filePath(QStringLiteral("whole.wscap"));
    startRecording(path, {QStringLiteral("--max-message-size"), QString::number(4 * OneMiB)});
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("a"));
    std::unique_ptr<QWebSocket> b = openClient(QStringLiteral("b"));
    QVERIFY(a && b);
    QSignalSpy received(b.get(), &QWebSocket::textMessageReceived);
    constexpr int Small = 200;
    for (int i = 0; i < Small; ++i)
        a->sendTextMessage(sendFrame(QStringLiteral("b"), QStringLiteral("small %1").arg(i)));
    const QString big = bigMessage(OneMiB);
    a->sendTextMessage(sendFrame(QStringLiteral("b"), big));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), Small + 1, TimeoutMs);

    QCOMPARE(terminate(), 0);
    QVERIFY2(m_err.isEmpty(), m_err.constData());

    QString error;
    const BrokerEventList events = readAll(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int smallIn = 0;
    int smallOut = 0;
    int bigIn = 0;
    int bigOut = 0;
    for (const BrokerEvent &e : events) {
        if (!isFrame(e))
            continue;
        QCOMPARE(e.data.size(), e.size); // whole: nothing cut
        const QJsonObject object = QJsonDocument::fromJson(e.data).object();
        const QString message = object.value(QStringLiteral("message")).toString();
        if (message == big) {
            ++(e.kind == BrokerEvent::Kind::FrameIn ? bigIn : bigOut);
        } else if (message.startsWith(QLatin1String("small "))) {
            ++(e.kind == BrokerEvent::Kind::FrameIn ? smallIn : smallOut);
        }
    }
    QCOMPARE(bigIn, 1);
    QCOMPARE(bigOut, 1);
    QCOMPARE(smallIn, Small);
    QCOMPARE(smallOut, Small);
}

void TestHeadlessRecord::frameBudgetEvicts() {
    const QString path = m_dir.filePath(QStringLiteral("budget.wscap"));
    constexpr int Budget = 50;
    startRecording(path, {QStringLiteral("--capture-max-frames"), QString::number(Budget)});
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("a"));
    QVERIFY(a);
    QSignalSpy received(a.get(), &QWebSocket::textMessageReceived);
    constexpr int Sent = 500;
    for (int i = 0; i < Sent; ++i)
        a->sendTextMessage(sendFrame(QStringLiteral("a"), QStringLiteral("m%1").arg(i)));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), Sent, TimeoutMs);
    QCOMPARE(terminate(), 0);

    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QVERIFY2(reader.count() <= Budget, qPrintable(QString::number(reader.count())));
    QVERIFY(reader.discardedCount() > 0);
    // The newest frames are the ones kept.
    BrokerEvent last;
    QVERIFY(reader.read(reader.lastId(), &last));
    // Running totals, not a line per frame; the last says how many the capture counts.
    const QStringList lines = errLines();
    QVERIFY2(!lines.isEmpty() && lines.size() <= 3, m_err.constData());
    for (const QString &line : lines)
        QVERIFY2(line.contains(path) && line.contains(QLatin1String("discarded")),
                 qPrintable(line));
    QVERIFY2(
        lines.constLast().contains(QStringLiteral(" %1 frame(s)").arg(reader.discardedCount())) ||
            lines.constLast().contains(QStringLiteral(" %1 frames").arg(reader.discardedCount())),
        qPrintable(lines.constLast()));
}

// The capture removed under the running broker: one line says recording stopped, routing goes on.
void TestHeadlessRecord::recordingErrorIsOneLine() {
    const QString path = m_dir.filePath(QStringLiteral("removed.wscap"));
    startRecording(path);
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<QWebSocket> a = openClient(QStringLiteral("a"));
    QVERIFY(a);
    QVERIFY(QFile::remove(path));
    QSignalSpy received(a.get(), &QWebSocket::textMessageReceived);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 100; ++i)
            a->sendTextMessage(sendFrame(QStringLiteral("a"), QStringLiteral("m%1").arg(i)));
        QTest::qWait(300); // past a batch and a commit
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 300, TimeoutMs);
    QCOMPARE(terminate(), 0);
    const QStringList lines = errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(path) && lines.first().contains(QLatin1String("stopped")),
             qPrintable(lines.first()));
}

void TestHeadlessRecord::uncreatableCapture_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("existing"); // a file that is not a capture, which must stay
    QTest::newRow("no such folder")
        << m_dir.filePath(QStringLiteral("missing/folder/x.wscap")) << false;
    QTest::newRow("not a capture") << m_dir.filePath(QStringLiteral("notes.wscap")) << true;
}

void TestHeadlessRecord::uncreatableCapture() {
    QFETCH(QString, path);
    QFETCH(bool, existing);
    const QByteArray notes = "my notes, not a capture\n";
    if (existing) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(notes);
    }
    QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                  QStringLiteral("--record"), path}),
             1);
    QVERIFY2(m_out.isEmpty(), m_out.constData()); // the broker never started
    const QStringList lines = errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(path), qPrintable(lines.first()));
    if (existing) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), notes);
    }
}

void TestHeadlessRecord::badBudget() {
    const QString path = m_dir.filePath(QStringLiteral("never.wscap"));
    QCOMPARE(run({QStringLiteral("--headless"), QStringLiteral("--record"), path,
                  QStringLiteral("--capture-max-mib"), QStringLiteral("lots")}),
             2);
    QCOMPARE(errLines().size(), 1);
    QVERIFY2(m_err.contains("--capture-max-mib") && m_err.contains("lots"), m_err.constData());
    QVERIFY(!QFileInfo::exists(path));
}

void TestHeadlessRecord::convertRoundTripKeepsBigFrame() {
    // A capture with a 1 MiB frame between small ones, as the recorder writes it.
    const QString first = m_dir.filePath(QStringLiteral("trip.wscap"));
    const QByteArray big = frame({{QStringLiteral("action"), QStringLiteral("message")},
                                  {QStringLiteral("from"), QStringLiteral("a")},
                                  {QStringLiteral("message"), bigMessage(OneMiB)}})
                               .toUtf8();
    BrokerEventList events;
    for (int i = 0; i < 3; ++i) {
        BrokerEvent e;
        e.timeMs = 1'700'000'000'000 + i;
        e.session = 0x1234;
        e.sessionUrl = QStringLiteral("ws://127.0.0.1:9042/");
        e.connectionId = 1;
        e.kind = i == 1 ? BrokerEvent::Kind::FrameOut : BrokerEvent::Kind::FrameIn;
        e.action = i == 1 ? FrameAction::Message : FrameAction::Send;
        e.room = QStringLiteral("/trip");
        e.clientId = "a";
        e.data =
            i == 1 ? big : QByteArray("{\"action\":\"send\",\"dest\":\"a\",\"message\":\"x\"}");
        e.size = e.data.size();
        events.append(e);
    }
    {
        CaptureWriter writer;
        QString error;
        QVERIFY2(
            writer.open(first, CaptureWriter::OpenMode::Fresh, CaptureBudget::unlimited(), &error),
            qPrintable(error));
        QVERIFY2(writer.write(events, &error) && writer.close(&error), qPrintable(error));
    }
    const QString jsonl = m_dir.filePath(QStringLiteral("trip.jsonl"));
    const QString har = m_dir.filePath(QStringLiteral("trip.har"));
    const QString last = m_dir.filePath(QStringLiteral("trip-back.wscap"));
    for (const auto &[in, out] : {std::pair{first, jsonl}, {jsonl, har}, {har, last}}) {
        cleanup();
        QCOMPARE(run({QStringLiteral("--convert"), in, out}), 0);
        QVERIFY2(m_err.isEmpty(), m_err.constData());
        QVERIFY(QFileInfo(out).size() > OneMiB);
    }
    QString error;
    const BrokerEventList back = readAll(last, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int bigFrames = 0;
    for (const BrokerEvent &e : back) {
        if (!isFrame(e))
            continue;
        QCOMPARE(e.data.size(), e.size);
        if (e.size > OneMiB) {
            ++bigFrames;
            QCOMPARE(e.data, big);
            QCOMPARE(e.kind, BrokerEvent::Kind::FrameOut);
        }
    }
    QCOMPARE(bigFrames, 1);
}

void TestHeadlessRecord::convertBadInput_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("named"); // the file the one line must name
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.jsonl"));
    const QString good = m_dir.filePath(QStringLiteral("good.jsonl"));
    QTest::newRow("no such input")
        << m_dir.filePath(QStringLiteral("absent.jsonl")) << m_dir.filePath(QStringLiteral("a.har"))
        << m_dir.filePath(QStringLiteral("absent.jsonl"));
    QTest::newRow("not a log") << garbage << m_dir.filePath(QStringLiteral("b.wscap")) << garbage;
    QTest::newRow("unknown extension") << good << m_dir.filePath(QStringLiteral("c.txt"))
                                       << m_dir.filePath(QStringLiteral("c.txt"));
    QTest::newRow("unwritable output") << good << m_dir.filePath(QStringLiteral("missing/d.har"))
                                       << m_dir.filePath(QStringLiteral("missing/d.har"));
}

void TestHeadlessRecord::convertBadInput() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    QFETCH(QString, named);
    {
        QFile garbage(m_dir.filePath(QStringLiteral("garbage.jsonl")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("this is not a frame log\n");
        QFile good(m_dir.filePath(QStringLiteral("good.jsonl")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("{\"kind\":\"in\",\"time\":\"2026-01-01T00:00:00.000Z\",\"connection\":1,"
                   "\"room\":\"/\",\"size\":2,\"data\":\"{}\"}\n");
    }
    QCOMPARE(run({QStringLiteral("--convert"), in, out}), 1);
    const QStringList lines = errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(named), qPrintable(lines.first()));
    QVERIFY(!QFileInfo::exists(out));
}

void TestHeadlessRecord::convertDamagedInput() {
    // Good lines around a line cut short: the good ones convert, the line says one was skipped.
    const QString in = m_dir.filePath(QStringLiteral("damaged.jsonl"));
    const QString out = m_dir.filePath(QStringLiteral("damaged.wscap"));
    {
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line =
            "{\"kind\":\"in\",\"time\":\"2026-01-01T00:00:00.000Z\",\"connection\":1,"
            "\"room\":\"/\",\"size\":2,\"data\":\"{}\"}\n";
        file.write(line + line + line.left(30) + '\n' + line);
    }
    QCOMPARE(run({QStringLiteral("--convert"), in, out}), 0);
    const QStringList lines = errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(in) && lines.first().contains(QLatin1String("skipped")),
             qPrintable(lines.first()));
    CaptureReader reader;
    QString error;
    QVERIFY2(reader.open(out, &error), qPrintable(error));
    QCOMPARE(reader.count(), quint64(3));
}

QTEST_GUILESS_MAIN(TestHeadlessRecord)
#include "tst_headlessrecord.moc"

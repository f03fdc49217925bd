#include "benchreport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("BenchReport", text);
}

QString formatDuration(qint64 ns) {
    if (ns < 10'000)
        return QStringLiteral("%1 µs").arg(double(ns) / 1e3, 0, 'f', 2);
    if (ns < 10'000'000)
        return QStringLiteral("%1 µs").arg(double(ns) / 1e3, 0, 'f', 0);
    return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
}

QString formatCount(double value) {
    // Digits grouped by thousands with spaces, the same in every locale.
    QString digits = QString::number(qint64(value + 0.5));
    for (qsizetype i = digits.size() - 3; i > 0 && digits.at(i - 1).isDigit(); i -= 3)
        digits.insert(i, QLatin1Char(' '));
    return digits;
}

QString latencyLine(const LatencyHistogram &histogram) {
    if (histogram.count() == 0)
        return tr("no samples");
    return tr("p50 %1  p99 %2  p99.9 %3  max %4  (%5 samples)")
        .arg(formatDuration(histogram.percentile(50)), formatDuration(histogram.percentile(99)),
             formatDuration(histogram.percentile(99.9)), formatDuration(histogram.max()),
             formatCount(double(histogram.count())));
}

QJsonObject latencyJson(const LatencyHistogram &histogram) {
    const auto micros = [](qint64 ns) { return double(ns) / 1e3; };
    return QJsonObject{{QStringLiteral("samples"), histogram.count()},
                       {QStringLiteral("p50_us"), micros(histogram.percentile(50))},
                       {QStringLiteral("p99_us"), micros(histogram.percentile(99))},
                       {QStringLiteral("p999_us"), micros(histogram.percentile(99.9))},
                       {QStringLiteral("max_us"), micros(histogram.max())},
                       {QStringLiteral("mean_us"), histogram.mean() / 1e3}};
}
} // namespace

bool BenchReport::correct() const {
    return lost == 0 && duplicated == 0 && misrouted == 0 && outOfOrder == 0 && malformed == 0 &&
           brokerErrors == 0 && unexpectedUnregistered == 0 &&
           (ops > 0 || scenario == QLatin1StringView("connect"));
}

double BenchReport::otherCpuPercent() const {
    if (machineBusyPercent <= 0)
        return 0.0;
    return std::max(0.0, machineBusyPercent - benchCpuPercent -
                             (serverMeasured ? serverCpuPercent : 0.0));
}

void BenchReport::decideSaturation() {
    // A thread near 100% of a core cannot go faster; otherwise, if the machine had (almost) no
    // idle CPU, the processes were competing for it.
    constexpr double Busy = 90.0;
    const bool serverBusy = serverMeasured && serverBusiestThreadPercent >= Busy;
    const bool benchBusy = benchBusiestThreadPercent >= Busy;
    if (serverBusy && benchBusy)
        saturated = QStringLiteral("both");
    else if (serverBusy)
        saturated = QStringLiteral("server");
    else if (benchBusy)
        saturated = QStringLiteral("bench");
    else if (machineBusyPercent >= Busy * cores)
        saturated = QStringLiteral("machine");
    else if (!serverMeasured)
        saturated = QStringLiteral("unknown");
    else
        saturated = QStringLiteral("none");
}

QString BenchReport::toText() const {
    QString text;
    const auto line = [&text](const QString &label, const QString &value) {
        text += QStringLiteral("  %1 %2\n")
                    .arg(label.isEmpty() ? label : label + QLatin1Char(':'), -13)
                    .arg(value);
    };
    QString setup;
    if (scenario == QLatin1StringView("connect"))
        setup = tr("%1 connections").arg(clients);
    else if (scenario == QLatin1StringView("fanout"))
        setup =
            tr("1 sender -> %1 receivers, window %2, %3 B").arg(clients - 1).arg(window).arg(size);
    else
        setup = tr("%1 clients, window %2, %3 B").arg(clients).arg(window).arg(size);
    text += tr("wsmsgbroker-bench %1: %2, %3 threads (%4), %5\n")
                .arg(scenario, setup)
                .arg(threads)
                .arg(transport, url);

    if (scenario == QLatin1StringView("connect")) {
        line(tr("connected"),
             tr("%1 in %2 s = %3 connections/s")
                 .arg(formatCount(double(clients)))
                 .arg(connectSeconds, 0, 'f', 2)
                 .arg(formatCount(connectSeconds > 0 ? clients / connectSeconds : 0)));
        line(tr("connect"), latencyLine(connectLatency) + tr("  (TCP connect to registered)"));
        line(tr("idle"), tr("%1 s").arg(measuredSeconds, 0, 'f', 2));
        line(tr("sweep"), latencyLine(latency) + tr("  (one message per connection)"));
    } else {
        line(tr("throughput"), tr("%1 %2/s  (%3 in %4 s after %5 s warm-up)")
                                   .arg(formatCount(rate), unit, formatCount(double(ops)))
                                   .arg(measuredSeconds, 0, 'f', 2)
                                   .arg(warmupSeconds, 0, 'f', 1));
        line(tr("latency"),
             latencyLine(latency) + QLatin1String("  (") + latencyLabel + QLatin1Char(')'));
    }
    QString correctness = tr("lost %1, duplicated %2, misrouted %3, out-of-order %4")
                              .arg(lost)
                              .arg(duplicated)
                              .arg(misrouted)
                              .arg(outOfOrder);
    if (malformed || brokerErrors || unexpectedUnregistered)
        correctness += tr(", malformed %1, broker errors %2, unexpected unregistered %3")
                           .arg(malformed)
                           .arg(brokerErrors)
                           .arg(unexpectedUnregistered);
    correctness += correct() ? tr("  OK") : tr("  FAILED");
    line(tr("correctness"), correctness);
    if (drainTimedOut)
        line(QString(), tr("(messages were still in flight when the drain timeout ended the run)"));
    if (!firstProblem.isEmpty())
        line(tr("first problem"), firstProblem);
    if (serverMeasured) {
        QString server = tr("pid %1 (threads: %2), CPU %3% of a core (busiest thread %4%)")
                             .arg(serverPid)
                             .arg(serverThreads)
                             .arg(serverCpuPercent, 0, 'f', 0)
                             .arg(serverBusiestThreadPercent, 0, 'f', 0);
        if (scenario == QLatin1StringView("connect"))
            server += tr(", %1 µs CPU per connection set up, RSS %2 -> %3 KiB = %4 KiB per "
                         "connection")
                          .arg(serverCpuMicrosPerOp, 0, 'f', 0)
                          .arg(serverRssBeforeKiB)
                          .arg(serverRssAfterKiB)
                          .arg(serverRssPerConnectionKiB, 0, 'f', 1);
        else
            server += tr(", %1 µs CPU per %2, RSS %3 -> %4 KiB")
                          .arg(serverCpuMicrosPerOp, 0, 'f', 2)
                          .arg(unitSingular)
                          .arg(serverRssBeforeKiB)
                          .arg(serverRssAfterKiB);
        line(tr("server"), server);
    }
    line(tr("bench"),
         tr("CPU %1% of a core (busiest thread %2%), %3 µs CPU per %4")
             .arg(benchCpuPercent, 0, 'f', 0)
             .arg(benchBusiestThreadPercent, 0, 'f', 0)
             .arg(benchCpuMicrosPerOp, 0, 'f', 2)
             .arg(scenario == QLatin1StringView("connect") ? tr("connection") : unitSingular));
    QString machine =
        tr("%1 cores, %2% busy").arg(cores).arg(machineBusyPercent / cores, 0, 'f', 0);
    if (otherCpuPercent() >= 15)
        machine += tr("; other processes used %1% of a core: the figures are disturbed")
                       .arg(otherCpuPercent(), 0, 'f', 0);
    line(tr("machine"), machine);
    QString verdict;
    if (saturated == QLatin1StringView("server"))
        verdict = tr("server (a server thread used a whole core)");
    else if (saturated == QLatin1StringView("bench"))
        verdict = tr("bench (a bench thread used a whole core: the figures are a lower bound)");
    else if (saturated == QLatin1StringView("both"))
        verdict = tr("both (server and bench threads each used a whole core)");
    else if (saturated == QLatin1StringView("machine"))
        verdict =
            serverMeasured
                ? tr("machine (no idle CPU left; server %1%, bench %2%, others %3% of a core)")
                      .arg(serverCpuPercent, 0, 'f', 0)
                      .arg(benchCpuPercent, 0, 'f', 0)
                      .arg(otherCpuPercent(), 0, 'f', 0)
                : tr("machine (no idle CPU left; bench %1%, others including the server %2% "
                     "of a core)")
                      .arg(benchCpuPercent, 0, 'f', 0)
                      .arg(otherCpuPercent(), 0, 'f', 0);
    else if (saturated == QLatin1StringView("none"))
        verdict = tr("neither (bounded by the window or by latency)");
    else
        verdict = tr("unknown (pass --server-pid)");
    line(tr("saturated"), verdict);
    return text;
}

QString BenchReport::toJson() const {
    QJsonObject object{
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("url"), url},
        {QStringLiteral("transport"), transport},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("window"), window},
        {QStringLiteral("size"), size},
        {QStringLiteral("threads"), threads},
        {QStringLiteral("warmup_s"), warmupSeconds},
        {QStringLiteral("measured_s"), measuredSeconds},
        {QStringLiteral("unit"), unit},
        {QStringLiteral("ops"), ops},
        {QStringLiteral("rate"), rate},
        {QStringLiteral("latency"), latencyJson(latency)},
        {QStringLiteral("lost"), lost},
        {QStringLiteral("duplicated"), duplicated},
        {QStringLiteral("misrouted"), misrouted},
        {QStringLiteral("out_of_order"), outOfOrder},
        {QStringLiteral("malformed"), malformed},
        {QStringLiteral("broker_errors"), brokerErrors},
        {QStringLiteral("unexpected_unregistered"), unexpectedUnregistered},
        {QStringLiteral("drain_timed_out"), drainTimedOut},
        {QStringLiteral("ok"), correct()},
        {QStringLiteral("bench_cpu_pct"), benchCpuPercent},
        {QStringLiteral("bench_busiest_thread_pct"), benchBusiestThreadPercent},
        {QStringLiteral("bench_cpu_us_per_op"), benchCpuMicrosPerOp},
        {QStringLiteral("machine_busy_pct"), machineBusyPercent},
        {QStringLiteral("other_cpu_pct"), otherCpuPercent()},
        {QStringLiteral("cores"), cores},
        {QStringLiteral("saturated"), saturated},
    };
    if (!firstProblem.isEmpty())
        object.insert(QStringLiteral("first_problem"), firstProblem);
    if (scenario == QLatin1StringView("connect")) {
        object.insert(QStringLiteral("connect_s"), connectSeconds);
        object.insert(QStringLiteral("connect_rate"),
                      connectSeconds > 0 ? clients / connectSeconds : 0.0);
        object.insert(QStringLiteral("connect_latency"), latencyJson(connectLatency));
    }
    if (serverMeasured) {
        object.insert(
            QStringLiteral("server"),
            QJsonObject{{QStringLiteral("pid"), serverPid},
                        {QStringLiteral("threads"), serverThreads},
                        {QStringLiteral("cpu_pct"), serverCpuPercent},
                        {QStringLiteral("busiest_thread_pct"), serverBusiestThreadPercent},
                        {QStringLiteral("cpu_us_per_op"), serverCpuMicrosPerOp},
                        {QStringLiteral("rss_kib_before"), serverRssBeforeKiB},
                        {QStringLiteral("rss_kib_after"), serverRssAfterKiB},
                        {QStringLiteral("rss_kib_per_connection"), serverRssPerConnectionKiB}});
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

#pragma once

#include <QList>
#include <QObject>

// Frames per second in and out over the last minutes, from the broker's counters (which
// never miss a frame, unlike a view that may be paused or filtered). A broker restart keeps
// the history: the new run's counters start a new stretch of the curve.
class RateHistory : public QObject {
    Q_OBJECT
public:
    struct Sample {
        qint64 timeMs;
        double inPerSecond;
        double outPerSecond;
        bool startsRun = false; // the first sample of a broker run after an earlier one
    };

    explicit RateHistory(QObject *parent = nullptr);

    // Feeds the counters as seen at timeMs; a rate is the change since the previous sample of
    // the same broker run (session, as BrokerSnapshot names it; 0 when unknown).
    void addCounters(qint64 timeMs, quint64 framesIn, quint64 framesOut, quint64 session = 0);
    void clear();

    const QList<Sample> &samples() const { return m_samples; }
    double currentIn() const { return m_samples.isEmpty() ? 0 : m_samples.last().inPerSecond; }
    double currentOut() const { return m_samples.isEmpty() ? 0 : m_samples.last().outPerSecond; }
    qint64 spanMs() const { return m_spanMs; }
    void setSpanMs(qint64 ms) { m_spanMs = ms; }

signals:
    void changed();

private:
    QList<Sample> m_samples;
    qint64 m_spanMs = 5 * 60 * 1000;
    qint64 m_lastTimeMs = -1;
    quint64 m_lastIn = 0;
    quint64 m_lastOut = 0;
    quint64 m_session = 0;
    bool m_runStarted = false; // a restart was seen and its first sample is still to come
};

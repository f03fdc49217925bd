#pragma once

#include <QList>
#include <QObject>
#include <QRegularExpression>

#include <atomic>
#include <memory>

class QThread;

// Searches a capture's frame bytes (and the text a row's summary shows: room, client, action,
// detail) in a worker thread; results come in batches as they are found, in id order.
class CaptureSearch : public QObject {
    Q_OBJECT
public:
    explicit CaptureSearch(QObject *parent = nullptr);
    ~CaptureSearch() override; // cancels and joins

    // A regular expression over the frame's text (UTF-8 read as text). fromId 0 is the first
    // frame, toId 0 the last one when the search starts. A search running is cancelled first.
    void start(const QString &capturePath, const QRegularExpression &pattern, quint64 fromId,
               quint64 toId);
    // Plain text; ASCII text is searched in the bytes as they are, without a conversion.
    void startText(const QString &capturePath, const QString &text, Qt::CaseSensitivity cs,
                   quint64 fromId, quint64 toId);
    // The same thing as a pattern: plain text, case-insensitive.
    static QRegularExpression plainText(const QString &text);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void found(const QList<quint64> &ids); // ascending within a batch, batches in id order
    void progress(quint64 scanned, quint64 total);
    // Also when the capture could not be read (error then says why, naming the file).
    void finished(quint64 matches, bool cancelled);
    void failed(const QString &error);

private:
    struct Matcher;
    void begin(const QString &capturePath, std::shared_ptr<const Matcher> matcher, quint64 fromId,
               quint64 toId);
    void run(const QString &capturePath, std::shared_ptr<const Matcher> matcher, quint64 fromId,
             quint64 toId, int generation);

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    int m_generation = 0; // results of a cancelled search are dropped
};

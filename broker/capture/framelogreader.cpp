#include "framelogreader.h"

#include "harreader.h"

#include <QFileDevice>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

FrameLogReader::FrameLogReader(QIODevice *device)
    : m_device(device) {}

FrameLogReader::~FrameLogReader() {
    m_har.reset();
    if (m_mapped)
        static_cast<QFileDevice *>(m_device)->unmap(m_mapped);
}

qint64 FrameLogReader::done() const {
    if (m_har)
        return m_har->messagesRead();
    return m_atEnd ? total() : m_device->pos();
}

qint64 FrameLogReader::total() const {
    if (m_har)
        return m_har->messageCount();
    return m_device->isSequential() ? 0 : m_device->size();
}

bool FrameLogReader::detect() {
    m_detected = true;
    // JSON Lines has one object with a "kind" per line; a HAR is one document with a "log"
    // member (its first line alone is usually just "{").
    m_pendingLine = m_device->readLine();
    const QByteArray trimmed = m_pendingLine.trimmed();
    if (!trimmed.startsWith('{'))
        return true;
    QJsonParseError parseError;
    const QJsonObject first = QJsonDocument::fromJson(trimmed, &parseError).object();
    const bool complete = parseError.error == QJsonParseError::NoError;
    // Pretty-printed (DevTools, Playwright) the first line is "{"; ours starts {"log":...
    const bool harStart = trimmed == "{" || trimmed.sliced(1).trimmed().startsWith("\"log\"");
    if ((complete && first.contains(QStringLiteral("log"))) || (!complete && harStart)) {
        m_format = FrameLogFile::Format::Har;
        return openHar(m_pendingLine);
    }
    return true;
}

bool FrameLogReader::openHar(const QByteArray &firstLine) {
    QByteArrayView text;
    auto *file = qobject_cast<QFileDevice *>(m_device);
    if (file && !file->isSequential() && file->size() > 0)
        m_mapped = file->map(0, file->size());
    if (m_mapped) {
        text = QByteArrayView(m_mapped, file->size());
    } else {
        m_harText = firstLine + m_device->readAll();
        text = m_harText;
    }
    m_pendingLine.clear();
    m_har = std::make_unique<HarReader>(text);
    QString error;
    if (!m_har->start(&error)) {
        m_error = error;
        return false;
    }
    return true;
}

bool FrameLogReader::read(BrokerEventList *events, int maxEvents) {
    if (!m_error.isEmpty())
        return false;
    if (m_atEnd)
        return true;
    if (!m_detected && !detect())
        return false;
    if (!m_har)
        return readJsonLines(events, maxEvents);
    for (int n = 0; n < maxEvents; ++n) {
        BrokerEvent e;
        if (!m_har->next(&e, &m_error)) {
            if (!m_error.isEmpty())
                return false;
            m_atEnd = true;
            break;
        }
        events->append(std::move(e));
    }
    return true;
}

bool FrameLogReader::readJsonLines(BrokerEventList *events, int maxEvents) {
    for (int n = 0; n < maxEvents;) {
        QByteArray line = m_pendingLine.isNull() ? m_device->readLine()
                                                 : std::exchange(m_pendingLine, QByteArray());
        if (line.isEmpty() && m_device->atEnd()) {
            m_atEnd = true;
            break;
        }
        ++m_lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        BrokerEvent e;
        if (!FrameLogFile::fromJsonLine(line, m_lineNumber, &e, &m_error)) {
            if (!m_skipDamaged || !m_readOne)
                return false;
            if (m_skipped++ == 0)
                m_firstSkipped = m_error;
            m_error.clear();
            continue;
        }
        m_readOne = true;
        events->append(std::move(e));
        ++n;
    }
    return true;
}

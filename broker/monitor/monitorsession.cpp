#include "monitorsession.h"

#include "monitorprotocol.h"
#include "websocketconnection.h"

#include <QTimer>

namespace {
constexpr int CloseGraceMs = 2000;
}

MonitorSession::MonitorSession(WebSocketConnection *socket, bool control, qint64 maxQueuedBytes,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_control(control)
    , m_maxQueuedBytes(maxQueuedBytes) {
    socket->setParent(this);
    socket->setReceiver(this);
}

MonitorSession::~MonitorSession() {
    m_socket->setReceiver(nullptr);
    if (m_socket->state() != WebSocketConnection::State::Closed)
        m_socket->abort();
}

void MonitorSession::send(const QByteArray &message) {
    if (m_socket->state() == WebSocketConnection::State::Open)
        m_socket->sendText(message);
}

bool MonitorSession::drained() {
    if (m_socket->bytesToWrite() > m_maxQueuedBytes)
        return false;
    if (m_dropped > 0)
        send(MonitorProtocol::dropped(std::exchange(m_dropped, 0)));
    return true;
}

bool MonitorSession::takesEvents(qsizetype count) {
    if (drained())
        return true;
    m_dropped += quint64(count);
    m_droppedTotal += quint64(count);
    return false;
}

void MonitorSession::sendSnapshot(const QByteArray &message) {
    if (drained())
        send(message);
}

void MonitorSession::close(int code, const QString &reason) {
    if (m_socket->state() != WebSocketConnection::State::Open)
        return;
    // A monitor that does not answer the close is cut after a grace period.
    QTimer::singleShot(CloseGraceMs, m_socket, &WebSocketConnection::abort);
    m_socket->close(code, reason);
}

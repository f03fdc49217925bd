#include "clientconnection.h"

#include "framecodec.h"

#include "websocketconnection.h"

ClientConnection::ClientConnection(quint64 id, WebSocketConnection *socket, Room *room,
                                   qint64 connectedAtMs, Handler *handler)
    : m_id(id)
    , m_socket(socket)
    , m_handler(handler)
    , m_room(room)
    , m_connectedAtMs(connectedAtMs) {
    if (socket) {
        socket->setReceiver(this);
        remoteAddress = socket->peerAddress().toString();
        remotePort = socket->peerPort();
    }
    lastPongMs = connectedAtMs;
}

ClientConnection::~ClientConnection() {
    // The socket may still be inside one of its own calls to this receiver.
    if (m_socket) {
        m_socket->setReceiver(nullptr);
        m_socket->deleteLater();
    }
}

void ClientConnection::setClientId(const QByteArray &id) {
    m_clientId = id;
    m_lastClientId = id;
    m_clientIdJson = FrameCodec::quote(id);
    trafficGeneration = 0; // rules by receiver id may apply now, or no longer
}

void ClientConnection::clearClientId() {
    m_clientId.clear();
    m_clientIdJson.clear();
    trafficGeneration = 0;
}

qint64 ClientConnection::sendText(const QByteArray &utf8) {
    ++framesOut;
    bytesOut += quint64(utf8.size());
    // Writes only append to the socket's buffer, so the growth is this frame's wire size.
    const qint64 before = m_socket->bytesToWrite();
    m_socket->sendText(utf8);
    const qint64 pending = m_socket->bytesToWrite();
    m_queuedFrameSizes.append(qint32(pending - before));
    m_queuedFrameBytes += pending - before;
    // The oldest frames are written out once the newer ones alone cover what is pending.
    while (m_queuedHead < m_queuedFrameSizes.size() &&
           m_queuedFrameBytes - m_queuedFrameSizes.at(m_queuedHead) >= pending) {
        m_queuedFrameBytes -= m_queuedFrameSizes.at(m_queuedHead);
        ++m_queuedHead;
    }
    if (m_queuedHead > 64 && m_queuedHead * 2 > m_queuedFrameSizes.size()) {
        m_queuedFrameSizes.remove(0, m_queuedHead);
        m_queuedHead = 0;
    }
    return pending;
}

qint64 ClientConnection::queuedBytes() const {
    return m_socket ? m_socket->bytesToWrite() : 0;
}

int ClientConnection::countUnsent(const QList<qint32> &frameSizes, qint64 pendingBytes) {
    int unsent = 0;
    qint64 newer = 0;
    for (qsizetype i = frameSizes.size() - 1; i >= 0 && newer < pendingBytes; --i) {
        newer += frameSizes.at(i);
        ++unsent;
    }
    return unsent;
}

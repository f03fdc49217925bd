#include "clientconnection.h"

#include "framecodec.h"

#include <QWebSocket>

ClientConnection::ClientConnection(quint64 id, QWebSocket *socket, Room *room, qint64 connectedAtMs)
    : m_id(id)
    , m_socket(socket)
    , m_room(room)
    , m_connectedAtMs(connectedAtMs) {
    remoteAddress = socket->peerAddress().toString();
    remotePort = socket->peerPort();
    lastPongMs = connectedAtMs;
}

ClientConnection::~ClientConnection() {
    // The socket may still be inside one of its own signal emissions.
    m_socket->disconnect();
    m_socket->deleteLater();
}

void ClientConnection::setClientId(const QByteArray &id) {
    m_clientId = id;
    m_clientIdJson = FrameCodec::quote(id);
}

void ClientConnection::clearClientId() {
    m_clientId.clear();
    m_clientIdJson.clear();
}

qint64 ClientConnection::sendText(const QByteArray &utf8) {
    ++framesOut;
    bytesOut += quint64(utf8.size());
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
    return m_socket->bytesToWrite();
}

qint64 ClientConnection::queuedBytes() const {
    return m_socket->bytesToWrite();
}

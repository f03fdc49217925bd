#include "rawwebsocket.h"

#include "clientframe.h"

#include <QRandomGenerator>
#include <QSslSocket>
#include <QTest>
#include <QtEndian>

#include <sys/socket.h>

RawWebSocket::RawWebSocket(QObject *parent)
    : QObject(parent)
    , m_socket(new QSslSocket(this)) {
    connect(m_socket, &QTcpSocket::readyRead, this, &RawWebSocket::readAvailable);
}

RawWebSocket::~RawWebSocket() {
    m_socket->abort();
}

QTcpSocket *RawWebSocket::socket() const {
    return m_socket;
}

bool RawWebSocket::connectTcp(const QUrl &url, int timeoutMs) {
    // No blocking waits: the broker may run in this thread and must answer meanwhile.
    if (url.scheme() == QLatin1String("wss")) {
        m_socket->setSslConfiguration(m_sslConfiguration);
        m_socket->connectToHostEncrypted(url.host(), quint16(url.port()));
        return QTest::qWaitFor([this] { return m_socket->isEncrypted(); }, timeoutMs);
    }
    m_socket->connectToHost(url.host(), quint16(url.port()));
    return QTest::qWaitFor([this] { return isConnected(); }, timeoutMs);
}

int RawWebSocket::open(const QUrl &url, const Headers &extraHeaders, int timeoutMs) {
    if (!connectTcp(url, timeoutMs))
        return -1;
    QByteArray key(16, Qt::Uninitialized);
    for (char &c : key)
        c = char(QRandomGenerator::global()->bounded(256));
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray request = "GET " + target + " HTTP/1.1\r\n";
    request += "Host: " + url.host().toUtf8() + ':' + QByteArray::number(url.port()) + "\r\n";
    request += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    request += "Sec-WebSocket-Key: " + key.toBase64() + "\r\n";
    request += "Sec-WebSocket-Version: 13\r\n";
    for (const auto &[name, value] : extraHeaders)
        request += name + ": " + value + "\r\n";
    request += "\r\n";
    m_expectHandshake = true;
    m_socket->write(request);
    (void)QTest::qWaitFor(
        [this] { return !m_expectHandshake || m_socket->state() != QTcpSocket::ConnectedState; },
        timeoutMs);
    return m_status;
}

QByteArray RawWebSocket::frameHeader(quint8 opcode, quint64 payloadLength, bool fin, quint32 mask) {
    ClientFrame::Options options;
    options.fin = fin;
    options.maskKey = mask;
    options.declaredLength = payloadLength;
    return ClientFrame::encode(opcode, {}, options);
}

QByteArray RawWebSocket::maskedFrame(quint8 opcode, const QByteArray &payload, bool fin) {
    ClientFrame::Options options;
    options.fin = fin;
    options.maskKey = QRandomGenerator::global()->generate();
    return ClientFrame::encode(opcode, payload, options);
}

void RawWebSocket::sendFrame(quint8 opcode, const QByteArray &payload, bool fin) {
    m_socket->write(maskedFrame(opcode, payload, fin));
}

void RawWebSocket::sendFragmented(quint8 opcode, const QByteArray &payload,
                                  qsizetype fragmentSize) {
    qsizetype offset = 0;
    bool first = true;
    do {
        const qsizetype n = std::min(fragmentSize, payload.size() - offset);
        const bool last = offset + n >= payload.size();
        sendFrame(first ? opcode : quint8(Continuation), payload.mid(offset, n), last);
        offset += n;
        first = false;
    } while (offset < payload.size());
}

void RawWebSocket::sendRaw(const QByteArray &bytes) {
    m_socket->write(bytes);
}

void RawWebSocket::pauseReading() {
    m_paused = true;
    // Qt stops pulling from the kernel once its own buffer is full; the kernel's buffers then
    // fill and TCP flow control stops the sender.
    m_socket->setReadBufferSize(1);
}

void RawWebSocket::resumeReading() {
    m_paused = false;
    m_socket->setReadBufferSize(0);
    // What is already buffered brings no new readyRead.
    QMetaObject::invokeMethod(this, &RawWebSocket::readAvailable, Qt::QueuedConnection);
}

bool RawWebSocket::waitForTexts(int count, int timeoutMs) {
    // A closed connection brings nothing more: no point waiting for the time-out.
    (void)QTest::qWaitFor(
        [&] {
            return m_texts.size() >= count || m_socket->state() == QTcpSocket::UnconnectedState;
        },
        timeoutMs);
    return m_texts.size() >= count;
}

bool RawWebSocket::waitForDisconnected(int timeoutMs) {
    return QTest::qWaitFor([this] { return m_socket->state() == QTcpSocket::UnconnectedState; },
                           timeoutMs);
}

int RawWebSocket::waitForCloseCode(int timeoutMs) {
    (void)QTest::qWaitFor([this] { return m_closeCode >= 0 || !isConnected(); }, timeoutMs);
    return m_closeCode;
}

void RawWebSocket::close() {
    m_socket->disconnectFromHost();
}

void RawWebSocket::reset() {
    // A zero linger time makes closing the descriptor send an RST instead of a FIN.
    const linger immediately{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &immediately,
                 sizeof immediately);
    m_socket->abort();
}

bool RawWebSocket::isConnected() const {
    return m_socket->state() == QTcpSocket::ConnectedState;
}

void RawWebSocket::readAvailable() {
    if (m_paused)
        return;
    const QByteArray data = m_socket->readAll();
    m_bytesReceived += data.size();
    m_buffer.append(data);
    if (m_expectHandshake && !parseHandshake())
        return;
    if (!m_upgraded)
        return;
    while (parseFrame()) {
    }
    m_buffer.remove(0, m_readOffset);
    m_readOffset = 0;
}

bool RawWebSocket::parseHandshake() {
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    m_handshakeResponse = m_buffer.left(end + 4);
    m_buffer.remove(0, end + 4);
    m_expectHandshake = false;
    // "HTTP/1.1 101 Switching Protocols"
    const QList<QByteArray> statusLine =
        m_handshakeResponse.left(m_handshakeResponse.indexOf('\r')).split(' ');
    m_status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    m_upgraded = m_status == 101;
    return true;
}

bool RawWebSocket::parseFrame() {
    // Frames are taken from m_readOffset on; readAvailable() drops what was taken, once.
    const qsizetype available = m_buffer.size() - m_readOffset;
    if (available < 2)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + m_readOffset);
    const bool fin = p[0] & 0x80;
    const quint8 opcode = p[0] & 0x0F;
    const bool masked = p[1] & 0x80;
    quint64 length = p[1] & 0x7F;
    qsizetype offset = 2;
    if (length == 126) {
        if (available < 4)
            return false;
        length = qFromBigEndian<quint16>(p + 2);
        offset = 4;
    } else if (length == 127) {
        if (available < 10)
            return false;
        length = qFromBigEndian<quint64>(p + 2);
        offset = 10;
    }
    char mask[4] = {};
    if (masked) {
        if (available < offset + 4)
            return false;
        memcpy(mask, p + offset, 4);
        offset += 4;
    }
    if (quint64(available - offset) < length)
        return false;
    QByteArray payload = m_buffer.mid(m_readOffset + offset, qsizetype(length));
    m_readOffset += offset + qsizetype(length);
    if (masked) {
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload[i] ^ mask[i & 3]);
    }

    switch (opcode) {
    case Ping:
        ++m_pingsReceived;
        if (m_answerPings)
            sendFrame(Pong, payload);
        break;
    case Pong:
        break;
    case Close:
        if (m_closeCode < 0) {
            m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
            m_closeReason = QString::fromUtf8(payload.mid(2));
            // Echo the close, as a well-behaved peer does; the server then drops the TCP link.
            sendFrame(Close, payload.left(2));
        }
        break;
    case Continuation:
    case Text:
    case Binary:
        if (opcode != Continuation) {
            m_partial.clear();
            m_partialOpcode = opcode;
        }
        m_partial.append(payload);
        if (fin) {
            if (m_partialOpcode == Text)
                m_texts.append(m_partial);
            else
                ++m_binaryMessages;
            m_partial.clear();
        }
        break;
    default:
        break;
    }
    return true;
}

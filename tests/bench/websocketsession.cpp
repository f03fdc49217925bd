#include "websocketsession.h"

#include "transportlistener.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cstring>

namespace {
enum Opcode { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

constexpr quint64 MaxMessageSize = 64 * 1024 * 1024;
constexpr qsizetype MaxHandshakeSize = 16 * 1024;

QString tr(const char *text) {
    return QCoreApplication::translate("WebSocketSession", text);
}

quint64 readBigEndian(const uchar *p, int bytes) {
    quint64 value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | p[i];
    return value;
}

void maskInto(char *dst, const char *src, qsizetype size, quint32 maskKey) {
    uchar key[8];
    std::memcpy(key, &maskKey, 4);
    std::memcpy(key + 4, &maskKey, 4);
    quint64 wide;
    std::memcpy(&wide, key, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 chunk;
        std::memcpy(&chunk, src + i, 8);
        chunk ^= wide;
        std::memcpy(dst + i, &chunk, 8);
    }
    for (; i < size; ++i)
        dst[i] = char(uchar(src[i]) ^ key[i & 3]);
}
} // namespace

WebSocketSession::WebSocketSession(Sink &sink, quint64 seed)
    : m_sink(sink)
    , m_rng(seed | 1) {}

quint32 WebSocketSession::nextRandom() {
    // xorshift64*: RFC 6455 wants unpredictable masks against proxy cache poisoning, which does
    // not apply on loopback; what matters here is that masking is real and cheap.
    m_rng ^= m_rng >> 12;
    m_rng ^= m_rng << 25;
    m_rng ^= m_rng >> 27;
    return quint32((m_rng * 0x2545F4914F6CDD1DULL) >> 32);
}

QByteArray WebSocketSession::acceptKeyFor(QByteArrayView key) {
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    return sha1.result().toBase64();
}

void WebSocketSession::connected(const QUrl &url) {
    QByteArray nonce(16, Qt::Uninitialized);
    for (int i = 0; i < 16; i += 4) {
        const quint32 word = nextRandom();
        std::memcpy(nonce.data() + i, &word, 4);
    }
    const QByteArray key = nonce.toBase64();
    m_expectedAccept = acceptKeyFor(key);
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray &out = m_sink.beginWrite();
    out += "GET " + target + " HTTP/1.1\r\n";
    out += "Host: " + url.host(QUrl::FullyEncoded).toUtf8() + ':' +
           QByteArray::number(url.port(80)) + "\r\n";
    out += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    out += "Sec-WebSocket-Key: " + key + "\r\n";
    out += "Sec-WebSocket-Version: 13\r\n\r\n";
    m_state = State::Handshaking;
    m_sink.endWrite();
}

void WebSocketSession::processInput() {
    if (m_state == State::Handshaking && !processHandshake())
        return;
    if (m_state == State::Open || m_state == State::Closing)
        processFrames();
    // Keep the buffer's capacity; move an unread tail to the front only when it is worth it.
    if (m_inPos == m_in.size()) {
        m_in.resize(0);
        m_inPos = 0;
    } else if (m_inPos > 65536) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

bool WebSocketSession::processHandshake() {
    const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_in.size() > MaxHandshakeSize)
            fail(tr("handshake response too large"));
        return false;
    }
    const QList<QByteArray> lines = m_in.left(headerEnd).split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    if (!statusLine.startsWith("HTTP/1.1 101")) {
        fail(tr("handshake refused: \"%1\" (wrong path? the original server accepts only the "
                "path it was started with)")
                 .arg(QString::fromUtf8(statusLine)));
        return false;
    }
    QByteArray accept;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "sec-websocket-accept")
            accept = line.mid(colon + 1).trimmed();
    }
    if (accept != m_expectedAccept) {
        fail(tr("handshake failed: wrong Sec-WebSocket-Accept"));
        return false;
    }
    m_inPos = headerEnd + 4;
    m_state = State::Open;
    if (m_listener)
        m_listener->transportOpened();
    return m_state == State::Open;
}

void WebSocketSession::processFrames() {
    while (m_state == State::Open || m_state == State::Closing) {
        const qsizetype available = m_in.size() - m_inPos;
        if (available < 2)
            return;
        auto *p = reinterpret_cast<uchar *>(m_in.data() + m_inPos);
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0F;
        const bool masked = p[1] & 0x80;
        quint64 length = p[1] & 0x7F;
        qsizetype headerSize = 2;
        if (length == 126) {
            if (available < 4)
                return;
            length = readBigEndian(p + 2, 2);
            headerSize = 4;
        } else if (length == 127) {
            if (available < 10)
                return;
            length = readBigEndian(p + 2, 8);
            headerSize = 10;
        }
        if (length > MaxMessageSize) {
            fail(tr("a frame of %1 bytes is larger than the bench accepts").arg(length));
            return;
        }
        const qsizetype maskOffset = headerSize;
        if (masked)
            headerSize += 4;
        if (available < headerSize + qsizetype(length))
            return;
        char *payload = m_in.data() + m_inPos + headerSize;
        if (masked) {
            // Servers must not mask; unmask anyway rather than misread the frame.
            quint32 key;
            std::memcpy(&key, p + maskOffset, 4);
            maskInto(payload, payload, qsizetype(length), key);
        }
        m_inPos += headerSize + qsizetype(length);
        if (!handleFrame(opcode, fin, QByteArrayView(payload, qsizetype(length))))
            return;
    }
}

bool WebSocketSession::handleFrame(int opcode, bool fin, QByteArrayView payload) {
    switch (opcode) {
    case Text:
        if (m_inFragmentedMessage) {
            fail(tr("protocol error: a new message inside a fragmented one"));
            return false;
        }
        if (fin) {
            if (m_listener && m_state == State::Open)
                m_listener->transportTextReceived(payload);
        } else {
            m_inFragmentedMessage = true;
            m_fragments = payload.toByteArray();
        }
        return true;
    case Continuation:
        if (!m_inFragmentedMessage) {
            fail(tr("protocol error: a continuation frame without a message"));
            return false;
        }
        m_fragments.append(payload);
        if (fin) {
            m_inFragmentedMessage = false;
            const QByteArray message = std::exchange(m_fragments, QByteArray());
            if (m_listener && m_state == State::Open)
                m_listener->transportTextReceived(message);
        }
        return true;
    case Binary:
        fail(tr("the broker sent a binary frame"));
        return false;
    case Ping:
        sendFrame(Pong, payload);
        return true;
    case Pong:
        return true;
    case Close:
        if (m_state == State::Open) {
            // The bench never expects the broker to end a connection on its own: echo the
            // close, then report it as a failure.
            sendFrame(Close, payload.first(std::min<qsizetype>(payload.size(), 2)));
            const int code =
                payload.size() >= 2 ? (uchar(payload[0]) << 8) | uchar(payload[1]) : 1005;
            fail(tr("the broker closed the connection (code %1%2)")
                     .arg(code)
                     .arg(payload.size() > 2
                              ? QStringLiteral(": ") + QString::fromUtf8(payload.sliced(2))
                              : QString()));
            return false;
        }
        finishClosed();
        return false;
    default:
        fail(tr("protocol error: unknown opcode %1").arg(opcode));
        return false;
    }
}

void WebSocketSession::sendFrame(int opcode, QByteArrayView payload) {
    appendMaskedFrame(m_sink.beginWrite(), opcode, payload, nextRandom());
    m_sink.endWrite();
}

void WebSocketSession::appendMaskedFrame(QByteArray &out, int opcode, QByteArrayView payload,
                                         quint32 maskKey) {
    const qsizetype size = payload.size();
    const qsizetype start = out.size();
    const qsizetype lengthBytes = size < 126 ? 0 : (size <= 0xFFFF ? 2 : 8);
    out.resize(start + 2 + lengthBytes + 4 + size);
    auto *p = reinterpret_cast<uchar *>(out.data() + start);
    p[0] = uchar(0x80 | opcode);
    if (lengthBytes == 0) {
        p[1] = uchar(0x80 | size);
    } else if (lengthBytes == 2) {
        p[1] = 0x80 | 126;
        p[2] = uchar(size >> 8);
        p[3] = uchar(size);
    } else {
        p[1] = 0x80 | 127;
        for (int i = 0; i < 8; ++i)
            p[2 + i] = uchar(quint64(size) >> (56 - 8 * i));
    }
    std::memcpy(p + 2 + lengthBytes, &maskKey, 4);
    maskInto(reinterpret_cast<char *>(p + 6 + lengthBytes), payload.data(), size, maskKey);
}

void WebSocketSession::sendText(QByteArrayView utf8) {
    if (m_state == State::Open)
        sendFrame(Text, utf8);
}

void WebSocketSession::close() {
    switch (m_state) {
    case State::Open: {
        m_state = State::Closing;
        const char normalClosure[2] = {char(1000 >> 8), char(1000 & 0xFF)};
        sendFrame(Close, QByteArrayView(normalClosure, 2));
        break;
    }
    case State::Idle:
    case State::Handshaking:
        finishClosed();
        break;
    case State::Closing:
    case State::Closed:
        break;
    }
}

void WebSocketSession::finishClosed() {
    m_state = State::Closed;
    m_sink.abortConnection();
    if (m_listener)
        m_listener->transportClosed();
}

void WebSocketSession::connectionEnded(const QString &error) {
    if (m_state == State::Closing)
        finishClosed();
    else
        fail(error);
}

void WebSocketSession::fail(const QString &reason) {
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_sink.abortConnection();
    if (m_listener)
        m_listener->transportFailed(reason);
}

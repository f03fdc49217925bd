#include "websocketconnection.h"

#include "frameencoder.h"
#include "frameheader.h"
#include "handshakerequest.h"
#include "outputflushqueue.h"
#include "utf8validator.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using enum FrameEncoder::Opcode;

// Bytes read per system call; one buffer per thread, since reading never nests.
constexpr qsizetype ReadChunk = 64 * 1024;
// Reads per notification before letting other connections have their turn.
constexpr int ReadsPerActivation = 4;

char *readBuffer() {
    thread_local std::array<char, ReadChunk> buffer;
    return buffer.data();
}

} // namespace

// The read notifier of a plain connection, which reads on activation itself: an activated()
// signal connected to the connection was a signal-slot connection per socket (its memory, and
// QMetaObject::activate() on every read).
class WebSocketConnection::ReadNotifier final : public QSocketNotifier {
public:
    ReadNotifier(qintptr descriptor, WebSocketConnection *connection)
        : QSocketNotifier(descriptor, QSocketNotifier::Read, connection)
        , m_connection(connection) {}

protected:
    bool event(QEvent *event) override {
        if (event->type() != QEvent::SockAct && event->type() != QEvent::SockClose)
            return QSocketNotifier::event(event);
        // May delete this notifier (a closed connection): nothing of it is touched after.
        m_connection->readFromDescriptor();
        return true;
    }

private:
    WebSocketConnection *m_connection;
};

WebSocketConnection::WebSocketConnection(qintptr descriptor, QObject *parent)
    : QObject(parent)
    , m_fd(int(descriptor)) {
    const int flags = fcntl(m_fd, F_GETFL);
    fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
    // Frames are collected and written once per pass already; Nagle would only add delay.
    const int on = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof peer;
    if (getpeername(m_fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) == 0) {
        m_peerAddress.setAddress(reinterpret_cast<const sockaddr *>(&peer));
        if (peer.ss_family == AF_INET)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
        else if (peer.ss_family == AF_INET6)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port);
    }
    m_readNotifier = new ReadNotifier(descriptor, this);
}

WebSocketConnection::WebSocketConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket) {
    socket->setParent(this);
    m_peerAddress = socket->peerAddress();
    m_peerPort = socket->peerPort();
    connect(socket, &QTcpSocket::readyRead, this, &WebSocketConnection::readFromSocket);
    connect(socket, &QTcpSocket::disconnected, this, &WebSocketConnection::dropConnection);
    // Data may have arrived with the TLS handshake already.
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &WebSocketConnection::readFromSocket, Qt::QueuedConnection);
}

WebSocketConnection::~WebSocketConnection() {
    if (m_flushQueue)
        m_flushQueue->cancel(this);
    if (m_fd >= 0) {
        // Notifiers first: a descriptor must leave the dispatcher before it is closed.
        delete m_readNotifier;
        delete m_writeNotifier;
        ::close(m_fd);
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

// --- input ---------------------------------------------------------------------------------

void WebSocketConnection::readFromDescriptor() {
    for (int round = 0; round < ReadsPerActivation && m_fd >= 0; ++round) {
        char *buffer = readBuffer();
        const ssize_t got = ::recv(m_fd, buffer, size_t(ReadChunk), 0);
        if (got > 0) {
            consume(buffer, qsizetype(got));
            if (got < ReadChunk)
                return; // drained; the notifier tells when there is more
        } else if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            dropConnection(); // closed by the peer, or reset
            return;
        } else {
            return;
        }
    }
}

void WebSocketConnection::readFromSocket() {
    while (m_socket && m_state != State::Closed && m_socket->bytesAvailable() > 0) {
        char *buffer = readBuffer();
        const qint64 got = m_socket->read(buffer, ReadChunk);
        if (got <= 0)
            return;
        consume(buffer, qsizetype(got));
    }
}

void WebSocketConnection::consume(char *data, qsizetype size) {
    if (m_state == State::Closed || m_finishAfterFlush)
        return; // the closing handshake is over: the rest is read and dropped
    // Bytes left from the last read come first; then work on one contiguous buffer.
    char *begin = data;
    qsizetype available = size;
    if (!m_input.isEmpty()) {
        m_input.append(data, size);
        begin = m_input.data();
        available = m_input.size();
    }
    qsizetype used = 0;
    while (used < available && m_state != State::Closed && !m_finishAfterFlush) {
        qsizetype step = 0;
        if (m_state == State::Handshaking) {
            step = consumeHandshake(begin + used, available - used);
        } else {
            step = consumeFrame(begin + used, available - used);
        }
        if (step == 0)
            break;
        used += step;
    }
    if (m_state == State::Closed || m_finishAfterFlush) {
        m_input.clear();
        return;
    }
    if (begin == m_input.data()) {
        if (used == available)
            m_input.clear(); // freed: an idle connection keeps no buffer
        else
            m_input.remove(0, used);
    } else if (used < available) {
        m_input = QByteArray(begin + used, available - used);
    }
}

qsizetype WebSocketConnection::consumeHandshake(const char *data, qsizetype size) {
    const QByteArrayView view(data, size);
    // Searched from where the last look stopped: a request sent a byte at a time must not cost
    // a scan of everything so far per byte.
    const qsizetype end = view.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_handshakeScanned - 3));
    if (end < 0) {
        m_handshakeScanned = size;
        if (size > m_maxHandshakeBytes)
            failHandshake(431, "Request Header Fields Too Large");
        return 0;
    }
    if (end + 4 > m_maxHandshakeBytes) {
        failHandshake(431, "Request Header Fields Too Large");
        return 0;
    }
    if (const auto plain = PlainHttpRequest::parse(QByteArrayView(data, end))) {
        if (m_receiver)
            m_receiver->plainRequestReceived(this, *plain);
        if (m_finishAfterFlush)
            return 0; // answered; anything after the request is read and dropped
    }
    const HandshakeRequest request =
        HandshakeRequest::parse(QByteArrayView(data, end), isEncrypted());
    if (!request.isValid()) {
        failHandshake(request.errorStatus, request.errorPhrase);
        return 0;
    }
    m_requestUrl = request.url;
    m_origin = request.origin;
    m_authorization = request.authorization;
    m_acceptKey = request.acceptKey;

    if (m_receiver)
        m_receiver->handshakeRequested(this);
    rejectHandshake(503, "Service Unavailable"); // unless the handler has answered
    return end + 4;
}

qsizetype WebSocketConnection::consumeFrame(char *data, qsizetype size) {
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    FrameHeader frame;
    QString error;
    switch (FrameHeader::read(bytes, size, &frame, &error)) {
    case FrameHeader::Read::NeedMore:
        return 0;
    case FrameHeader::Read::Invalid:
        fail(CloseProtocolError, error);
        return 0;
    case FrameHeader::Read::Complete:
        break;
    }
    const bool fin = frame.fin;
    const int opcode = frame.opcode;
    const quint64 length = frame.length;
    const bool control = frame.isControl();
    if (!control) {
        if (opcode == Continuation && m_messageOpcode == 0) {
            fail(CloseProtocolError, QStringLiteral("continuation frame without a message"));
            return 0;
        }
        if (opcode != Continuation && m_messageOpcode != 0) {
            fail(CloseProtocolError, QStringLiteral("new message inside a fragmented one"));
            return 0;
        }
        if (quint64(m_message.size()) + length > quint64(m_maxMessageBytes)) {
            fail(CloseTooMuchData, QStringLiteral("message over %1 bytes").arg(m_maxMessageBytes));
            return 0;
        }
    }
    const bool text = opcode == Text || (opcode == Continuation && m_messageOpcode == Text);
    if (size < frame.size || quint64(size - frame.size) < length) {
        // The payload is not all here yet; text that is already invalid closes now (1007).
        // (The header may be read while its mask key is still on the way.)
        if (text && m_state == State::Open && size > frame.size)
            checkPartialText(data + frame.size, size - frame.size, frame.mask, opcode == Text);
        return 0;
    }

    char *payload = data + frame.size;
    FrameHeader::unmask(payload, length, frame.mask);
    const auto payloadSize = qsizetype(length);
    const qsizetype frameSize = frame.size + payloadSize;

    if (control) {
        handleControlFrame(opcode, payload, payloadSize);
        return frameSize;
    }
    const qsizetype checked = std::exchange(m_payloadChecked, 0);
    if (m_state != State::Open)
        return frameSize; // after our close frame, data frames are read but not delivered
    if (text) {
        // Each byte is checked once: what earlier reads of this frame checked is skipped.
        if (opcode == Text && checked == 0)
            m_utf8.reset();
        if (!m_utf8.feed(QByteArrayView(payload + checked, payloadSize - checked)) ||
            (fin && !m_utf8.isComplete())) {
            fail(CloseInvalidUtf8, QStringLiteral("text message is not valid UTF-8"));
            return 0;
        }
    }
    if (opcode != Continuation && fin) {
        handleMessage(opcode, QByteArray(payload, payloadSize)); // the common case: one frame
        return frameSize;
    }
    if (opcode != Continuation)
        m_messageOpcode = opcode;
    m_message.append(payload, payloadSize);
    if (fin) {
        const int messageOpcode = m_messageOpcode;
        m_messageOpcode = 0;
        handleMessage(messageOpcode, std::exchange(m_message, QByteArray()));
    }
    return frameSize;
}

void WebSocketConnection::checkPartialText(const char *payload, qsizetype available,
                                           const uchar *mask, bool firstFragment) {
    if (firstFragment && m_payloadChecked == 0)
        m_utf8.reset();
    // The bytes stay masked in the buffer (the whole frame is unmasked in place once it is
    // here), so the new ones are unmasked into a copy, a block at a time.
    char block[1024];
    for (qsizetype at = m_payloadChecked; at < available;) {
        const qsizetype count = std::min<qsizetype>(qsizetype(sizeof block), available - at);
        for (qsizetype i = 0; i < count; ++i)
            block[i] = char(uchar(payload[at + i]) ^ mask[(at + i) & 3]);
        if (!m_utf8.feed(QByteArrayView(block, count))) {
            fail(CloseInvalidUtf8, QStringLiteral("text message is not valid UTF-8"));
            return;
        }
        at += count;
    }
    m_payloadChecked = available;
}

void WebSocketConnection::handleMessage(int opcode, QByteArray &&payload) {
    if (opcode == Binary) {
        if (m_receiver)
            m_receiver->binaryMessageReceived(this, payload);
        return;
    }
    // Its UTF-8 was checked piece by piece as it arrived (consumeFrame).
    if (m_receiver)
        m_receiver->textMessageReceived(this, payload);
}

void WebSocketConnection::handleControlFrame(int opcode, const char *payload, qsizetype size) {
    switch (opcode) {
    case Ping:
        // Answered also after our close frame (RFC 6455 5.5.2); after the peer's, nothing more
        // is read.
        if (m_answersPings)
            queueFrame(Pong, QByteArrayView(payload, size));
        break;
    case Pong:
        if (m_receiver)
            m_receiver->pongReceived(this, QByteArray(payload, size));
        break;
    case Close: {
        int code = CloseNoStatus;
        QString reason;
        if (size == 1) {
            fail(CloseProtocolError, QStringLiteral("close frame with a one-byte payload"));
            return;
        }
        if (size >= 2) {
            code = (uchar(payload[0]) << 8) | uchar(payload[1]);
            const QByteArrayView reasonBytes(payload + 2, size - 2);
            if (!FrameHeader::isValidCloseCode(code)) {
                fail(CloseProtocolError, QStringLiteral("invalid close code %1").arg(code));
                return;
            }
            if (!Utf8Validator::isValid(reasonBytes)) {
                fail(CloseInvalidUtf8, QStringLiteral("close reason is not valid UTF-8"));
                return;
            }
            reason = QString::fromUtf8(reasonBytes);
        }
        if (m_state == State::Open) {
            // The peer closes: remember its word, answer with the same code, and finish.
            m_closeCode = code;
            m_closeReason = reason;
            queueFrame(Close,
                       code == CloseNoStatus ? QByteArray() : FrameEncoder::closePayload(code, {}));
            m_state = State::Closing;
        }
        finishAfterFlush();
        break;
    }
    default:
        break;
    }
}

// --- handshake answers ---------------------------------------------------------------------

void WebSocketConnection::acceptHandshake() {
    if (m_state != State::Handshaking || m_finishAfterFlush)
        return; // answered already
    m_state = State::Open;
    queueBytes(HandshakeRequest::acceptResponse(m_acceptKey, m_serverName));
    m_acceptKey.clear();
}

void WebSocketConnection::rejectHandshake(int httpStatus, const QByteArray &reasonPhrase) {
    if (m_state != State::Handshaking || m_finishAfterFlush)
        return; // answered already
    answerHandshakeWithError(httpStatus, reasonPhrase);
}

void WebSocketConnection::answerPlainRequest(QByteArrayView response) {
    if (m_state != State::Handshaking || m_finishAfterFlush)
        return; // answered already
    queueBytes(response);
    m_closeReason = QStringLiteral("plain HTTP request answered");
    finishAfterFlush();
}

void WebSocketConnection::failHandshake(int httpStatus, const QByteArray &reasonPhrase) {
    answerHandshakeWithError(httpStatus, reasonPhrase);
    if (m_receiver)
        m_receiver->handshakeFailed(this, httpStatus, reasonPhrase);
}

void WebSocketConnection::answerHandshakeWithError(int httpStatus, const QByteArray &reasonPhrase) {
    queueBytes(HandshakeRequest::errorResponse(httpStatus, reasonPhrase, m_serverName));
    m_closeCode = CloseAbnormal;
    m_closeReason = QStringLiteral("handshake refused: HTTP %1").arg(httpStatus);
    finishAfterFlush();
}

// WebSocketConnection's output side: frames queued during a pass of the event loop are
// written once at its end, and the closing states that wait for those writes. The input side
// (reading, the handshake, the frame decoder) is in websocketconnection.cpp.
#include "websocketconnection.h"

#include "frameencoder.h"
#include "outputflushqueue.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using enum FrameEncoder::Opcode;

// How long a finished connection may take to take its last bytes before it is cut.
constexpr int FinishGraceMs = 2000;

// What a pass's first frame reserves: a burst of a few dozen small frames without regrowing.
constexpr qsizetype InitialOutputBytes = 4096 - 32;

// The receiver of connections that are only waited for to go.
class DeleteWhenDisconnected final : public WebSocketConnectionReceiver {
public:
    void disconnected(WebSocketConnection *connection) override { connection->deleteLater(); }
};

} // namespace

// --- output --------------------------------------------------------------------------------

void WebSocketConnection::sendText(QByteArrayView utf8) {
    if (m_state == State::Open)
        queueFrame(Text, utf8);
}

void WebSocketConnection::ping(QByteArrayView payload) {
    if (m_state == State::Open)
        queueFrame(Ping, payload.first(std::min<qsizetype>(payload.size(), 125)));
}

void WebSocketConnection::close(int code, const QString &reason) {
    if (m_state == State::Handshaking) {
        abort();
        return;
    }
    if (m_state != State::Open)
        return;
    const QByteArray reasonUtf8 = FrameEncoder::utf8Prefix(reason, 123);
    m_closeCode = code;
    m_closeReason = QString::fromUtf8(reasonUtf8);
    queueFrame(Close, FrameEncoder::closePayload(code, reasonUtf8));
    m_state = State::Closing;
}

void WebSocketConnection::fail(int code, const QString &reason) {
    close(code, reason); // unless our close frame has gone out already
    // The peer broke the protocol: it is not waited for.
    finishAfterFlush();
}

void WebSocketConnection::queueFrame(int opcode, QByteArrayView payload) {
    if (m_state == State::Closed)
        return;
    FrameEncoder::Header header{};
    const qsizetype headerSize = FrameEncoder::writeHeader(header, opcode, quint64(payload.size()));
    if (m_socket) {
        m_socket->write(header.data(), headerSize);
        m_socket->write(payload.data(), payload.size());
        return;
    }
    if (m_fd < 0)
        return;
    // Room for a pass's burst from the start: grown frame by frame, the reallocations were a
    // few per cent of the broker's time. The buffer is freed after the flush all the same.
    if (m_output.isEmpty())
        m_output.reserve(std::max<qsizetype>(InitialOutputBytes, headerSize + payload.size()));
    m_output.append(header.data(), headerSize);
    m_output.append(payload.data(), payload.size());
    scheduleFlush();
}

void WebSocketConnection::queueBytes(QByteArrayView bytes) {
    if (m_socket) {
        m_socket->write(bytes.data(), bytes.size());
        return;
    }
    if (m_fd < 0)
        return;
    m_output.append(bytes.data(), bytes.size());
    scheduleFlush();
}

void WebSocketConnection::scheduleFlush() {
    // Written when this pass of the event loop is done: a burst of frames, one system call.
    if (m_flushQueue || m_writeNotifier)
        return; // already due, or waiting for the socket to take more
    m_flushQueue = OutputFlushQueue::forCurrentThread();
    m_flushQueue->schedule(this);
}

void WebSocketConnection::flushScheduledOutput() {
    m_flushQueue = nullptr;
    flush();
}

void WebSocketConnection::flush() {
    while (m_fd >= 0 && m_outputOffset < m_output.size()) {
        const ssize_t sent = ::send(m_fd, m_output.constData() + m_outputOffset,
                                    size_t(m_output.size() - m_outputOffset), MSG_NOSIGNAL);
        if (sent > 0) {
            m_outputOffset += sent;
        } else if (sent < 0 && errno == EINTR) {
            continue;
        } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setWriteNotification(true); // the peer reads slowly: wait until it takes more
            return;
        } else {
            dropConnection(); // reset by the peer
            return;
        }
    }
    m_output.clear(); // freed, not kept: most connections are idle most of the time
    m_outputOffset = 0;
    setWriteNotification(false);
    if (m_finishAfterFlush && m_fd >= 0) {
        // Half-close and wait for the peer's end: closing outright while its last frames are
        // unread would reset the connection, and a reset may destroy our close frame (or
        // HTTP answer) before the peer reads it.
        ::shutdown(m_fd, SHUT_WR);
    }
}

void WebSocketConnection::setWriteNotification(bool enabled) {
    if (enabled && !m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &WebSocketConnection::flush);
    } else if (!enabled && m_writeNotifier) {
        delete m_writeNotifier; // rare (slow readers only), so not kept around
        m_writeNotifier = nullptr;
    }
}

qint64 WebSocketConnection::bytesToWrite() const {
    if (m_socket) {
        const auto *tls = qobject_cast<const QSslSocket *>(m_socket.data());
        return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
    }
    return m_output.size() - m_outputOffset;
}

// --- the end -------------------------------------------------------------------------------

void WebSocketConnection::finishAfterFlush() {
    if (m_finishAfterFlush || m_state == State::Closed)
        return;
    m_finishAfterFlush = true;
    if (m_socket) {
        m_socket->disconnectFromHost(); // writes what is queued, then closes
    } else if (!m_flushQueue && !m_writeNotifier) {
        scheduleFlush(); // the flush half-closes the connection
    }
    // A peer that stops reading must not keep the descriptor forever.
    QTimer::singleShot(FinishGraceMs, this, [this] {
        if (m_state != State::Closed)
            abort();
    });
}

void WebSocketConnection::deleteLaterWhenDisconnected() {
    static DeleteWhenDisconnected receiver;
    if (m_state == State::Closed)
        deleteLater();
    else
        m_receiver = &receiver;
}

void WebSocketConnection::abort() {
    if (m_socket && m_state != State::Closed)
        m_socket->abort(); // emits disconnected(), which drops the connection
    dropConnection();
}

void WebSocketConnection::dropConnection() {
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_fd >= 0) {
        delete m_readNotifier;
        m_readNotifier = nullptr;
        setWriteNotification(false);
        ::close(m_fd);
        m_fd = -1;
    }
    m_input.clear();
    m_message.clear();
    m_payloadChecked = 0;
    m_output.clear();
    m_outputOffset = 0;
    if (m_receiver)
        m_receiver->disconnected(this);
}

#include "epollwebsocketclient.h"

#include "epollpoller.h"

#include <QHostAddress>

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
constexpr qsizetype ReadChunk = 64 * 1024;
}

EpollWebSocketClient::EpollWebSocketClient(EpollPoller &poller, quint64 seed, QObject *parent)
    : ClientTransport(parent)
    , m_poller(poller)
    , m_session(*this, seed) {}

EpollWebSocketClient::~EpollWebSocketClient() {
    m_session.setListener(nullptr);
    closeSocket();
    m_poller.forget(this);
}

void EpollWebSocketClient::setListener(TransportListener *listener) {
    ClientTransport::setListener(listener);
    m_session.setListener(listener);
}

QString EpollWebSocketClient::systemError(int error) const {
    return QString::fromLocal8Bit(strerror(error));
}

void EpollWebSocketClient::open(const QUrl &url) {
    m_url = url;
    QHostAddress address(url.host());
    if (address.isNull() && url.host() == QLatin1StringView("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    sockaddr_storage storage{};
    socklen_t length = 0;
    const quint16 port = quint16(url.port(80));
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        length = sizeof(sockaddr_in6);
    } else {
        m_session.fail(
            tr("cannot use host \"%1\" (give a numeric loopback address)").arg(url.host()));
        return;
    }

    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_session.fail(tr("cannot create a socket: %1").arg(systemError(errno)));
        return;
    }
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
        if (!m_poller.add(m_fd, this, EPOLLIN)) {
            m_session.fail(tr("epoll: %1").arg(systemError(errno)));
            return;
        }
        tcpConnected();
        return;
    }
    if (errno != EINPROGRESS) {
        m_session.fail(tr("cannot connect: %1").arg(systemError(errno)));
        return;
    }
    m_connecting = true;
    if (!m_poller.add(m_fd, this, EPOLLOUT))
        m_session.fail(tr("epoll: %1").arg(systemError(errno)));
}

void EpollWebSocketClient::tcpConnected() {
    m_connecting = false;
    m_session.connected(m_url);
}

void EpollWebSocketClient::handleEvents(quint32 events) {
    if (m_fd < 0)
        return;
    if (m_connecting) {
        int error = 0;
        socklen_t size = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error != 0) {
            m_session.fail(tr("cannot connect: %1").arg(systemError(error)));
            return;
        }
        m_poller.modify(m_fd, this, EPOLLIN);
        tcpConnected();
        return;
    }
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        readAvailable();
    if (m_fd >= 0 && (events & EPOLLOUT))
        flushOutput();
}

void EpollWebSocketClient::readAvailable() {
    QByteArray &in = m_session.inputBuffer();
    // Bounded, so one busy socket cannot starve the others of this batch.
    for (int i = 0; i < 8 && m_fd >= 0; ++i) {
        const qsizetype old = in.size();
        in.resize(old + ReadChunk);
        const ssize_t got = ::recv(m_fd, in.data() + old, size_t(ReadChunk), 0);
        if (got > 0) {
            in.resize(old + got);
            m_session.processInput();
            if (got < ReadChunk)
                return;
            continue;
        }
        in.resize(old);
        if (got == 0) {
            m_session.connectionEnded(tr("the broker closed the TCP connection"));
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            m_session.connectionEnded(systemError(errno));
        return;
    }
}

void EpollWebSocketClient::endWrite() {
    if (m_flushQueued || m_fd < 0)
        return;
    m_flushQueued = true;
    m_poller.scheduleFlush(this);
}

void EpollWebSocketClient::flushOutput() {
    m_flushQueued = false;
    if (m_fd < 0 || m_connecting) {
        if (m_fd < 0)
            m_out.resize(0);
        return;
    }
    while (m_outPos < m_out.size()) {
        const ssize_t sent = ::send(m_fd, m_out.constData() + m_outPos,
                                    size_t(m_out.size() - m_outPos), MSG_NOSIGNAL);
        if (sent > 0) {
            m_outPos += sent;
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setWantWrite(true);
            return;
        }
        m_session.connectionEnded(systemError(errno));
        return;
    }
    m_out.resize(0);
    m_outPos = 0;
    setWantWrite(false);
}

void EpollWebSocketClient::setWantWrite(bool want) {
    if (want == m_wantWrite || m_fd < 0)
        return;
    m_wantWrite = want;
    m_poller.modify(m_fd, this, want ? EPOLLIN | EPOLLOUT : EPOLLIN);
}

void EpollWebSocketClient::closeSocket() {
    if (m_fd < 0)
        return;
    m_poller.remove(m_fd);
    ::close(m_fd);
    m_fd = -1;
    m_connecting = false;
    m_wantWrite = false;
}

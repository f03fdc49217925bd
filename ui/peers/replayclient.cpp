#include "replayclient.h"

#include "handshakerequest.h"

#include "framecodec.h"
#include "frameencoder.h"
#include "frameheader.h"
#include "jsonmembers.h"

#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>

#include <cstring>

namespace {

constexpr qsizetype MaxHandshakeSize = 16 * 1024;

// The action of a broker frame. The broker writes it first ({"action":"message",...}); any
// other frame is scanned for it. Action names have no escapes.
QByteArrayView actionOf(QByteArrayView text) {
    static constexpr QByteArrayView Prefix = R"({"action":")";
    if (text.startsWith(Prefix)) {
        const qsizetype end = text.indexOf('"', Prefix.size());
        if (end > 0) {
            const QByteArrayView name = text.sliced(Prefix.size(), end - Prefix.size());
            if (!name.contains('\\'))
                return name;
        }
    }
    const std::optional<QByteArrayView> raw = JsonMembers::raw(text, "action");
    if (!raw || raw->size() < 2 || raw->front() != '"')
        return {};
    return raw->sliced(1, raw->size() - 2);
}

} // namespace

ReplayClient::ReplayClient(const QString &id, const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_url(url)
    , m_socket(url.scheme() == QLatin1String("wss") ? new QSslSocket(this) : new QTcpSocket(this))
    , m_rng(QRandomGenerator::global()->generate64() | 1) {
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        connect(ssl, &QSslSocket::encrypted, this, &ReplayClient::sendHandshake);
    else
        connect(m_socket, &QTcpSocket::connected, this, &ReplayClient::sendHandshake);
    connect(m_socket, &QTcpSocket::readyRead, this, &ReplayClient::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this,
            [this] { end(tr("the broker closed the connection")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // `disconnected` follows and says it.
        if (error != QAbstractSocket::RemoteHostClosedError)
            end(m_socket->errorString());
    });
}

ReplayClient::~ReplayClient() {
    m_socket->disconnect(this);
    m_socket->abort();
}

void ReplayClient::open() {
    m_closing = false;
    m_ended = false;
    m_upgraded = false;
    m_inFragments = false;
    m_in.clear();
    m_inPos = 0;
    m_out.clear();
    const quint16 port = quint16(m_url.port(m_url.scheme() == QLatin1String("wss") ? 443 : 80));
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        ssl->connectToHostEncrypted(m_url.host(), port);
    else
        m_socket->connectToHost(m_url.host(), port);
}

void ReplayClient::close() {
    m_closing = true;
    m_waiting.clear();
    m_registered = false;
    // A socket still connecting has no one to say goodbye to.
    if (!m_upgraded || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket->abort();
        return;
    }
    appendFrame(m_out, FrameEncoder::Close, FrameEncoder::closePayload(1000, {}));
    flush();
    m_socket->disconnectFromHost();
}

void ReplayClient::queueText(QByteArrayView utf8) {
    appendFrame(m_registered ? m_out : m_waiting, FrameEncoder::Text, utf8);
}

void ReplayClient::flush() {
    if (m_out.isEmpty() || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(m_out.constData(), m_out.size());
    m_out.resize(0); // the capacity stays for the next pass
}

void ReplayClient::sendHandshake() {
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray nonce(16, Qt::Uninitialized);
    for (qsizetype i = 0; i < nonce.size(); i += 4) {
        const quint32 word = nextMask();
        std::memcpy(nonce.data() + i, &word, 4);
    }
    const QByteArray key = nonce.toBase64();
    m_expectedAccept = HandshakeRequest::acceptKeyOf(key);
    QByteArray target = m_url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (m_url.hasQuery())
        target += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray request = "GET " + target + " HTTP/1.1\r\n";
    request += "Host: " + m_url.host(QUrl::FullyEncoded).toUtf8() + ':' +
               QByteArray::number(m_socket->peerPort()) + "\r\n";
    request += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    request += "Sec-WebSocket-Key: " + key + "\r\n";
    request += "Sec-WebSocket-Version: 13\r\n\r\n";
    m_socket->write(request);
}

void ReplayClient::readAvailable() {
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    if (m_closing || m_ended) {
        m_socket->skip(available); // nobody listens any more
        return;
    }
    const qsizetype old = m_in.size();
    m_in.resize(old + qsizetype(available));
    const qint64 got = m_socket->read(m_in.data() + old, available);
    m_in.resize(old + qsizetype(std::max<qint64>(got, 0)));
    if (!m_upgraded && !readHandshake())
        return;
    readFrames();
    // The buffer keeps its capacity; an unread tail moves to the front only when worth it.
    if (m_inPos == m_in.size()) {
        m_in.resize(0);
        m_inPos = 0;
    } else if (m_inPos > 65536) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

bool ReplayClient::readHandshake() {
    const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_in.size() > MaxHandshakeSize) {
            end(tr("handshake answer too large"));
            m_socket->abort();
        }
        return false;
    }
    const QList<QByteArray> lines = m_in.left(headerEnd).split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    QByteArray accept;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "sec-websocket-accept")
            accept = line.mid(colon + 1).trimmed();
    }
    if (!statusLine.startsWith("HTTP/1.1 101") || accept != m_expectedAccept) {
        end(tr("the broker refused the connection: %1").arg(QString::fromUtf8(statusLine)));
        m_socket->abort();
        return false;
    }
    m_inPos = headerEnd + 4;
    m_upgraded = true;
    appendFrame(m_out, FrameEncoder::Text,
                "{\"action\":\"register\",\"id\":" + FrameCodec::quote(m_id.toUtf8()) + '}');
    flush();
    return true;
}

void ReplayClient::readFrames() {
    while (!m_ended && !m_closing) {
        const qsizetype available = m_in.size() - m_inPos;
        auto *bytes = reinterpret_cast<uchar *>(m_in.data() + m_inPos);
        FrameHeader header;
        QString error;
        const FrameHeader::Read read =
            FrameHeader::read(bytes, available, &header, &error, FrameHeader::Sender::Server);
        if (read == FrameHeader::Read::NeedMore)
            break;
        if (read == FrameHeader::Read::Invalid) {
            end(tr("protocol error: %1").arg(error));
            m_socket->abort();
            break;
        }
        if (header.length > quint64(available - header.size))
            break; // the payload is still on its way
        const QByteArrayView payload(reinterpret_cast<const char *>(bytes + header.size),
                                     qsizetype(header.length));
        m_inPos += header.size + qsizetype(header.length);
        switch (header.opcode) {
        case FrameEncoder::Text:
        case FrameEncoder::Binary:
            if (m_inFragments) {
                end(tr("protocol error: a new message inside a fragmented one"));
                m_socket->abort();
                break;
            }
            if (header.fin) {
                if (header.opcode == FrameEncoder::Text)
                    handleText(payload);
            } else {
                m_inFragments = true;
                m_fragments =
                    header.opcode == FrameEncoder::Text ? payload.toByteArray() : QByteArray();
                m_fragmentsAreText = header.opcode == FrameEncoder::Text;
            }
            break;
        case FrameEncoder::Continuation:
            if (!m_inFragments) {
                end(tr("protocol error: a continuation frame without a message"));
                m_socket->abort();
                break;
            }
            if (m_fragmentsAreText)
                m_fragments.append(payload);
            if (header.fin) {
                m_inFragments = false;
                if (m_fragmentsAreText) {
                    handleText(m_fragments);
                    // The view into m_fragments goes out before the next message replaces it.
                    emitTexts();
                }
                m_fragments.clear();
            }
            break;
        case FrameEncoder::Ping:
            appendFrame(m_out, FrameEncoder::Pong, payload);
            flush();
            break;
        case FrameEncoder::Close: {
            const int code =
                payload.size() >= 2 ? (uchar(payload[0]) << 8) | uchar(payload[1]) : 1005;
            appendFrame(m_out, FrameEncoder::Close,
                        payload.first(std::min<qsizetype>(2, payload.size())));
            flush();
            emitTexts();
            end(payload.size() > 2 ? QString::fromUtf8(payload.sliced(2))
                                   : tr("connection closed (code %1)").arg(code));
            m_socket->disconnectFromHost();
            break;
        }
        default: // a pong
            break;
        }
    }
    emitTexts();
}

void ReplayClient::handleText(QByteArrayView text) {
    const QByteArrayView action = actionOf(text);
    if (action == "message" || action == "answer") {
        m_texts.append(text);
    } else if (action == "registered") {
        // What came before the registration goes first, then what waited for it.
        emitTexts();
        m_registered = true;
        m_out += m_waiting;
        m_waiting.clear();
        flush();
        emit registered();
    } else if (action == "unregistered") {
        m_registered = false;
    }
}

void ReplayClient::emitTexts() {
    if (m_texts.isEmpty())
        return;
    emit textsReceived(m_texts);
    m_texts.resize(0);
}

void ReplayClient::appendFrame(QByteArray &out, int opcode, QByteArrayView payload) {
    const quint32 key = nextMask();
    std::array<uchar, 4> mask;
    std::memcpy(mask.data(), &key, 4);
    FrameEncoder::Header header;
    const qsizetype headerSize =
        FrameEncoder::writeHeader(header, opcode, quint64(payload.size()), &mask);
    const qsizetype start = out.size();
    out.resize(start + headerSize + payload.size());
    std::memcpy(out.data() + start, header.data(), size_t(headerSize));
    FrameHeader::maskInto(out.data() + start + headerSize, payload.data(), payload.size(), key);
}

quint32 ReplayClient::nextMask() {
    // xorshift64*: RFC 6455 wants masks a proxy cannot predict, against cache poisoning, which
    // does not apply on the way to the local broker; what matters is that masking is cheap.
    m_rng ^= m_rng >> 12;
    m_rng ^= m_rng << 25;
    m_rng ^= m_rng >> 27;
    return quint32((m_rng * 0x2545F4914F6CDD1DULL) >> 32);
}

void ReplayClient::end(const QString &why) {
    if (m_ended)
        return;
    m_ended = true;
    m_registered = false;
    if (!m_closing)
        emit closed(why);
}

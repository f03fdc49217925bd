#include "peerclient.h"

#include "framecodec.h"
#include "jsonmembers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace {

QByteArray quoted(const QString &text) {
    return FrameCodec::quote(text.toUtf8());
}

} // namespace

PeerClient::PeerClient(const QString &id, const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_url(url)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this) {
    connect(&m_socket, &QWebSocket::connected, this,
            [this] { write("{\"action\":\"register\",\"id\":" + quoted(m_id) + '}'); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &PeerClient::handleText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_registered = false;
        if (!m_closing)
            emit closed(m_socket.closeReason().isEmpty()
                            ? tr("connection closed (code %1)").arg(int(m_socket.closeCode()))
                            : m_socket.closeReason());
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (!m_closing && m_socket.state() != QAbstractSocket::ConnectedState)
                    emit closed(m_socket.errorString());
            });
}

PeerClient::~PeerClient() {
    m_socket.disconnect(this);
    m_socket.abort();
}

void PeerClient::open() {
    m_closing = false;
    m_socket.open(m_url);
}

void PeerClient::close() {
    m_closing = true;
    m_waiting.clear();
    // A socket still connecting has no one to say goodbye to.
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close();
    else
        m_socket.abort();
}

void PeerClient::send(const QStringList &to, const QByteArray &messageJson, const QString &ack) {
    QByteArray dest = "[";
    for (const QString &id : to) {
        if (dest.size() > 1)
            dest += ',';
        dest += quoted(id);
    }
    dest += ']';
    QByteArray frame = "{\"action\":\"send\",\"dest\":" + dest + ",\"message\":" + messageJson;
    if (!ack.isEmpty())
        frame += ",\"ack\":" + quoted(ack);
    frame += '}';
    sendFrame(frame);
}

void PeerClient::sendFrame(const QByteArray &frame) {
    if (m_registered)
        write(frame);
    else
        m_waiting.append(frame);
}

void PeerClient::answer(const QString &ack, const QByteArray &messageJson) {
    write("{\"action\":\"answer\",\"ack\":" + quoted(ack) + ",\"message\":" + messageJson + '}');
}

QString PeerClient::newAck() {
    static constexpr char Alphabet[] =
        "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QString ack;
    ack.reserve(20);
    for (int i = 0; i < 20; ++i)
        ack += QLatin1Char(Alphabet[QRandomGenerator::global()->bounded(int(sizeof Alphabet) - 1)]);
    return ack;
}

void PeerClient::handleText(const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    const QJsonObject frame = QJsonDocument::fromJson(utf8).object();
    const QString action = frame.value(QLatin1String("action")).toString();
    // The message's own text, not a re-serialised QJsonValue: numbers and member order stay.
    const QByteArray message =
        JsonMembers::compact(utf8, "message").value_or(QByteArrayLiteral("null"));
    if (action == QLatin1String("registered")) {
        m_registered = true;
        emit registered(frame.value(QLatin1String("id")).toString());
        const QList<QByteArray> waiting = std::exchange(m_waiting, {});
        for (const QByteArray &f : waiting)
            write(f);
    } else if (action == QLatin1String("unregistered")) {
        m_registered = false;
    } else if (action == QLatin1String("message")) {
        emit messageReceived(frame.value(QLatin1String("from")).toString(), message,
                             frame.value(QLatin1String("ack")).toString());
    } else if (action == QLatin1String("answer")) {
        emit answerReceived(frame.value(QLatin1String("from")).toString(),
                            frame.value(QLatin1String("ack")).toString(), message);
    } else if (action == QLatin1String("error")) {
        emit errorReceived(frame.value(QLatin1String("code")).toString(),
                           frame.value(QLatin1String("reason")).toString());
    }
}

void PeerClient::write(const QByteArray &frame) {
    m_socket.sendTextMessage(QString::fromUtf8(frame));
}

#include "testclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

TestClient::TestClient(QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::receiveText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this] {
        ++m_binaryFrames;
        emit activity();
    });
    connect(&m_socket, &QWebSocket::connected, this, &TestClient::activity);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_disconnected = true;
        emit activity();
    });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        m_socketError = true;
        emit activity();
    });
}

TestClient::~TestClient() {
    m_socket.disconnect(this);
    m_socket.abort();
}

bool TestClient::open(const QUrl &url, int timeoutMs) {
    m_disconnected = false;
    m_socketError = false;
    m_socket.open(url);
    return waitUntil([this] { return isConnected() || m_disconnected || m_socketError; },
                     timeoutMs) &&
           isConnected();
}

bool TestClient::isConnected() const {
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void TestClient::close(QWebSocketProtocol::CloseCode code) {
    m_socket.close(code);
}

void TestClient::abort() {
    m_socket.abort();
}

bool TestClient::waitForDisconnected(int timeoutMs) {
    return waitUntil([this] { return m_disconnected; }, timeoutMs);
}

void TestClient::sendText(const QByteArray &utf8) {
    m_socket.sendTextMessage(QString::fromUtf8(utf8));
}

void TestClient::sendJson(const QJsonObject &frame) {
    sendText(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

void TestClient::sendBinary(const QByteArray &data) {
    m_socket.sendBinaryMessage(data);
}

void TestClient::sendRegister(const QString &id) {
    sendJson({{QStringLiteral("action"), QStringLiteral("register")}, {QStringLiteral("id"), id}});
}

void TestClient::sendUnregister() {
    sendJson({{QStringLiteral("action"), QStringLiteral("unregister")}});
}

void TestClient::send(const QJsonValue &dest, const QJsonValue &message) {
    sendJson({{QStringLiteral("action"), QStringLiteral("send")},
              {QStringLiteral("dest"), dest},
              {QStringLiteral("message"), message}});
}

void TestClient::sendWithAck(const QJsonValue &dest, const QJsonValue &message,
                             const QString &ack) {
    sendJson({{QStringLiteral("action"), QStringLiteral("send")},
              {QStringLiteral("dest"), dest},
              {QStringLiteral("message"), message},
              {QStringLiteral("ack"), ack}});
}

void TestClient::answer(const QString &ack, const QJsonValue &message) {
    sendJson({{QStringLiteral("action"), QStringLiteral("answer")},
              {QStringLiteral("ack"), ack},
              {QStringLiteral("message"), message}});
}

bool TestClient::registerAs(const QString &id, int timeoutMs) {
    const qsizetype from = m_frames.size();
    sendRegister(id);
    return waitForFrame(
               [&id](const QJsonObject &f) {
                   return f.value(QStringLiteral("action")) == QStringLiteral("registered") &&
                          f.value(QStringLiteral("id")) == id;
               },
               from, timeoutMs) >= 0;
}

QList<QJsonObject> TestClient::framesWithAction(const QString &action) const {
    QList<QJsonObject> out;
    for (const QJsonObject &f : m_frames) {
        if (f.value(QStringLiteral("action")).toString() == action)
            out.append(f);
    }
    return out;
}

bool TestClient::waitForFrames(qsizetype count, int timeoutMs) {
    return waitUntil([&] { return m_frames.size() >= count; }, timeoutMs);
}

qsizetype TestClient::waitForFrame(const std::function<bool(const QJsonObject &)> &matches,
                                   qsizetype from, int timeoutMs) {
    qsizetype found = -1;
    const bool arrived = waitUntil(
        [&] {
            for (; from < m_frames.size(); ++from) {
                if (matches(m_frames.at(from))) {
                    found = from;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return arrived ? found : -1;
}

bool TestClient::waitUntil(const std::function<bool()> &condition, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        connect(this, &TestClient::activity, &loop, &QEventLoop::quit);
        // Also wake now and then, for conditions that hang on other objects.
        QTimer::singleShot(std::min<qint64>(deadline.remainingTime(), 20), &loop,
                           &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void TestClient::receiveText(const QString &text) {
    QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        ++m_parseFailures;
    const QJsonObject frame = doc.object();
    const QString action = frame.value(QStringLiteral("action")).toString();
    if (action == QLatin1String("registered"))
        m_id = frame.value(QStringLiteral("id")).toString();
    else if (action == QLatin1String("unregistered"))
        m_id.clear();
    m_rawFrames.append(std::move(utf8));
    m_frames.append(frame);
    emit activity();
}

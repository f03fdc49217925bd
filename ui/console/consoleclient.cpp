#include "consoleclient.h"

#include "consolejson.h"
#include "framecodec.h"
#include "jsonmembers.h"
#include "peerclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using Kind = ConsoleConversationEntry::Kind;

namespace {

QByteArray quoted(const QString &text) {
    return FrameCodec::quote(text.toUtf8());
}

} // namespace

ConsoleClient::ConsoleClient(QObject *parent)
    : QObject(parent)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this)
    , m_conversation(new ConsoleConversationModel(this)) {
    connect(&m_socket, &QWebSocket::connected, this, &ConsoleClient::handleConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ConsoleClient::handleDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ConsoleClient::handleSocketError);
    connect(&m_socket, &QWebSocket::stateChanged, this, &ConsoleClient::updateState);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ConsoleClient::handleText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &ConsoleClient::handleBinary);
}

ConsoleClient::~ConsoleClient() {
    // Leave without touching the model: views may already be gone.
    m_socket.disconnect(this);
    m_socket.abort();
}

QString ConsoleClient::stateName(State state) {
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting");
    case State::Connected:
        return tr("Connected, not registered");
    case State::Registered:
        return tr("Registered");
    case State::Closing:
        return tr("Closing");
    }
    return {};
}

bool ConsoleClient::setAutoAnswerValue(const QString &json) {
    if (!ConsoleJson::isValid(json))
        return false;
    m_autoAnswerValue = json.trimmed();
    return true;
}

QStringList ConsoleClient::parseDestinations(const QString &text) {
    QStringList ids;
    for (const QString &part : text.split(u',')) {
        const QString id = part.trimmed();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QString ConsoleClient::newAck() {
    return PeerClient::newAck();
}

std::optional<QByteArray> ConsoleClient::parseHex(const QString &text) {
    QString digits = text;
    digits.remove(QRegularExpression(QStringLiteral("[\\s:\\-]")));
    if (digits.startsWith(QLatin1StringView("0x"), Qt::CaseInsensitive))
        digits.remove(0, 2);
    static const QRegularExpression hexOnly(QStringLiteral("\\A(?:[0-9A-Fa-f]{2})*\\z"));
    if (!hexOnly.match(digits).hasMatch())
        return std::nullopt;
    return QByteArray::fromHex(digits.toLatin1());
}

void ConsoleClient::connectToBroker() {
    // Closing the current connection reports it through handleDisconnected() at once.
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        m_closeRequested = true;
        m_socket.abort();
    }
    m_closeRequested = false;
    if (!m_url.isValid() || (m_url.scheme() != u"ws" && m_url.scheme() != u"wss")) {
        addEntry(Kind::Error, tr("Not a ws:// or wss:// URL: %1").arg(m_url.toString()));
        return;
    }
    m_socket.open(m_url);
    updateState();
}

void ConsoleClient::disconnectFromBroker() {
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    m_closeRequested = true;
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close();
    else
        m_socket.abort();
}

bool ConsoleClient::registerId() {
    if (m_clientId.isEmpty())
        return false;
    return sendFrame(QByteArrayLiteral(R"({"action":"register","id":)") + quoted(m_clientId) + '}');
}

bool ConsoleClient::unregister() {
    m_unregisterRequested = true;
    const QString id = m_registeredId.isEmpty() ? m_clientId : m_registeredId;
    return sendFrame(QByteArrayLiteral(R"({"action":"unregister","id":)") + quoted(id) + '}');
}

bool ConsoleClient::send(const QStringList &destinations, const QString &messageJson,
                         bool expectAnswer, QString *ackOut) {
    QStringList dest;
    for (const QString &id : destinations) {
        if (!id.isEmpty() && !dest.contains(id))
            dest.append(id);
    }
    const QString message = messageJson.trimmed();
    if (!isOpen() || dest.isEmpty() || !ConsoleJson::isValid(message))
        return false;

    // Member order as the original client writes it: action, message, dest, ack.
    QByteArray frame = QByteArrayLiteral(R"({"action":"send","message":)") + message.toUtf8() +
                       QByteArrayLiteral(R"(,"dest":)");
    if (dest.size() == 1) {
        frame += quoted(dest.constFirst());
    } else {
        frame += '[';
        for (qsizetype i = 0; i < dest.size(); ++i) {
            if (i > 0)
                frame += ',';
            frame += quoted(dest.at(i));
        }
        frame += ']';
    }
    QString ack;
    if (expectAnswer) {
        do {
            ack = newAck();
        } while (m_pendingAsks.contains(ack));
        frame += QByteArrayLiteral(R"(,"ack":)") + quoted(ack);
    }
    frame += '}';
    if (!sendFrame(frame))
        return false;
    if (expectAnswer)
        m_pendingAsks[ack].start();
    addEntry(Kind::Sent, message, dest.join(QStringLiteral(", ")), ack);
    if (ackOut)
        *ackOut = ack;
    return true;
}

bool ConsoleClient::markAskReachedNoOne(const QString &ack, const QString &why) {
    if (!m_pendingAsks.remove(ack))
        return false;
    m_conversation->markUnreachable(ack, why);
    return true;
}

bool ConsoleClient::answer(const QString &ack, const QString &messageJson, const QString &to) {
    return sendAnswer(ack, messageJson, to, false);
}

bool ConsoleClient::sendAnswer(const QString &ack, const QString &messageJson, const QString &to,
                               bool automatic) {
    const QString message = messageJson.trimmed();
    if (!isOpen() || ack.isEmpty() || !ConsoleJson::isValid(message))
        return false;
    const QString from = m_registeredId.isEmpty() ? m_clientId : m_registeredId;
    const QByteArray frame = QByteArrayLiteral(R"({"action":"answer","ack":)") + quoted(ack) +
                             QByteArrayLiteral(R"(,"message":)") + message.toUtf8() +
                             QByteArrayLiteral(R"(,"from":)") + quoted(from) + '}';
    if (!sendFrame(frame))
        return false;
    m_conversation->markAnswered(Kind::Received, ack);
    ConsoleConversationEntry entry;
    entry.kind = Kind::AnswerSent;
    entry.peer = to;
    entry.ack = ack;
    entry.text = message;
    entry.autoAnswered = automatic;
    m_conversation->append(entry);
    return true;
}

bool ConsoleClient::sendRawText(const QString &text) {
    if (!isOpen())
        return false;
    m_socket.sendTextMessage(text);
    addEntry(Kind::RawSent, text);
    return true;
}

bool ConsoleClient::sendRawBinary(const QByteArray &data) {
    if (!isOpen())
        return false;
    m_socket.sendBinaryMessage(data);
    addEntry(Kind::RawSent, tr("binary, %n byte(s): %1", nullptr, int(data.size()))
                                .arg(QString::fromLatin1(data.left(256).toHex(' '))));
    return true;
}

bool ConsoleClient::sendFrame(const QByteArray &frame) {
    if (!isOpen())
        return false;
    m_socket.sendTextMessage(QString::fromUtf8(frame));
    return true;
}

void ConsoleClient::handleConnected() {
    m_wasOpen = true;
    addEntry(Kind::Connected, m_url.toString());
    updateState();
    // As the original client: register right after the socket opens.
    registerId();
}

void ConsoleClient::handleDisconnected() {
    setRegisteredId({});
    if (!m_wasOpen) {
        // A connection that never opened: its socket error says why.
        m_closeRequested = false;
        updateState();
        return;
    }
    m_wasOpen = false;
    const int pending = pendingAskCount();
    m_pendingAsks.clear();
    QString text;
    if (m_socket.closeCode() != QWebSocketProtocol::CloseCodeNormal || !m_closeRequested)
        text = tr("close code %1").arg(int(m_socket.closeCode()));
    if (!m_socket.closeReason().isEmpty())
        text += QStringLiteral(": ") + m_socket.closeReason();
    if (pending > 0) {
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += tr("%n ask(s) left unanswered", nullptr, pending);
    }
    addEntry(Kind::Disconnected, text);
    m_closeRequested = false;
    updateState();
}

void ConsoleClient::handleSocketError(QAbstractSocket::SocketError error) {
    if (error == QAbstractSocket::RemoteHostClosedError && m_closeRequested)
        return;
    addEntry(Kind::Error, m_socket.errorString());
}

void ConsoleClient::handleText(const QString &text) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject()) {
        addEntry(Kind::Error, tr("Unreadable frame: %1").arg(text));
        return;
    }
    const QJsonObject frame = document.object();
    const QString action = frame.value(u"action").toString();
    const QString ack = frame.value(u"ack").toString();
    // The message as it was on the wire (members in their order), for the conversation and the
    // echo auto-answer.
    const QString message =
        QString::fromUtf8(JsonMembers::compact(text.toUtf8(), "message").value_or(QByteArray()));

    if (action == u"registered") {
        const QString id = frame.value(u"id").toString();
        m_unregisterRequested = false;
        setRegisteredId(id);
        addEntry(Kind::Registered, tr("registered as %1").arg(id), id);
    } else if (action == u"unregistered") {
        const QString id = frame.value(u"id").toString();
        const bool asked = m_unregisterRequested;
        m_unregisterRequested = false;
        if (id.isEmpty() || id == m_registeredId)
            setRegisteredId({});
        addEntry(Kind::Unregistered,
                 asked ? tr("unregistered %1").arg(id)
                       : tr("%1 was taken over by another connection").arg(id),
                 id);
    } else if (action == u"message") {
        const QString from = frame.value(u"from").toString();
        addEntry(Kind::Received, message, from, ack);
        emit messageReceived(from, message, ack);
        if (!ack.isEmpty() && m_autoAnswer != AutoAnswer::Off) {
            const QString reply = m_autoAnswer == AutoAnswer::Echo ? message : m_autoAnswerValue;
            sendAnswer(ack, reply, from, true);
        }
    } else if (action == u"answer") {
        const QString from = frame.value(u"from").toString();
        qint64 roundTripUs = -1;
        const auto it = m_pendingAsks.constFind(ack);
        if (it != m_pendingAsks.cend()) {
            roundTripUs = it->nsecsElapsed() / 1000;
            m_pendingAsks.erase(it);
            m_conversation->markAnswered(Kind::Sent, ack, roundTripUs);
        }
        ConsoleConversationEntry entry;
        entry.kind = Kind::AnswerReceived;
        entry.peer = from;
        entry.ack = ack;
        entry.text = message;
        entry.roundTripUs = roundTripUs;
        m_conversation->append(entry);
        emit answerReceived(from, ack, message, roundTripUs);
    } else if (action == u"error") {
        const QString code = frame.value(u"code").toString();
        const QString reason = frame.value(u"reason").toString();
        addEntry(Kind::Error, QStringLiteral("%1: %2").arg(code, reason), QString(), ack);
        // An error with an ask's ack is the broker refusing that send: no answer will come.
        if (!ack.isEmpty())
            markAskReachedNoOne(ack, QStringLiteral("%1: %2").arg(code, reason));
        emit errorReceived(code, reason);
    } else {
        addEntry(Kind::Error, tr("Unknown action \"%1\": %2").arg(action, text));
    }
}

void ConsoleClient::handleBinary(const QByteArray &data) {
    addEntry(Kind::Error, tr("Binary frame, %n byte(s): %1", nullptr, int(data.size()))
                              .arg(QString::fromLatin1(data.left(256).toHex(' '))));
}

void ConsoleClient::updateState() {
    State state = State::Disconnected;
    switch (m_socket.state()) {
    case QAbstractSocket::ConnectedState:
        state = m_registeredId.isEmpty() ? State::Connected : State::Registered;
        break;
    case QAbstractSocket::ClosingState:
        state = State::Closing;
        break;
    case QAbstractSocket::UnconnectedState:
        state = State::Disconnected;
        break;
    default:
        state = State::Connecting;
        break;
    }
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(m_state);
}

void ConsoleClient::setRegisteredId(const QString &id) {
    if (id == m_registeredId)
        return;
    m_registeredId = id;
    emit registeredIdChanged(id);
    updateState();
}

void ConsoleClient::addEntry(Kind kind, const QString &text, const QString &peer,
                             const QString &ack) {
    ConsoleConversationEntry entry;
    entry.kind = kind;
    entry.text = text;
    entry.peer = peer;
    entry.ack = ack;
    m_conversation->append(entry);
}

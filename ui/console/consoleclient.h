#pragma once

#include "consoleconversationmodel.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

#include <optional>

// One simulated client of the test console: a QWebSocket that speaks the wsmsgbroker protocol
// as the original client does (it registers as soon as the socket opens), records its own
// traffic in a conversation model, times the answers to its asks, and can answer automatically.
// It holds no widgets, so tests drive it directly.
class ConsoleClient : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString registeredId READ registeredId NOTIFY registeredIdChanged)

public:
    enum class State {
        Disconnected,
        Connecting,
        Connected,  // open, not registered
        Registered, // open, the broker confirmed the id
        Closing,
    };
    Q_ENUM(State)

    enum class AutoAnswer { Off, Echo, FixedValue };
    Q_ENUM(AutoAnswer)

    explicit ConsoleClient(QObject *parent = nullptr);
    ~ConsoleClient() override;

    QUrl url() const { return m_url; }
    void setUrl(const QUrl &url) { m_url = url; }
    // The id to register with; registerId() sends it again after a change.
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id) { m_clientId = id; }
    // The id the broker confirmed; empty while not registered.
    QString registeredId() const { return m_registeredId; }

    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Connected || m_state == State::Registered; }
    static QString stateName(State state);

    ConsoleConversationModel *conversation() const { return m_conversation; }
    // Asks (sends with an ack) still waiting for their answer.
    int pendingAskCount() const { return int(m_pendingAsks.size()); }

    AutoAnswer autoAnswer() const { return m_autoAnswer; }
    void setAutoAnswer(AutoAnswer mode) { m_autoAnswer = mode; }
    QString autoAnswerValue() const { return m_autoAnswerValue; }
    // The fixed answer, as JSON text; false (and unchanged) when it is not valid JSON.
    bool setAutoAnswerValue(const QString &json);

    // "a, b,c" -> {"a", "b", "c"}: trimmed, empty and repeated ids left out.
    static QStringList parseDestinations(const QString &text);
    // A fresh ack: 20 characters from the alphabet of the original client's shortid().
    static QString newAck();
    // Hex digits with optional white space, ':' or '-' between bytes and an optional 0x prefix;
    // nullopt when the text is not that.
    static std::optional<QByteArray> parseHex(const QString &text);

public slots:
    // Opens the URL (closing any current connection first) and registers once open.
    void connectToBroker();
    void disconnectFromBroker();
    void reconnect() { connectToBroker(); }
    // Sends register with the client id (a rename when already registered).
    bool registerId();
    bool unregister();
    // Sends messageJson (any JSON value, sent as typed) to the destinations. With expectAnswer,
    // a fresh ack goes along and its answer is timed; ackOut receives it.
    bool send(const QStringList &destinations, const QString &messageJson, bool expectAnswer,
              QString *ackOut = nullptr);
    // Answers a received message that carried ack; to only labels the conversation entry.
    bool answer(const QString &ack, const QString &messageJson, const QString &to = {});
    // The broker delivered our ask with this ack to no one (every id unknown), so no answer
    // will come: it stops waiting. Returns false when no such ask is waiting.
    bool markAskReachedNoOne(const QString &ack, const QString &why);
    // Frames sent exactly as given, valid or not.
    bool sendRawText(const QString &text);
    bool sendRawBinary(const QByteArray &data);

signals:
    void stateChanged(ConsoleClient::State state);
    void registeredIdChanged(const QString &id);
    void messageReceived(const QString &from, const QString &messageJson, const QString &ack);
    void answerReceived(const QString &from, const QString &ack, const QString &messageJson,
                        qint64 roundTripUs);
    void errorReceived(const QString &code, const QString &reason);

private:
    void handleConnected();
    void handleDisconnected();
    void handleSocketError(QAbstractSocket::SocketError error);
    void handleText(const QString &text);
    void handleBinary(const QByteArray &data);
    void updateState();
    void setRegisteredId(const QString &id);
    bool sendFrame(const QByteArray &frame);
    bool sendAnswer(const QString &ack, const QString &messageJson, const QString &to,
                    bool automatic);
    void addEntry(ConsoleConversationEntry::Kind kind, const QString &text,
                  const QString &peer = {}, const QString &ack = {});

    QWebSocket m_socket;
    ConsoleConversationModel *m_conversation = nullptr;
    QUrl m_url;
    QString m_clientId;
    QString m_registeredId;
    State m_state = State::Disconnected;
    QHash<QString, QElapsedTimer> m_pendingAsks;
    AutoAnswer m_autoAnswer = AutoAnswer::Off;
    QString m_autoAnswerValue = QStringLiteral("{\"ok\":true}");
    bool m_unregisterRequested = false;
    bool m_closeRequested = false;
    bool m_wasOpen = false;
};

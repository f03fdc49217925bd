#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QString>

#include <deque>

// One line of a console client's conversation.
struct ConsoleConversationEntry {
    enum class Kind : quint8 {
        Connected,
        Disconnected,
        Registered,
        Unregistered,
        Sent,           // a send: peer lists the destinations
        Received,       // a message: peer is the sender
        AnswerSent,     // our answer to a message with an ack
        AnswerReceived, // the answer to one of our sends: roundTripUs is set
        RawSent,        // a frame sent as typed in raw mode
        Error,          // the broker's error reply, a socket error, a frame we cannot read
        Info,
    };

    qint64 timeMs = 0;
    Kind kind = Kind::Info;
    QString peer;
    QString ack;
    QString text;              // the message as JSON text, or what happened
    qint64 roundTripUs = -1;   // AnswerReceived, and a Sent whose answer came
    bool answered = false;     // Sent: its answer came; Received: we answered it
    bool autoAnswered = false; // AnswerSent by auto-answer
    bool unreachable = false;  // Sent: the broker delivered it to no one; no answer will come
    QString unreachableWhy;    // the broker's words for it
};

// The conversation view of one console client: what it sent and received, with time, in a
// bounded list (the oldest entries go first).
class ConsoleConversationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using Entry = ConsoleConversationEntry;
    using Kind = ConsoleConversationEntry::Kind;

    enum Column {
        TimeColumn,
        EventColumn,
        PeerColumn,
        AckColumn,
        MessageColumn,
        AnswerColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KindRole = Qt::UserRole + 1, // int: Kind
        TimeMsRole,                  // qint64
        PeerRole,                    // QString
        AckRole,                     // QString
        MessageRole,                 // QString: the full message text
        RoundTripRole,               // double: milliseconds, -1 when none
        AnsweredRole,                // bool
        CanAnswerRole,               // bool: a received message with an ack, not yet answered
    };
    Q_ENUM(Role)

    static constexpr int DefaultCapacity = 5000;

    explicit ConsoleConversationModel(QObject *parent = nullptr);
    ~ConsoleConversationModel() override;

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    // Appends an entry (time set to now when zero) and returns its row.
    int append(Entry entry);
    // Marks the newest entry of this kind and ack as answered, with a round trip when given.
    // Returns its row, or -1.
    int markAnswered(Kind kind, const QString &ack, qint64 roundTripUs = -1);
    // Marks our newest Sent with this ack as delivered to no one. Returns its row, or -1.
    int markUnreachable(const QString &ack, const QString &why);
    int findLast(Kind kind, const QString &ack) const;
    const Entry &entry(int row) const { return m_entries.at(size_t(row)); }
    int count() const { return int(m_entries.size()); }
    void clear();

    static QString kindName(Kind kind);
    static QString formatRoundTrip(qint64 roundTripUs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString answerText(const Entry &entry) const;
    QIcon iconFor(Kind kind) const;

    std::deque<Entry> m_entries;
    int m_capacity = DefaultCapacity;
    QIcon m_inIcon;
    QIcon m_outIcon;
    QIcon m_errorIcon;
    QIcon m_clientIcon;
    QIcon m_disconnectIcon;
};

#pragma once

#include "brokerevent.h"

#include <QAbstractItemModel>
#include <QHash>

#include <limits>
#include <map>
#include <memory>
#include <vector>

// The last thing each client sent, by room, client and action (what the log's action column
// calls the frame: send, answer, register, "(invalid)"...): the last frame's message as one line,
// its time, and how many frames of that action the client sent. Fed the broker's batches (frames
// in from clients only); each batch costs the views at most one rowsInserted per parent that got
// new rows and one dataChanged per parent whose rows changed. Rows are appended in the order
// they first appear, not sorted.
//
// Rooms and clients show the newest time and the count of the frames under them. A client is
// named by its id; frames from a connection without one are under "#<connection>", except a
// register that succeeded, which counts for the id it took. Each row keeps the log serial of
// its newest frame (SerialRole) so that a view can select that frame in the log; a frame a
// paused log holds back gets its serial when the log shows it (resolveHeldBack).
class LastValuesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, LastMessageColumn, TimeColumn, CountColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SerialRole = Qt::UserRole + 1, // qulonglong: the newest frame's log serial (invalid: none)
        TimeMsRole,                    // qint64: the newest frame's time, ms since the epoch
        CountRole,                     // qulonglong
        LevelRole,                     // int: Level
    };
    Q_ENUM(Role)
    enum class Level { Room, Client, Action };
    Q_ENUM(Level)

    // A frame not in the log (the log was paused, or the batch was larger than the log).
    static constexpr quint64 NoSerial = std::numeric_limits<quint64>::max();
    // Characters of the one-line message; the tooltip has the message laid out, up to
    // ToolTipLength characters.
    static constexpr int LastMessageLength = 200;
    static constexpr int ToolTipLength = 4000;

    explicit LastValuesModel(QObject *parent = nullptr);
    ~LastValuesModel() override;

    // A batch from the broker: events[firstLogged] has log serial firstSerial, the next ones
    // the serials after it; the events before firstLogged (all when firstSerial is NoSerial)
    // are not in the log. A paused log holds the batch back: firstHeldBack numbers its
    // events among the frames held back since the pause (0, 1, ...).
    void addEvents(const BrokerEventList &events, quint64 firstSerial = NoSerial,
                   qsizetype firstLogged = 0, quint64 firstHeldBack = NoSerial);
    // The paused log showed what it held back: of the heldBack frames numbered so far, the
    // newest `shown` are now its newest rows, the last with serial lastSerial (the older ones
    // were dropped by its bound).
    void resolveHeldBack(quint64 lastSerial, quint64 heldBack, quint64 shown);
    void clear();

    // The row of a room (as the broker names it), of a client in it (its id, or "#<connection>"
    // as shown), or of an action of that client (as the log names it); invalid when none.
    QModelIndex indexOf(const QString &room, const QString &client = QString(),
                        const QString &action = QString()) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node {
        Level level = Level::Room;
        Node *parent = nullptr;
        int row = 0;
        QString name;     // as shown (elided, visible)
        QString fullName; // the tooltip's
        std::vector<std::unique_ptr<Node>> children;
        int shown = 0;        // children the views were told of
        bool visible = false; // whether the views were told of this node
        qint64 timeMs = 0;
        quint64 count = 0;
        quint64 serial = NoSerial;
        quint64 heldBack = NoSerial; // the newest frame's number among those held back
        // Action rows: which action (FrameAction's number, or BinarySlot), and the last message.
        int slot = 0;
        QByteArray json; // the message's (or frame's) compact JSON, at most MaxKeptBytes
        bool binary = false;
        qint64 size = 0;
        QString summary;
        // Rooms: their clients by (id, connection when there is no id).
        std::map<std::pair<QByteArray, quint64>, Node *> clients;
        // Within one batch: touched, and whether the views knew the node before it.
        bool touched = false;
        bool wasVisible = false;
    };
    static constexpr int BinarySlot = int(FrameAction::Error) + 1;
    // About the tooltip's ToolTipLength characters; a row holds no more of a large frame.
    static constexpr qsizetype MaxKeptBytes = 4 * 1024;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    Node *addChild(Node *parent, Level level, const QString &name, const QString &fullName);
    Node *actionNode(const BrokerEvent &event);
    void touch(Node *node, const BrokerEvent &event, quint64 serial, quint64 heldBack,
               std::vector<Node *> *touched);
    void resolveHeldBack(Node *parent, quint64 lastSerial, quint64 heldBack, quint64 shown);
    void summarize(Node *action, const BrokerEvent &event);
    void announceNewChildren(Node *parent);
    static void markShown(Node *node);
    QString toolTip(const Node *node, int column) const;

    Node m_root;
    QHash<QString, Node *> m_rooms;
};

#pragma once

#include "brokersnapshot.h"
#include "contractviolation.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <vector>

// Rooms and their open connections, as a tree: room → connections. Each snapshot is applied as
// a diff (rows inserted and removed where rooms and connections came and went, dataChanged for
// the rest), so views keep their selection and expanded rooms.
class ConnectionTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        RemoteColumn,
        ConnectedForColumn,
        FramesInColumn,
        FramesOutColumn,
        BytesInColumn,
        BytesOutColumn,
        PendingAcksColumn,
        QueuedBytesColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        ConnectionIdRole = Qt::UserRole + 1, // qulonglong; invalid on room rows
        RoomNameRole,                        // QString: the room as the broker names it
        ClientIdRole,                        // QString: empty when unregistered or a room row
        IsRoomRole,                          // bool
        SortRole,                            // a number or text to sort by
        ContractViolationsRole, // qulonglong: the connection's contract violations so far
    };
    Q_ENUM(Role)

    explicit ConnectionTreeModel(QObject *parent = nullptr);
    ~ConnectionTreeModel() override;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QModelIndex indexOfRoom(const QString &room, int column = 0) const;
    QModelIndex indexOfConnection(quint64 connectionId, int column = 0) const;
    // The connection a row shows, or nullptr for room rows and invalid indexes.
    const ConnectionInfo *connectionAt(const QModelIndex &index) const;
    int connectionCount() const { return int(m_roomOfConnection.size()); }

public Q_SLOTS:
    void applySnapshot(const BrokerSnapshot &snapshot);
    void clear();
    // Counts each violation on its connection's row (this broker run's only).
    void addContractViolations(const ContractViolationList &violations);
    void clearContractViolations();

private:
    struct Totals {
        int registered = 0;
        quint64 framesIn = 0;
        quint64 framesOut = 0;
        quint64 bytesIn = 0;
        quint64 bytesOut = 0;
        qint64 pendingAcks = 0;
        qint64 queuedBytes = 0;
        friend bool operator==(const Totals &, const Totals &) = default;
    };
    struct Room {
        QString name;
        int row = 0;
        QList<ConnectionInfo> connections; // ordered by connection id
        Totals totals;
    };

    Room *roomOf(const QModelIndex &index) const;
    void renumberRooms(int from);
    void removeRooms(int first, int last);
    void updateRoom(Room &room, const QList<ConnectionInfo> &incoming, bool timeChanged);
    static Totals totalsOf(const QList<ConnectionInfo> &connections);
    static bool sameCounters(const ConnectionInfo &a, const ConnectionInfo &b);
    QVariant roomData(const Room &room, int column, int role) const;
    QVariant connectionData(const Room &room, const ConnectionInfo &c, int column, int role) const;
    // connectionData without the contract violations.
    QVariant connectionCounters(const Room &room, const ConnectionInfo &c, int column,
                                int role) const;

    std::vector<std::unique_ptr<Room>> m_rooms; // ordered by name
    QHash<quint64, Room *> m_roomOfConnection;
    qint64 m_timeMs = 0;
    quint64 m_session = 0;                // the broker run the connections belong to
    QHash<quint64, quint64> m_violations; // by connection id, of m_violationsSession
    quint64 m_violationsSession = 0;
};

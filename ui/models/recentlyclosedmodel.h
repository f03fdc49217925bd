#pragma once

#include "brokersnapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// Connections that closed lately, newest first, with why they closed. Follows the snapshot's
// bounded list: new closes are inserted at the top and the oldest leave from the bottom. A
// broker restart (a new session in the snapshot) starts a new list at the top; the connections
// earlier runs closed stay below it, dimmed, up to EarlierRunsLimit of them.
class RecentlyClosedModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ClientColumn,
        RoomColumn,
        RemoteColumn,
        ConnectedAtColumn,
        ClosedAtColumn,
        ReasonColumn,
        DetailColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        ConnectionIdRole = Qt::UserRole + 1, // qulonglong
        RoomNameRole,                        // QString: the room as the broker names it
        ClientIdRole,                        // QString: empty when it never registered
        CloseReasonRole,                     // int: CloseReason
        IsProblemRole,                       // bool: an abnormal close
        SortRole,                            // a number or text to sort by
        IsEarlierRunRole,                    // bool: closed by an earlier run of the broker
    };
    Q_ENUM(Role)

    static constexpr int EarlierRunsLimit = 500;

    explicit RecentlyClosedModel(QObject *parent = nullptr);
    ~RecentlyClosedModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const ConnectionInfo &connectionAt(int row) const { return m_rows.at(row); }

public Q_SLOTS:
    void applySnapshot(const BrokerSnapshot &snapshot);
    void clear();

private:
    static bool sameConnection(const ConnectionInfo &a, const ConnectionInfo &b);
    void startRun(const BrokerSnapshot &snapshot);
    // Replaces the current run's rows (the top m_currentRows) with these.
    void replaceCurrent(QList<ConnectionInfo> rows);

    QList<ConnectionInfo> m_rows; // newest first: the current run's, then earlier runs'
    int m_currentRows = 0;
    quint64 m_session = 0;
    QHash<quint64, QString> m_sessionUrls; // each run's broker URL, for the tooltips
};

#pragma once

#include "contractviolation.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The contract violations seen so far, counted by room, action, path and keyword (one row
// each, in the order first seen), and by client connection.
class ContractViolationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RoomColumn, ActionColumn, PathColumn, KeywordColumn, CountColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void addViolations(const ContractViolationList &violations);
    void clear();

    quint64 total() const { return m_total; }
    // The n most frequent rows as "ROOM ACTION message/PATH KEYWORD" and their counts.
    QList<std::pair<QString, quint64>> mostFrequent(int n) const;
    // Violations by the frames of one connection of one broker run.
    quint64 countForConnection(quint64 session, quint64 connectionId) const;

signals:
    void totalChanged(quint64 total);

private:
    struct Row {
        QString room;
        QString action;
        QString path;
        QString keyword;
        QString example; // the first description, for the tooltip
        quint64 count = 0;
    };
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfKey;
    QHash<QString, quint64> m_byConnection;
    quint64 m_total = 0;
};

#pragma once

#include "replaycomparer.h"

#include <QAbstractTableModel>

// The differences a replay found, one row each, as they come: what (differs, missing, extra),
// the client and direction, the frame's number, when, and the changed paths.
class ReplayDifferenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, ClientColumn, FrameColumn, AtColumn, ChangesColumn, ColumnCount };

    explicit ReplayDifferenceModel(QObject *parent = nullptr);

    void clear();
    void append(const ReplayComparer::Difference &difference);
    const ReplayComparer::Difference &difference(int row) const { return m_differences[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ReplayComparer::Difference> m_differences;
};

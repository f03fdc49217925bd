#pragma once

#include "brokerevent.h"

#include <QAbstractTableModel>

// Frames counted per action and direction, from the event stream.
class ActionCountModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ActionColumn, InColumn, OutColumn, ColumnCount };

    explicit ActionCountModel(QObject *parent = nullptr);

    void addEvents(const BrokerEventList &events);
    void clear();
    quint64 count(const QString &action, bool incoming) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // Frame actions by number, plus one slot for binary frames.
    static constexpr int BinarySlot = int(FrameAction::Error) + 1;
    static constexpr int ActionSlots = BinarySlot + 1;
    static int slotOf(const BrokerEvent &event);

    struct Row {
        int slot = 0;
        QString action;
        quint64 in = 0;
        quint64 out = 0;
    };
    QList<Row> m_rows;
};

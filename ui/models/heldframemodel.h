#pragma once

#include "heldframe.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

// The frames hold rules stopped, oldest first, as the broker reports them: a row comes with
// frameHeld and leaves with heldFrameEnded. A release the broker refused (an edit that is not a
// JSON object) leaves the frame held and marks its row with the reason until it ends.
class HeldFrameModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        HeldAtColumn,
        HeldForColumn, // how long it has waited, counted on while it waits
        RuleColumn,
        RoomColumn,
        FromToColumn,
        ActionColumn,
        SizeColumn,
        SummaryColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        TicketRole = Qt::UserRole + 1, // qulonglong
        RefusedRole,                   // QString: why the last release was refused, or empty
    };
    Q_ENUM(Role)

    // How many characters of the frame the summary shows.
    static constexpr int SummaryLength = 120;

    explicit HeldFrameModel(QObject *parent = nullptr);
    ~HeldFrameModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The time the Held for column counts to; the model's own clock moves it every second
    // while frames are held (tests set it).
    void setNow(qint64 nowMs);

    const HeldFrame &frameAt(int row) const { return m_rows.at(row).frame; }
    QString refusalAt(int row) const { return m_rows.at(row).refusal; }
    int rowOfTicket(quint64 ticket) const;

public Q_SLOTS:
    // A frame held again under the same ticket replaces its row.
    void addFrame(const HeldFrame &frame);
    void endFrame(quint64 ticket);
    void refuseRelease(quint64 ticket, const QString &error);
    void clear();

private:
    struct Row {
        HeldFrame frame;
        QString refusal;
    };
    void updateClock();

    QList<Row> m_rows;
    qint64 m_nowMs = 0;
    QTimer *m_clock;
};

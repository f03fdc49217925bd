#pragma once

#include <QSet>
#include <QStyledItemDelegate>

class FrameLogModel;
class QAbstractItemView;

// Highlights, in the frame log's view, the rows related to the current row: a send with an ack,
// the messages it caused and their answers (Wireshark's RelatedPacketDelegate does the same for
// packets). The selection is view state, so it lives here and not in the model; the rows come
// from the log's pairing index (AckPairing). The view may show the log through a proxy: rows are
// named by FrameLogModel::SerialRole.
class PairedRowDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // Installs itself on view (whose selection model must be set) and follows its current row.
    PairedRowDelegate(const FrameLogModel *log, QAbstractItemView *view);

    // Whether the row with this serial is highlighted.
    bool isPaired(quint64 serial) const { return m_paired.contains(serial); }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void setCurrent(const QModelIndex &current);

    const FrameLogModel *m_log;
    QAbstractItemView *m_view;
    QSet<quint64> m_paired;
};

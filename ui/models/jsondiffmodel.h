#pragma once

#include "jsondiff.h"

#include <QAbstractTableModel>

// The changes between two messages (JsonDiff) as a table for the details pane: path, what
// happened, the value before and after (compact JSON, client text shown visibly and elided;
// whole in the tooltip).
class JsonDiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, ChangeColumn, BeforeColumn, AfterColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        KindRole = Qt::UserRole + 1, // int: JsonDiff::Change::Kind
    };
    // Values longer than this are elided in their cell, and past TipLength in the tooltip.
    static constexpr int ValueLength = 200;
    static constexpr int TipLength = 4000;

    explicit JsonDiffModel(QObject *parent = nullptr);

    // cut: more changes than JsonDiff lists (the summary says so).
    void setChanges(const JsonDiff::ChangeList &changes, bool cut = false);
    void clear();
    const JsonDiff::ChangeList &changes() const { return m_changes; }
    // The value columns' titles (default Before and After; a replay says Recorded, Replayed).
    void setValueHeaders(const QString &before, const QString &after);
    // "2 changed, 1 added, 1 removed" or "No difference".
    QString summary() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A value as one line of compact JSON ("" for Undefined).
    static QString valueText(const QJsonValue &value);

private:
    // A row's texts, made once: a value may be a large subtree, and views ask for it often.
    struct Texts {
        QString path, pathTip, before, beforeTip, after, afterTip;
    };
    static Texts textsOf(const JsonDiff::Change &change);

    JsonDiff::ChangeList m_changes;
    QList<Texts> m_texts;
    bool m_cut = false;
    QString m_beforeHeader;
    QString m_afterHeader;
};

#pragma once

#include <QStringListModel>

// The ids the destination field offers. Ids come from other clients, so the popup shows them
// as DisplayText does everywhere else (control characters and bidi overrides visible, long
// ones elided), while completion matches and inserts the id itself (the edit role).
class DestinationCompletionModel : public QStringListModel {
    Q_OBJECT
public:
    using QStringListModel::QStringListModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

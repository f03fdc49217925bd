#include "destinationcompletionmodel.h"

#include "displaytext.h"

QVariant DestinationCompletionModel::data(const QModelIndex &index, int role) const {
    if (role == Qt::DisplayRole)
        return DisplayText::visible(
            DisplayText::elided(QStringListModel::data(index, Qt::EditRole).toString()));
    if (role == Qt::ToolTipRole)
        return DisplayText::visible(QStringListModel::data(index, Qt::EditRole).toString());
    return QStringListModel::data(index, role);
}

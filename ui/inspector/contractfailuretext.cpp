#include "contractfailuretext.h"

#include "displaytext.h"
#include "framelogmodel.h"

#include <QStringList>

QString ContractFailureText::describe(const FrameLogModel &log, int row) {
    QStringList lines;
    for (const ContractSchema::Failure &f : log.contractFailures(row))
        lines.append(tr("Violates its contract at %1: %2")
                         .arg(FrameLogModel::failureLabel(f), f.description));
    return DisplayText::visibleLines(lines.join(QLatin1Char('\n')));
}

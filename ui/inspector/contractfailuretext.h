#pragma once

#include <QCoreApplication>
#include <QString>

class FrameLogModel;

// The lines under a frame's summary in the details pane that say how it fails its contract:
// one "Violates its contract at message/PATH: KEYWORD: description" per failure, client text
// made visible. Empty when the row passes, is not judged, or no contracts are loaded.
class ContractFailureText {
    Q_DECLARE_TR_FUNCTIONS(ContractFailureText)
public:
    static QString describe(const FrameLogModel &log, int row);
};

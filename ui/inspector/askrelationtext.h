#pragma once

#include "ackpairing.h"

#include <QCoreApplication>
#include <QString>

class FrameLogModel;

// The line above a frame's details that tells where its ask stands: how many recipients, who
// answered and after how long, answers dropped. Rich text; empty when the row is no ask's.
class AskRelationText {
    Q_DECLARE_TR_FUNCTIONS(AskRelationText)
public:
    static QString describe(const FrameLogModel &log, const AckPairing::Group &group);
};

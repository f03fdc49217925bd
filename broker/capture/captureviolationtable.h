#pragma once

#include "contractviolation.h"

#include <QSqlDatabase>

// The capture's `violations` table: the contract violations found in its frames (issue 15),
// one row each, with the capture id of the frame (NULL when the frame was not recorded there).
// Made when a capture is created or first continued by a version that knows it, so an older
// capture stays readable; a capture without it simply has none.
//
//   SELECT f.id, v.path, v.keyword, v.description, f.data
//   FROM violations v JOIN events f ON f.id = v.frame
class CaptureViolationTable {
public:
    static bool ensure(const QSqlDatabase &db, QString *error);
    // In the caller's open transaction.
    static bool insert(const QSqlDatabase &db, const ContractViolationList &violations,
                       QString *error);
    // With the frames the budget discards.
    static bool removeBefore(const QSqlDatabase &db, quint64 firstRemainingId, QString *error);
    // Every violation in the file, oldest first; empty (no error) when it has no table.
    static ContractViolationList read(const QSqlDatabase &db, QString *error);
};

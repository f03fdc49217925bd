#pragma once

#include <QtGlobal>

// The process's resident memory (VmRSS), which every benchmark here reports.
namespace ResidentMemory {
// In KiB; -1 when /proc/self/status cannot be read.
qint64 kib();
} // namespace ResidentMemory

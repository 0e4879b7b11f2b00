#pragma once

#include "services/base/result.h"
#include "services/records/shifts.h"
#include "services/run/handofffile.h"

#include <QString>

// The hand-off to cloud configuration from the station's own record (docs/handoff.md): the
// devices that a run in the range finalized to DeviceComplete and that passed, each once with
// the product and device group its newest such run's recipe named. Opens its own read-only
// connection on the calling thread (a worker thread is fine).
namespace Station {

// Reads the record at `recordPath`. Runs count when they started in `range` (from inclusive, to
// exclusive; an invalid end leaves that side open), passed, and have a passed "finalize" step
// whose device read back DeviceComplete.
[[nodiscard]] Result<HandoffReport> collectHandoff(
    const QString &recordPath, const TimeRange &range);

// collectHandoff(), then writeHandoffFile() to `outPath`. The file is written even when no
// device qualifies (the header alone); the report says what was written and left out.
[[nodiscard]] Result<HandoffReport> exportHandoff(
    const QString &recordPath, const TimeRange &range, const QString &outPath);

} // namespace Station

#pragma once

#include "services/base/result.h"
#include "services/run/runtypes.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Station {

enum class Presence { Empty, Present, Unresponsive, Unknown };

// Stable English name ("EMPTY", "PRESENT", ...), as logged.
QString presenceName(Presence presence);

// What a fixture tile shows; emitted by Station whenever any of it changes.
struct FixtureSnapshot
{
    int fixture = 0; // 1-based fixture number
    QString label;
    QString connectionPath;
    Presence presence = Presence::Unknown;
    QString deviceId;     // full 128-hex ID once known
    QString serialNumber; // scanned label, if any
    bool running = false;
    qint64 runId = 0;                  // record row of the current/last run, 0 if none
    std::optional<RunOutcome> verdict; // last run's outcome; empty before the first run
    int stepIndex = 0;                 // 1-based step being run (or last run)
    int stepCount = 0;
    QString stepName;
    QDateTime started;  // UTC, run start
    QDateTime finished; // UTC, run end
    ErrorCode errorCode = ErrorCode::None;
    Text cause; // failing step's plain-language cause (or why the run ended)
    QString failedStep;
    // The verdict's device (the run's), kept apart from `deviceId`, which is the device in the
    // fixture now: a verdict is shown only beside the device that earned it.
    QString verdictDeviceId;
    // The device in the fixture already passed the loaded recipe (its run, 0: no), or a run in
    // the record finalized it (0: not recorded). The controller's start rules use them.
    qint64 passedRunId = 0;
    qint64 finalizedRunId = 0;
};

} // namespace Station

Q_DECLARE_METATYPE(Station::FixtureSnapshot)

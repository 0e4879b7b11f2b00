#pragma once

#include "services/canceltoken.h"
#include "services/result.h"
#include "services/toolrunner.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

#include <optional>

// Value types that cross threads (worker -> Station -> models) and go into the record.
namespace Station {

enum class StepOutcome { Pending, Running, Passed, Failed, Skipped, Aborted };
enum class RunOutcome { Running, Pass, Fail, Aborted, Interrupted };
enum class Presence { Empty, Present, Unresponsive, Unknown };

// Stable English names, as stored in the record and the CSV ("PASS", "FAIL", ...).
QString stepOutcomeName(StepOutcome outcome);
QString runOutcomeName(RunOutcome outcome);
QString presenceName(Presence presence);
std::optional<StepOutcome> stepOutcomeFromName(const QString &name);
std::optional<RunOutcome> runOutcomeFromName(const QString &name);

// What ended a cancelled run, as its cause says it: the operator, the window, or a signal.
Text stopCause(const CancelToken &cancel);

// One tool call (or UART exchange) as kept in the record.
struct CommandRecord
{
    QString commandLine;
    ToolOutcome outcome = ToolOutcome::Succeeded;
    int exitCode = 0;
    QString stdOut;
    QString stdErr;
    bool truncated = false;
    QDateTime started;  // UTC
    QDateTime finished; // UTC

    static CommandRecord fromToolResult(const ToolResult &result);
};

struct Measurement
{
    QString name;
    double value = 0.0;
    QString unit;
    std::optional<double> low;
    std::optional<double> high;
    bool passed = false;
};

// The result of one recipe step, committed to the record before the next step starts.
struct StepResult
{
    int seq = 0;  // 1-based position in the recipe
    QString name; // recipe step name (display)
    QString type; // step type: "connect", "sideload", ...
    StepOutcome outcome = StepOutcome::Pending;
    QDateTime started;  // UTC
    QDateTime finished; // UTC
    int attempts = 0;
    QList<CommandRecord> commands;
    QList<Measurement> measurements;
    ErrorCode errorCode = ErrorCode::None;
    Text cause;       // plain-language cause (failure only)
    Text remedy;      // what to do about it (failure only)
    Text note;        // e.g. "OS already 26.09; recover skipped"
    QVariantMap data; // facts the step learned: deviceId, ipAddress, imageIds, ...
};

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

Q_DECLARE_METATYPE(Station::CommandRecord)
Q_DECLARE_METATYPE(Station::Measurement)
Q_DECLARE_METATYPE(Station::StepResult)
Q_DECLARE_METATYPE(Station::FixtureSnapshot)

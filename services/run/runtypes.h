#pragma once

#include "services/base/canceltoken.h"
#include "services/base/result.h"
#include "services/process/toolrunner.h"

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

// Stable English names, as stored in the record and the CSV ("PASS", "FAIL", ...).
QString stepOutcomeName(StepOutcome outcome);
QString runOutcomeName(RunOutcome outcome);
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

} // namespace Station

Q_DECLARE_METATYPE(Station::CommandRecord)
Q_DECLARE_METATYPE(Station::Measurement)
Q_DECLARE_METATYPE(Station::StepResult)

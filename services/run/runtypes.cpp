#include "services/run/runtypes.h"

#include "services/base/tr.h"

#include <signal.h>
#include <string.h>

using namespace Qt::Literals::StringLiterals;

namespace Station {

Text stopCause(const CancelToken &cancel)
{
    switch (cancel.reason()) {
    case CancelReason::None:
    case CancelReason::Operator:
        return Tr::tr("The operator stopped the run.");
    case CancelReason::WindowClosed:
        return Tr::tr("The station window was closed during the run.");
    case CancelReason::Signal: {
        const int signal = cancel.signal();
        const char *name = ::sigabbrev_np(signal);
        return Tr::tr("The station was ended by signal %1 (SIG%2) during the run.")
            .arg(signal)
            .arg(name ? QString::fromLatin1(name) : u"?"_s);
    }
    case CancelReason::Shutdown:
        return Tr::tr("The station shut down during the run.");
    }
    return Tr::tr("The operator stopped the run.");
}

QString stepOutcomeName(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Pending:
        return u"PENDING"_s;
    case StepOutcome::Running:
        return u"RUNNING"_s;
    case StepOutcome::Passed:
        return u"PASS"_s;
    case StepOutcome::Failed:
        return u"FAIL"_s;
    case StepOutcome::Skipped:
        return u"SKIPPED"_s;
    case StepOutcome::Aborted:
        return u"ABORTED"_s;
    }
    return u"PENDING"_s;
}

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return u"RUNNING"_s;
    case RunOutcome::Pass:
        return u"PASS"_s;
    case RunOutcome::Fail:
        return u"FAIL"_s;
    case RunOutcome::Aborted:
        return u"ABORTED"_s;
    case RunOutcome::Interrupted:
        return u"INTERRUPTED"_s;
    }
    return u"RUNNING"_s;
}

std::optional<StepOutcome> stepOutcomeFromName(const QString &name)
{
    for (StepOutcome o : {StepOutcome::Pending,
             StepOutcome::Running,
             StepOutcome::Passed,
             StepOutcome::Failed,
             StepOutcome::Skipped,
             StepOutcome::Aborted}) {
        if (stepOutcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

std::optional<RunOutcome> runOutcomeFromName(const QString &name)
{
    for (RunOutcome o : {RunOutcome::Running,
             RunOutcome::Pass,
             RunOutcome::Fail,
             RunOutcome::Aborted,
             RunOutcome::Interrupted}) {
        if (runOutcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

CommandRecord CommandRecord::fromToolResult(const ToolResult &result)
{
    CommandRecord record;
    record.commandLine = result.commandLine;
    record.outcome = result.outcome;
    record.exitCode = result.exitCode;
    record.stdOut = result.stdOutText();
    record.stdErr = result.stdErrText();
    record.truncated = result.stdOutTruncated || result.stdErrTruncated;
    record.started = result.started;
    record.finished = result.finished;
    return record;
}

} // namespace Station

#include "services/steps/step.h"

#include "services/base/tr.h"

#include <exception>

using namespace Qt::Literals::StringLiterals;

namespace Station {

bool Step::isRetryable(const StepResult &result) const
{
    switch (result.errorCode) {
    // No retry can change these: the operator aborted, a guard refused, the device or the
    // recipe is wrong, or the station cannot run the tool at all.
    case ErrorCode::Cancelled:
    case ErrorCode::FinalizeRefused:
    case ErrorCode::DeviceSwapped:
    case ErrorCode::EfuseAlreadyProgrammed:
    case ErrorCode::PermissionDenied:
    case ErrorCode::RfTestModeUnavailable:
    case ErrorCode::RecipeInvalid:
    case ErrorCode::FileMissing:
    case ErrorCode::HashMismatch:
    case ErrorCode::NotAnImagePackage:
    case ErrorCode::ToolNotFound:
    case ErrorCode::ToolUsage:
    case ErrorCode::ToolExtensionMissing:
    case ErrorCode::MultipleDevices:
        return false;
    default:
        return true;
    }
}

StepResult runStep(StepContext &context, int seq)
{
    StepResult &building = context.result();
    building.seq = seq;
    building.started = QDateTime::currentDateTimeUtc();

    StepResult result;
    const std::unique_ptr<Step> step = createStep(context.step().type);
    if (!step) {
        result = context.fail(ErrorCode::RecipeInvalid,
            Tr::tr("The station does not know the step type \"%1\".").arg(context.step().type));
    } else {
        const int attempts = 1 + std::max(0, context.step().retries);
        for (int attempt = 1; attempt <= attempts; ++attempt) {
            building.attempts = attempt;
            context.restartDeadline();
            if (attempt > 1) {
                context.outputLine(Tr::tr("Retrying %1 (attempt %2 of %3) after: %4")
                                       .arg(context.step().name)
                                       .arg(attempt)
                                       .arg(attempts)
                                       .arg(result.cause));
            }
            // Steps report failures as results; this catch only keeps a stray exception (e.g.
            // from a library) from crossing the worker's event loop.
            try {
                result = step->run(context);
            } catch (const std::exception &e) {
                result = context.fail(ErrorCode::Internal,
                    Tr::tr("The step stopped on an internal error."),
                    QString::fromUtf8(e.what()));
            }
            if (result.outcome != StepOutcome::Failed)
                break;
            if (context.isCancelled()) {
                result = context.fail(ErrorCode::Cancelled, {});
                break;
            }
            if (!step->isRetryable(result))
                break;
            if (attempt < attempts) {
                context.addNote(Tr::tr("attempt %1 failed: %2").arg(attempt).arg(result.cause));
            }
        }
    }
    if (result.errorCode == ErrorCode::ToolTimedOut && context.hasExpired()) {
        result.cause = Tr::tr("The step did not finish within its timeout of %1 s. %2")
                           .arg(context.step().timeout.count() / 1000)
                           .arg(result.cause);
    }
    result.seq = seq;
    result.started = building.started;
    result.attempts = building.attempts;
    result.finished = QDateTime::currentDateTimeUtc();
    return result;
}

} // namespace Station

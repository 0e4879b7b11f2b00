#include "services/steps/readytoshipstep.h"

#include "services/tr.h"

namespace Station {

StepResult ReadyToShipStep::run(StepContext &context)
{
    return context.fail(ErrorCode::Internal, Tr::tr("This step type is not available yet."));
}

} // namespace Station

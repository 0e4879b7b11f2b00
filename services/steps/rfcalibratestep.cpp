#include "services/steps/rfcalibratestep.h"

#include "services/tr.h"

namespace Station {

StepResult RfCalibrateStep::run(StepContext &context)
{
    return context.fail(ErrorCode::Internal, Tr::tr("This step type is not available yet."));
}

} // namespace Station

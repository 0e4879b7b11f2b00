#include "services/steps/rfverifystep.h"

#include "services/tr.h"

namespace Station {

StepResult RfVerifyStep::run(StepContext &context)
{
    return context.fail(ErrorCode::Internal, Tr::tr("This step type is not available yet."));
}

} // namespace Station

#include "services/steps/uartteststep.h"

#include "services/tr.h"

namespace Station {

StepResult UartTestStep::run(StepContext &context)
{
    return context.fail(ErrorCode::Internal, Tr::tr("This step type is not available yet."));
}

} // namespace Station

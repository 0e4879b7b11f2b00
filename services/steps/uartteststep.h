#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "uart-test". Runs the recipe's UART script against the device's functional-test
// firmware; records the transcript and every measurement, and checks the reported device ID against
// the recorded one.
class UartTestStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station

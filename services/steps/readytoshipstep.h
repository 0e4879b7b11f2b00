#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "ready-to-ship". The checks of Microsoft's device_ready.py (REFERENCE.md 5.2) on the
// data of the four JSON commands; PASS only if every check passes.
class ReadyToShipStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station

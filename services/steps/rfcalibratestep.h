#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "rf-calibrate". Programs the region code (and optionally the MAC) into the RF e-fuses,
// exactly as REFERENCE.md 7.2 prescribes: read, equal passes, another value fails, else program and
// verify.
class RfCalibrateStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station

#pragma once

#include "services/steps/step.h"

namespace Station {

// Step type "finalize". Sets the final manufacturing state behind the finalize guard (DESIGN.md)
// and confirms it.
class FinalizeStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station

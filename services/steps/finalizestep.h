#pragma once

#include "services/steps/step.h"

namespace Station {

// Parameters of "finalize" (docs/recipe.md 5.13).
struct FinalizeParams : StepParams
{
    QString state; // "Module1Complete" or "DeviceComplete"
    bool confirmPermanent = false;

    static std::shared_ptr<const StepParams> read(StepParamsInput &input);
};

// Step type "finalize". Sets the final manufacturing state behind the finalize guard (DESIGN.md)
// and confirms it.
class FinalizeStep final : public Step
{
public:
    StepResult run(StepContext &context) override;
};

} // namespace Station
